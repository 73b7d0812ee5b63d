// Subscriptions end to end on a real database: created by a paid order invoice (never by an
// unpaid or cancelled one, never for a one-time product), renewal invoices issued once per
// period even under 8 racing runs, past due -> suspended -> reactivated by payment, both cancel
// modes and expiry, a bad subscription not holding back the others, and who sees what.
#include "core/clock.h"
#include "db/tenant_transaction.h"
#include "jobs/job_engine.h"
#include "jobs/job_registry.h"
#include "jobs/jobs.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_renewals.h"
#include "support/service_fixture.h"

#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace mp;
using namespace mp::test;
using namespace mp::subscriptions;

namespace {

const QDateTime kStart(QDate(2026, 1, 31), QTime(10, 0), QTimeZone::utc());

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestSubscriptions : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    QString m_tenant, m_other;
    QString m_admin, m_reader, m_otherAdmin;
    QString m_alice, m_aliceId, m_bob, m_bobId;
    QString m_hosting, m_setupOnly;

    QString insertProduct(const QString &tenant, const QString &name)
    {
        auto q = sql::exec(
            m_api.db(),
            QStringLiteral("INSERT INTO products (tenant_id, type, name) VALUES (?::uuid, 'other', ?) "
                           "RETURNING id::text"),
            {tenant, name});
        if (!q || !q->next())
            qFatal("product: %s", q ? "no row" : qPrintable(q.error().message));
        return q->value(0).toString();
    }
    void price(const QString &product, const QString &cycle, qint64 amount)
    {
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                       "SELECT tenant_id, id, ?, 'EUR', ? FROM products WHERE id = ?::uuid"),
                   {cycle, amount, product});
    }
    QPair<QString, QString> signup(const QString &name, const QString &email)
    {
        const QJsonObject body{{QStringLiteral("tenant_id"), m_tenant},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("email"), email},
                               {QStringLiteral("country"), QStringLiteral("DE")},
                               {QStringLiteral("password"), QStringLiteral("correct horse battery")}};
        const auto r = m_api.call("POST", QStringLiteral("/api/auth/signup"), {}, body);
        if (r.status != 201)
            qFatal("signup: %d %s", r.status, r.body.constData());
        auto q =
            sql::exec(m_api.db(), QStringLiteral("SELECT id::text FROM customers WHERE email = ?"), {email});
        q->next();
        return {str(r.json(), "access_token"), q->value(0).toString()};
    }
    // Checkout as the customer; returns {order id, invoice id}.
    QPair<QString, QString> order(const QString &token, const QString &product, const QString &cycle)
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/checkout"), token,
                       {{QStringLiteral("product_id"), product}, {QStringLiteral("cycle"), cycle}});
        if (r.status != 201)
            qFatal("checkout: %d %s", r.status, r.body.constData());
        return {str(r.json(), "order_id"), str(r.json(), "invoice_id")};
    }
    int setInvoiceStatus(const QString &invoiceId, const QString &status)
    {
        return m_api
            .call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoiceId), m_admin,
                  {{QStringLiteral("status"), status}, {QStringLiteral("reason"), QStringLiteral("test")}})
            .status;
    }
    QString subscriptionOf(const QString &orderId)
    {
        auto q = sql::exec(m_api.db(),
                           QStringLiteral("SELECT s.id::text FROM subscriptions s JOIN order_items oi ON "
                                          "oi.id = s.order_item_id WHERE oi.order_id = ?::uuid"),
                           {orderId});
        return q && q->next() ? q->value(0).toString() : QString();
    }
    QJsonObject subscription(const QString &id, const QString &token = {})
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/subscriptions/%1").arg(id),
                                  token.isEmpty() ? m_admin : token);
        if (r.status != 200)
            qWarning("GET subscription: %d %s", r.status, r.body.constData());
        return r.json();
    }
    RenewalRun renew(const QString &tenant)
    {
        auto tx = TenantTransaction::begin(m_api.db(), tenant);
        auto run = SubscriptionRenewals::run(*tx, m_clock.now());
        if (!run)
            qFatal("renewal: %s", qPrintable(run.error().message));
        for (const QString &e : std::as_const(run->errors))
            qWarning("renewal failed: %s", qPrintable(e));
        if (auto st = tx->commit(); !st)
            qFatal("commit: %s", qPrintable(st.error().message));
        return *run;
    }
    DunningRun dunning(const QString &tenant)
    {
        auto tx = TenantTransaction::begin(m_api.db(), tenant);
        auto run = SubscriptionLifecycle::runDunning(*tx, m_clock.now());
        if (!run)
            qFatal("dunning: %s", qPrintable(run.error().message));
        if (auto st = tx->commit(); !st)
            qFatal("commit: %s", qPrintable(st.error().message));
        return *run;
    }
    QString renewalInvoice(const QString &subscriptionId)
    {
        auto q = sql::exec(
            m_api.db(),
            QStringLiteral("SELECT invoice_id::text FROM subscription_invoices WHERE subscription_id = "
                           "?::uuid AND kind = 'renewal' ORDER BY period_start DESC LIMIT 1"),
            {subscriptionId});
        return q && q->next() ? q->value(0).toString() : QString();
    }
    // A fresh paid monthly subscription for alice, started now.
    QString paidSubscription()
    {
        const auto [orderId, invoiceId] = order(m_alice, m_hosting, QStringLiteral("monthly"));
        if (setInvoiceStatus(invoiceId, QStringLiteral("paid")) != 200)
            qFatal("pay failed");
        return subscriptionOf(orderId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        m_api.start(QStringLiteral("subscriptions"));
        m_tenant = m_api.tenant(QStringLiteral("Subscription Hosting"));
        m_other = m_api.tenant(QStringLiteral("Other Hosting"));
        m_api.exec(QStringLiteral("UPDATE tenants SET country = 'DE' WHERE id = ?::uuid"), {m_tenant});
        m_api.exec(QStringLiteral("INSERT INTO tax_rates (tenant_id, country, name, rate_ppm) VALUES "
                                  "(?::uuid, 'DE', 'USt.', 190000)"),
                   {m_tenant});
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        m_otherAdmin = m_api.staffToken(m_other);
        m_hosting = insertProduct(m_tenant, QStringLiteral("Web Hosting M"));
        price(m_hosting, QStringLiteral("monthly"), 1000);
        price(m_hosting, QStringLiteral("annual"), 10000);
        m_setupOnly = insertProduct(m_tenant, QStringLiteral("Setup service"));
        price(m_setupOnly, QStringLiteral("one_time"), 5000);
        std::tie(m_alice, m_aliceId) = signup(QStringLiteral("Alice"), QStringLiteral("alice@example.com"));
        std::tie(m_bob, m_bobId) = signup(QStringLiteral("Bob"), QStringLiteral("bob@example.com"));
    }

    void init() { m_clock.set(kStart); }

    void jobKindsAreRegistered()
    {
        QVERIFY(JobRegistry::global().contains(QStringLiteral("subscriptions.renew")));
        QVERIFY(JobRegistry::global().contains(QStringLiteral("subscriptions.dunning")));
    }

    void paidOrderInvoiceCreatesAnActiveSubscription()
    {
        const auto [orderId, invoiceId] = order(m_alice, m_hosting, QStringLiteral("monthly"));
        QVERIFY(subscriptionOf(orderId).isEmpty()); // ordered, unpaid: nothing yet
        QCOMPARE(setInvoiceStatus(invoiceId, QStringLiteral("paid")), 200);
        const QString id = subscriptionOf(orderId);
        QVERIFY(!id.isEmpty());
        const QJsonObject s = subscription(id);
        QCOMPARE(str(s, "status"), QStringLiteral("active"));
        QCOMPARE(str(s, "cycle"), QStringLiteral("monthly"));
        QCOMPARE(s.value(QStringLiteral("unit_price_minor")).toInteger(), 1000);
        QCOMPARE(s.value(QStringLiteral("anchor_day")).toInt(), 31);
        QCOMPARE(str(s, "current_period_start"), QStringLiteral("2026-01-31T10:00:00.000Z"));
        // Anchored on the 31st: February's period ends on its last day.
        QCOMPARE(str(s, "current_period_end"), QStringLiteral("2026-02-28T10:00:00.000Z"));
        QCOMPARE(str(s, "next_due_date"), QStringLiteral("2026-02-28"));
        QCOMPARE(str(s.value(QStringLiteral("product")).toObject(), "name"), QStringLiteral("Web Hosting M"));
        QCOMPARE(str(s.value(QStringLiteral("customer")).toObject(), "id"), m_aliceId);
        const QJsonArray invoices = s.value(QStringLiteral("invoices")).toArray();
        QCOMPARE(invoices.size(), 1);
        QCOMPARE(str(invoices.at(0).toObject(), "id"), invoiceId);
        QCOMPARE(str(invoices.at(0).toObject(), "kind"), QStringLiteral("first"));
        QVERIFY(invoices.at(0).toObject().contains(QStringLiteral("payment")));
        QCOMPARE(str(s.value(QStringLiteral("history")).toArray().at(0).toObject(), "event"),
                 QStringLiteral("created"));
    }

    void unpaidCancelledOrOneTimeCreateNone()
    {
        const qint64 before = m_api.scalar(QStringLiteral("SELECT count(*) FROM subscriptions"));
        const auto unpaid = order(m_alice, m_hosting, QStringLiteral("monthly"));
        const auto declined = order(m_alice, m_hosting, QStringLiteral("annual"));
        QCOMPARE(setInvoiceStatus(declined.second, QStringLiteral("cancelled")), 200);
        const auto oneTime = order(m_alice, m_setupOnly, QStringLiteral("one_time"));
        QCOMPARE(setInvoiceStatus(oneTime.second, QStringLiteral("paid")), 200);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM subscriptions")), before);
        QVERIFY(subscriptionOf(unpaid.first).isEmpty());
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM orders WHERE id = ?::uuid AND status = 'active'"),
                     {oneTime.first}),
                 1);
    }

    void renewalIsIssuedOnceAndPaymentExtendsThePeriod()
    {
        const QString id = paidSubscription();
        // 8 days before the due date (28 Feb): outside the 7-day lead time.
        m_clock.set(QDateTime(QDate(2026, 2, 20), QTime(9, 0), QTimeZone::utc()));
        renew(m_tenant);
        QVERIFY(renewalInvoice(id).isEmpty());
        m_clock.set(QDateTime(QDate(2026, 2, 21), QTime(9, 0), QTimeZone::utc()));
        renew(m_tenant);
        const QString invoiceId = renewalInvoice(id);
        QVERIFY(!invoiceId.isEmpty());
        QCOMPARE(renew(m_tenant).issued, 0); // the period already has its invoice
        const auto inv = m_api.call("GET", QStringLiteral("/api/invoices/%1").arg(invoiceId), m_admin).json();
        QCOMPARE(str(inv, "status"), QStringLiteral("unpaid"));
        QCOMPARE(str(inv, "due_date"), QStringLiteral("2026-02-28"));
        QCOMPARE(str(inv, "issue_date"), QStringLiteral("2026-02-21"));
        QVERIFY(str(inv, "number").startsWith(QStringLiteral("INV-2026-")));
        QCOMPARE(inv.value(QStringLiteral("total_minor")).toInteger(), 1190); // 10.00 + 19 % USt.
        QCOMPARE(setInvoiceStatus(invoiceId, QStringLiteral("paid")), 200);
        const QJsonObject s = subscription(id);
        QCOMPARE(str(s, "status"), QStringLiteral("active"));
        QCOMPARE(str(s, "current_period_start"), QStringLiteral("2026-02-28T10:00:00.000Z"));
        QCOMPARE(str(s, "current_period_end"),
                 QStringLiteral("2026-03-31T10:00:00.000Z")); // back on the 31st
        QCOMPARE(str(s, "next_due_date"), QStringLiteral("2026-03-31"));
    }

    void pastDueThenSuspendedThenReactivatedByPayment()
    {
        m_api.exec(
            QStringLiteral("UPDATE subscription_settings SET grace_days = 5 WHERE tenant_id = ?::uuid"),
            {m_tenant});
        const QString id = paidSubscription();
        m_clock.set(QDateTime(QDate(2026, 2, 25), QTime(9, 0), QTimeZone::utc()));
        renew(m_tenant);
        const QString invoiceId = renewalInvoice(id);
        QVERIFY(!invoiceId.isEmpty());
        dunning(m_tenant);
        QCOMPARE(str(subscription(id), "status"), QStringLiteral("active")); // not due yet

        m_clock.set(QDateTime(QDate(2026, 2, 28), QTime(11, 0), QTimeZone::utc()));
        dunning(m_tenant);
        QCOMPARE(str(subscription(id), "status"), QStringLiteral("past_due"));
        dunning(m_tenant); // a second run queues no second reminder
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = "
                                             "'subscription.past_due' AND payload->>'subscription_id' = ?"),
                              {id}),
                 1);
        QCOMPARE(
            m_api.scalar(
                QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = 'subscription.past_due' "
                               "AND payload->>'invoice_id' = ?"),
                {invoiceId}),
            1);

        m_clock.set(QDateTime(QDate(2026, 3, 5), QTime(9, 0), QTimeZone::utc()));
        dunning(m_tenant);
        QCOMPARE(str(subscription(id), "status"), QStringLiteral("past_due")); // grace ends 5 March 10:00
        m_clock.set(QDateTime(QDate(2026, 3, 5), QTime(10, 0), QTimeZone::utc()));
        dunning(m_tenant);
        QJsonObject s = subscription(id);
        QCOMPARE(str(s, "status"), QStringLiteral("suspended"));
        QCOMPARE(str(s, "suspended_at"), QStringLiteral("2026-03-05T10:00:00.000Z"));

        // No new invoice while the unpaid one stands.
        QCOMPARE(renew(m_tenant).issued, 0);
        QCOMPARE(setInvoiceStatus(invoiceId, QStringLiteral("paid")), 200);
        s = subscription(id);
        QCOMPARE(str(s, "status"), QStringLiteral("active"));
        QVERIFY(s.value(QStringLiteral("suspended_at")).isNull());
        QCOMPARE(str(s, "current_period_end"), QStringLiteral("2026-03-31T10:00:00.000Z"));
        QStringList events;
        for (const auto &e : s.value(QStringLiteral("history")).toArray())
            events << str(e.toObject(), "event");
        QCOMPARE(events, (QStringList{QStringLiteral("created"), QStringLiteral("renewal_invoiced"),
                                      QStringLiteral("past_due"), QStringLiteral("suspended"),
                                      QStringLiteral("renewed")}));
        m_api.exec(
            QStringLiteral("UPDATE subscription_settings SET grace_days = 7 WHERE tenant_id = ?::uuid"),
            {m_tenant});
    }

    // The other order: the payment lands first, the dunning run afterwards finds nothing to do.
    void paymentBeforeSuspensionKeepsItActive()
    {
        const QString id = paidSubscription();
        m_clock.set(QDateTime(QDate(2026, 2, 28), QTime(11, 0), QTimeZone::utc()));
        renew(m_tenant);
        dunning(m_tenant);
        QCOMPARE(str(subscription(id), "status"), QStringLiteral("past_due"));
        QCOMPARE(setInvoiceStatus(renewalInvoice(id), QStringLiteral("paid")), 200);
        m_clock.set(QDateTime(QDate(2026, 3, 20), QTime(9, 0), QTimeZone::utc()));
        dunning(m_tenant);
        QCOMPARE(str(subscription(id), "status"), QStringLiteral("active"));
    }

    void cancelNow()
    {
        const QString id = paidSubscription();
        const auto r = m_api.call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(id), m_alice,
                                  {{QStringLiteral("mode"), QStringLiteral("now")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json(), "status"), QStringLiteral("cancelled"));
        QCOMPARE(str(r.json(), "ended_at"), QStringLiteral("2026-01-31T10:00:00.000Z"));
        m_clock.set(QDateTime(QDate(2026, 2, 27), QTime(9, 0), QTimeZone::utc()));
        renew(m_tenant);
        QVERIFY(renewalInvoice(id).isEmpty()); // cancelled subscriptions never renew
        const auto again = m_api.call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(id), m_admin,
                                      {{QStringLiteral("mode"), QStringLiteral("now")}});
        QCOMPARE(again.status, 409);
        const auto bad = m_api.call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(id), m_admin,
                                    {{QStringLiteral("mode"), QStringLiteral("tomorrow")}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(errorField(bad), QStringLiteral("mode"));
    }

    void cancelAtPeriodEndThenExpires()
    {
        const QString id = paidSubscription();
        const auto r = m_api.call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(id), m_admin,
                                  {{QStringLiteral("mode"), QStringLiteral("period_end")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json(), "status"), QStringLiteral("active"));
        QVERIFY(r.json().value(QStringLiteral("cancel_at_period_end")).toBool());
        m_clock.set(QDateTime(QDate(2026, 2, 27), QTime(9, 0), QTimeZone::utc()));
        renew(m_tenant);
        QVERIFY(renewalInvoice(id).isEmpty()); // no more renewals
        dunning(m_tenant);
        QCOMPARE(str(subscription(id), "status"), QStringLiteral("active"));
        m_clock.set(QDateTime(QDate(2026, 2, 28), QTime(10, 0), QTimeZone::utc()));
        dunning(m_tenant);
        const QJsonObject s = subscription(id);
        QCOMPARE(str(s, "status"), QStringLiteral("expired"));
        QCOMPARE(str(s, "ended_at"), QStringLiteral("2026-02-28T10:00:00.000Z"));
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM email_outbox WHERE template LIKE 'subscription.%' "
                                    "AND payload->>'subscription_id' = ?"),
                     {id}),
                 0); // expiry is not a payment reminder
    }

    void staffSuspendUnsuspendAndRenewNow()
    {
        const QString id = paidSubscription();
        const QString path = QStringLiteral("/api/subscriptions/%1/").arg(id);
        QCOMPARE(m_api.call("POST", path + QStringLiteral("suspend"), m_alice).status, 403);
        QCOMPARE(m_api.call("POST", path + QStringLiteral("suspend"), m_reader).status, 403);
        auto r = m_api.call("POST", path + QStringLiteral("suspend"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json(), "status"), QStringLiteral("suspended"));
        QCOMPARE(m_api.call("POST", path + QStringLiteral("suspend"), m_admin).status, 409);
        r = m_api.call("POST", path + QStringLiteral("unsuspend"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json(), "status"), QStringLiteral("active"));
        r = m_api.call("POST", path + QStringLiteral("renew-now"), m_admin);
        QCOMPARE(r.status, 201);
        QVERIFY(r.header("Location").startsWith("/api/invoices/"));
        QCOMPARE(m_api.call("POST", path + QStringLiteral("renew-now"), m_admin).status, 409);
    }

    void scoping()
    {
        const QString id = paidSubscription();
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/subscriptions/%1").arg(id), m_alice).status, 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/subscriptions/%1").arg(id), m_bob).status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/subscriptions/%1").arg(id), m_otherAdmin).status,
                 404);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(id), m_bob,
                           {{QStringLiteral("mode"), QStringLiteral("now")}})
                     .status,
                 404);
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/subscriptions/%1/suspend").arg(id), m_otherAdmin).status,
            404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/subscriptions/not-a-uuid"), m_admin).status, 404);

        // Lists: the customer sees only its own, even when asking for someone else's.
        auto mine = m_api.call("GET", QStringLiteral("/api/subscriptions?limit=200"), m_bob);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().value(QStringLiteral("items")).toArray().size(), 0);
        mine = m_api.call("GET", QStringLiteral("/api/subscriptions?customer_id=%1").arg(m_aliceId), m_bob);
        QCOMPARE(mine.json().value(QStringLiteral("items")).toArray().size(), 0);
        const qint64 alices = m_api.scalar(
            QStringLiteral("SELECT count(*) FROM subscriptions WHERE customer_id = ?::uuid"), {m_aliceId});
        QVERIFY(alices > 0);
        // Keyset paging: pages of 2 add up to all of alice's, without repeats.
        QSet<QString> seen;
        QString cursor;
        for (int guard = 0; guard < 100; ++guard) {
            QString url = QStringLiteral("/api/subscriptions?limit=2");
            if (!cursor.isEmpty())
                url += QStringLiteral("&cursor=") + cursor;
            const auto page = m_api.call("GET", url, m_alice);
            QCOMPARE(page.status, 200);
            for (const auto &item : page.json().value(QStringLiteral("items")).toArray()) {
                QCOMPARE(str(item.toObject(), "customer_id"), m_aliceId);
                QVERIFY(!seen.contains(str(item.toObject(), "id")));
                seen.insert(str(item.toObject(), "id"));
            }
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        QCOMPARE(qint64(seen.size()), alices);
        auto other = m_api.call("GET", QStringLiteral("/api/subscriptions"), m_otherAdmin);
        QCOMPARE(other.json().value(QStringLiteral("items")).toArray().size(), 0);

        // Staff filters.
        auto staff = m_api.call(
            "GET",
            QStringLiteral("/api/subscriptions?status=active&product_id=%1&customer_id=%2&limit=200")
                .arg(m_hosting, m_aliceId),
            m_admin);
        QCOMPARE(staff.status, 200);
        for (const auto &item : staff.json().value(QStringLiteral("items")).toArray())
            QCOMPARE(str(item.toObject(), "status"), QStringLiteral("active"));
        QVERIFY(!staff.json().value(QStringLiteral("items")).toArray().isEmpty());
        auto due =
            m_api.call("GET", QStringLiteral("/api/subscriptions?due_within_days=27&limit=200"), m_admin);
        QCOMPARE(due.json().value(QStringLiteral("items")).toArray().size(), 0); // due 28 Feb, 28 days away
        due = m_api.call("GET", QStringLiteral("/api/subscriptions?due_within_days=28&limit=200"), m_admin);
        QVERIFY(!due.json().value(QStringLiteral("items")).toArray().isEmpty());
        for (const char *bad : {"status=paid", "due_within_days=-1", "due_within_days=x", "product_id=nope",
                                "customer_id=nope"}) {
            const auto r =
                m_api.call("GET", QStringLiteral("/api/subscriptions?%1").arg(QLatin1String(bad)), m_admin);
            QCOMPARE(r.status, 400);
            QCOMPARE(errorField(r), QString::fromLatin1(bad).section(u'=', 0, 0));
        }
    }

    // One subscription with bad data (a currency the service does not know) fails alone: it is
    // logged in its history, the others are invoiced, and it is tried again next run.
    void oneBadSubscriptionDoesNotHoldBackTheOthers()
    {
        const QString good = paidSubscription();
        const QString bad = paidSubscription();
        m_api.exec(QStringLiteral("UPDATE subscriptions SET currency = 'ZZZ' WHERE id = ?::uuid"), {bad});
        m_clock.set(QDateTime(QDate(2026, 2, 22), QTime(9, 0), QTimeZone::utc()));
        const RenewalRun run = renew(m_tenant);
        QVERIFY(run.failed >= 1);
        QVERIFY(run.errors.join(u'\n').contains(bad));
        QVERIFY(!renewalInvoice(good).isEmpty());
        QVERIFY(renewalInvoice(bad).isEmpty());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM subscription_events WHERE subscription_id = "
                                        "?::uuid AND event = 'renewal_failed'"),
                         {bad}),
            1);
        m_api.exec(QStringLiteral("UPDATE subscriptions SET currency = 'EUR' WHERE id = ?::uuid"), {bad});
        renew(m_tenant);
        QVERIFY(!renewalInvoice(bad).isEmpty());
    }

    // 8 runs on 8 connections at once over 300 due subscriptions: every period invoiced exactly
    // once, and the invoice numbers stay gapless.
    void renewalExactlyOnceUnder8RacingRuns()
    {
        const QString tenant = m_api.tenant(QStringLiteral("Race Hosting"));
        m_api.exec(
            QStringLiteral("INSERT INTO products (tenant_id, type, name) VALUES (?::uuid, 'other', 'Race')"),
            {tenant});
        m_api.exec(
            QStringLiteral("INSERT INTO customers (tenant_id, name, email) SELECT ?::uuid, 'Racer ' || g, "
                           "'racer' || g || '@example.com' FROM generate_series(1, 30) g"),
            {tenant});
        m_api.exec(QStringLiteral(R"(
INSERT INTO subscriptions (tenant_id, customer_id, product_id, product_type, description, cycle, currency,
                           unit_price_minor, quantity, status, anchor_day, started_at, current_period_start,
                           current_period_end, next_due_date, created_at, updated_at)
SELECT ?::uuid, c.id, p.id, 'other', 'Race ' || g, 'monthly', 'EUR', 500 + g, 1, 'active', 3,
       '2026-01-03 10:00Z', '2026-01-03 10:00Z', '2026-02-03 10:00Z', '2026-02-03', now(), now()
FROM generate_series(1, 300) g
JOIN LATERAL (SELECT id FROM customers WHERE tenant_id = ?::uuid ORDER BY email OFFSET (g % 30) LIMIT 1) c ON true
JOIN products p ON p.tenant_id = ?::uuid)"),
                   {tenant, tenant, tenant});
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM subscriptions WHERE tenant_id = ?::uuid"),
                              {tenant}),
                 300);
        m_clock.set(QDateTime(QDate(2026, 2, 1), QTime(0, 0), QTimeZone::utc()));

        std::atomic_int issued{0}, errors{0};
        std::atomic_int ready{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&, i] {
                QSqlDatabase db = openDatabase(m_api.settings(), QStringLiteral("race-%1").arg(i));
                ++ready;
                while (ready.load() < 8)
                    QThread::yieldCurrentThread();
                for (int round = 0; round < 3; ++round) {
                    auto tx = TenantTransaction::begin(db, tenant);
                    if (!tx) {
                        ++errors;
                        continue;
                    }
                    RenewalOptions options;
                    options.batchSize = 25; // many small batches: more interleaving
                    auto run = SubscriptionRenewals::run(*tx, m_clock.now(), options);
                    if (!run || run->failed > 0 || !tx->commit()) {
                        qWarning("race run failed: %s",
                                 run ? qPrintable(run->errors.join(u';')) : qPrintable(run.error().message));
                        ++errors;
                        continue;
                    }
                    issued += run->issued;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(errors.load(), 0);
        QCOMPARE(issued.load(), 300);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE tenant_id = ?::uuid"), {tenant}),
            300);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(DISTINCT subscription_id) FROM subscription_invoices "
                                        "WHERE tenant_id = ?::uuid AND kind = 'renewal'"),
                         {tenant}),
            300);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT max(number_seq) - min(number_seq) + 1 FROM invoices WHERE "
                                        "tenant_id = ?::uuid"),
                         {tenant}),
            300);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(DISTINCT number) FROM invoices WHERE tenant_id = ?::uuid"),
                     {tenant}),
                 300);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT last_value FROM document_counters WHERE tenant_id = ?::uuid AND "
                                    "series = 'invoice'"),
                     {tenant}),
                 300);
        // Each invoice is the subscription's own price for the period 3 Feb - 3 Mar.
        QCOMPARE(m_api.scalar(QStringLiteral(R"(
SELECT count(*) FROM subscription_invoices si JOIN subscriptions s ON s.id = si.subscription_id
JOIN invoices i ON i.id = si.invoice_id
WHERE si.tenant_id = ?::uuid AND i.net_minor = s.unit_price_minor AND i.due_date = '2026-02-03'
  AND si.period_end = '2026-03-03 10:00Z')"),
                              {tenant}),
                 300);
    }

    // The same race through the job engine: 8 subscriptions.renew jobs taken by 4 workers at
    // once, then a dunning job; every job completes and each period has one invoice.
    void renewalJobsRaceThroughTheEngine()
    {
        const QString tenant = m_api.tenant(QStringLiteral("Job Hosting"));
        m_api.exec(
            QStringLiteral("INSERT INTO products (tenant_id, type, name) VALUES (?::uuid, 'other', 'Job')"),
            {tenant});
        m_api.exec(
            QStringLiteral(
                "INSERT INTO customers (tenant_id, name, email) VALUES (?::uuid, 'Jo', 'jo@example.com')"),
            {tenant});
        m_api.exec(QStringLiteral(R"(
INSERT INTO subscriptions (tenant_id, customer_id, product_id, product_type, description, cycle, currency,
                           unit_price_minor, quantity, status, anchor_day, started_at, current_period_start,
                           current_period_end, next_due_date, created_at, updated_at)
SELECT ?::uuid, c.id, p.id, 'other', 'Job ' || g, 'quarterly', 'EUR', 700, 1, 'active', 3,
       '2025-11-03 10:00Z', '2025-11-03 10:00Z', '2026-02-03 10:00Z', '2026-02-03', now(), now()
FROM generate_series(1, 120) g, customers c, products p WHERE c.tenant_id = ?::uuid AND p.tenant_id = ?::uuid)"),
                   {tenant, tenant, tenant});
        m_clock.set(QDateTime(QDate(2026, 2, 1), QTime(0, 0), QTimeZone::utc()));
        for (int i = 0; i < 8; ++i) {
            JobSpec spec;
            spec.tenantId = tenant;
            spec.kind = QStringLiteral("subscriptions.renew");
            spec.payload = {{QStringLiteral("batch_size"), 10}, {QStringLiteral("limit"), 40}};
            QVERIFY(Jobs::enqueue(m_api.db(), spec));
        }
        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = 4;
        o.batchSize = 1;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        JobEngine engine(o);
        QVERIFY(engine.start());
        // Each job stops after 40 and leaves the rest to a follow-up job.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE tenant_id = ?::uuid "
                                        "AND status NOT IN ('completed', 'failed', 'dead')"),
                         {tenant}) == 0 &&
                engine.jobsFinished() >= 8,
            60000);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE tenant_id = ?::uuid AND kind = "
                                             "'subscriptions.renew' AND status <> 'completed'"),
                              {tenant}),
                 0);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE tenant_id = ?::uuid"), {tenant}),
            120);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT max(number_seq) - min(number_seq) + 1 FROM invoices WHERE "
                                        "tenant_id = ?::uuid"),
                         {tenant}),
            120);
        // Quarterly from 3 February: the next period ends on 3 May.
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM subscription_invoices WHERE tenant_id = ?::uuid "
                                    "AND period_end = '2026-05-03 10:00Z'"),
                     {tenant}),
                 120);

        m_clock.set(QDateTime(QDate(2026, 2, 4), QTime(0, 0), QTimeZone::utc()));
        JobSpec dunning;
        dunning.tenantId = tenant;
        dunning.kind = QStringLiteral("subscriptions.dunning");
        QVERIFY(Jobs::enqueue(m_api.db(), dunning));
        const qint64 finished = engine.jobsFinished();
        QTRY_VERIFY_WITH_TIMEOUT(engine.jobsFinished() >= finished + 1, 60000);
        QVERIFY(engine.stop());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM subscriptions WHERE tenant_id = ?::uuid AND "
                                        "status = 'past_due'"),
                         {tenant}),
            120);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM email_outbox WHERE tenant_id = ?::uuid "
                                             "AND template = 'subscription.past_due'"),
                              {tenant}),
                 120);
    }
};

QTEST_MAIN(TestSubscriptions)
#include "tst_subscriptions.moc"
