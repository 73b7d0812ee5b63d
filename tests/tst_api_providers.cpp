// GET /api/system/providers: whether Stripe and each Proxmox cluster are the sandbox's
// emulators, test or live, as the service's configuration and the clusters' records decide; and
// the rule that only a cluster on loopback can be registered as the emulator.
#include "support/service_fixture.h"

using namespace mp;
using namespace mp::test;

namespace {

const QString kEmulatorApi = QStringLiteral("https://127.0.0.1:18006/api2/json");
const QString kRemoteApi = QStringLiteral("https://pve1.example.net:8006/api2/json");

QJsonObject clusterBody(const QString &name, const QString &apiBase, const QString &mode = {})
{
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("api_base"), apiBase},
                     {QStringLiteral("token_id"), QStringLiteral("mpanel@pve!sandbox")},
                     {QStringLiteral("token_secret"), QStringLiteral("mpanel-sandbox-secret")}};
    if (!mode.isEmpty())
        body.insert(QStringLiteral("mode"), mode);
    return body;
}

Config configWith(const QList<QPair<QString, QString>> &values)
{
    Config config;
    for (const auto &[name, value] : values)
        config.set(name, value);
    return config;
}

QString field(const QJsonObject &o, const char *path)
{
    QJsonValue v = o;
    for (const QString &part : QString::fromLatin1(path).split(u'.'))
        v = v.toObject().value(part);
    return v.toString();
}

} // namespace

class TestApiProviders : public QObject {
    Q_OBJECT

    int m_counter = 0;

    // A service with `config`, a tenant and an admin token.
    struct Service {
        ServiceFixture api;
        QString tenant, staff;
    };
    void startService(Service &s, const Config &config)
    {
        s.api.setConfig(config);
        s.api.start(QStringLiteral("providers-%1").arg(++m_counter));
        s.tenant = s.api.tenant(QStringLiteral("Providers Co"));
        s.staff = s.api.staffToken(s.tenant);
    }

private Q_SLOTS:
    void sandboxWhenOnTheEmulators()
    {
        // What scripts/run-mpanel configures: no Stripe key, the API base at the emulator, and
        // the demo's cluster registered as the emulator.
        Service s;
        startService(s, configWith({{QStringLiteral("MPANEL_STRIPE_API_BASE"),
                                     QStringLiteral("http://127.0.0.1:12111")}}));
        auto r = s.api.call("POST", QStringLiteral("/api/proxmox/clusters"), s.staff,
                            clusterBody(QStringLiteral("sandbox"), kEmulatorApi, QStringLiteral("sandbox")));
        QCOMPARE(r.status, 201);
        QCOMPARE(field(r.json(), "mode"), QStringLiteral("sandbox"));

        r = s.api.call("GET", QStringLiteral("/api/system/providers"), s.staff);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(field(o, "stripe.mode"), QStringLiteral("sandbox"));
        QCOMPARE(field(o, "stripe.endpoint"), QStringLiteral("http://127.0.0.1:12111"));
        QVERIFY(field(o, "stripe.detail").contains(QStringLiteral("no real money")));
        QCOMPARE(field(o, "proxmox.mode"), QStringLiteral("sandbox"));
        const QJsonArray clusters =
            o.value(QStringLiteral("proxmox")).toObject().value(QStringLiteral("clusters")).toArray();
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(field(clusters.at(0).toObject(), "mode"), QStringLiteral("sandbox"));
        QCOMPARE(field(clusters.at(0).toObject(), "endpoint"), kEmulatorApi);
        QCOMPARE(field(clusters.at(0).toObject(), "name"), QStringLiteral("sandbox"));
        // Never the cluster's secret.
        QVERIFY(!r.body.contains("mpanel-sandbox-secret"));
    }

    void configuredProvidersAreNotSandbox()
    {
        Service s;
        startService(s, configWith({{QStringLiteral("MPANEL_STRIPE_SECRET_KEY"),
                                     QStringLiteral("sk_live_providers")}}));
        // A cluster registered without a mode is a real Proxmox VE.
        auto r = s.api.call("POST", QStringLiteral("/api/proxmox/clusters"), s.staff,
                            clusterBody(QStringLiteral("fra1"), kRemoteApi));
        QCOMPARE(r.status, 201);
        QCOMPARE(field(r.json(), "mode"), QStringLiteral("live"));

        r = s.api.call("GET", QStringLiteral("/api/system/providers"), s.staff);
        QCOMPARE(r.status, 200);
        QCOMPARE(field(r.json(), "stripe.mode"), QStringLiteral("live"));
        QCOMPARE(field(r.json(), "stripe.endpoint"), QStringLiteral("https://api.stripe.com"));
        QCOMPARE(field(r.json(), "proxmox.mode"), QStringLiteral("live"));
        QVERIFY(!r.body.contains("sk_live_providers"));
        QVERIFY(!r.body.contains("sandbox"));

        // An emulator next to a real cluster: the summary says so instead of picking one.
        r = s.api.call("POST", QStringLiteral("/api/proxmox/clusters"), s.staff,
                       clusterBody(QStringLiteral("emu"), kEmulatorApi, QStringLiteral("sandbox")));
        QCOMPARE(r.status, 201);
        r = s.api.call("GET", QStringLiteral("/api/system/providers"), s.staff);
        QCOMPARE(field(r.json(), "proxmox.mode"), QStringLiteral("mixed"));
        // A disabled cluster provisions nothing: it does not count (clusters come by name).
        const QString emuId = field(s.api.call("GET", QStringLiteral("/api/proxmox/clusters"), s.staff)
                                        .json()
                                        .value(QStringLiteral("items"))
                                        .toArray()
                                        .at(0)
                                        .toObject(),
                                    "id");
        r = s.api.call("PATCH", QStringLiteral("/api/proxmox/clusters/") + emuId, s.staff,
                       {{QStringLiteral("enabled"), false}});
        QCOMPARE(r.status, 200);
        r = s.api.call("GET", QStringLiteral("/api/system/providers"), s.staff);
        QCOMPARE(field(r.json(), "proxmox.mode"), QStringLiteral("live"));
    }

    void testKeyAgainstAnEmulatorIsTest()
    {
        // A key means an account, even with the base at an emulator or relay.
        Service s;
        startService(
            s, configWith(
                   {{QStringLiteral("MPANEL_STRIPE_SECRET_KEY"), QStringLiteral("sk_test_providers")},
                    {QStringLiteral("MPANEL_STRIPE_API_BASE"), QStringLiteral("http://127.0.0.1:12111")}}));
        const auto r = s.api.call("GET", QStringLiteral("/api/system/providers"), s.staff);
        QCOMPARE(r.status, 200);
        QCOMPARE(field(r.json(), "stripe.mode"), QStringLiteral("test"));
        QCOMPARE(field(r.json(), "proxmox.mode"), QStringLiteral("none"));
    }

    void offWhenNothingIsConfigured()
    {
        Service s;
        startService(s, Config());
        const auto r = s.api.call("GET", QStringLiteral("/api/system/providers"), s.staff);
        QCOMPARE(r.status, 200);
        QCOMPARE(field(r.json(), "stripe.mode"), QStringLiteral("off"));
        QCOMPARE(
            r.json().value(QStringLiteral("stripe")).toObject().value(QStringLiteral("enabled")).toBool(true),
            false);
        QCOMPARE(field(r.json(), "proxmox.mode"), QStringLiteral("none"));
    }

    void staffOnly()
    {
        Service s;
        startService(s, Config());
        QCOMPARE(s.api.call("GET", QStringLiteral("/api/system/providers"), {}).status, 401);
        const auto signup =
            s.api.call("POST", QStringLiteral("/api/auth/signup"), {},
                       {{QStringLiteral("tenant_id"), s.tenant},
                        {QStringLiteral("name"), QStringLiteral("Alice")},
                        {QStringLiteral("email"), QStringLiteral("alice@example.com")},
                        {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        QCOMPARE(signup.status, 201);
        const QString customer = field(signup.json(), "access_token");
        QCOMPARE(s.api.call("GET", QStringLiteral("/api/system/providers"), customer).status, 403);
        const QString readOnly = s.api.staffToken(s.tenant, StaffRole::ReadOnly);
        QCOMPARE(s.api.call("GET", QStringLiteral("/api/system/providers"), readOnly).status, 200);
    }

    void onlyALoopbackClusterCanBeTheEmulator()
    {
        Service s;
        startService(s, Config());
        auto r = s.api.call("POST", QStringLiteral("/api/proxmox/clusters"), s.staff,
                            clusterBody(QStringLiteral("fra1"), kRemoteApi, QStringLiteral("sandbox")));
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("mode"));
        r = s.api.call("POST", QStringLiteral("/api/proxmox/clusters"), s.staff,
                       clusterBody(QStringLiteral("fra1"), kRemoteApi, QStringLiteral("test")));
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("mode"));
        QCOMPARE(s.api.scalar(QStringLiteral("SELECT count(*) FROM proxmox_clusters")), 0);

        // Moving the emulator's record to a remote address needs it to say live.
        r = s.api.call("POST", QStringLiteral("/api/proxmox/clusters"), s.staff,
                       clusterBody(QStringLiteral("emu"), QStringLiteral("https://[::1]:18006/api2/json"),
                                   QStringLiteral("sandbox")));
        QCOMPARE(r.status, 201);
        const QString id = field(r.json(), "id");
        r = s.api.call("PATCH", QStringLiteral("/api/proxmox/clusters/") + id, s.staff,
                       {{QStringLiteral("api_base"), kRemoteApi}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("mode"));
        r = s.api.call(
            "PATCH", QStringLiteral("/api/proxmox/clusters/") + id, s.staff,
            {{QStringLiteral("api_base"), kRemoteApi}, {QStringLiteral("mode"), QStringLiteral("live")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(field(r.json(), "mode"), QStringLiteral("live"));

        // The database holds the same rule for anything that writes past the service.
        auto q = sql::exec(s.api.db(),
                           QStringLiteral("UPDATE proxmox_clusters SET mode = 'sandbox' WHERE id = ?"), {id});
        QVERIFY(!q.ok());
        QVERIFY2(q.error().message.contains(QStringLiteral("proxmox_clusters_sandbox_on_loopback")),
                 qPrintable(q.error().message));
    }
};

QTEST_GUILESS_MAIN(TestApiProviders)
#include "tst_api_providers.moc"
