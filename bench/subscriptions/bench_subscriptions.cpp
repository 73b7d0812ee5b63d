// 100,000 subscriptions due, one renewal run: fills one tenant with customers and active monthly
// subscriptions whose next period starts within the lead time (set-based INSERTs), then times
// one SubscriptionRenewals::run in one tenant transaction, exactly as the subscriptions.renew job
// runs it, and checks every subscription got exactly one invoice with gapless numbers. Not a
// test: run by bench/run-subscriptions-bench (see bench/README.md).
//
//   mpanel-bench-subscriptions --database-url postgresql://user@127.0.0.1:5432/db
//                              [--subscriptions 100000] [--batch 500]
//
// Prints one tab-separated "RESULT  section  metric  value  unit  how" line per figure.
#include "core/clock.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "subscriptions/subscription_renewals.h"
#include "support/bench_database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace mp;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mpanel-bench-subscriptions: %s\n", qPrintable(message));
    return 1;
}

void result(const QString &section, const QString &metric, double value, const QString &unit,
            const QString &how)
{
    std::printf("RESULT\t%s\t%s\t%.2f\t%s\t%s\n", qPrintable(section), qPrintable(metric), value,
                qPrintable(unit), qPrintable(how));
    std::fflush(stdout);
}

// 10,000 customers in four countries (two tax rates and the default), a product, and N monthly
// subscriptions anchored on days 1-28 whose period ends on 3 December 2026.
const char *kFillCustomers = R"sql(
INSERT INTO customers (tenant_id, name, email, country, created_at, updated_at)
SELECT ?::uuid, 'Customer ' || i, 'c' || i || '@example.com', (ARRAY['DE', 'FR', 'US', 'AT'])[1 + i % 4], now(), now()
FROM generate_series(1, 10000) AS i
)sql";

const char *kFillSubscriptions = R"sql(
INSERT INTO subscriptions (tenant_id, customer_id, product_id, product_type, description, cycle, currency,
                           unit_price_minor, quantity, status, anchor_day, started_at, current_period_start,
                           current_period_end, next_due_date, created_at, updated_at)
SELECT ?::uuid, c.id, p.id, 'other', 'Web Hosting M', 'monthly', 'EUR', 999 + (i % 7) * 100, 1 + i % 3, 'active', 3,
       '2026-11-03 10:00Z', '2026-11-03 10:00Z', '2026-12-03 10:00Z', '2026-12-03', now(), now()
FROM generate_series(1, ?::int) AS i
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM customers WHERE tenant_id = ?::uuid) c
  ON c.n = i % 10000
CROSS JOIN (SELECT id FROM products WHERE tenant_id = ?::uuid LIMIT 1) p
)sql";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL (schema owner)."),
                        QStringLiteral("url")},
                       {QStringLiteral("subscriptions"), QStringLiteral("Subscriptions due."),
                        QStringLiteral("n"), QStringLiteral("100000")},
                       {QStringLiteral("batch"), QStringLiteral("Renewal batch size."), QStringLiteral("n"),
                        QStringLiteral("500")}});
    parser.process(app);
    const int total = parser.value(QStringLiteral("subscriptions")).toInt();
    const int batch = parser.value(QStringLiteral("batch")).toInt();
    auto bench = bench::openBenchDatabase(parser.value(QStringLiteral("database-url")));
    if (!bench)
        return fail(bench.error().message);
    QSqlDatabase db = bench->db;
    const QString tenant = bench->tenantId;
    for (const QString &text :
         {QStringLiteral("UPDATE tenants SET country = 'DE' WHERE id = ?::uuid"),
          QStringLiteral(
              "INSERT INTO tax_rates (tenant_id, country, name, rate_ppm) VALUES (?::uuid, 'DE', 'USt.', "
              "190000), (?::uuid, 'FR', 'TVA', 200000), (?::uuid, NULL, 'VAT', 0)"),
          QStringLiteral(
              "INSERT INTO products (tenant_id, type, name) VALUES (?::uuid, 'other', 'Web Hosting M')")}) {
        QVariantList binds(text.count(QStringLiteral("?::uuid")), tenant);
        if (auto q = sql::exec(db, text, binds); !q)
            return fail(q.error().message);
    }
    QElapsedTimer timer;
    timer.start();
    if (auto q = sql::exec(db, QString::fromUtf8(kFillCustomers), {tenant}); !q)
        return fail(q.error().message);
    if (auto q = sql::exec(db, QString::fromUtf8(kFillSubscriptions), {tenant, total, tenant, tenant}); !q)
        return fail(q.error().message);
    result(QStringLiteral("fill"), QStringLiteral("customers + subscriptions"),
           double(timer.elapsed()) / 1000.0, QStringLiteral("s"),
           QStringLiteral("10,000 customers, %1 subscriptions, set-based").arg(total));
    if (auto q = sql::exec(db, QStringLiteral("VACUUM ANALYZE")); !q)
        return fail(q.error().message);

    // 1 December: every subscription is within the 7-day lead time of its 3 December due date.
    ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(6, 0), QTimeZone::utc()));
    ScopedClock scoped(clock);
    timer.restart();
    auto tx = TenantTransaction::begin(db, tenant);
    if (!tx)
        return fail(tx.error().message);
    subscriptions::RenewalOptions options;
    options.batchSize = batch;
    auto run = subscriptions::SubscriptionRenewals::run(*tx, clock.now(), options);
    if (!run)
        return fail(run.error().message);
    if (run->failed > 0)
        return fail(
            QStringLiteral("%1 renewals failed, the first: %2").arg(run->failed).arg(run->errors.first()));
    if (auto st = tx->commit(); !st)
        return fail(st.error().message);
    const double seconds = double(timer.elapsed()) / 1000.0;
    const QString how = QStringLiteral("%1 due, batches of %2, one transaction").arg(total).arg(batch);
    result(QStringLiteral("renewal run"), QStringLiteral("duration"), seconds, QStringLiteral("s"), how);
    result(QStringLiteral("renewal run"), QStringLiteral("invoices issued"), run->issued,
           QStringLiteral("invoices"), QStringLiteral("%1 failed").arg(run->failed));
    result(QStringLiteral("renewal run"), QStringLiteral("throughput"), double(run->issued) / seconds,
           QStringLiteral("invoices/s"), how);

    auto check = sql::exec(
        db,
        QStringLiteral("SELECT count(*), count(DISTINCT number), max(number_seq) - min(number_seq) + "
                       "1, (SELECT count(DISTINCT subscription_id) FROM subscription_invoices) "
                       "FROM invoices WHERE tenant_id = ?::uuid"),
        {tenant});
    if (!check || !check->next())
        return fail(QStringLiteral("check query failed"));
    const qint64 n = check->value(0).toLongLong();
    if (n != total || check->value(1).toLongLong() != n || check->value(2).toLongLong() != n ||
        check->value(3).toLongLong() != n)
        return fail(
            QStringLiteral("expected %1 invoices, one per subscription, gapless: got %2 / %3 / %4 / %5")
                .arg(total)
                .arg(n)
                .arg(check->value(1).toLongLong())
                .arg(check->value(2).toLongLong())
                .arg(check->value(3).toLongLong()));
    result(QStringLiteral("check"), QStringLiteral("invoices, one per subscription, gapless numbers"),
           double(n), QStringLiteral("invoices"), QStringLiteral("verified after the run"));

    // A second run finds nothing left to do (the renewal key).
    timer.restart();
    auto tx2 = TenantTransaction::begin(db, tenant);
    if (!tx2)
        return fail(tx2.error().message);
    auto again = subscriptions::SubscriptionRenewals::run(*tx2, clock.now(), options);
    if (!again)
        return fail(again.error().message);
    if (auto st = tx2->commit(); !st)
        return fail(st.error().message);
    result(QStringLiteral("second run"), QStringLiteral("duration"), double(timer.elapsed()) / 1000.0,
           QStringLiteral("s"), QStringLiteral("%1 issued (expected 0)").arg(again->issued));
    return 0;
}
