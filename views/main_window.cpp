#include "main_window.h"

#include "empty_section_page.h"
#include "session_status_bar.h"

#include <QApplication>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>

namespace mp {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_navigationModel(new NavigationModel(this)), m_navigation(new QListView(this)),
      m_pages(new QStackedWidget(this)), m_statusBar(new SessionStatusBar(this))
{
    setWindowTitle(tr("mPanel"));
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setModel(m_navigationModel);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_navigation->setUniformItemSizes(true);
    // Roomier rows than a plain list: this is the console's main way around.
    m_navigation->setStyleSheet(
        QStringLiteral("QListView { padding: 6px; } QListView::item { padding: 5px 4px; }"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_pages->setObjectName(QStringLiteral("sectionPages"));

    for (const Section section : NavigationModel::allSections()) {
        auto *page = new EmptySectionPage(NavigationModel::title(section), NavigationModel::summary(section));
        m_sectionPages[size_t(section)] = page;
        m_pages->addWidget(page);
    }

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_navigation->setMinimumWidth(160);
    splitter->setSizes({180, 720});
    setCentralWidget(splitter);
    setStatusBar(m_statusBar);

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const Section section = NavigationModel::sectionAt(current);
                if (section != Section::Count)
                    m_pages->setCurrentWidget(m_sectionPages[size_t(section)]);
            });

    createMenus();
    showSection(Section::Dashboard);
    setSignedIn(false);
    resize(1000, 640);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_signInAction = file->addAction(tr("Sign &in…"), this, &MainWindow::signInRequested);
    m_signOutAction = file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About mPanel"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About mPanel"),
                       tr("<p><b>mPanel %1</b></p><p>Billing and provisioning for hosting companies.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::setSectionPage(Section section, QWidget *page)
{
    Q_ASSERT(section != Section::Count && page);
    QWidget *&slot = m_sectionPages[size_t(section)];
    const bool wasCurrent = m_pages->currentWidget() == slot;
    const int position = m_pages->indexOf(slot);
    m_pages->insertWidget(position, page);
    m_pages->removeWidget(slot);
    slot->deleteLater();
    slot = page;
    if (wasCurrent)
        m_pages->setCurrentWidget(page);
}

QWidget *MainWindow::sectionPage(Section section) const
{
    return section == Section::Count ? nullptr : m_sectionPages[size_t(section)];
}

void MainWindow::showSection(Section section)
{
    m_navigation->setCurrentIndex(m_navigationModel->indexOf(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return NavigationModel::sectionAt(m_navigation->currentIndex());
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_signInAction->setVisible(!signedIn);
    m_signOutAction->setVisible(signedIn);
}

} // namespace mp
