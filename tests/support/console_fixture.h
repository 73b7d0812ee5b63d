#pragma once

#include "console_session/console_session.h"
#include "customers/customers.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "support/test_cluster.h"
#include "tenancy/staff_accounts.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace mp::test {

// A fresh database with one tenant, a staff member of `role` signed in to a ConsoleSession, and
// the service's own connection (`service`) to change rows as another session would (the REST
// API, a job): through the services, in tenant transactions.
struct ConsoleFixture {
    ConnectionSettings owner;
    QString tenantId;
    QString login;
    QString password = QStringLiteral("correct horse battery staple 42");
    std::unique_ptr<PgConnection> admin;
    QSqlDatabase service;
    std::unique_ptr<ConsoleSession> session;

    explicit ConsoleFixture(StaffRole role = StaffRole::Admin)
    {
        owner = TestCluster::instance().freshDatabase();
        auto conn = PgConnection::connect(owner);
        if (!conn)
            qFatal("%s", qPrintable(conn.error().message));
        admin = std::move(conn.value());
        auto tenant =
            admin->query(QStringLiteral("INSERT INTO tenants (name, country) VALUES ('Acme Hosting', 'DE') "
                                        "RETURNING id"));
        if (!tenant)
            qFatal("%s", qPrintable(tenant.error().message));
        tenantId = tenant->value(0).value(0);
        login = uniqueLogin(QStringLiteral("staff"));
        if (auto s = StaffAccounts::add(*admin, tenantId, login, role, password); !s)
            qFatal("%s", qPrintable(s.error().message));
        service = openDatabase(owner, QStringLiteral("service-%1").arg(login));
        session = std::make_unique<ConsoleSession>();
        QSignalSpy signedIn(session.get(), &ConsoleSession::signedIn);
        session->signIn(owner, login, password);
        if (!signedIn.wait(20000))
            qFatal("staff sign-in did not finish");
    }

    // Runs `work(tx)` as the service would, in a committed tenant transaction.
    template<class Work> auto asService(Work work)
    {
        auto tx = TenantTransaction::begin(service, tenantId);
        if (!tx)
            qFatal("%s", qPrintable(tx.error().message));
        auto result = work(*tx);
        if (!result)
            qFatal("%s", qPrintable(result.error().message));
        if (auto c = tx->commit(); !c)
            qFatal("%s", qPrintable(c.error().message));
        return result;
    }

    customers::Customer addCustomer(const QString &name, const QString &email)
    {
        customers::CustomerDraft d;
        d.name = name;
        d.email = email;
        d.country = QStringLiteral("DE");
        return *asService([&](TenantTransaction &tx) { return customers::Customers::create(tx, d); });
    }

    // `count` customers "Customer 000001" ... in one set-based statement, as a bulk import would.
    void fillCustomers(int count)
    {
        auto q = sql::exec(service,
                           QStringLiteral("INSERT INTO customers (tenant_id, name, email) "
                                          "SELECT ?::uuid, 'Customer ' || lpad(g::text, 6, '0'), "
                                          "       'c' || g || '@example.test' FROM generate_series(1, ?) g"),
                           {tenantId, count});
        if (!q)
            qFatal("%s", qPrintable(q.error().message));
    }
};

} // namespace mp::test
