// Fills one tenant with N customers (one set-based INSERT from generate_series) and measures
// what staff feel at that size: the customer search/list query inside a tenant transaction,
// and GET /api/customers through the real HTTP stack, as p50/p99 latencies. Not a test: run by
// bench/run-customers-bench (see bench/README.md).
//
//   mpanel-bench-customers --database-url postgresql://user@127.0.0.1:5432/db [--customers 1000000]
//                          [--rounds 40]
//
// Prints one tab-separated "RESULT  section  metric  value  unit  how" line per figure and the
// plan of each search shape, so a regression to a sequential scan shows.
#include "api/keyset_page.h"
#include "customers/customers.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "http/api_context.h"
#include "http/http_server.h"
#include "service/api_modules.h"
#include "support/bench_database.h"
#include "tenancy/api_tokens.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

using namespace mp;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mpanel-bench-customers: %s\n", qPrintable(message));
    return 1;
}

void result(const QString &section, const QString &metric, double value, const QString &unit,
            const QString &how)
{
    std::printf("RESULT\t%s\t%s\t%.2f\t%s\t%s\n", qPrintable(section), qPrintable(metric), value,
                qPrintable(unit), qPrintable(how));
    std::fflush(stdout);
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype index = std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size())));
    return samples.at(index);
}

// Names that repeat like real ones: 60 first names x 60 surnames x 20 endings; emails unique.
const char *kFill = R"sql(
WITH w AS (SELECT
  ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hugo','Ida','Jonas','Karla','Lukas','Mia','Noah',
        'Olga','Paul','Quinn','Rosa','Sven','Tina','Uwe','Vera','Wim','Xenia','Yusuf','Zoe','Ada','Boris','Chen',
        'Dana','Eli','Fatima','Goran','Hana','Ivan','Jana','Kai','Lea','Milan','Nina','Omar','Pia','Rafael',
        'Sara','Tom','Ulla','Victor','Wanda','Yara','Zeno','Aiko','Bruno','Carmen','Dmitri','Elif','Femi',
        'Gaia','Hiro','Ines','Jakob'] AS firsts,
  ARRAY['Muller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann','Koch',
        'Richter','Klein','Wolf','Neumann','Schwarz','Braun','Zimmer','Hartmann','Lange','Krause','Lehmann',
        'Kohler','Hamilton','Johnson','Vaughan','Jackson','Lovelace','Hopper','Turing','Kowalski','Nowak',
        'Dubois','Moreau','Rossi','Russo','Garcia','Lopez','Silva','Santos','Jansen','Visser','Smit','Berg',
        'Lind','Holm','Virtanen','Nagy','Horvat','Popescu','Ivanov','Petrov','Yilmaz','Kaya','Tanaka',
        'Suzuki','Kim','Park','Nguyen','Singh'] AS lasts,
  ARRAY['','','','','son','sen','berg','mann','ova','ini','ez','stein','feld','hof','er','ski','ic','escu','dottir','wood'] AS ends,
  ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Hooli','Vandelay','Wonka','Tyrell','Cyberdyne',
        'Soylent','Aperture','Gringotts','Oceanic','Monarch','Dunder','Prestige','Massive','Nakatomi'] AS cos,
  ARRAY['example.com','mail.test','post.example','inbox.test','web.example'] AS doms)
INSERT INTO customers (tenant_id, name, email, company, country, created_at, updated_at)
SELECT ?::uuid,
       firsts[1 + ((i * 7919) % 60)::int] || ' ' || lasts[1 + ((i * 104729) % 60)::int] || ends[1 + ((i * 13) % 20)::int],
       'c' || i || '.' || lower(lasts[1 + ((i * 104729) % 60)::int]) || '@' || doms[1 + (i % 5)::int],
       CASE WHEN i % 3 = 0 THEN '' ELSE cos[1 + ((i * 31) % 20)::int] || ' ' || (i % 997) || ' GmbH' END,
       (ARRAY['DE','FR','NL','US','GB','AT','CH','PL'])[1 + (i % 8)::int],
       timestamptz '2024-01-01' + make_interval(secs => i * 60), now()
FROM w, generate_series(1::bigint, ?::bigint) AS i
)sql";

struct Shape {
    const char *name;
    const char *q;
};
// What staff type: a letter or two (prefix), a surname fragment, a company, an email fragment,
// a rare string, nothing at all.
const Shape kShapes[] = {
    {"prefix 1 char", "k"},      {"prefix 2 chars", "jo"}, {"substring common", "berg"},
    {"substring name", "hamil"}, {"company", "initech"},   {"email fragment", "c424242."},
    {"no match", "zzqx"},        {"no filter", ""},
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL (schema owner)."),
                        QStringLiteral("url")},
                       {QStringLiteral("customers"), QStringLiteral("Customers to fill."),
                        QStringLiteral("n"), QStringLiteral("1000000")},
                       {QStringLiteral("rounds"), QStringLiteral("Timed runs per query shape."),
                        QStringLiteral("n"), QStringLiteral("40")}});
    parser.process(app);
    const int total = parser.value(QStringLiteral("customers")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();
    auto bench = bench::openBenchDatabase(parser.value(QStringLiteral("database-url")));
    if (!bench)
        return fail(bench.error().message);
    QSqlDatabase db = bench->db;
    const QString tenant = bench->tenantId;
    const QString how = QStringLiteral("%1 customers in one tenant").arg(total);

    QElapsedTimer timer;
    timer.start();
    if (auto q = sql::exec(db, QString::fromUtf8(kFill), {tenant, total}); !q)
        return fail(q.error().message);
    const double fillSeconds = double(timer.elapsed()) / 1000.0;
    result(QStringLiteral("fill"), QStringLiteral("insert with all indexes"), fillSeconds,
           QStringLiteral("s"),
           QStringLiteral("one INSERT ... SELECT FROM generate_series(1, %1)").arg(total));
    result(QStringLiteral("fill"), QStringLiteral("rows per second"), double(total) / fillSeconds,
           QStringLiteral("rows/s"), how);
    if (auto q = sql::exec(db, QStringLiteral("VACUUM ANALYZE customers")); !q)
        return fail(q.error().message);

    // The search query as the API runs it: RLS, keyset page of 50.
    for (const Shape &shape : kShapes) {
        QList<double> ms;
        int rows = 0;
        for (int i = 0; i < rounds; ++i) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
            auto page =
                api::KeysetPage::parse(query, customers::Customers::sortOrders(), QStringLiteral("name"));
            auto tx = TenantTransaction::begin(db, tenant);
            if (!tx)
                return fail(tx.error().message);
            customers::CustomerFilter filter;
            filter.search = QString::fromLatin1(shape.q);
            timer.restart();
            auto list = customers::Customers::list(*tx, filter, *page);
            ms << double(timer.nsecsElapsed()) / 1e6;
            if (!list)
                return fail(list.error().message);
            rows = int(list->items.size());
        }
        result(QStringLiteral("search query"), QStringLiteral("%1 p50").arg(QLatin1String(shape.name)),
               percentile(ms, 0.5), QStringLiteral("ms"),
               QStringLiteral("q=\"%1\", %2 rows").arg(QLatin1String(shape.q)).arg(rows));
        result(QStringLiteral("search query"), QStringLiteral("%1 p99").arg(QLatin1String(shape.name)),
               percentile(ms, 0.99), QStringLiteral("ms"), how);
    }

    // The plan of each shape, so an index that stops being used is visible in the output.
    for (const Shape &shape : kShapes) {
        if (!*shape.q)
            continue;
        const QString q = QString::fromLatin1(shape.q);
        QString upper = q;
        upper[upper.size() - 1] = QChar(upper.at(upper.size() - 1).unicode() + 1);
        const QString pattern = customers::Customers::searchPattern(q);
        // The statements mpanel_customer_search() (migration 0009) runs, as its owner: the
        // bounded probe and, for a common term, the walk in list order. EXPLAIN cannot be
        // prepared, so the values are literals (the shapes are ours, quoted anyway).
        auto literal = [](QString v) { return u'\'' + v.replace(u'\'', QStringLiteral("''")) + u'\''; };
        const QString t = literal(tenant);
        const QString p = literal(pattern);
        auto plan =
            q.size() >= 3
                ? sql::exec(db,
                            QStringLiteral("EXPLAIN SELECT count(*) FROM (SELECT c.id FROM customers c "
                                           "WHERE c.tenant_id = %1 AND c.search_text LIKE %2 LIMIT 2000) m "
                                           "UNION ALL SELECT 1 FROM (SELECT c.id FROM customers c WHERE "
                                           "c.tenant_id = %1 AND c.search_text LIKE %2 "
                                           "ORDER BY lower(c.name), c.id LIMIT 51) w")
                                .arg(t, p))
                : sql::exec(db,
                            QStringLiteral("EXPLAIN SELECT id FROM customers c WHERE tenant_id = %1 AND "
                                           "lower(name) >= %2 AND lower(name) < %3 AND lower(name) LIKE %4 "
                                           "ORDER BY lower(name), id LIMIT 51")
                                .arg(t, literal(q), literal(upper), p));
        QStringList nodes;
        while (plan && plan->next()) {
            const QString line = plan->value(0).toString();
            if (line.contains(QLatin1String("Scan")))
                nodes << line.trimmed()
                             .remove(QLatin1String("->"))
                             .trimmed()
                             .section(QLatin1String("  "), 0, 0);
        }
        std::printf("PLAN\t%s\t%s\n", shape.q, qPrintable(nodes.join(QStringLiteral("; "))));
    }

    // GET /api/customers through QtHttpServer, the router, token check and RLS, over loopback.
    HttpServer server;
    ApiContext context([&db] { return db; });
    registerApiModules(server.router(), context);
    auto port = server.listenOn(QStringLiteral("127.0.0.1:0"));
    if (!port)
        return fail(port.error().message);
    auto token = ApiTokens::create(db, tenant, StaffRole::Admin);
    if (!token)
        return fail(token.error().message);
    QNetworkAccessManager manager;
    auto get = [&](const QString &pathAndQuery, QByteArray *body) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(*port).arg(pathAndQuery)));
        request.setRawHeader("Authorization", "Bearer " + token->toLatin1());
        QElapsedTimer t;
        t.start();
        QNetworkReply *reply = manager.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const double elapsed = double(t.nsecsElapsed()) / 1e6;
        if (body)
            *body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status == 200 ? elapsed : -1.0;
    };
    QList<double> all;
    QList<double> firstPage;
    QList<double> nextPage;
    for (int i = 0; i < rounds; ++i) {
        for (const Shape &shape : kShapes) {
            QByteArray body;
            const double ms =
                get(QStringLiteral("/api/customers?limit=50&q=%1").arg(QLatin1String(shape.q)), &body);
            if (ms < 0)
                return fail(QStringLiteral("GET /api/customers failed: %1").arg(QString::fromUtf8(body)));
            all << ms;
            if (!*shape.q) {
                firstPage << ms;
                const QString cursor =
                    QJsonDocument::fromJson(body).object().value(QStringLiteral("next_cursor")).toString();
                const double next =
                    get(QStringLiteral("/api/customers?limit=50&cursor=%1").arg(cursor), nullptr);
                if (next < 0)
                    return fail(QStringLiteral("paging failed"));
                nextPage << next;
            }
        }
    }
    const QString apiHow =
        QStringLiteral("%1 requests, limit 50, all query shapes, sequential").arg(all.size());
    result(QStringLiteral("API list"), QStringLiteral("GET /api/customers p50"), percentile(all, 0.5),
           QStringLiteral("ms"), apiHow);
    result(QStringLiteral("API list"), QStringLiteral("GET /api/customers p99"), percentile(all, 0.99),
           QStringLiteral("ms"), apiHow);
    result(QStringLiteral("API list"), QStringLiteral("first page, no filter p50"),
           percentile(firstPage, 0.5), QStringLiteral("ms"), how);
    result(QStringLiteral("API list"), QStringLiteral("next page by cursor p50"), percentile(nextPage, 0.5),
           QStringLiteral("ms"), how);
    result(QStringLiteral("API list"), QStringLiteral("next page by cursor p99"), percentile(nextPage, 0.99),
           QStringLiteral("ms"), how);
    return 0;
}
