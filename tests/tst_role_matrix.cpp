// The role matrix (tenancy/role_matrix.h), cell by cell over the real HTTP API: every staff role
// against every write route the matrix lists is refused with 403 exactly where the matrix says
// so; every write route the service registers is in the matrix; and the cases the attack run
// found (support refunding, billing registering a Proxmox cluster) stay refused.
#include "http/http_server.h"
#include "support/service_fixture.h"
#include "tenancy/role_matrix.h"

#include <QUuid>

using namespace mp;
using namespace mp::test;

class TestRoleMatrix : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant;
    QMap<StaffRole, QString> m_tokens;

    static QList<StaffRole> allRoles()
    {
        return {StaffRole::Owner, StaffRole::Admin, StaffRole::Billing, StaffRole::Support,
                StaffRole::ReadOnly};
    }

    static QString concrete(const QString &pattern)
    {
        // Jobs and tokens are numbered; everything else has uuids. No such row exists either way.
        const bool numbered = pattern.startsWith(QLatin1String("/api/jobs/")) ||
                              pattern.startsWith(QLatin1String("/api/tokens/"));
        QString path = pattern;
        return path.replace(QStringLiteral("{id}"), numbered
                                                        ? QStringLiteral("987654321")
                                                        : QUuid::createUuid().toString(QUuid::WithoutBraces));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_api.start(QStringLiteral("roles"));
        m_tenant = m_api.tenant(QStringLiteral("Roles Co"));
        for (StaffRole role : allRoles())
            m_tokens.insert(role, m_api.staffToken(m_tenant, role));
    }

    void everyWriteRouteIsInTheMatrix()
    {
        const QStringList routes = m_api.server().router().routes();
        QStringList missing;
        for (const QString &route : routes) {
            const QString method = route.section(u' ', 0, 0);
            const QString pattern = route.section(u' ', 1);
            if (method == QLatin1String("GET") || pattern.startsWith(QLatin1String("/webhooks/")) ||
                pattern.startsWith(QLatin1String("/api/auth/")) ||
                // The customer portal: customers only, each call the API route it stands for.
                pattern.startsWith(QLatin1String("/portal/")))
                continue;
            if (!RoleMatrix::actionForRoute(method, pattern))
                missing << route;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void everyCell_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("allowed");
        for (const RoleRule &rule : RoleMatrix::rules()) {
            for (const QString &route : rule.apiRoutes) {
                for (StaffRole role : allRoles()) {
                    QTest::addRow("%s %s", qPrintable(route), qPrintable(toString(role)))
                        << route << int(role) << rule.roles.contains(role);
                }
            }
        }
    }

    void everyCell()
    {
        QFETCH(QString, route);
        QFETCH(int, role);
        QFETCH(bool, allowed);
        const QByteArray method = route.section(u' ', 0, 0).toLatin1();
        const auto r = m_api.call(method, concrete(route.section(u' ', 1)), m_tokens.value(StaffRole(role)),
                                  QJsonObject());
        if (allowed) {
            QVERIFY2(r.status != 403 && r.status != 0, r.body.constData());
        } else {
            QCOMPARE(r.status, 403);
            QCOMPARE(errorCode(r), QStringLiteral("forbidden"));
        }
    }

    void revokingATokenOverTheApi()
    {
        const QString victim = m_api.staffToken(m_tenant, StaffRole::Billing);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices"), victim).status, 200);
        const qint64 id = m_api.scalar(QStringLiteral("SELECT max(id) FROM api_tokens"));
        // Another tenant's admin cannot reach it.
        const QString other = m_api.staffToken(m_api.tenant(QStringLiteral("Other Co")), StaffRole::Admin);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/tokens/%1/revoke").arg(id), other, {}).status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices"), victim).status, 200);
        const auto r = m_api.call("POST", QStringLiteral("/api/tokens/%1/revoke").arg(id),
                                  m_tokens.value(StaffRole::Admin), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/invoices"), victim).status, 401);
    }

    void whatTheAttackRunFound()
    {
        // support may not refund; billing may not register a cluster at any internal address.
        const auto refund = m_api.call("POST", concrete(QStringLiteral("/api/invoices/{id}/refund")),
                                       m_tokens.value(StaffRole::Support), {});
        QCOMPARE(refund.status, 403);
        const auto cluster =
            m_api.call("POST", QStringLiteral("/api/proxmox/clusters"), m_tokens.value(StaffRole::Billing),
                       {{QStringLiteral("name"), QStringLiteral("internal")},
                        {QStringLiteral("api_base"), QStringLiteral("https://10.0.0.1:8006/api2/json")},
                        {QStringLiteral("token_id"), QStringLiteral("root@pam!x")},
                        {QStringLiteral("token_secret"), QStringLiteral("x")}});
        QCOMPARE(cluster.status, 403);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM proxmox_clusters")), 0);
        // Reading stays open to every role.
        for (StaffRole role : allRoles())
            QCOMPARE(m_api.call("GET", QStringLiteral("/api/proxmox/clusters"), m_tokens.value(role)).status,
                     200);
    }
};

QTEST_MAIN(TestRoleMatrix)
#include "tst_role_matrix.moc"
