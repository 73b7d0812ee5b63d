#pragma once

namespace mp {

class ChangeFeed;
class ConsoleSession;
class MainWindow;

// Puts every module's page into its section once a staff member is signed in. One line per
// module, so modules land here without touching each other.
void installConsoleSections(MainWindow *window, ConsoleSession *session, ChangeFeed *feed);

} // namespace mp
