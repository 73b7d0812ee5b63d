#pragma once

#include "navigation_model.h"

#include <QMainWindow>

#include <array>

class QAction;
class QListView;
class QStackedWidget;

namespace mp {

class SessionStatusBar;

// The console's main window: the section list on the left, the selected section's page on the
// right, the session in the status bar. Every section starts as an EmptySectionPage; a module
// replaces its section's page with setSectionPage().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    using Section = NavigationModel::Section;

    explicit MainWindow(QWidget *parent = nullptr);

    // Takes ownership of `page` and shows it for `section` in place of the current page.
    void setSectionPage(Section section, QWidget *page);
    QWidget *sectionPage(Section section) const;
    void showSection(Section section);
    Section currentSection() const;

    SessionStatusBar *sessionStatusBar() const { return m_statusBar; }
    NavigationModel *navigationModel() const { return m_navigationModel; }
    QListView *navigationView() const { return m_navigation; }

    // Switches the File menu between "Sign in…" and "Sign out".
    void setSignedIn(bool signedIn);

Q_SIGNALS:
    void signInRequested();
    void signOutRequested();

private:
    void createMenus();
    void showAbout();

    NavigationModel *m_navigationModel;
    QListView *m_navigation;
    QStackedWidget *m_pages;
    SessionStatusBar *m_statusBar;
    std::array<QWidget *, NavigationModel::sectionCount> m_sectionPages{};
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
};

} // namespace mp
