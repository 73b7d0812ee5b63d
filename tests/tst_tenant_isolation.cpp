// Proves that tenant isolation is enforced by PostgreSQL itself (row-level security), for every
// table in the schema, from both ways in: the service's tenant-scoped transactions and a staff
// member's own login. Queries deliberately carry no tenant WHERE clause.
#include "db/pg_connection.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "support/test_cluster.h"
#include "tenancy/staff_accounts.h"

#include <QFile>
#include <QTest>

using namespace mp;
using mp::test::TestCluster;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

struct TenantTable {
    QString name;
    QString tenantColumn; // tenant_id, or id for `tenants` itself
};

qint64 count(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds = {})
{
    auto q = sql::exec(db, sqlText, binds);
    if (!q)
        qFatal("%s: %s", qPrintable(sqlText), qPrintable(q.error().message));
    q->next();
    return q->value(0).toLongLong();
}

// Runs `sqlText` inside a savepoint and returns the SQLSTATE it failed with ("" if it succeeded),
// and the number of rows it touched.
QPair<QString, int> attempt(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds = {})
{
    (void)sql::exec(db, QStringLiteral("SAVEPOINT attempt"));
    auto q = sql::exec(db, sqlText, binds);
    if (!q) {
        (void)sql::exec(db, QStringLiteral("ROLLBACK TO SAVEPOINT attempt"));
        return {q.error().field, 0};
    }
    const int rows = q->numRowsAffected();
    (void)sql::exec(db, QStringLiteral("RELEASE SAVEPOINT attempt"));
    return {QString(), rows};
}

} // namespace

class TestTenantIsolation : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;
    QSqlDatabase m_owner;
    QString m_a, m_b;
    QString m_adminLogin, m_readerLogin;
    QList<TenantTable> m_tables;

    void seed(PgConnection &conn, const QString &tenant, int n)
    {
        QFile file(QStringLiteral(MPANEL_SOURCE_DIR "/tests/isolation_seed.sql"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString script = QString::fromUtf8(file.readAll());
        script.replace(QStringLiteral(":tenant"), conn.quoteLiteral(tenant) + QStringLiteral("::uuid"));
        script.replace(QStringLiteral(":n"), QString::number(n));
        auto s = conn.exec(QStringLiteral("BEGIN;\n%1\nCOMMIT;").arg(script));
        if (!s)
            (void)conn.exec(QStringLiteral("ROLLBACK"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }

    QSqlDatabase staffConnection(const QString &login)
    {
        auto db = sql::open(m_settings.withLogin(login, kPassword), login);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        return db.value();
    }

    // The checks every tenant-scoped view of the database must pass, on an open transaction
    // that sees tenant A only.
    void verifySeesOnlyTenantA(const QSqlDatabase &db, const QString &who)
    {
        for (const TenantTable &t : std::as_const(m_tables)) {
            const QString ctx = QStringLiteral("%1 on %2").arg(who, t.name);
            const qint64 ownRows = count(
                m_owner,
                QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?::uuid").arg(t.name, t.tenantColumn),
                {m_a});
            QVERIFY2(count(db, QStringLiteral("SELECT count(*) FROM %1").arg(t.name)) == ownRows,
                     qPrintable(ctx));
            QVERIFY2(
                count(
                    db,
                    QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?::uuid").arg(t.name, t.tenantColumn),
                    {m_b}) == 0,
                qPrintable(ctx));

            // Writes aimed at B's rows touch nothing (or are refused outright).
            const auto update = attempt(
                db, QStringLiteral("UPDATE %1 SET %2 = %2 WHERE %2 = ?::uuid").arg(t.name, t.tenantColumn),
                {m_b});
            QVERIFY2(update.second == 0, qPrintable(ctx + QStringLiteral(": UPDATE of B's rows")));
            const auto remove = attempt(
                db, QStringLiteral("DELETE FROM %1 WHERE %2 = ?::uuid").arg(t.name, t.tenantColumn), {m_b});
            QVERIFY2(remove.second == 0, qPrintable(ctx + QStringLiteral(": DELETE of B's rows")));

            if (t.tenantColumn != QLatin1String("tenant_id"))
                continue;
            // Moving an own row into B is refused.
            const auto move =
                attempt(db, QStringLiteral("UPDATE %1 SET tenant_id = ?::uuid").arg(t.name), {m_b});
            QVERIFY2(move.first == QLatin1String(sql::InsufficientPrivilege),
                     qPrintable(ctx + QStringLiteral(": moving rows to B gave '%1'").arg(move.first)));
            // Inserting a copy of an own row, relabelled as B's, is refused. Generated columns
            // (customers.has_password) take no value, so the copy names the others.
            auto columns =
                sql::exec(db,
                          QStringLiteral("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) "
                                         "FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 "
                                         "AND NOT attisdropped AND attgenerated = ''"),
                          {t.name});
            QVERIFY2(columns && columns->next(), qPrintable(ctx + QStringLiteral(": reading the columns")));
            const QString list = columns->value(0).toString();
            const auto insert =
                attempt(db,
                        QStringLiteral("INSERT INTO %1 (%2) OVERRIDING SYSTEM VALUE SELECT %2 FROM "
                                       "(SELECT (jsonb_populate_record(NULL::%1, to_jsonb(x) || "
                                       "jsonb_build_object('tenant_id', ?::text))).* FROM %1 x LIMIT 1) r")
                            .arg(t.name, list),
                        {m_b});
            QVERIFY2(insert.first == QLatin1String(sql::InsufficientPrivilege),
                     qPrintable(ctx + QStringLiteral(": inserting into B gave '%1'").arg(insert.first)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_settings = TestCluster::instance().freshDatabase();
        m_owner = test::openDatabase(m_settings, QStringLiteral("owner"));
        m_a = test::createTenant(m_owner, QStringLiteral("Tenant A"));
        m_b = test::createTenant(m_owner, QStringLiteral("Tenant B"));
        auto conn = PgConnection::connect(m_settings);
        QVERIFY(conn.ok());
        seed(*conn.value(), m_a, 1);
        seed(*conn.value(), m_b, 2);
        m_adminLogin = test::uniqueLogin(QStringLiteral("iso_admin"));
        m_readerLogin = test::uniqueLogin(QStringLiteral("iso_reader"));
        QVERIFY(StaffAccounts::add(*conn.value(), m_a, m_adminLogin, StaffRole::Admin, kPassword).ok());
        QVERIFY(StaffAccounts::add(*conn.value(), m_a, m_readerLogin, StaffRole::ReadOnly, kPassword).ok());

        auto q = sql::exec(
            m_owner,
            QStringLiteral(
                "SELECT c.relname, c.relrowsecurity, "
                "       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = "
                "'tenant_id' "
                "               AND a.attnotnull AND NOT a.attisdropped) AS has_tenant, "
                "       coalesce(obj_description(c.oid, 'pg_class'), '') LIKE 'mpanel:global%' AS is_global "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                "  AND c.relname <> 'schema_migrations' ORDER BY c.relname"));
        QVERIFY(q.ok());
        while (q->next()) {
            const QString name = q->value(0).toString();
            const bool rls = q->value(1).toBool();
            const bool hasTenant = q->value(2).toBool();
            const bool global = q->value(3).toBool();
            if (global)
                continue; // reference data shared by all tenants, marked by a table comment
            QVERIFY2(hasTenant || name == QLatin1String("tenants"),
                     qPrintable(QStringLiteral("table %1 has no tenant_id NOT NULL (and is not marked "
                                               "COMMENT 'mpanel:global')")
                                    .arg(name)));
            QVERIFY2(rls, qPrintable(QStringLiteral("table %1 has no row-level security; call "
                                                    "mpanel_isolate_tenant_table('%1')")
                                         .arg(name)));
            m_tables << TenantTable{name, hasTenant ? QStringLiteral("tenant_id") : QStringLiteral("id")};
        }
        QVERIFY(m_tables.size() >= 4);
        for (const TenantTable &t : std::as_const(m_tables)) {
            const qint64 bRows = count(
                m_owner,
                QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?::uuid").arg(t.name, t.tenantColumn),
                {m_b});
            QVERIFY2(bRows > 0, qPrintable(QStringLiteral("tenant B has no rows in %1: add some to "
                                                          "tests/isolation_seed.sql")
                                               .arg(t.name)));
        }
    }

    void serviceTransactionSeesOnlyItsTenant()
    {
        auto tx = TenantTransaction::begin(m_owner, m_a);
        QVERIFY(tx.ok());
        verifySeesOnlyTenantA(tx->db(), QStringLiteral("service"));
    }

    void staffLoginSeesOnlyItsTenant()
    {
        QSqlDatabase db = staffConnection(m_adminLogin);
        QVERIFY(db.transaction());
        verifySeesOnlyTenantA(db, QStringLiteral("staff"));
        db.rollback();
    }

    void staffCannotPickAnotherTenant()
    {
        QSqlDatabase db = staffConnection(m_adminLogin);
        QVERIFY(sql::exec(db, QStringLiteral("SELECT set_config('mpanel.tenant_id', ?, false)"), {m_b}).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM tenants")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE tenant_id = ?::uuid"), {m_b}),
                 0);
        auto setRole = sql::exec(db, QStringLiteral("SET ROLE mpanel_app"));
        QVERIFY(!setRole.ok());
        QCOMPARE(setRole.error().field, QLatin1String(sql::InsufficientPrivilege));
    }

    void serviceWithoutATenantSeesNothing()
    {
        QVERIFY(m_owner.transaction());
        QVERIFY(sql::exec(m_owner, QStringLiteral("SET LOCAL ROLE mpanel_app")).ok());
        for (const TenantTable &t : std::as_const(m_tables))
            QVERIFY2(count(m_owner, QStringLiteral("SELECT count(*) FROM %1").arg(t.name)) == 0,
                     qPrintable(t.name));
        m_owner.rollback();
    }

    void readOnlyStaffCannotWrite()
    {
        QSqlDatabase reader = staffConnection(m_readerLogin);
        auto denied = sql::exec(reader,
                                QStringLiteral("INSERT INTO audit_log (tenant_id, actor, action) "
                                               "VALUES (?::uuid, 'reader', 'tried')"),
                                {m_a});
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().field, QLatin1String(sql::InsufficientPrivilege));

        QSqlDatabase admin = staffConnection(m_adminLogin);
        QVERIFY(sql::exec(admin,
                          QStringLiteral("INSERT INTO audit_log (tenant_id, actor, action) "
                                         "VALUES (?::uuid, 'admin', 'did')"),
                          {m_a})
                    .ok());
        // ...but never rewrites history.
        auto rewrite = sql::exec(admin, QStringLiteral("DELETE FROM audit_log"));
        QVERIFY(!rewrite.ok());
    }

    void staffCannotReadTokenHashes()
    {
        QSqlDatabase admin = staffConnection(m_adminLogin);
        QVERIFY(count(admin, QStringLiteral("SELECT count(*) FROM (SELECT id, role FROM api_tokens) t")) >=
                1);
        auto hashes = sql::exec(admin, QStringLiteral("SELECT token_hash FROM api_tokens"));
        QVERIFY(!hashes.ok());
        QCOMPARE(hashes.error().field, QLatin1String(sql::InsufficientPrivilege));
    }

    void customerSearchKeepsToTheVisibleTenant()
    {
        // mpanel_customer_search() runs past RLS; it must pick the tenant the way the policies
        // do. A staff login naming another tenant in the setting still gets its own.
        const QString search = QStringLiteral("SELECT count(*) FROM mpanel_customer_search('%%', NULL, '', "
                                              "'name', false, NULL, NULL, 1000) AS s(id) "
                                              "WHERE s.id IN (SELECT id FROM customers)");
        const QString all = QStringLiteral(
            "SELECT count(*) FROM mpanel_customer_search('%%', NULL, '', 'name', false, NULL, NULL, 1000)");
        QSqlDatabase db = staffConnection(m_adminLogin);
        QVERIFY(sql::exec(db, QStringLiteral("SELECT set_config('mpanel.tenant_id', ?, false)"), {m_b}).ok());
        const qint64 own = count(db, QStringLiteral("SELECT count(*) FROM customers"));
        QVERIFY(own > 0);
        QCOMPARE(count(db, all), own);    // its own tenant's customers, all of them
        QCOMPARE(count(db, search), own); // and every id is one RLS lets it read

        // A deactivated login gets nothing, whatever it sets.
        const QString login = test::uniqueLogin(QStringLiteral("iso_search"));
        auto conn = PgConnection::connect(m_settings);
        QVERIFY(StaffAccounts::add(*conn.value(), m_a, login, StaffRole::Admin, kPassword).ok());
        QVERIFY(conn.value()
                    ->exec(QStringLiteral("UPDATE staff SET active = false WHERE login = %1")
                               .arg(conn.value()->quoteLiteral(login)))
                    .ok());
        QSqlDatabase gone = staffConnection(login);
        QVERIFY(
            sql::exec(gone, QStringLiteral("SELECT set_config('mpanel.tenant_id', ?, false)"), {m_b}).ok());
        QCOMPARE(count(gone, all), 0);

        // The service's transaction gets the tenant it set.
        auto tx = TenantTransaction::begin(m_owner, m_b);
        QVERIFY(tx);
        QCOMPARE(count(tx->db(), all), count(m_owner,
                                             QStringLiteral("SELECT count(*) FROM customers WHERE "
                                                            "tenant_id = ?::uuid"),
                                             {m_b}));
    }

    void deactivatedStaffSeeNothing()
    {
        const QString login = test::uniqueLogin(QStringLiteral("iso_gone"));
        auto conn = PgConnection::connect(m_settings);
        QVERIFY(StaffAccounts::add(*conn.value(), m_a, login, StaffRole::Admin, kPassword).ok());
        QVERIFY(conn.value()
                    ->exec(QStringLiteral("UPDATE staff SET active = false WHERE login = %1")
                               .arg(conn.value()->quoteLiteral(login)))
                    .ok());
        QSqlDatabase db = staffConnection(login);
        QVERIFY(sql::exec(db, QStringLiteral("SELECT set_config('mpanel.tenant_id', ?, false)"), {m_a}).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM tenants")), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit_log")), 0);
    }
};

QTEST_GUILESS_MAIN(TestTenantIsolation)
#include "tst_tenant_isolation.moc"
