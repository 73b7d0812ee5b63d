#pragma once

#include "navigation_model.h"

#include <QStringList>
#include <QVariant>
#include <QWidget>

#include <functional>

namespace mp {

class ChangeFeed;
class ConsoleSession;
struct SectionContext;

// A box one section puts on another section's detail page, in the place that page keeps for it
// by name (the customer detail keeps "cloudpods" and "domains"): the CloudPods section lists a
// customer's pods there without the customers section naming it.
class DetailPart : public QWidget {
public:
    using QWidget::QWidget;
    // The record the host page shows now (a customer's id).
    virtual void showRecord(const QString &id) = 0;
};

struct DetailPartDeclaration {
    QString page; // the host page: "customer"
    QString slot; // the place on it: "cloudpods"
    std::function<DetailPart *(const SectionContext &context, QWidget *parent)> make;
};

// A navigation row whose title and summary are translated in the navigation's context
// ("mp::NavigationModel"), where the catalogue keeps every section's row. Mark both with
// QT_TRANSLATE_NOOP("mp::NavigationModel", ...) so lupdate finds them.
NavigationEntry navigationEntry(const QString &id, const char *title, const char *summary, int order);

// What a section's page is made with: the session its commands run on, the change feed its
// models listen to, and a way to run a command another section offers (a customer's
// subscription opens in the Subscriptions section) without naming that section's classes.
struct SectionContext {
    ConsoleSession *session = nullptr;
    ChangeFeed *feed = nullptr;
    // False when no section offers `command` or its page is not there yet.
    std::function<bool(const QString &command, const QVariant &argument)> runCommand;
    // The parts other sections declared for `page` (empty when none or outside a window).
    std::function<QList<DetailPartDeclaration>(const QString &page)> detailParts;
};

// Something a section lets the rest of the console ask of it, by a stable id such as
// "subscriptions.open". The main window shows the section first, then hands `run` the page the
// section's factory made and the argument.
// Every window runs this command itself: the argument is a section id to show (the Dashboard's
// tiles open the sections they count), with no filter.
inline const QString kShowSectionCommand = QStringLiteral("console.show");

struct SectionCommand {
    QString id;
    std::function<void(QWidget *page, const QVariant &argument)> run;
};

// One module's part of the console, declared in one place, after Qt Creator's plugins (which
// register what they offer with the core instead of the core naming them): its navigation row,
// how its page is made, the change-feed channels its models listen on, and the commands it
// offers. The console lists its sections once (consoleSections()); a test or a later module
// adds one with ConsoleSections::add.
struct ConsoleSection {
    // entry.id names the section. A hosted section (see `host`) has no row: its entry.title is
    // its tab's title.
    NavigationEntry entry;
    // Empty: a row of its own in the navigation. Otherwise the id of the section whose page
    // shows this one's page as a tab; that page implements SectionHost.
    QString host;
    // Makes the page once a staff member is signed in (again for another tenant); the window
    // owns it. Empty for a section whose module has not landed: its row shows the empty state.
    std::function<QWidget *(const SectionContext &context)> page;
    // The `mpanel_changed_<table>` channels its models and pages listen on.
    QStringList channels;
    QList<SectionCommand> commands;
    // Boxes it puts on other sections' detail pages.
    QList<DetailPartDeclaration> detailParts;
};

// A section page that shows other sections' pages as tabs of its own (Provisioning shows Jobs).
class SectionHost {
public:
    virtual ~SectionHost() = default;
    // Takes ownership of `page` and shows it as a tab titled `title`, in place of an earlier
    // page of the same section.
    virtual void hostSection(const QString &id, QWidget *page, const QString &title) = 0;
    virtual void showHostedSection(const QString &id) = 0;
};

} // namespace mp
