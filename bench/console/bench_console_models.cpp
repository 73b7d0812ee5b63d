// The console's customer table at scale: fills N customers into one tenant of the test cluster,
// signs a staff member in, and times what a person waits for in the Customers section: the
// first rows, the next page, a search, a sort, and a live reload after another session's write.
// Prints a Markdown table. Knobs: N (default 1000000), ROUNDS (default 10).

#include "console_session/change_feed.h"
#include "customer_commands.h"
#include "customer_table_model.h"
#include "support/console_fixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>

using mp::CustomerTableModel;
using mp::LazyTableModelBase;

namespace {

// Milliseconds until the model applies a query started by `start`.
double timeLoad(CustomerTableModel &model, const std::function<void()> &start)
{
    QSignalSpy loaded(&model, &LazyTableModelBase::rowsLoaded);
    QSignalSpy failed(&model, &LazyTableModelBase::loadFailed);
    QElapsedTimer timer;
    timer.start();
    start();
    while (loaded.isEmpty() && failed.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    if (!failed.isEmpty())
        qFatal("load failed: %s", qPrintable(failed.first().first().value<mp::Error>().message));
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Stats {
    double p50 = 0;
    double max = 0;
};

Stats stats(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return {v.at(v.size() / 2), v.last()};
}

void row(const char *what, const Stats &s, const QString &how)
{
    std::printf("| %s | %.1f ms | %.1f ms | %s |\n", what, s.p50, s.max, qPrintable(how));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = qEnvironmentVariableIntValue("N") > 0 ? qEnvironmentVariableIntValue("N") : 1000000;
    const int rounds =
        qEnvironmentVariableIntValue("ROUNDS") > 0 ? qEnvironmentVariableIntValue("ROUNDS") : 10;

    mp::test::ConsoleFixture f;
    QElapsedTimer fill;
    fill.start();
    f.fillCustomers(n);
    if (auto q = mp::sql::exec(f.service, QStringLiteral("VACUUM ANALYZE customers")); !q)
        qFatal("%s", qPrintable(q.error().message));
    std::printf(
        "Filled %d customers in %.1f s (one INSERT ... SELECT, all indexes, then VACUUM ANALYZE).\n\n", n,
        double(fill.elapsed()) / 1000.0);
    std::printf("| console model (CustomerTableModel) | p50 | max | how |\n| --- | ---: | ---: | --- |\n");

    mp::ChangeFeed feed;
    QSignalSpy listening(&feed, &mp::ChangeFeed::listening);
    feed.start(f.session->staffSettings(), f.tenantId, {mp::channels::customers});
    listening.wait(20000);

    QList<double> first, next, search, searchPrefix, noMatch, sortDesc, reload;
    for (int r = 0; r < rounds; ++r) {
        CustomerTableModel model(f.session.get());
        model.setChangeFeed(&feed, {mp::channels::customers});
        first << timeLoad(model, [&] { model.refresh(); });
        for (int p = 0; p < 5; ++p)
            next << timeLoad(model, [&] { model.fetchMore({}); });
        mp::customers::CustomerFilter filter;
        filter.search = QStringLiteral("customer 0%1").arg(r % 10) + QStringLiteral("1234").left(2);
        search << timeLoad(model, [&] { model.setFilter(filter); });
        filter.search = QStringLiteral("cu");
        searchPrefix << timeLoad(model, [&] { model.setFilter(filter); });
        filter.search = QStringLiteral("zzqx%1").arg(r);
        noMatch << timeLoad(model, [&] { model.setFilter(filter); });
        model.setFilter({});
        timeLoad(model, [] {});
        sortDesc << timeLoad(model, [&] { model.sort(CustomerTableModel::Name, Qt::DescendingOrder); });
        // Another session writes; the model hears it (NOTIFY), waits out the debounce, re-reads.
        reload << timeLoad(model, [&] {
            f.addCustomer(QStringLiteral("Live %1").arg(r), QStringLiteral("live%1@example.test").arg(r));
        });
    }
    row("first rows", stats(first), QStringLiteral("refresh() to the first 200 rows applied"));
    row("next page", stats(next), QStringLiteral("fetchMore(): 200 more rows by keyset cursor (pages 2-6)"));
    row("search substring", stats(search), QStringLiteral("setFilter(\"customer 0N12\"): first 200 matches"));
    row("search prefix", stats(searchPrefix), QStringLiteral("setFilter(\"cu\"): name prefix, first 200"));
    row("search no match", stats(noMatch), QStringLiteral("setFilter(\"zzqxN\"): empty result"));
    row("sort descending", stats(sortDesc), QStringLiteral("sort(Name, desc): first 200 rows"));
    row("live reload", stats(reload),
        QStringLiteral("another session inserts a customer -> NOTIFY -> 250 ms debounce -> reload applied"));
    feed.stop();
    return 0;
}
