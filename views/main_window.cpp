#include "main_window.h"

#include "empty_section_page.h"
#include "session_status_bar.h"

#include <QApplication>
#include <QCloseEvent>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>

#include <algorithm>

namespace mp {

MainWindow::MainWindow(ConsoleSections sections, QWidget *parent)
    : QMainWindow(parent), m_sections(std::move(sections)),
      m_navigationModel(new NavigationModel(m_sections.navigation(), this)),
      m_navigation(new QListView(this)), m_pages(new QStackedWidget(this)),
      m_statusBar(new SessionStatusBar(this))
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

    for (const NavigationEntry &entry : m_navigationModel->entries()) {
        auto *page = new EmptySectionPage(entry.title, entry.summary);
        m_sectionPages.insert(entry.id, page);
        m_pages->addWidget(page);
    }

    auto *splitter = new QSplitter(this);
    m_splitter = splitter;
    splitter->setObjectName(QStringLiteral("mainSplitter"));
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
                if (QWidget *page = m_sectionPages.value(m_navigationModel->sectionAt(current)))
                    m_pages->setCurrentWidget(page);
            });

    createMenus();
    // The first section in the navigation (the Dashboard in the console).
    m_navigation->setCurrentIndex(m_navigationModel->index(0, 0));
    setSignedIn(false);
    resize(1000, 640);
}

void MainWindow::rememberLayout(QSettings *settings)
{
    m_layoutSettings = settings;
    const QByteArray geometry = settings->value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: as large as is comfortable, never larger than the screen (1366x768 too).
        if (const QScreen *s = screen()) {
            const QRect free = s->availableGeometry();
            resize(std::min(1280, free.width() * 9 / 10), std::min(800, free.height() * 9 / 10));
        }
    }
    m_splitter->restoreState(settings->value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::saveLayout()
{
    if (!m_layoutSettings)
        return;
    m_layoutSettings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_layoutSettings->setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
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

void MainWindow::installSectionPages(ConsoleSession *session, ChangeFeed *feed)
{
    const SectionContext context{
        session, feed,
        [window = QPointer<MainWindow>(this)](const QString &command, const QVariant &argument) {
            return window && window->runCommand(command, argument);
        },
        [sections = m_sections](const QString &page) { return sections.detailParts(page); }};
    // Hosts first: a hosted section's page goes into its host's page.
    for (const ConsoleSection &section : m_sections.all())
        if (section.page && section.host.isEmpty())
            setSectionPage(section.entry.id, section.page(context));
    for (const ConsoleSection &section : m_sections.all()) {
        if (!section.page || section.host.isEmpty())
            continue;
        auto *host = dynamic_cast<SectionHost *>(m_sectionPages.value(section.host));
        // A section declared into a host that shows no tabs is a programming error.
        Q_ASSERT_X(host, "MainWindow::installSectionPages", qPrintable(section.entry.id));
        if (!host)
            continue;
        QWidget *page = section.page(context);
        host->hostSection(section.entry.id, page, section.entry.title);
        m_hostedPages.insert(section.entry.id, page);
        m_installed.insert(section.entry.id);
    }
}

bool MainWindow::runCommand(const QString &command, const QVariant &argument)
{
    if (command == kShowSectionCommand) {
        const QString id = argument.toString();
        if (!m_sections.find(id) || !m_installed.contains(id))
            return false;
        showSection(id);
        return true;
    }
    const ConsoleSection *section = m_sections.offering(command);
    if (!section)
        return false;
    QWidget *page = sectionPage(section->entry.id);
    if (!page || !m_installed.contains(section->entry.id))
        return false;
    showSection(section->entry.id);
    for (const SectionCommand &c : section->commands)
        if (c.id == command)
            c.run(page, argument);
    return true;
}

void MainWindow::setSectionPage(const QString &id, QWidget *page)
{
    Q_ASSERT(page && m_sectionPages.contains(id));
    QWidget *&slot = m_sectionPages[id];
    const bool wasCurrent = m_pages->currentWidget() == slot;
    const int position = m_pages->indexOf(slot);
    m_pages->insertWidget(position, page);
    m_pages->removeWidget(slot);
    slot->deleteLater();
    slot = page;
    m_installed.insert(id);
    if (wasCurrent)
        m_pages->setCurrentWidget(page);
}

QWidget *MainWindow::sectionPage(const QString &id) const
{
    if (QWidget *page = m_sectionPages.value(id))
        return page;
    return m_hostedPages.value(id);
}

void MainWindow::showSection(const QString &id)
{
    const ConsoleSection *section = m_sections.find(id);
    if (!section)
        return;
    if (section->host.isEmpty()) {
        m_navigation->setCurrentIndex(m_navigationModel->indexOf(id));
        return;
    }
    m_navigation->setCurrentIndex(m_navigationModel->indexOf(section->host));
    if (auto *host = dynamic_cast<SectionHost *>(m_sectionPages.value(section->host)))
        host->showHostedSection(id);
}

QString MainWindow::currentSection() const
{
    return m_navigationModel->sectionAt(m_navigation->currentIndex());
}

void MainWindow::setSignedIn(bool signedIn)
{
    m_signInAction->setVisible(!signedIn);
    m_signOutAction->setVisible(signedIn);
}

} // namespace mp
