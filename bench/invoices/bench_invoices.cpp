// Issues N invoices through the services code (Invoices::create in a TenantTransaction: buyer
// and settings lookups, per-line tax, the gapless counter, the invoice and its lines, commit)
// from C connections, and reports invoices/s. bench/run-invoices-bench runs pgbench with the
// bare inserts of the same invoices on the same cluster next to it (see bench/README.md).
//
//   mpanel-bench-invoices --database-url postgresql://user@127.0.0.1:5432/db [--invoices 100000]
//                         [--clients 1]
//
// Prints "RESULT  section  metric  value  unit  how" lines, and "PGBENCH tenant customer" with
// the ids of a second tenant prepared for the pgbench run (so its numbers do not collide).
#include "billing/invoices.h"
#include "db/connection_settings.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "db/statement_cache.h"
#include "db/tenant_transaction.h"
#include "tenancy/tenants.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <memory>
#include <vector>

using namespace mp;
using namespace mp::billing;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mpanel-bench-invoices: %s\n", qPrintable(message));
    return 1;
}

void result(const QString &section, const QString &metric, double value, const QString &unit,
            const QString &how)
{
    std::printf("RESULT\t%s\t%s\t%.0f\t%s\t%s\n", qPrintable(section), qPrintable(metric), value,
                qPrintable(unit), qPrintable(how));
    std::fflush(stdout);
}

const QString kCustomer = QStringLiteral("INSERT INTO customers (tenant_id, name, email, country) "
                                         "VALUES (?::uuid, 'Ada Lovelace', 'ada@example.com', 'DE') "
                                         "RETURNING id::text");

Result<QString> customerOf(const QSqlDatabase &db, const QString &tenant)
{
    auto q = sql::exec(db, kCustomer, {tenant});
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toString();
}

// Two lines, as a hosting order usually has: the plan and a setup fee.
InvoiceDraft draftFor(const QString &customer)
{
    const Currency eur = Currency::fromCode(u"EUR").value();
    InvoiceDraft d(eur);
    d.customerId = customer;
    d.lines = {LineDraft{QStringLiteral("CloudPod Pro, monthly"), 1, Money(1990, eur), {}},
               LineDraft{QStringLiteral("Setup fee"), 1, Money(500, eur), {}}};
    return d;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL (schema owner)."),
                        QStringLiteral("url")},
                       {QStringLiteral("invoices"), QStringLiteral("Invoices to issue."), QStringLiteral("n"),
                        QStringLiteral("100000")},
                       {QStringLiteral("clients"), QStringLiteral("Connections issuing at once."),
                        QStringLiteral("n"), QStringLiteral("1")}});
    parser.process(app);
    const int total = parser.value(QStringLiteral("invoices")).toInt();
    const int clients = std::max(1, parser.value(QStringLiteral("clients")).toInt());
    auto settings = ConnectionSettings::fromUrl(parser.value(QStringLiteral("database-url")));
    if (!settings)
        return fail(settings.error().message);
    {
        auto conn = PgConnection::connect(*settings);
        if (!conn)
            return fail(conn.error().message);
        if (auto m = Migrator(*conn.value()).migrate(); !m)
            return fail(m.error().message);
    }
    auto opened = sql::open(*settings, QStringLiteral("bench"));
    if (!opened)
        return fail(opened.error().message);
    QSqlDatabase db = *opened;
    auto tenant = Tenants::create(db, QStringLiteral("Invoice Bench %1").arg(clients));
    if (!tenant)
        return fail(tenant.error().message);
    auto customer = customerOf(db, *tenant);
    if (!customer)
        return fail(customer.error().message);
    auto pgbenchTenant = Tenants::create(db, QStringLiteral("pgbench %1").arg(clients));
    if (!pgbenchTenant)
        return fail(pgbenchTenant.error().message);
    auto pgbenchCustomer = customerOf(db, *pgbenchTenant);
    if (!pgbenchCustomer)
        return fail(pgbenchCustomer.error().message);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::atomic_int next{0};
    QStringList failures;
    QMutex failuresLock;
    std::vector<std::unique_ptr<QThread>> pool;
    for (int c = 0; c < clients; ++c) {
        pool.emplace_back(QThread::create([&, c] {
            const QString name = QStringLiteral("bench-invoices-%1").arg(c);
            {
                auto conn = sql::open(*settings, name);
                Status s = conn ? Status() : Status(conn.error());
                const InvoiceDraft draft = draftFor(*customer);
                // As POST /api/invoices does on its HTTP worker thread.
                const sql::ScopedStatementCache statements;
                while (s && next.fetch_add(1) < total) {
                    auto tx = TenantTransaction::begin(*conn, *tenant);
                    if (!tx) {
                        s = tx.error();
                        break;
                    }
                    auto invoice = Invoices::create(*tx, draft, now);
                    s = invoice ? tx->commit() : Status(invoice.error());
                }
                if (!s) {
                    QMutexLocker lock(&failuresLock);
                    failures << s.error().message;
                }
            }
            QSqlDatabase::removeDatabase(name);
        }));
    }
    QElapsedTimer timer;
    timer.start();
    for (auto &thread : pool)
        thread->start();
    for (auto &thread : pool)
        thread->wait();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!failures.isEmpty())
        return fail(failures.first());
    auto check = sql::exec(db,
                           QStringLiteral("SELECT count(*), count(DISTINCT number), max(number_seq) "
                                          "FROM invoices WHERE tenant_id = ?::uuid"),
                           {*tenant});
    if (!check || !check->next())
        return fail(check ? QStringLiteral("no count") : check.error().message);
    if (check->value(0).toInt() != total || check->value(1).toInt() != total ||
        check->value(2).toInt() != total)
        return fail(QStringLiteral("expected %1 gapless invoices, found %2 (%3 numbers, last %4)")
                        .arg(total)
                        .arg(check->value(0).toInt())
                        .arg(check->value(1).toInt())
                        .arg(check->value(2).toInt()));
    result(QStringLiteral("mPanel Invoices::create"), QStringLiteral("%1 clients").arg(clients),
           double(total) / seconds, QStringLiteral("invoices/s"),
           QStringLiteral("%1 invoices of 2 lines in %2 s, one TenantTransaction each; numbers 1..%1 checked")
               .arg(total)
               .arg(seconds, 0, 'f', 1));
    std::printf("PGBENCH\t%s\t%s\n", qPrintable(*pgbenchTenant), qPrintable(*pgbenchCustomer));
    return 0;
}
