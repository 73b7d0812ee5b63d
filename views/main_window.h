#pragma once

#include "console_section_registry.h"
#include "navigation_model.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

class QAction;
class QListView;
class QSettings;
class QSplitter;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class SessionStatusBar;

// The console's main window: the sections' list on the left, the selected section's page on the
// right, the session in the status bar. It shows the sections it is given (consoleSections() in
// the console) and names none itself: each starts as an EmptySectionPage, and
// installSectionPages() puts in the pages their factories make once a staff member is signed in.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ConsoleSections sections, QWidget *parent = nullptr);

    const ConsoleSections &sections() const { return m_sections; }

    // Makes every section's page for this session (again after a tenant change): a section's
    // own page in its row, a hosted one as a tab of its host's page.
    void installSectionPages(ConsoleSession *session, ChangeFeed *feed);
    // Runs the command a section offers (SectionCommand): shows that section, then hands the
    // command its page and `argument`. False when no section offers it or its page is not
    // installed.
    bool runCommand(const QString &command, const QVariant &argument = {});

    // Takes ownership of `page` and shows it for section `id` in place of the current page.
    void setSectionPage(const QString &id, QWidget *page);
    // The page of section `id`: its row's page, or for a hosted section the tab its host shows.
    QWidget *sectionPage(const QString &id) const;
    void showSection(const QString &id);
    QString currentSection() const;

    SessionStatusBar *sessionStatusBar() const { return m_statusBar; }
    NavigationModel *navigationModel() const { return m_navigationModel; }
    QListView *navigationView() const { return m_navigation; }

    // Switches the File menu between "Sign in…" and "Sign out".
    void setSignedIn(bool signedIn);

    // Puts the window where it was when it last closed (size, position, the navigation's
    // width) from `settings`, or on a first start fits it to the screen; from then on closing
    // saves them there. The console's main() asks for it; tests do not, so they never share.
    void rememberLayout(QSettings *settings);
    void saveLayout();

protected:
    void closeEvent(QCloseEvent *event) override;

Q_SIGNALS:
    void signInRequested();
    void signOutRequested();

private:
    void createMenus();
    void showAbout();

    ConsoleSections m_sections;
    NavigationModel *m_navigationModel;
    QListView *m_navigation;
    QStackedWidget *m_pages;
    SessionStatusBar *m_statusBar;
    QHash<QString, QWidget *> m_sectionPages;        // by id, one per navigation row
    QHash<QString, QPointer<QWidget>> m_hostedPages; // by id, owned by their host's page
    QSet<QString> m_installed;                       // sections whose page is their module's
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QSplitter *m_splitter = nullptr;
    QSettings *m_layoutSettings = nullptr;
};

} // namespace mp
