// GET /api/openapi.json describes every route the service registers (method and path), so
// the document cannot drift from the code; and its references all resolve.

#include "http/http_server.h"
#include "support/service_fixture.h"

using namespace mp;
using namespace mp::test;

class TestApiOpenApi : public QObject {
    Q_OBJECT

    ServiceFixture m_api;

    static void collectRefs(const QJsonValue &v, QStringList *out)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == QLatin1String("$ref"))
                    *out << it.value().toString();
                else
                    collectRefs(it.value(), out);
            }
        } else if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                collectRefs(e, out);
        }
    }

private Q_SLOTS:
    void initTestCase() { m_api.start(QStringLiteral("openapi")); }

    void everyRouteIsDescribed()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/openapi.json"), {});
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QStringLiteral("openapi")).toString().left(2), QStringLiteral("3."));
        const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
        const QStringList routes = m_api.server().router().routes();
        QVERIFY(routes.size() >= 17);
        QStringList missing;
        for (const QString &route : routes) {
            const QString method = route.section(u' ', 0, 0).toLower();
            const QString path = route.section(u' ', 1);
            if (!paths.value(path).toObject().contains(method))
                missing << route;
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in openapi.json: ") + missing.join(QStringLiteral(", "))));
        // Every operation answers something and every path parameter is declared.
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject item = it.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                if (op.key() == QLatin1String("parameters"))
                    continue;
                QVERIFY2(op.value().toObject().contains(QStringLiteral("responses")), qPrintable(it.key()));
            }
            if (it.key().contains(u'{')) {
                QStringList refs;
                collectRefs(item, &refs);
                const bool declared =
                    !refs.filter(QStringLiteral("parameters/Id")).isEmpty() ||
                    QJsonDocument(item).toJson().contains("\"in\":\"path\"") ||
                    QJsonDocument(item).toJson(QJsonDocument::Compact).contains("\"in\":\"path\"");
                QVERIFY2(declared, qPrintable(it.key()));
            }
        }
    }

    void referencesResolve()
    {
        const QJsonObject doc = m_api.call("GET", QStringLiteral("/api/openapi.json"), {}).json();
        QStringList refs;
        collectRefs(doc, &refs);
        QVERIFY(refs.size() > 50);
        for (const QString &ref : std::as_const(refs)) {
            QVERIFY2(ref.startsWith(QLatin1String("#/")), qPrintable(ref));
            QJsonValue at = doc;
            for (const QString &part : ref.mid(2).split(u'/'))
                at = at.toObject().value(part);
            QVERIFY2(at.isObject(), qPrintable(QStringLiteral("unresolved: ") + ref));
        }
    }
};

QTEST_GUILESS_MAIN(TestApiOpenApi)
#include "tst_api_openapi.moc"
