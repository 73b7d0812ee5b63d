#include "console_controller.h"
#include "console_sections.h"
#include "core/config.h"
#include "main_window.h"
#include "service/service_modules.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// German (or any shipped language) when the locale asks for it; English, the source, otherwise.
void installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("mpanel"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
}

// --screenshot: once the window has settled and painted, save it and quit. Used by
// scripts/screenshot-console; more reliable than grabbing the X root window.
void saveScreenshotWhenReady(mp::ConsoleController &controller, mp::MainWindow &window, const QString &file)
{
    auto save = [&window, file](int exitCode) {
        if (!window.grab().save(file)) {
            std::fprintf(stderr, "mpanel: cannot write %s\n", qPrintable(file));
            exitCode = 1;
        }
        QApplication::exit(exitCode);
    };
    QObject::connect(&controller, &mp::ConsoleController::ready, &window,
                     [save] { QTimer::singleShot(750, qApp, [save] { save(0); }); });
    // Never hang a script: after two minutes, take whatever is on screen and fail.
    QTimer::singleShot(120000, qApp, [save] { save(2); });
}

// --tab: once the sections are in place, the tab of that title wherever a page has one.
void showTabWhenReady(mp::ConsoleController &controller, mp::MainWindow &window, const QString &title)
{
    QObject::connect(&controller, &mp::ConsoleController::ready, &window, [&window, title] {
        const auto tabWidgets = window.findChildren<QTabWidget *>();
        for (QTabWidget *tabs : tabWidgets) {
            for (int i = 0; i < tabs->count(); ++i)
                if (QString(tabs->tabText(i)).remove(u'&').compare(title, Qt::CaseInsensitive) == 0)
                    tabs->setCurrentIndex(i);
        }
    });
}

// --help and --version print and quit; they must work without a display (over ssh, in a
// script), where QApplication would stop at the missing platform plugin.
void needNoDisplayForHelp(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version" ||
            arg == "-v") {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

} // namespace

int main(int argc, char *argv[])
{
    needNoDisplayForHelp(argc, argv);
    QApplication app(argc, argv);
    // Console commands run the services' own functions: paying an invoice there must reach the
    // modules' hooks and provisioners exactly as it does in the service.
    mp::installServiceModules();
    QApplication::setApplicationName(QStringLiteral("mpanel"));
    QApplication::setOrganizationName(QStringLiteral("mpanel"));
    QApplication::setApplicationDisplayName(QStringLiteral("mPanel"));
    QApplication::setApplicationVersion(QStringLiteral(MPANEL_VERSION));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "mPanel console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QApplication::translate("main", "Read settings from <file>."),
                                          QStringLiteral("file"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save a picture of the main window to <file> once it is ready, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption sectionOption(
        QStringLiteral("section"),
        QApplication::translate("main", "Show section <name> first: its id or English name (e.g. billing or "
                                        "Billing) in any language, or its name as shown."),
        QStringLiteral("name"));
    parser.addOption(configOption);
    parser.addOption(screenshotOption);
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QApplication::translate("main", "Show tab <title> (e.g. Findings) of that section first."),
        QStringLiteral("title"));
    parser.addOption(sectionOption);
    parser.addOption(tabOption);
    parser.process(app);

    auto config = mp::Config::load(parser.value(configOption));
    if (!config) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "mPanel"),
                              QApplication::translate("main", "The configuration cannot be read: %1")
                                  .arg(config.error().message));
        return 1;
    }

    mp::MainWindow window(mp::consoleSections());
    QSettings layout;
    window.rememberLayout(&layout);
    mp::ConsoleController controller(config.value(), &window);
    if (parser.isSet(tabOption))
        showTabWhenReady(controller, window, parser.value(tabOption));
    if (parser.isSet(screenshotOption))
        saveScreenshotWhenReady(controller, window, parser.value(screenshotOption));
    if (parser.isSet(sectionOption)) {
        const QString section = window.navigationModel()->sectionFor(parser.value(sectionOption));
        if (section.isEmpty())
            std::fprintf(stderr, "mpanel: no section %s\n", qPrintable(parser.value(sectionOption)));
        else
            window.showSection(section);
    }
    window.show();
    controller.start();
    return app.exec();
}
