// POST /webhooks/stripe end to end: signed checkout.session.completed events, each for a
// distinct unpaid invoice, from 1, 4 and 16 concurrent senders (keep-alive connections, one
// request in flight each) against the real routes behind HttpServer with its worker pool, as
// `mpanel-service serve` runs them. Prints one RESULT line per sender count:
//   RESULT <tab> senders <tab> events <tab> events/s <tab> p50 ms <tab> p99 ms <tab> non-2xx
// and leaves `bench_invoices` (n, id) with spare unpaid invoices for pgbench (run-webhook-bench).

#include "core/clock.h"
#include "core/json_log.h"
#include "db/connection_settings.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/http_server.h"
#include "service/api_modules.h"
#include "stripe/stripe_signature.h"
#include "support/blocking_http.h"
#include "tenancy/tenants.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace mp;

namespace {

const QByteArray kSecret = "whsec_bench_secret";

int fail(const QString &message)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(message));
    return 1;
}

QByteArray eventBody(const QString &invoiceId, qint64 amount, int serial)
{
    const QString pi = QStringLiteral("pi_bench_%1").arg(serial);
    const QJsonObject session{
        {QStringLiteral("id"), QStringLiteral("cs_test_bench_%1").arg(serial)},
        {QStringLiteral("object"), QStringLiteral("checkout.session")},
        {QStringLiteral("amount_total"), amount},
        {QStringLiteral("client_reference_id"), invoiceId},
        {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("customer_details"),
         QJsonObject{{QStringLiteral("email"), QStringLiteral("buyer@example.com")}}},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("mpanel_invoice"), invoiceId}}},
        {QStringLiteral("mode"), QStringLiteral("payment")},
        {QStringLiteral("payment_intent"), pi},
        {QStringLiteral("payment_status"), QStringLiteral("paid")},
        {QStringLiteral("status"), QStringLiteral("complete")}};
    const QJsonObject event{{QStringLiteral("id"), QStringLiteral("evt_bench_%1").arg(serial)},
                            {QStringLiteral("object"), QStringLiteral("event")},
                            {QStringLiteral("api_version"), QStringLiteral("2024-06-20")},
                            {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                            {QStringLiteral("livemode"), false},
                            {QStringLiteral("pending_webhooks"), 1},
                            {QStringLiteral("type"), QStringLiteral("checkout.session.completed")},
                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), session}}}};
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL (schema owner)."),
                        QStringLiteral("url")},
                       {QStringLiteral("events"), QStringLiteral("Events per sender count."),
                        QStringLiteral("n"), QStringLiteral("20000")},
                       {QStringLiteral("senders"), QStringLiteral("Comma-separated sender counts."),
                        QStringLiteral("list"), QStringLiteral("1,4,16")},
                       {QStringLiteral("threads"), QStringLiteral("HTTP handler threads."),
                        QStringLiteral("n"), QStringLiteral("8")},
                       {QStringLiteral("spare"), QStringLiteral("Extra unpaid invoices left for pgbench."),
                        QStringLiteral("n"), QStringLiteral("200000")}});
    parser.process(app);
    const int perRun = parser.value(QStringLiteral("events")).toInt();
    QList<int> senderCounts;
    for (const QString &s : parser.value(QStringLiteral("senders")).split(u','))
        senderCounts.append(s.toInt());
    const int spare = parser.value(QStringLiteral("spare")).toInt();
    auto settings = ConnectionSettings::fromUrl(parser.value(QStringLiteral("database-url")));
    if (!settings)
        return fail(settings.error().message);
    {
        auto conn = PgConnection::connect(settings.value());
        if (!conn)
            return fail(conn.error().message);
        if (auto applied = Migrator(*conn.value()).migrate(); !applied)
            return fail(applied.error().message);
    }
    auto opened = sql::open(settings.value(), QStringLiteral("bench"));
    if (!opened)
        return fail(opened.error().message);
    QSqlDatabase db = opened.value();
    auto tenant = Tenants::create(db, QStringLiteral("Webhook bench"));
    if (!tenant)
        return fail(tenant.error().message);
    auto customer =
        sql::exec(db,
                  QStringLiteral("INSERT INTO customers (tenant_id, name, email) "
                                 "VALUES (?::uuid, 'Bench', 'bench@example.com') RETURNING id::text"),
                  {tenant.value()});
    if (!customer || !customer->next())
        return fail(QStringLiteral("customer"));
    const QString customerId = customer->value(0).toString();
    const qint64 amount = 1999;
    const int needed = perRun * int(senderCounts.size());
    // The invoices the HTTP runs pay, then spare ones for pgbench, numbered in bench_invoices.
    auto filled = sql::exec(db, QStringLiteral(R"sql(
CREATE TABLE bench_invoices (n integer PRIMARY KEY, id uuid NOT NULL);
WITH made AS (
  INSERT INTO invoices (tenant_id, customer_id, status, number, number_year, number_seq, currency, price_mode,
                        issue_date, due_date, net_minor, tax_minor, total_minor, created_at, issued_at)
  SELECT '%1'::uuid, '%2'::uuid, 'unpaid', 'B-' || g, 2026, g, 'USD', 'exclusive', current_date, current_date + 14,
         %3, 0, %3, now(), now()
  FROM generate_series(1, %4) AS g RETURNING id, number_seq)
INSERT INTO bench_invoices SELECT number_seq, id FROM made)sql")
                                    .arg(tenant.value(), customerId)
                                    .arg(amount)
                                    .arg(needed + spare));
    if (!filled)
        return fail(filled.error().message);
    if (auto v = sql::exec(db, QStringLiteral("VACUUM ANALYZE")); !v)
        return fail(v.error().message);
    QStringList invoiceIds;
    {
        auto q = sql::exec(db, QStringLiteral("SELECT id::text FROM bench_invoices WHERE n <= ? ORDER BY n"),
                           {needed});
        if (!q)
            return fail(q.error().message);
        while (q->next())
            invoiceIds.append(q->value(0).toString());
    }

    Config config;
    config.set(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kSecret));
    HttpServer server;
    const ConnectionSettings cs = settings.value();
    ApiContext api([cs] {
        auto d = sql::open(cs, sql::threadConnectionName(QStringLiteral("bench-http")));
        return d ? d.value() : QSqlDatabase();
    });
    api.setConfig(config);
    registerApiModules(server.router(), api);
    server.setWorkerThreads(parser.value(QStringLiteral("threads")).toInt());
    auto port = server.listenOn(QStringLiteral("127.0.0.1:0"));
    if (!port)
        return fail(port.error().message);
    // One line per request on stderr would measure the terminal.
    JsonLog::setSink([](const QByteArray &) {});

    QTextStream out(stdout);
    int offset = 0;
    for (const int senders : std::as_const(senderCounts)) {
        // Bodies and signatures are made before the clock starts: the sender is not measured.
        std::vector<QByteArray> bodies;
        std::vector<QList<QPair<QByteArray, QByteArray>>> headers;
        bodies.reserve(size_t(perRun));
        for (int i = 0; i < perRun; ++i) {
            bodies.push_back(eventBody(invoiceIds[offset + i], amount, offset + i));
            headers.push_back(
                {{"Stripe-Signature",
                  stripe::signatureHeader({kSecret}, QDateTime::currentSecsSinceEpoch(), bodies.back())}});
        }
        offset += perRun;
        std::vector<double> latencies(size_t(perRun), 0);
        std::atomic<int> next{0};
        std::atomic<int> failures{0};
        std::atomic<int> running{senders};
        QEventLoop loop;
        QElapsedTimer wall;
        wall.start();
        std::vector<std::thread> threads;
        for (int s = 0; s < senders; ++s) {
            threads.emplace_back([&] {
                test::BlockingHttpConnection connection(QStringLiteral("127.0.0.1"), port.value());
                for (int i = next++; i < perRun; i = next++) {
                    QElapsedTimer t;
                    t.start();
                    const auto reply =
                        connection.post("/webhooks/stripe", headers[size_t(i)], bodies[size_t(i)]);
                    latencies[size_t(i)] = double(t.nsecsElapsed()) / 1e6;
                    if (reply.status < 200 || reply.status >= 300)
                        ++failures;
                }
                if (--running == 0)
                    QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
            });
        }
        loop.exec();
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        for (auto &t : threads)
            t.join();
        out << "RESULT\t" << senders << '\t' << perRun << '\t' << qRound(perRun / seconds) << '\t'
            << QString::number(percentile(latencies, 0.50), 'f', 2) << '\t'
            << QString::number(percentile(latencies, 0.99), 'f', 2) << '\t' << failures.load() << Qt::endl;
        std::fprintf(stderr, "senders %d: %d events in %.2f s\n", senders, perRun, seconds);
    }
    auto paid = sql::exec(db, QStringLiteral("SELECT count(*) FROM invoices WHERE status = 'paid'"));
    if (paid && paid->next())
        std::fprintf(stderr, "paid invoices: %lld of %d sent\n", paid->value(0).toLongLong(), needed);
    return 0;
}
