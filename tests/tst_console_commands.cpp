// Every console command that writes, run as each staff role, against the REST API doing the same
// thing as a token of that role on the same database: the console must answer what the API
// answers (success, or the same status and error code) and leave the same rows behind, including
// what reaches other modules (an invoice marked paid activates its subscription, which records
// the CloudPod and queues its provisioning job). Also checks that staff logins may make every
// write the service's own role makes, except on the tables kept closed on purpose (migration
// 0021), since a console command runs the services on the staff member's own login.
#include "billing_commands.h"
#include "catalog/product_json.h"
#include "catalog_commands.h"
#include "cloudpod_commands.h"
#include "customer_commands.h"
#include "customers/customer_json.h"
#include "db/pg_connection.h"
#include "dns_commands.h"
#include "http/api_context.h"
#include "job_commands.h"
#include "mail_commands.h"
#include "service/service_modules.h"
#include "settings_commands.h"
#include "ssl_commands.h"
#include "subscription_commands.h"
#include "support/service_fixture.h"
#include "tenancy/staff_accounts.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <map>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace mp;
using namespace mp::test;

namespace {

const QString kPassword = u"correct horse battery staple 42"_s;

const QList<StaffRole> kRoles{StaffRole::Owner, StaffRole::Admin, StaffRole::Billing, StaffRole::Support,
                              StaffRole::ReadOnly};

// "ok", or the HTTP status and error code an error answers.
QString outcomeOf(const Error *error)
{
    if (!error)
        return u"ok"_s;
    return u"%1 %2"_s.arg(statusForError(*error)).arg(error->code);
}

QString outcomeOf(const HttpResult &r)
{
    if (r.status >= 200 && r.status < 300)
        return u"ok"_s;
    return u"%1 %2"_s.arg(r.status).arg(errorCode(r));
}

// What one customer has, across billing, subscriptions and provisioning, as a line to compare.
const QString kSnapshot = uR"(
SELECT concat_ws(' | ',
  'invoices ' || coalesce((SELECT string_agg(status, ',' ORDER BY created_at, id) FROM invoices
                           WHERE customer_id = c.id), '-'),
  'orders ' || coalesce((SELECT string_agg(status, ',' ORDER BY created_at, id) FROM orders
                         WHERE customer_id = c.id), '-'),
  'subscriptions ' || coalesce((SELECT string_agg(status || CASE WHEN cancel_at_period_end THEN '+ending'
                                                                  ELSE '' END, ',' ORDER BY created_at, id)
                                FROM subscriptions WHERE customer_id = c.id), '-'),
  'pods ' || coalesce((SELECT string_agg(status || CASE WHEN suspend_requested THEN '+suspend' ELSE '' END
                                                 || CASE WHEN terminate_requested_at IS NOT NULL
                                                         THEN '+terminate' ELSE '' END,
                                         ',' ORDER BY created_at, id)
                       FROM cloud_pods WHERE customer_id = c.id), '-'),
  'jobs ' || coalesce((SELECT string_agg(j.kind || ':' || j.status, ',' ORDER BY j.id)
                       FROM jobs j JOIN cloud_pods p ON j.related_id = p.id::text
                       WHERE p.customer_id = c.id), '-'))
FROM customers c WHERE c.id = ?::uuid)"_s;

} // namespace

class TestConsoleCommands : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant;
    QString m_admin; // the token that prepares subjects
    QString m_product;
    std::map<StaffRole, QString> m_tokens;
    std::map<StaffRole, std::unique_ptr<ConsoleSession>> m_sessions;
    int m_customers = 0;
    int m_zones = 0;

    // A command run both ways on two subjects prepared alike.
    struct Case {
        QString name;
        std::function<QString()> prepare; // a customer whose rows the command changes
        std::function<void(ConsoleSession *, QObject *, const QString &customer,
                           std::function<void(const Error *)> done)>
            console;
        std::function<HttpResult(const QString &token, const QString &customer)> api;
        // What the command changed about the subject; default: the customer's snapshot.
        std::function<QString(const QString &subject)> state = {};
    };

    QString str(const QString &sqlText, const QString &bind) { return m_api.text(sqlText, {bind}); }
    QString snapshot(const QString &customer) { return m_api.text(kSnapshot, {customer}); }
    QString invoiceOf(const QString &customer)
    {
        return str(u"SELECT id::text FROM invoices WHERE customer_id = ?::uuid ORDER BY created_at LIMIT 1"_s,
                   customer);
    }
    QString subscriptionOf(const QString &customer)
    {
        return str(u"SELECT id::text FROM subscriptions WHERE customer_id = ?::uuid"_s, customer);
    }
    QString podOf(const QString &customer)
    {
        return str(u"SELECT id::text FROM cloud_pods WHERE customer_id = ?::uuid"_s, customer);
    }
    qint64 provisionJobOf(const QString &customer)
    {
        return m_api.scalar(u"SELECT j.id FROM jobs j JOIN cloud_pods p ON j.related_id = p.id::text "
                            "WHERE p.customer_id = ?::uuid AND j.kind = 'cloudpod.provision'"_s,
                            {customer});
    }

    HttpResult call(const QByteArray &method, const QString &path, const QString &token,
                    const QJsonObject &body = {})
    {
        return m_api.call(method, path, token, body);
    }

    // A new zone with one A record (its sync job stays queued: no PowerDNS here); the subject is
    // its name.
    QString zoneWithRecord()
    {
        if (m_zones++ == 0) {
            const auto server = call("POST", u"/api/dns/servers"_s, m_admin,
                                     QJsonObject{{u"name"_s, u"ns1"_s},
                                                 {u"api_base"_s, u"http://127.0.0.1:9"_s},
                                                 {u"api_key"_s, u"k"_s},
                                                 {u"mode"_s, u"sandbox"_s}});
            if (server.status != 201)
                qFatal("dns server: %d %s", server.status, server.body.constData());
        }
        const QString zone = u"zone%1.test"_s.arg(m_zones);
        auto r = call("POST", u"/api/dns/zones"_s, m_admin, QJsonObject{{u"name"_s, zone}});
        if (r.status != 202)
            qFatal("zone: %d %s", r.status, r.body.constData());
        r = call("PATCH", u"/api/dns/zones/%1/records"_s.arg(zone), m_admin,
                 recordChanges(u"A"_s, u"192.0.2.1"_s));
        if (r.status != 202)
            qFatal("records: %d %s", r.status, r.body.constData());
        return zone;
    }

    static QJsonObject recordChanges(const QString &type, const QString &record)
    {
        return {{u"changes"_s, QJsonArray{QJsonObject{{u"name"_s, u"www"_s},
                                                      {u"type"_s, type},
                                                      {u"ttl"_s, 300},
                                                      {u"records"_s, QJsonArray{record}},
                                                      {u"changetype"_s, u"REPLACE"_s}}}}};
    }

    // A zone's record sets and how many changes wait for its job.
    QString zoneState(const QString &zone)
    {
        return m_api.text(
            u"SELECT coalesce(string_agg(left(r.name, length(r.name) - length(z.name)) || ' ' || r.type || ' ' || r.ttl || ' ' || "
            "array_to_string(r.records, ','), '; ' ORDER BY r.name, r.type), '-') || ' | pending ' || "
            "(SELECT count(*) FROM dns_changes c JOIN dns_zones z ON z.id = c.zone_id WHERE z.name = ? "
            "AND c.status = 'pending') FROM dns_rrsets r JOIN dns_zones z ON z.id = r.zone_id "
            "WHERE z.name = ? AND NOT r.deleted"_s,
            {zone + u'.', zone + u'.'});
    }

    // A new customer with an unpaid invoice for the CloudPod product, ordered by staff.
    QString customerWithUnpaidInvoice()
    {
        const int n = ++m_customers;
        auto r = call("POST", u"/api/customers"_s, m_admin,
                      QJsonObject{{u"name"_s, u"Customer %1"_s.arg(n)},
                                  {u"email"_s, u"customer%1@example.test"_s.arg(n)},
                                  {u"country"_s, u"DE"_s}});
        if (r.status != 201)
            qFatal("customer: %d %s", r.status, r.body.constData());
        const QString customer = r.json().value(u"id"_s).toString();
        r = call("POST", u"/api/checkout"_s, m_admin,
                 QJsonObject{
                     {u"customer_id"_s, customer}, {u"product_id"_s, m_product}, {u"cycle"_s, u"monthly"_s}});
        if (r.status != 201)
            qFatal("checkout: %d %s", r.status, r.body.constData());
        return customer;
    }

    // The same, paid through the API: an active subscription with its queued pod.
    QString customerWithPod()
    {
        const QString customer = customerWithUnpaidInvoice();
        const auto r = call("PATCH", u"/api/invoices/"_s + invoiceOf(customer), m_admin,
                            QJsonObject{{u"status"_s, u"paid"_s},
                                        {u"reason"_s, u"bank transfer arrived"_s},
                                        {u"payment_method"_s, u"bank_transfer"_s}});
        if (r.status != 200)
            qFatal("paid: %d %s", r.status, r.body.constData());
        return customer;
    }

    // Runs `c` as `role` on both sides and compares what each answered and left behind.
    void compare(const Case &c, StaffRole role)
    {
        const QString viaConsole = c.prepare();
        const QString viaApi = c.prepare();
        const auto state = c.state ? c.state : [this](const QString &customer) { return snapshot(customer); };
        const QString before = state(viaConsole);
        QCOMPARE(state(viaApi), before);

        std::optional<QString> consoleOutcome;
        c.console(m_sessions.at(role).get(), this, viaConsole,
                  [&](const Error *error) { consoleOutcome = outcomeOf(error); });
        QTRY_VERIFY_WITH_TIMEOUT(consoleOutcome.has_value(), 20000);
        const QString apiOutcome = outcomeOf(c.api(m_tokens.at(role), viaApi));

        const QString what = u"%1 as %2"_s.arg(c.name, toString(role));
        QVERIFY2(*consoleOutcome == apiOutcome,
                 qPrintable(u"%1: console %2, API %3"_s.arg(what, *consoleOutcome, apiOutcome)));
        QVERIFY2(state(viaConsole) == state(viaApi), qPrintable(u"%1: console left %2, API left %3"_s.arg(
                                                         what, state(viaConsole), state(viaApi))));
        if (!canWrite(role)) {
            QCOMPARE(apiOutcome, u"403 forbidden"_s);
            QCOMPARE(state(viaConsole), before);
        }
    }

    template<class T>
    static std::function<void(const Result<T> &)> answer(std::function<void(const Error *)> done)
    {
        return [done = std::move(done)](const Result<T> &r) { done(r ? nullptr : &r.error()); };
    }

    QList<Case> cases()
    {
        using namespace commands;
        QList<Case> all;
        const auto unpaid = [this] { return customerWithUnpaidInvoice(); };
        const auto withPod = [this] { return customerWithPod(); };

        const auto invoiceCase = [&](const QString &name, billing::InvoiceStatus to, const QString &wire) {
            all.append({name, unpaid,
                        [this, to](ConsoleSession *s, QObject *ctx, const QString &customer, auto done) {
                            billing::StatusChange change;
                            change.to = to;
                            change.reason = u"bank transfer arrived"_s;
                            if (to == billing::InvoiceStatus::Paid)
                                change.paymentMethod = u"bank_transfer"_s;
                            changeInvoiceStatus(s, ctx, invoiceOf(customer), change,
                                                answer<billing::Invoice>(done));
                        },
                        [this, to, wire](const QString &token, const QString &customer) {
                            QJsonObject body{{u"status"_s, wire}, {u"reason"_s, u"bank transfer arrived"_s}};
                            if (to == billing::InvoiceStatus::Paid)
                                body.insert(u"payment_method"_s, u"bank_transfer"_s);
                            return call("PATCH", u"/api/invoices/"_s + invoiceOf(customer), token, body);
                        }});
        };
        invoiceCase(u"mark paid"_s, billing::InvoiceStatus::Paid, u"paid"_s);
        invoiceCase(u"cancel invoice"_s, billing::InvoiceStatus::Cancelled, u"cancelled"_s);

        const auto subscriptionCase = [&](const QString &name, SubscriptionAction action, const QString &path,
                                          const QJsonObject &body, bool suspendFirst) {
            all.append({name,
                        [this, suspendFirst] {
                            const QString customer = customerWithPod();
                            if (suspendFirst)
                                call("POST", u"/api/subscriptions/%1/suspend"_s.arg(subscriptionOf(customer)),
                                     m_admin);
                            return customer;
                        },
                        [this, action](ConsoleSession *s, QObject *ctx, const QString &customer, auto done) {
                            changeSubscription(s, ctx, subscriptionOf(customer), action,
                                               answer<subscriptions::Subscription>(done));
                        },
                        [this, path, body](const QString &token, const QString &customer) {
                            return call("POST",
                                        u"/api/subscriptions/%1/%2"_s.arg(subscriptionOf(customer), path),
                                        token, body);
                        }});
        };
        subscriptionCase(u"cancel subscription now"_s, SubscriptionAction::CancelNow, u"cancel"_s,
                         {{u"mode"_s, u"now"_s}}, false);
        subscriptionCase(u"cancel subscription at period end"_s, SubscriptionAction::CancelAtPeriodEnd,
                         u"cancel"_s, {{u"mode"_s, u"period_end"_s}}, false);
        subscriptionCase(u"suspend subscription"_s, SubscriptionAction::Suspend, u"suspend"_s, {}, false);
        subscriptionCase(u"unsuspend subscription"_s, SubscriptionAction::Unsuspend, u"unsuspend"_s, {},
                         true);
        all.append({u"renew subscription now"_s, withPod,
                    [this](ConsoleSession *s, QObject *ctx, const QString &customer, auto done) {
                        renewSubscriptionNow(s, ctx, subscriptionOf(customer), answer<QString>(done));
                    },
                    [this](const QString &token, const QString &customer) {
                        return call("POST",
                                    u"/api/subscriptions/%1/renew-now"_s.arg(subscriptionOf(customer)),
                                    token);
                    }});

        const auto podCase = [&](const QString &name, PodAction action, const QString &path) {
            all.append({name, withPod,
                        [this, action](ConsoleSession *s, QObject *ctx, const QString &customer, auto done) {
                            podAction(s, ctx, podOf(customer), action, answer<PodDetail>(done));
                        },
                        [this, path](const QString &token, const QString &customer) {
                            return call("POST", u"/api/cloudpods/%1/%2"_s.arg(podOf(customer), path), token);
                        }});
        };
        podCase(u"retry pod"_s, PodAction::Retry, u"retry"_s);
        podCase(u"suspend pod"_s, PodAction::Suspend, u"suspend"_s);
        podCase(u"unsuspend pod"_s, PodAction::Unsuspend, u"unsuspend"_s);
        podCase(u"terminate pod"_s, PodAction::Terminate, u"terminate"_s);

        const auto jobCase = [&](const QString &name, bool retry) {
            all.append({name, withPod,
                        [this, retry](ConsoleSession *s, QObject *ctx, const QString &customer, auto done) {
                            (retry ? retryJob : cancelJob)(s, ctx, provisionJobOf(customer),
                                                           answer<JobRecord>(done));
                        },
                        [this, retry](const QString &token, const QString &customer) {
                            return call("POST",
                                        u"/api/jobs/%1/%2"_s.arg(provisionJobOf(customer))
                                            .arg(retry ? u"retry"_s : u"cancel"_s),
                                        token);
                        }});
        };
        jobCase(u"retry job"_s, true);
        jobCase(u"cancel job"_s, false);

        // The DNS section's inline record edit, accepted and refused (a CNAME beside the A).
        const auto dnsCase = [&](const QString &name, const QString &type, const QString &record) {
            all.append(
                {name, [this] { return zoneWithRecord(); },
                 [this, type, record](ConsoleSession *s, QObject *ctx, const QString &zone, auto done) {
                     dns::RecordChange change;
                     change.name = u"www"_s;
                     change.type = type;
                     change.ttl = 300;
                     change.records = {record};
                     change.path = u"changes[0]"_s;
                     changeDnsRecords(s, ctx,
                                      str(u"SELECT id::text FROM dns_zones WHERE name = ?"_s, zone + u'.'),
                                      {change}, answer<dns::Queued>(done));
                 },
                 [this, type, record](const QString &token, const QString &zone) {
                     return call("PATCH", u"/api/dns/zones/%1/records"_s.arg(zone), token,
                                 recordChanges(type, record));
                 },
                 [this](const QString &zone) { return zoneState(zone); }});
        };
        dnsCase(u"edit dns record"_s, u"A"_s, u"192.0.2.2"_s);
        dnsCase(u"edit dns record refused"_s, u"CNAME"_s, u"elsewhere.test."_s);

        const QJsonObject profile{
            {u"name"_s, u"Renamed"_s}, {u"email"_s, u"renamed-%1@example.test"_s}, {u"country"_s, u"AT"_s}};
        all.append({u"edit customer"_s, unpaid,
                    [this, profile](ConsoleSession *s, QObject *ctx, const QString &customer, auto done) {
                        QJsonObject body = profile;
                        body[u"email"_s] = profile.value(u"email"_s).toString().arg(u"c"_s + customer);
                        auto draft =
                            customers::CustomerJson::draftFrom(body, customers::CustomerJson::staffBody());
                        QVERIFY(draft.ok());
                        saveCustomer(s, ctx, customer, *draft, answer<customers::Customer>(done));
                    },
                    [this, profile](const QString &token, const QString &customer) {
                        QJsonObject body = profile;
                        body[u"email"_s] = profile.value(u"email"_s).toString().arg(u"a"_s + customer);
                        return call("PUT", u"/api/customers/"_s + customer, token, body);
                    }});

        // Products: the subject is a product of its own (created through the API), or for a new
        // one the name it is created under.
        const auto productState = [this](const QString &subject) {
            return m_api.text(
                u"SELECT coalesce(string_agg(p.visibility || ' ' || p.type || ' ' || pp.cycle || ' ' "
                "|| pp.amount_minor, ', ' ORDER BY p.name), '-') FROM products p "
                "LEFT JOIN product_prices pp ON pp.product_id = p.id "
                "WHERE p.id::text = ? OR p.name = ?"_s,
                {subject, subject});
        };
        const auto productBody = [](const QString &name) {
            return QJsonObject{{u"type"_s, u"email"_s},
                               {u"name"_s, name},
                               {u"prices"_s, QJsonArray{QJsonObject{{u"cycle"_s, u"monthly"_s},
                                                                    {u"currency"_s, u"EUR"_s},
                                                                    {u"amount"_s, u"2.50"_s}}}}};
        };
        const auto newName = [this] { return u"Mail %1"_s.arg(++m_customers); };
        const auto existingProduct = [this, productBody, newName] {
            const auto r = call("POST", u"/api/products"_s, m_admin, productBody(newName()));
            if (r.status != 201)
                qFatal("product: %d %s", r.status, r.body.constData());
            return r.json().value(u"id"_s).toString();
        };
        all.append({u"create product"_s, newName,
                    [productBody](ConsoleSession *s, QObject *ctx, const QString &name, auto done) {
                        auto draft = catalog::ProductJson::draftFrom(productBody(name),
                                                                     catalog::ProductJson::createBody());
                        QVERIFY(draft.ok());
                        saveProduct(s, ctx, {}, *draft, answer<catalog::Product>(done));
                    },
                    [this, productBody](const QString &token, const QString &name) {
                        return call("POST", u"/api/products"_s, token, productBody(name));
                    },
                    productState});
        QJsonObject update = productBody(u"Mail renamed"_s);
        update.remove(u"type"_s);
        all.append({u"edit product"_s, existingProduct,
                    [update](ConsoleSession *s, QObject *ctx, const QString &id, auto done) {
                        auto draft =
                            catalog::ProductJson::draftFrom(update, catalog::ProductJson::updateBody());
                        QVERIFY(draft.ok());
                        saveProduct(s, ctx, id, *draft, answer<catalog::Product>(done));
                    },
                    [this, update](const QString &token, const QString &id) {
                        return call("PUT", u"/api/products/"_s + id, token, update);
                    },
                    productState});
        all.append({u"delete product"_s, existingProduct,
                    [](ConsoleSession *s, QObject *ctx, const QString &id, auto done) {
                        removeProduct(s, ctx, id, answer<catalog::RemoveOutcome>(done));
                    },
                    [this](const QString &token, const QString &id) {
                        return call("DELETE", u"/api/products/"_s + id, token);
                    },
                    [this](const QString &id) {
                        return m_api.text(
                            u"SELECT coalesce((SELECT visibility FROM products WHERE id = ?::uuid), "
                            "'deleted')"_s,
                            {id});
                    }});
        // Company and tax settings: the subject is a seller name (settings) or a tax rate's name.
        const QJsonObject settingsBody{{u"seller_address"_s, u"Hafenstr. 5\n20457 Hamburg"_s},
                                       {u"payment_terms_days"_s, 21}};
        // One settings row for both sides: each run starts from the defaults, and what the row holds
        // after both ran is compared (unchanged for the roles refused).
        const auto defaultSettings = [this, newName] {
            m_api.exec(u"UPDATE billing_settings SET seller_address = '', payment_terms_days = 14 "
                       "WHERE tenant_id = ?::uuid"_s,
                       {m_tenant});
            return newName();
        };
        all.append({u"save company settings"_s, defaultSettings,
                    [settingsBody](ConsoleSession *s, QObject *ctx, const QString &name, auto done) {
                        QJsonObject body = settingsBody;
                        body.insert(u"seller_name"_s, name);
                        saveCompanySettings(s, ctx, body, answer<CompanySettingsDetail>(done));
                    },
                    [this, settingsBody](const QString &token, const QString &name) {
                        QJsonObject body = settingsBody;
                        body.insert(u"seller_name"_s, name);
                        return call("PUT", u"/api/billing/settings"_s, token, body);
                    },
                    [this](const QString &) {
                        return m_api.text(u"SELECT seller_address || '|' || payment_terms_days FROM "
                                          "billing_settings WHERE tenant_id = ?::uuid"_s,
                                          {m_tenant});
                    }});
        const auto rateBody = [](const QString &name) {
            return QJsonObject{{u"country"_s, u"AT"_s}, {u"name"_s, name}, {u"rate"_s, u"20"_s}};
        };
        const auto rateState = [this](const QString &name) {
            return m_api.text(u"SELECT count(*)::text FROM tax_rates WHERE name = ?"_s, {name});
        };
        all.append({u"add tax rate"_s, newName,
                    [rateBody](ConsoleSession *s, QObject *ctx, const QString &name, auto done) {
                        addTaxRate(s, ctx, rateBody(name), answer<billing::TaxRateRecord>(done));
                    },
                    [this, rateBody](const QString &token, const QString &name) {
                        return call("POST", u"/api/tax-rates"_s, token, rateBody(name));
                    },
                    rateState});
        all.append(
            {u"remove tax rate"_s,
             [this, newName] {
                 const QString name = newName();
                 m_api.exec(u"INSERT INTO tax_rates (tenant_id, country, name, rate_ppm) VALUES (?::uuid, "
                            "'AT', ?, 200000)"_s,
                            {m_tenant, name});
                 return name;
             },
             [this](ConsoleSession *s, QObject *ctx, const QString &name, auto done) {
                 removeTaxRate(s, ctx, m_api.text(u"SELECT id::text FROM tax_rates WHERE name = ?"_s, {name}),
                               answer<bool>(done));
             },
             [this](const QString &token, const QString &name) {
                 return call("DELETE",
                             u"/api/tax-rates/"_s +
                                 m_api.text(u"SELECT id::text FROM tax_rates WHERE name = ?"_s, {name}),
                             token);
             },
             rateState});
        all.append({u"check findings now"_s, [] { return QString(); },
                    [](ConsoleSession *s, QObject *ctx, const QString &, auto done) {
                        checkFindings(s, ctx, answer<EnqueuedJob>(done));
                    },
                    [this](const QString &token, const QString &) {
                        return call("POST", u"/api/cloudpod-findings/check"_s, token);
                    },
                    [this](const QString &) {
                        return m_api.text(u"SELECT count(*)::text FROM jobs WHERE tenant_id = ?::uuid "
                                          "AND kind = 'cloudpod.reconcile' AND status = 'queued'"_s,
                                          {m_tenant});
                    }});
        sslCases(all);
        appendMailCases(all);
        return all;
    }

    // A certificate recorded as issued (no CA involved: the commands only queue jobs).
    QString issuedCertificate()
    {
        return m_api.text(
            u"INSERT INTO ssl_certificates (tenant_id, names, status, certificate_pem, serial, "
            "created_at, updated_at) VALUES (?::uuid, ARRAY['c%1.console.test'], 'valid', "
            "'-----BEGIN CERTIFICATE-----', 'ab%1', now(), now()) RETURNING id::text"_s.arg(++m_customers),
            {m_tenant});
    }

    QString certificateState(const QString &id)
    {
        return m_api.text(
            u"SELECT c.status || ' ' || coalesce((SELECT string_agg(j.kind || ':' || j.status, ',' "
            "ORDER BY j.id) FROM jobs j WHERE j.related_id = c.id::text), '') "
            "FROM ssl_certificates c WHERE c.id = ?::uuid"_s,
            {id});
    }

    void sslCases(QList<Case> &all)
    {
        using namespace commands;
        all.append({u"request certificate"_s, [this] { return u"n%1.console.test"_s.arg(++m_customers); },
                    [](ConsoleSession *s, QObject *ctx, const QString &name, auto done) {
                        ssl::CertificateRequest r;
                        r.names = {name};
                        requestCertificate(s, ctx, r, answer<ssl::QueuedCertificate>(done));
                    },
                    [this](const QString &token, const QString &name) {
                        return call("POST", u"/api/ssl/certificates"_s, token,
                                    QJsonObject{{u"names"_s, QJsonArray{name}}});
                    },
                    [this](const QString &name) {
                        const QString id = m_api.text(
                            u"SELECT id::text FROM ssl_certificates WHERE names = ARRAY[?::text]"_s, {name});
                        return id.isEmpty() ? u"none"_s : certificateState(id);
                    }});
        all.append({u"renew certificate"_s, [this] { return issuedCertificate(); },
                    [](ConsoleSession *s, QObject *ctx, const QString &id, auto done) {
                        renewCertificate(s, ctx, id, answer<ssl::QueuedCertificate>(done));
                    },
                    [this](const QString &token, const QString &id) {
                        return call("POST", u"/api/ssl/certificates/%1/renew"_s.arg(id), token);
                    },
                    [this](const QString &id) { return certificateState(id); }});
        all.append({u"revoke certificate"_s, [this] { return issuedCertificate(); },
                    [](ConsoleSession *s, QObject *ctx, const QString &id, auto done) {
                        revokeCertificate(s, ctx, id, answer<ssl::QueuedCertificate>(done));
                    },
                    [this](const QString &token, const QString &id) {
                        return call("POST", u"/api/ssl/certificates/%1/revoke"_s.arg(id), token);
                    },
                    [this](const QString &id) { return certificateState(id); }});
    }

    // A mail domain of its own (on the tenant's mail host, no DNS server: nothing is published),
    // by id; with a mailbox "box" and an alias "sales" when asked.
    QString mailDomain(bool withMailbox, bool withAlias)
    {
        const QString name = u"cmd%1.test"_s.arg(++m_customers);
        auto r = call("POST", u"/api/mail/domains"_s, m_admin, QJsonObject{{u"name"_s, name}});
        if (r.status != 201)
            qFatal("mail domain: %d %s", r.status, r.body.constData());
        if (withMailbox) {
            r = call("POST", u"/api/mail/domains/%1/mailboxes"_s.arg(name), m_admin,
                     QJsonObject{{u"local_part"_s, u"box"_s}, {u"password"_s, u"a fine password 1"_s}});
            if (r.status != 201)
                qFatal("mailbox: %d %s", r.status, r.body.constData());
        }
        if (withAlias) {
            r = call("POST", u"/api/mail/domains/%1/aliases"_s.arg(name), m_admin,
                     QJsonObject{{u"local_part"_s, u"sales"_s},
                                 {u"destinations"_s, QJsonArray{u"someone@elsewhere.test"_s}}});
            if (r.status != 201)
                qFatal("alias: %d %s", r.status, r.body.constData());
        }
        return r.status == 201 ? str(u"SELECT id::text FROM mail_domains WHERE name = ?"_s, name) : QString();
    }
    QString mailDomainName(const QString &id)
    {
        return str(u"SELECT name FROM mail_domains WHERE id = ?::uuid"_s, id);
    }
    QString mailboxOf(const QString &domain)
    {
        return str(u"SELECT id::text FROM mail_mailboxes WHERE domain_id = ?::uuid AND local_part = 'box'"_s,
                   domain);
    }
    QString aliasOf(const QString &domain)
    {
        return str(u"SELECT id::text FROM mail_aliases WHERE domain_id = ?::uuid AND local_part = 'sales'"_s,
                   domain);
    }

    void appendMailCases(QList<Case> &all)
    {
        using namespace commands;
        const auto mailState = [this](const QString &domain) {
            return m_api.text(uR"(
                SELECT concat_ws(' | ',
                  'mailboxes ' || coalesce((SELECT string_agg(local_part || ':' || enabled || ':' || status
                                                              || CASE WHEN updated_at > created_at THEN ':changed'
                                                                      ELSE '' END, ',' ORDER BY local_part)
                                            FROM mail_mailboxes WHERE domain_id = d.id), '-'),
                  'aliases ' || coalesce((SELECT string_agg(local_part || '>' || array_to_string(destinations, ','),
                                                            ';' ORDER BY local_part)
                                          FROM mail_aliases WHERE domain_id = d.id), '-'),
                  'jobs ' || (SELECT count(*) FROM jobs j JOIN mail_mailboxes m ON j.related_id = m.id::text
                              WHERE m.domain_id = d.id),
                  'dns checked ' || (d.dns_checked_at IS NOT NULL))
                FROM mail_domains d WHERE d.id = ?::uuid)"_s,
                              {domain});
        };
        const auto bare = [this] { return mailDomain(false, false); };
        const auto withMailbox = [this] { return mailDomain(true, false); };
        const auto withAlias = [this] { return mailDomain(false, true); };

        all.append({u"create mailbox"_s, bare,
                    [](ConsoleSession *s, QObject *ctx, const QString &domain, auto done) {
                        createMailbox(s, ctx, domain, u"new"_s, u"a fine password 2"_s, std::nullopt,
                                      answer<mail::Mailbox>(done));
                    },
                    [this](const QString &token, const QString &domain) {
                        return call("POST", u"/api/mail/domains/%1/mailboxes"_s.arg(mailDomainName(domain)),
                                    token,
                                    QJsonObject{{u"local_part"_s, u"new"_s},
                                                {u"password"_s, u"a fine password 2"_s}});
                    },
                    mailState});
        const auto mailboxCase = [&](const QString &name, const mail::MailboxChange &change,
                                     const QJsonObject &body) {
            all.append({name, withMailbox,
                        [this, change](ConsoleSession *s, QObject *ctx, const QString &domain, auto done) {
                            changeMailbox(s, ctx, mailboxOf(domain), change, answer<mail::Mailbox>(done));
                        },
                        [this, body](const QString &token, const QString &domain) {
                            return call("PATCH", u"/api/mail/mailboxes/"_s + mailboxOf(domain), token, body);
                        },
                        mailState});
        };
        mail::MailboxChange disable;
        disable.enabled = false;
        mailboxCase(u"disable mailbox"_s, disable, {{u"enabled"_s, false}});
        mail::MailboxChange password;
        password.password = u"another password 3"_s;
        mailboxCase(u"change mailbox password"_s, password, {{u"password"_s, u"another password 3"_s}});
        all.append({u"delete mailbox"_s, withMailbox,
                    [this](ConsoleSession *s, QObject *ctx, const QString &domain, auto done) {
                        removeMailbox(s, ctx, mailboxOf(domain), answer<qint64>(done));
                    },
                    [this](const QString &token, const QString &domain) {
                        return call("DELETE", u"/api/mail/mailboxes/"_s + mailboxOf(domain), token);
                    },
                    mailState});
        const QStringList destinations{u"someone@elsewhere.test"_s};
        all.append({u"create alias"_s, bare,
                    [destinations](ConsoleSession *s, QObject *ctx, const QString &domain, auto done) {
                        createAlias(s, ctx, domain, u"info"_s, destinations, answer<mail::MailAlias>(done));
                    },
                    [this, destinations](const QString &token, const QString &domain) {
                        return call(
                            "POST", u"/api/mail/domains/%1/aliases"_s.arg(mailDomainName(domain)), token,
                            QJsonObject{{u"local_part"_s, u"info"_s},
                                        {u"destinations"_s, QJsonArray::fromStringList(destinations)}});
                    },
                    mailState});
        all.append({u"delete alias"_s, withAlias,
                    [this](ConsoleSession *s, QObject *ctx, const QString &domain, auto done) {
                        removeAlias(s, ctx, aliasOf(domain), answer<mail::MailAlias>(done));
                    },
                    [this](const QString &token, const QString &domain) {
                        return call("DELETE", u"/api/mail/aliases/"_s + aliasOf(domain), token);
                    },
                    mailState});
        all.append({u"check mail dns"_s, bare,
                    [](ConsoleSession *s, QObject *ctx, const QString &domain, auto done) {
                        checkMailDns(s, ctx, domain, answer<QJsonObject>(done));
                    },
                    [this](const QString &token, const QString &domain) {
                        return call("POST", u"/api/mail/domains/%1/dns-check"_s.arg(mailDomainName(domain)),
                                    token);
                    },
                    mailState});
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        installServiceModules();
        m_api.start(u"console-commands"_s);
        m_tenant = m_api.tenant(u"Acme Hosting"_s);
        m_admin = m_api.staffToken(m_tenant, StaffRole::Admin);
        const QString mini = m_api.text(
            u"SELECT id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid AND name = 'Mini'"_s,
            {m_tenant});
        QVERIFY(!mini.isEmpty());
        const auto product =
            call("POST", u"/api/products"_s, m_admin,
                 QJsonObject{{u"type"_s, u"cloudpod"_s},
                             {u"name"_s, u"CloudPod Mini"_s},
                             {u"template_id"_s, mini},
                             {u"prices"_s, QJsonArray{QJsonObject{{u"cycle"_s, u"monthly"_s},
                                                                  {u"currency"_s, u"EUR"_s},
                                                                  {u"amount"_s, u"4.99"_s}}}}});
        QVERIFY2(product.status == 201, product.body.constData());
        m_product = product.json().value(u"id"_s).toString();
        // The mail host the mail cases' domains go on.
        const auto host = call("POST", u"/api/mail/hosts"_s, m_admin,
                               QJsonObject{{u"name"_s, u"mx1"_s},
                                           {u"mx_host"_s, u"mx1.acme.test"_s},
                                           {u"reader_login"_s, uniqueLogin(u"mailhost"_s)},
                                           {u"mail_root"_s, u"/nonexistent/mail"_s}});
        QVERIFY2(host.status == 201, host.body.constData());

        auto admin = PgConnection::connect(m_api.settings());
        QVERIFY(admin.ok());
        for (StaffRole role : kRoles) {
            m_tokens[role] = m_api.staffToken(m_tenant, role);
            const QString login = uniqueLogin(u"cmd_"_s + toString(role));
            QVERIFY(StaffAccounts::add(**admin, m_tenant, login, role, kPassword).ok());
            auto session = std::make_unique<ConsoleSession>();
            QSignalSpy signedIn(session.get(), &ConsoleSession::signedIn);
            session->signIn(m_api.settings(), login, kPassword);
            QVERIFY(signedIn.wait(20000));
            m_sessions[role] = std::move(session);
        }
    }

    // The report's case: a CloudPod invoice marked paid in the console, as the owner.
    void markPaidReachesProvisioning()
    {
        const QString customer = customerWithUnpaidInvoice();
        std::optional<QString> outcome;
        billing::StatusChange paid;
        paid.to = billing::InvoiceStatus::Paid;
        paid.reason = u"bank transfer arrived"_s;
        paid.paymentMethod = u"bank_transfer"_s;
        commands::changeInvoiceStatus(
            m_sessions.at(StaffRole::Owner).get(), this, invoiceOf(customer), paid,
            answer<billing::Invoice>([&](const Error *e) { outcome = outcomeOf(e); }));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
        QCOMPARE(*outcome, u"ok"_s);
        QCOMPARE(snapshot(customer), u"invoices paid | orders active | subscriptions active | pods pending | "
                                     "jobs cloudpod.provision:queued"_s);
    }

    void everyWriteMatchesTheApi_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("role");
        const QList<Case> all = cases();
        for (int i = 0; i < all.size(); ++i)
            for (StaffRole role : kRoles)
                QTest::addRow("%s as %s", qPrintable(all.at(i).name), qPrintable(toString(role)))
                    << i << int(role);
    }

    void everyWriteMatchesTheApi()
    {
        QFETCH(int, index);
        QFETCH(int, role);
        compare(cases().at(index), StaffRole(role));
    }

    // A table a service writes must be writable by staff as by the service's role, unless it is
    // one kept closed on purpose (the lists of migrations 0021 and 0024; renewal_charges, which only
    // the charge job writes, 0025; 0028's SSL tables, which hold sealed keys and change only through
    // the SSL jobs; monitoring_alerts: only the poll job writes it, never on a staff member's
    // behalf; cloud_pod_scripts holds mPanel's private keys: staff may only set a script pending
    // again, the jobs write the rest; customer_password_resets: only the public reset routes
    // write it, 0037; 0032's mail_sends and mail_send_holds: only the mail host's send check and the
    // announcing job write them); a new table left out fails here.
    void staffMayWriteWhatTheServiceWrites()
    {
        const QString closed =
            u"staff api_tokens customer_sessions customer_tokens sign_in_failures customers "
            "proxmox_clusters audit_log subscription_events job_log stripe_events dns_servers "
            "notification_settings cloudpod_pending_passwords renewal_charges domain_registrars "
            "monitoring_alerts ssl_acme_accounts ssl_certificates ssl_http_challenges mail_mailboxes "
            "mail_dkim_keys "
            "cloud_pod_scripts customer_password_resets mail_sends mail_send_holds"_s;
        auto q = sql::exec(m_api.db(), uR"(
            SELECT c.relname, p.privilege
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p(privilege)
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
              AND has_table_privilege('mpanel_app', c.oid, p.privilege)
              AND NOT has_table_privilege('mpanel_staff', c.oid, p.privilege)
            ORDER BY 1, 2)"_s);
        QVERIFY(q.ok());
        QStringList missing;
        while (q->next()) {
            if (!closed.split(u' ').contains(q->value(0).toString()))
                missing << q->value(0).toString() + u' ' + q->value(1).toString();
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    }
};

QTEST_MAIN(TestConsoleCommands)
#include "tst_console_commands.moc"
