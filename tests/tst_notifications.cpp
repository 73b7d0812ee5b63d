// Notification mail end to end against a real SMTP server on loopback (tests/smtp_sink.py on
// aiosmtpd, STARTTLS with a certificate made here, AUTH): the events of billing, payments,
// subscriptions and CloudPods queue mail; the sender job delivers it in the customer's language
// with text and HTML parts and the invoice PDF; a relay outage is retried with backoff; racing
// senders deliver once; bad settings are refused naming the field; the password never comes back.
#include "api/responses.h"
#include "core/clock.h"
#include "db/tenant_transaction.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "module/domain_events.h"
#include "notifications/mail_templates.h"
#include "notifications/outbox_sender.h"
#include "support/service_fixture.h"
#include "support/smtp_sink.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

using namespace mp;
using namespace mp::test;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// The leaves of a summarized MIME tree, depth first, with the multipart types on the way.
void leaves(const QJsonObject &node, QList<QJsonObject> &out, QStringList &multiparts)
{
    const QJsonArray parts = node.value(QStringLiteral("parts")).toArray();
    if (parts.isEmpty()) {
        out << node;
        return;
    }
    multiparts << str(node, "type");
    for (const QJsonValue &p : parts)
        leaves(p.toObject(), out, multiparts);
}

QJsonObject leafOfType(const QJsonObject &mail, const QString &type)
{
    QList<QJsonObject> out;
    QStringList multiparts;
    leaves(mail.value(QStringLiteral("body")).toObject(), out, multiparts);
    for (const QJsonObject &leaf : out) {
        if (str(leaf, "type") == type)
            return leaf;
    }
    return {};
}

} // namespace

class TestNotifications : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    SmtpSink m_sink;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_admin, m_support;
    QString m_product;
    QString m_germanToken, m_germanId, m_englishToken, m_englishId;

    QJsonObject settingsBody(const QJsonObject &changes = {}) const
    {
        QJsonObject body{{QStringLiteral("from_address"), QStringLiteral("billing@hosting.example")},
                         {QStringLiteral("from_name"), QStringLiteral("Hösting Wärme GmbH")},
                         {QStringLiteral("smtp_host"), QStringLiteral("127.0.0.1")},
                         {QStringLiteral("smtp_port"), int(m_sink.port())},
                         {QStringLiteral("tls_mode"), QStringLiteral("starttls")},
                         {QStringLiteral("smtp_user"), m_sink.options().user},
                         {QStringLiteral("smtp_password"), m_sink.options().password},
                         {QStringLiteral("max_attempts"), 4}};
        for (auto it = changes.begin(); it != changes.end(); ++it)
            body.insert(it.key(), it.value());
        return body;
    }

    void putSettings(const QJsonObject &changes = {})
    {
        const auto r =
            m_api.call("PUT", QStringLiteral("/api/notifications/settings"), m_admin, settingsBody(changes));
        if (r.status != 200)
            qFatal("settings: %d %s", r.status, r.body.constData());
    }

    // Runs `count` sender jobs at once on the engine and waits for all of them.
    void sendNow(int count = 1)
    {
        QList<qint64> ids;
        for (int i = 0; i < count; ++i) {
            JobSpec spec;
            spec.tenantId = m_tenant;
            spec.kind = QStringLiteral("notifications.send");
            auto job = Jobs::enqueue(m_api.db(), spec);
            QVERIFY(job);
            ids << job->id;
        }
        m_engine->wake();
        for (qint64 id : ids) {
            QTRY_VERIFY_WITH_TIMEOUT(m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"),
                                                {id}) == QStringLiteral("completed"),
                                     60000);
        }
    }

    QJsonObject outboxEntry(const QString &id)
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/notifications/outbox?limit=200"), m_admin);
        for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray()) {
            if (str(v.toObject(), "id") == id)
                return v.toObject();
        }
        return {};
    }

    QString outboxId(const QString &templateName, const QString &key, const QString &value)
    {
        return m_api.text(
            QStringLiteral("SELECT id::text FROM email_outbox WHERE template = ? AND payload->>? = ? "
                           "ORDER BY created_at DESC LIMIT 1"),
            {templateName, key, value});
    }

    // The one mail the sink got for outbox message `id` (its Message-ID).
    QJsonObject mailFor(const QString &id)
    {
        QJsonObject found;
        int matches = 0;
        for (const QString &file : m_sink.messages()) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains(id.toUtf8()))
                continue;
            ++matches;
            found = m_sink.summary(file);
        }
        if (matches != 1)
            qWarning("%d mails for %s", matches, qPrintable(id));
        return found;
    }

    QPair<QString, QString> checkout(const QString &token)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/checkout"), token,
                                  {{QStringLiteral("product_id"), m_product},
                                   {QStringLiteral("cycle"), QStringLiteral("monthly")}});
        if (r.status != 201)
            qFatal("checkout: %d %s", r.status, r.body.constData());
        return {str(r.json(), "order_id"), str(r.json(), "invoice_id")};
    }

    // Four workers taking one job at a time, polling fast; schedules stay off (tests enqueue).
    JobEngineOptions engineOptions(const QString &instance)
    {
        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = 4;
        o.batchSize = 1;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        o.instance = instance;
        return o;
    }

    void announce(const events::DomainEvent &event)
    {
        auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
        QVERIFY(tx);
        QVERIFY(events::DomainEvents::announce(*tx, event, m_clock.now()));
        QVERIFY(tx->commit());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        QVERIFY(m_sink.start());
        qputenv("MPANEL_SMTP_CA_FILE", m_sink.caFile().toUtf8());
        qputenv("MPANEL_PUBLIC_URL", "https://panel.hosting.example/");
        m_api.start(QStringLiteral("notifications"));
        m_tenant = m_api.tenant(QStringLiteral("Hösting Wärme"));
        m_api.exec(QStringLiteral("UPDATE tenants SET country = 'DE' WHERE id = ?::uuid"), {m_tenant});
        m_api.exec(
            QStringLiteral(
                "UPDATE billing_settings SET seller_name = 'Hösting Wärme GmbH', "
                "seller_address = E'Hauptstraße 1\\n10115 Berlin', seller_email = 'hallo@hosting.example' "
                "WHERE tenant_id = ?::uuid"),
            {m_tenant});
        m_admin = m_api.staffToken(m_tenant);
        m_support = m_api.staffToken(m_tenant, StaffRole::Support);
        m_product = m_api.text(
            QStringLiteral("INSERT INTO products (tenant_id, type, name) VALUES (?::uuid, 'other', "
                           "'Web Hosting M') RETURNING id::text"),
            {m_tenant});
        m_api.exec(QStringLiteral(
                       "INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor) "
                       "VALUES (?::uuid, ?::uuid, 'monthly', 'EUR', 1000)"),
                   {m_tenant, m_product});
        std::tie(m_germanToken, m_germanId) =
            m_api.signUp(m_tenant, QStringLiteral("Jürgen Müller"), QStringLiteral("juergen@kunde.example"),
                         QStringLiteral("DE"));
        std::tie(m_englishToken, m_englishId) =
            m_api.signUp(m_tenant, QStringLiteral("Ada Lovelace"), QStringLiteral("ada@customer.example"),
                         QStringLiteral("GB"));

        m_engine = std::make_unique<JobEngine>(engineOptions(QString()));
        QVERIFY(m_engine->start());
    }

    void cleanupTestCase()
    {
        if (m_engine)
            QVERIFY(m_engine->stop());
        m_sink.stop();
    }

    void init() { m_clock.set(kStart); }

    void badSettingsAreRefusedNamingTheField()
    {
        struct Case {
            QJsonObject changes;
            int status;
            const char *field;
        };
        const QList<Case> cases{
            {{{QStringLiteral("from_address"), QStringLiteral("not an address")}}, 422, "from_address"},
            {{{QStringLiteral("reply_to"), QStringLiteral("a@@b")}}, 422, "reply_to"},
            {{{QStringLiteral("smtp_host"), QStringLiteral("bad host!")}}, 422, "smtp_host"},
            {{{QStringLiteral("smtp_port"), 70000}}, 422, "smtp_port"},
            {{{QStringLiteral("smtp_port"), QStringLiteral("25")}}, 400, "smtp_port"},
            {{{QStringLiteral("tls_mode"), QStringLiteral("ssl")}}, 422, "tls_mode"},
            {{{QStringLiteral("smtp_host"), QStringLiteral("smtp.example.com")},
              {QStringLiteral("tls_mode"), QStringLiteral("none")}},
             422,
             "tls_mode"},
            {{{QStringLiteral("smtp_user"), QJsonValue()}}, 422, "smtp_user"},
            {{{QStringLiteral("max_attempts"), 0}}, 422, "max_attempts"},
            {{{QStringLiteral("surprise"), true}}, 400, "surprise"},
        };
        for (const Case &c : cases) {
            const auto r = m_api.call("PUT", QStringLiteral("/api/notifications/settings"), m_admin,
                                      settingsBody(c.changes));
            QVERIFY2(r.status == c.status, r.body.constData());
            QCOMPARE(errorField(r), QLatin1String(c.field));
        }
        // Nothing was stored by any of them.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/notifications/settings"), m_admin).status, 404);
        // Support staff may neither read nor write the relay.
        QCOMPARE(m_api.call("PUT", QStringLiteral("/api/notifications/settings"), m_support, settingsBody())
                     .status,
                 403);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/notifications/settings"), m_support).status, 403);
    }

    // A relay without a display name is a relay: the name is stored empty, not refused by the
    // database as a 500.
    void theSenderNameIsOptional()
    {
        QJsonObject body = settingsBody();
        body.remove(QStringLiteral("from_name"));
        const auto r = m_api.call("PUT", QStringLiteral("/api/notifications/settings"), m_admin, body);
        QVERIFY2(r.status == 200, r.body.constData());
        const auto read = m_api.call("GET", QStringLiteral("/api/notifications/settings"), m_admin);
        QCOMPARE(read.status, 200);
        QVERIFY(read.json().contains(QStringLiteral("from_name")));
        QCOMPARE(str(read.json(), "from_name"), QString());
        putSettings();
    }

    void passwordIsWriteOnly()
    {
        putSettings();
        const auto r = m_api.call("GET", QStringLiteral("/api/notifications/settings"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains(m_sink.options().password.toUtf8()));
        QVERIFY(!r.json().contains(QStringLiteral("smtp_password")));
        QCOMPARE(r.json().value(QStringLiteral("password_set")).toBool(), true);
        QCOMPARE(str(r.json(), "tls_mode"), QStringLiteral("starttls"));
        // Saving again without a password keeps the stored one.
        QJsonObject body = settingsBody();
        body.remove(QStringLiteral("smtp_password"));
        const auto again = m_api.call("PUT", QStringLiteral("/api/notifications/settings"), m_admin, body);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("password_set")).toBool(), true);
    }

    void templatesExistInBothLanguages()
    {
        const QStringList names = notifications::MailTemplates::names();
        for (const char *expected :
             {"invoice.issued", "invoice.paid", "payment.failed", "payment.action_required",
              "subscription.renewal_upcoming", "subscription.past_due", "subscription.suspended",
              "service.ready", "customer.password_reset", "certificate.expiring"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        for (const QString &name : names) {
            auto en = notifications::MailTemplates::render(name, QStringLiteral("en"), {});
            auto de = notifications::MailTemplates::render(name, QStringLiteral("de"), {});
            QVERIFY(en && de);
            QVERIFY2(!en->subject.isEmpty() && !en->text.isEmpty() && !en->html.isEmpty(), qPrintable(name));
            QVERIFY2(de->subject != en->subject && de->text != en->text, qPrintable(name));
            QVERIFY(!de->text.contains(QLatin1String("{{")) && !de->html.contains(QLatin1String("{{")));
        }
    }

    void invoiceMailInGermanWithPdf()
    {
        putSettings();
        m_sink.clear();
        const auto [orderId, invoiceId] = checkout(m_germanToken);
        const QString id =
            outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId);
        QVERIFY(!id.isEmpty());
        sendNow();
        const QString number =
            m_api.text(QStringLiteral("SELECT number FROM invoices WHERE id = ?::uuid"), {invoiceId});
        const QJsonObject mail = mailFor(id);
        QCOMPARE(str(mail, "envelope_to"), QStringLiteral("juergen@kunde.example"));
        QCOMPARE(str(mail, "envelope_from"), QStringLiteral("billing@hosting.example"));
        QCOMPARE(str(mail, "auth"), m_sink.options().user);
        QCOMPARE(str(mail, "subject"), QStringLiteral("Rechnung %1 von Hösting Wärme GmbH").arg(number));
        // Non-ASCII travels as RFC 2047 encoded words: the raw header is ASCII.
        QVERIFY(mail.value(QStringLiteral("header_ascii")).toBool());
        QVERIFY(str(mail, "raw_subject").startsWith(QLatin1String("=?UTF-8?B?")));
        QCOMPARE(str(mail, "from"), QStringLiteral("Hösting Wärme GmbH <billing@hosting.example>"));
        QCOMPARE(str(mail, "to"), QStringLiteral("Jürgen Müller <juergen@kunde.example>"));
        QCOMPARE(str(mail, "language"), QStringLiteral("de"));
        QCOMPARE(str(mail, "message_id"), QStringLiteral("<%1@hosting.example>").arg(id));

        QList<QJsonObject> parts;
        QStringList multiparts;
        leaves(mail.value(QStringLiteral("body")).toObject(), parts, multiparts);
        QCOMPARE(multiparts,
                 (QStringList{QStringLiteral("multipart/mixed"), QStringLiteral("multipart/alternative")}));
        const QJsonObject text = leafOfType(mail, QStringLiteral("text/plain"));
        const QJsonObject html = leafOfType(mail, QStringLiteral("text/html"));
        const QJsonObject pdf = leafOfType(mail, QStringLiteral("application/pdf"));
        QCOMPARE(str(text, "charset"), QStringLiteral("utf-8"));
        QVERIFY(str(text, "text").contains(QStringLiteral("Guten Tag Jürgen Müller")));
        QVERIFY(str(text, "text").contains(QStringLiteral("10,00 EUR")));
        QVERIFY(
            str(text, "text")
                .contains(QStringLiteral("https://panel.hosting.example/invoices/%1/pay").arg(invoiceId)));
        // The tenant's name and address at the foot of both parts.
        QVERIFY(
            str(text, "text").contains(QStringLiteral("Hösting Wärme GmbH\nHauptstraße 1\n10115 Berlin")));
        QVERIFY(str(html, "text").contains(QStringLiteral("Guten Tag Jürgen Müller")));
        QVERIFY(str(html, "text").contains(QStringLiteral("Hauptstraße 1")));
        QVERIFY(
            str(html, "text").contains(QStringLiteral("<a href=\"https://panel.hosting.example/invoices/")));
        QCOMPARE(str(pdf, "filename"), number + QStringLiteral(".pdf"));
        QCOMPARE(QByteArray::fromBase64(str(pdf, "head").toLatin1()).left(5), QByteArray("%PDF-"));
        QVERIFY(pdf.value(QStringLiteral("size")).toInt() > 1000);

        const QJsonObject entry = outboxEntry(id);
        QCOMPARE(str(entry, "status"), QStringLiteral("sent"));
        QCOMPARE(entry.value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(str(entry, "subject"), str(mail, "subject"));
        // Sent once: a second run finds nothing due.
        const int before = int(m_sink.messages().size());
        sendNow();
        QCOMPARE(int(m_sink.messages().size()), before);
    }

    void receiptInEnglish()
    {
        putSettings();
        const auto [orderId, invoiceId] = checkout(m_englishToken);
        const auto paid = m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoiceId), m_admin,
                                     {{QStringLiteral("status"), QStringLiteral("paid")},
                                      {QStringLiteral("reason"), QStringLiteral("bank transfer")}});
        QCOMPARE(paid.status, 200);
        const QString id = outboxId(QStringLiteral("invoice.paid"), QStringLiteral("invoice_id"), invoiceId);
        QVERIFY(!id.isEmpty());
        m_sink.clear();
        sendNow();
        const QJsonObject mail = mailFor(id);
        QCOMPARE(str(mail, "envelope_to"), QStringLiteral("ada@customer.example"));
        QVERIFY(str(mail, "subject").startsWith(QLatin1String("Payment received for invoice ")));
        QCOMPARE(str(mail, "language"), QStringLiteral("en"));
        QVERIFY(str(leafOfType(mail, QStringLiteral("text/plain")), "text")
                    .contains(QStringLiteral("Hello Ada Lovelace")));
        QVERIFY(str(leafOfType(mail, QStringLiteral("text/plain")), "text")
                    .contains(QStringLiteral("10.00 EUR")));
        QVERIFY(leafOfType(mail, QStringLiteral("application/pdf")).isEmpty()); // only the invoice carries it
    }

    // The customer's own choice wins over the country; a language without templates is refused.
    void customerLanguageChoiceWins()
    {
        putSettings();
        const QString path = QStringLiteral("/api/customers/%1").arg(m_englishId);
        const QJsonObject who{{QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
                              {QStringLiteral("email"), QStringLiteral("ada@customer.example")},
                              {QStringLiteral("country"), QStringLiteral("GB")}};
        auto withLanguage = [&](const QJsonValue &language) {
            QJsonObject body = who;
            body.insert(QStringLiteral("language"), language);
            return body;
        };
        const auto refused = m_api.call("PUT", path, m_admin, withLanguage(QStringLiteral("fr")));
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorField(refused), QStringLiteral("language"));
        const auto chosen = m_api.call("PUT", path, m_admin, withLanguage(QStringLiteral("de")));
        QCOMPARE(chosen.status, 200);
        QCOMPARE(str(chosen.json(), "language"), QStringLiteral("de"));
        const auto [orderId, invoiceId] = checkout(m_englishToken);
        m_sink.clear();
        sendNow();
        const QJsonObject mail =
            mailFor(outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId));
        QCOMPARE(str(mail, "language"), QStringLiteral("de"));
        QVERIFY(str(mail, "subject").startsWith(QLatin1String("Rechnung ")));
        const auto cleared = m_api.call("PUT", path, m_admin, withLanguage(QJsonValue()));
        QCOMPARE(cleared.status, 200);
        QVERIFY(cleared.json().value(QStringLiteral("language")).isNull());
    }

    void everyEventBecomesItsMail()
    {
        putSettings();
        m_sink.clear();
        const auto [orderId, invoiceId] = checkout(m_englishToken);
        const QString podId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        announce(
            {events::ServiceReady, m_germanId, podId,
             QJsonObject{{QStringLiteral("name"), QStringLiteral("pod-7")},
                         {QStringLiteral("address"), QStringLiteral("10.20.0.10")},
                         {QStringLiteral("connect"), QJsonArray{QStringLiteral("ssh root@10.20.0.10")}}}});
        announce({events::ServiceReady, m_germanId, podId, {}}); // announced twice, mailed once
        announce({events::PaymentFailed,
                  {},
                  invoiceId,
                  QJsonObject{
                      {QStringLiteral("requires_action"), true},
                      {QStringLiteral("payment_intent"), QStringLiteral("pi_1")},
                      {QStringLiteral("pay_url"), QStringLiteral("https://checkout.example/c/pay/cs_1")}}});
        announce({events::PasswordReset, m_englishId, QStringLiteral("token-1"),
                  QJsonObject{
                      {QStringLiteral("url"), QStringLiteral("https://panel.hosting.example/reset?t=abc")}}});
        announce({events::CertificateExpiring, m_germanId, QStringLiteral("cert-1"),
                  QJsonObject{{QStringLiteral("domain"), QStringLiteral("kunde.example")},
                              {QStringLiteral("expires_at"), QStringLiteral("2026-04-01T00:00:00Z")}}});
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = 'service.ready' "
                                        "AND payload->>'service_id' = ?"),
                         {podId}),
            1);
        sendNow();
        const QJsonObject ready =
            mailFor(outboxId(QStringLiteral("service.ready"), QStringLiteral("service_id"), podId));
        QCOMPARE(str(ready, "subject"), QStringLiteral("Ihr Server pod-7 ist bereit"));
        QVERIFY(str(leafOfType(ready, QStringLiteral("text/plain")), "text")
                    .contains(QStringLiteral("ssh root@10.20.0.10")));
        const QJsonObject action = mailFor(
            outboxId(QStringLiteral("payment.action_required"), QStringLiteral("invoice_id"), invoiceId));
        QVERIFY(str(action, "subject").startsWith(QLatin1String("Please confirm the payment for invoice")));
        QVERIFY(str(leafOfType(action, QStringLiteral("text/html")), "text")
                    .contains(QStringLiteral("<a href=\"https://checkout.example/c/pay/cs_1\">")));
        const QJsonObject reset =
            mailFor(outboxId(QStringLiteral("customer.password_reset"), QStringLiteral("url"),
                             QStringLiteral("https://panel.hosting.example/reset?t=abc")));
        QCOMPARE(str(reset, "envelope_to"), QStringLiteral("ada@customer.example"));
        const QJsonObject cert = mailFor(outboxId(QStringLiteral("certificate.expiring"),
                                                  QStringLiteral("domain"), QStringLiteral("kunde.example")));
        QCOMPARE(str(cert, "subject"),
                 QStringLiteral("Das Zertifikat für kunde.example läuft am 1. April 2026 ab"));
    }

    void renewalNoticeDaysBefore()
    {
        putSettings({{QStringLiteral("renewal_notice_days"), 5}});
        const auto [orderId, invoiceId] = checkout(m_germanToken);
        QCOMPARE(m_api
                     .call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoiceId), m_admin,
                           {{QStringLiteral("status"), QStringLiteral("paid")},
                            {QStringLiteral("reason"), QStringLiteral("test")}})
                     .status,
                 200);
        const QString sub =
            m_api.text(QStringLiteral("SELECT s.id::text FROM subscriptions s JOIN order_items oi ON "
                                      "oi.id = s.order_item_id WHERE oi.order_id = ?::uuid"),
                       {orderId});
        auto runNotices = [&] {
            JobSpec spec;
            spec.tenantId = m_tenant;
            spec.kind = QStringLiteral("notifications.renewal_notices");
            auto job = Jobs::enqueue(m_api.db(), spec);
            QVERIFY(job);
            m_engine->wake();
            QTRY_VERIFY_WITH_TIMEOUT(m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"),
                                                {job->id}) == QStringLiteral("completed"),
                                     30000);
        };
        const QString count =
            QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = "
                           "'subscription.renewal_upcoming' AND payload->>'subscription_id' = ?");
        runNotices(); // due 2 April: not within 5 days of 2 March
        QCOMPARE(m_api.scalar(count, {sub}), 0);
        m_clock.set(QDateTime(QDate(2026, 3, 28), QTime(7, 0), QTimeZone::utc()));
        runNotices();
        runNotices(); // once per due date
        QCOMPARE(m_api.scalar(count, {sub}), 1);
        m_sink.clear();
        sendNow();
        const QJsonObject mail = mailFor(outboxId(QStringLiteral("subscription.renewal_upcoming"),
                                                  QStringLiteral("subscription_id"), sub));
        QCOMPARE(str(mail, "subject"),
                 QStringLiteral("Die Verlängerung von Web Hosting M (monthly) steht bevor"));
        QVERIFY(str(leafOfType(mail, QStringLiteral("text/plain")), "text")
                    .contains(QStringLiteral("2. April 2026")));
    }

    void relayOutageIsRetriedWithBackoff()
    {
        putSettings();
        sendNow(); // nothing left over from earlier tests
        m_sink.stop();
        const auto [orderId, invoiceId] = checkout(m_englishToken);
        const QString id =
            outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId);
        sendNow();
        QJsonObject e = outboxEntry(id);
        QCOMPARE(str(e, "status"), QStringLiteral("queued"));
        QCOMPARE(e.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY2(str(e, "last_error").contains(QLatin1String("connect"), Qt::CaseInsensitive),
                 qPrintable(str(e, "last_error")));
        QCOMPARE(str(e, "next_attempt_at"), api::timestamp(kStart.addSecs(60)).toString());
        sendNow(); // not due yet: no attempt
        QCOMPARE(outboxEntry(id).value(QStringLiteral("attempts")).toInt(), 1);
        m_clock.advance(61 * 1000);
        sendNow();
        e = outboxEntry(id);
        QCOMPARE(e.value(QStringLiteral("attempts")).toInt(), 2);
        QCOMPARE(str(e, "next_attempt_at"), api::timestamp(m_clock.now().addSecs(120)).toString());
        QVERIFY(m_sink.start());
        m_sink.clear();
        m_clock.advance(121 * 1000);
        sendNow();
        e = outboxEntry(id);
        QCOMPARE(str(e, "status"), QStringLiteral("sent"));
        QCOMPARE(e.value(QStringLiteral("attempts")).toInt(), 3);
        QCOMPARE(m_sink.messages().size(), 1);
    }

    // With the relay down every message would wait out the same connect timeout: a run stops at
    // the first such failure and leaves the rest due, untouched, for the next run.
    void anOutageStopsTheRunAtTheFirstFailure()
    {
        putSettings();
        sendNow();
        m_sink.stop();
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const auto [orderId, invoiceId] = checkout(m_englishToken);
            ids << outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId);
        }
        sendNow();
        int attempted = 0;
        for (const QString &id : std::as_const(ids))
            attempted += outboxEntry(id).value(QStringLiteral("attempts")).toInt();
        QCOMPARE(attempted, 1);
        QVERIFY(m_sink.start());
        m_sink.clear();
        m_clock.advance(61 * 1000);
        sendNow();
        for (const QString &id : std::as_const(ids))
            QCOMPARE(str(outboxEntry(id), "status"), QStringLiteral("sent"));
        QCOMPARE(m_sink.messages().size(), 3);
    }

    void failedForGoodAfterMaxAttemptsThenRetriedByStaff()
    {
        putSettings({{QStringLiteral("smtp_password"), QStringLiteral("wrong")},
                     {QStringLiteral("max_attempts"), 2}});
        const auto [orderId, invoiceId] = checkout(m_englishToken);
        const QString id =
            outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId);
        sendNow();
        m_clock.advance(61 * 1000);
        sendNow();
        const auto failed =
            m_api.call("GET", QStringLiteral("/api/notifications/outbox?status=failed"), m_support);
        QCOMPARE(failed.status, 200);
        QJsonObject e;
        for (const QJsonValue &v : failed.json().value(QStringLiteral("items")).toArray()) {
            if (str(v.toObject(), "id") == id)
                e = v.toObject();
        }
        QCOMPARE(str(e, "status"), QStringLiteral("failed"));
        QCOMPARE(e.value(QStringLiteral("attempts")).toInt(), 2);
        QVERIFY2(str(e, "last_error").contains(QLatin1String("535")), qPrintable(str(e, "last_error")));
        QVERIFY(!str(e, "failed_at").isEmpty());
        // Neither the wrong nor the right password is in any job log line.
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM job_log WHERE line LIKE '%wrong%' OR line LIKE ?"),
                     {QStringLiteral("%") + m_sink.options().password + QStringLiteral("%")}),
                 0);
        // Staff fix the password and retry: sent.
        putSettings();
        const auto retried =
            m_api.call("POST", QStringLiteral("/api/notifications/outbox/%1/retry").arg(id), m_admin);
        QCOMPARE(retried.status, 200);
        QCOMPARE(str(retried.json(), "status"), QStringLiteral("queued"));
        m_sink.clear();
        sendNow();
        QCOMPARE(str(outboxEntry(id), "status"), QStringLiteral("sent"));
        QVERIFY(!mailFor(id).isEmpty());
        // A sent message is not sent again.
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/notifications/outbox/%1/retry").arg(id), m_admin).status,
            409);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/notifications/outbox/%1/retry").arg(id), m_support)
                     .status,
                 409);
    }

    void refusedRecipientFailsAtOnce()
    {
        SmtpSink::Options options;
        options.rejectRecipient = QStringLiteral("gone@customer.example");
        QVERIFY(m_sink.start(options));
        putSettings();
        const auto [token, customer] =
            m_api.signUp(m_tenant, QStringLiteral("Gone"), QStringLiteral("gone@customer.example"));
        const auto [orderId, invoiceId] = checkout(token);
        const QString id =
            outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId);
        sendNow();
        const QJsonObject e = outboxEntry(id);
        QCOMPARE(str(e, "status"), QStringLiteral("failed"));
        QCOMPARE(e.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY2(str(e, "last_error").contains(QLatin1String("550")), qPrintable(str(e, "last_error")));
        QVERIFY(m_sink.start());
    }

    void racingSendersDeliverOnce()
    {
        putSettings();
        sendNow();
        m_sink.clear();
        constexpr int kMessages = 40;
        auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
        QVERIFY(tx);
        for (int i = 0; i < kMessages; ++i) {
            QVERIFY(events::DomainEvents::announce(
                *tx,
                {events::ServiceReady, m_englishId, QUuid::createUuid().toString(QUuid::WithoutBraces),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("race-%1").arg(i)}}},
                m_clock.now()));
        }
        QVERIFY(tx->commit());
        // A second engine (another service instance) races the first: 8 workers, 8 sender jobs.
        JobEngine second(engineOptions(QStringLiteral("second")));
        QVERIFY(second.start());
        sendNow(8);
        QVERIFY(second.stop());
        const QStringList files = m_sink.messages();
        QCOMPARE(int(files.size()), kMessages);
        QSet<QString> ids;
        static const QRegularExpression messageId(QStringLiteral("Message-ID: <([0-9a-f-]{36})@"));
        for (const QString &file : files) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto m = messageId.match(QString::fromLatin1(f.readAll()));
            QVERIFY(m.hasMatch());
            ids.insert(m.captured(1));
        }
        QCOMPARE(int(ids.size()), kMessages);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = 'service.ready' AND "
                                    "status = 'sent' AND attempts = 1 AND payload->>'name' LIKE 'race-%'")),
                 kMessages);
    }

    // A sender that claimed a message and died before its commit (a restart mid-send) leaves the
    // message queued: no other sender touches it while the claim holds, and it goes out once after.
    void aMessageClaimedByASenderThatDiedIsSentOnceAfterwards()
    {
        putSettings();
        sendNow();
        m_sink.clear();
        const auto [orderId, invoiceId] = checkout(m_englishToken);
        const QString id =
            outboxId(QStringLiteral("invoice.issued"), QStringLiteral("invoice_id"), invoiceId);
        {
            QSqlDatabase other = QSqlDatabase::cloneDatabase(m_api.db(), QStringLiteral("dying-sender"));
            QVERIFY(other.open());
            {
                auto claim = TenantTransaction::begin(other, m_tenant);
                QVERIFY(claim);
                auto q = sql::exec(
                    other, QStringLiteral("SELECT id FROM email_outbox WHERE id = ?::uuid FOR UPDATE"), {id});
                QVERIFY(q && q->next());
                sendNow(); // the claim holds: skipped, not waited for
                QCOMPARE(m_sink.messages().size(), 0);
                QCOMPARE(str(outboxEntry(id), "status"), QStringLiteral("queued"));
                QCOMPARE(outboxEntry(id).value(QStringLiteral("attempts")).toInt(), 0);
                other.close(); // the process dies: its transaction is gone with the connection
            }
            other = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("dying-sender"));
        }
        sendNow();
        sendNow();
        QCOMPARE(m_sink.messages().size(), 1);
        QCOMPARE(str(outboxEntry(id), "status"), QStringLiteral("sent"));
        QCOMPARE(outboxEntry(id).value(QStringLiteral("attempts")).toInt(), 1);
    }

    void backoffDoublesUpToACap()
    {
        QCOMPARE(notifications::OutboxSender::backoffSeconds(1), 60);
        QCOMPARE(notifications::OutboxSender::backoffSeconds(2), 120);
        QCOMPARE(notifications::OutboxSender::backoffSeconds(5), 960);
        QCOMPARE(notifications::OutboxSender::backoffSeconds(30), 6 * 3600);
    }

    void outboxListIsStaffOnlyAndValidated()
    {
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/notifications/outbox"), m_germanToken).status, 403);
        const auto bad = m_api.call("GET", QStringLiteral("/api/notifications/outbox?status=lost"), m_admin);
        QCOMPARE(bad.status, 400);
        QCOMPARE(errorField(bad), QStringLiteral("status"));
        QCOMPARE(m_api
                     .call("POST",
                           QStringLiteral("/api/notifications/outbox/%1/retry")
                               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                           m_admin)
                     .status,
                 404);
    }

    // Forgot the password: the link comes by mail (read back from the SMTP server), works once,
    // expires, and requests are throttled without telling who has an account.
    void passwordResetByMail()
    {
        putSettings();
        const auto [oldToken, grace] =
            m_api.signUp(m_tenant, QStringLiteral("Grace Hopper"), QStringLiteral("grace@customer.example"),
                         QStringLiteral("GB"));
        auto ask = [&](const QString &email) {
            return m_api.call("POST", QStringLiteral("/api/auth/password-reset"), {},
                              {{QStringLiteral("tenant_id"), m_tenant}, {QStringLiteral("email"), email}});
        };
        auto resetMails = [&] {
            return m_api.scalar(QStringLiteral("SELECT count(*) FROM email_outbox WHERE template = "
                                               "'customer.password_reset' AND customer_id = ?::uuid"),
                                {grace});
        };
        // The token of the newest mail to Grace, read from the mail itself.
        auto mailedToken = [&]() -> QString {
            m_sink.clear();
            sendNow();
            for (const QString &file : m_sink.messages()) {
                const QJsonObject mail = m_sink.summary(file);
                if (str(mail, "envelope_to") != QLatin1String("grace@customer.example"))
                    continue;
                if (!str(mail, "subject").startsWith(QLatin1String("Reset your password at")))
                    continue;
                const QString text = str(leafOfType(mail, QStringLiteral("text/plain")), "text");
                const auto match =
                    QRegularExpression(
                        QStringLiteral(
                            "https://panel\\.hosting\\.example/reset-password\\?token=(mpw_[A-Za-z0-9_-]+)"))
                        .match(text);
                if (match.hasMatch())
                    return match.captured(1);
            }
            return {};
        };
        auto confirm = [&](const QString &token, const QString &password) {
            return m_api.call("POST", QStringLiteral("/api/auth/password-reset/confirm"), {},
                              {{QStringLiteral("tenant_id"), m_tenant},
                               {QStringLiteral("token"), token},
                               {QStringLiteral("password"), password}});
        };
        auto login = [&](const QString &password) {
            return m_api
                .call("POST", QStringLiteral("/api/auth/login"), {},
                      {{QStringLiteral("tenant_id"), m_tenant},
                       {QStringLiteral("email"), QStringLiteral("grace@customer.example")},
                       {QStringLiteral("password"), password}})
                .status;
        };

        // Unknown address: the same answer, no mail.
        QCOMPARE(ask(QStringLiteral("nobody@customer.example")).status, 202);
        QCOMPARE(ask(QStringLiteral("GRACE@customer.example")).status, 202);
        QCOMPARE(resetMails(), 1);
        const QString token = mailedToken();
        QVERIFY2(!token.isEmpty(), "no reset mail with a link in the sink");
        // Stored as its hash only.
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM customer_password_resets WHERE token_hash = "
                                        "sha256(convert_to(?, 'UTF8'))"),
                         {token}),
            1);
        QCOMPARE(
            m_api.scalar(QStringLiteral(
                             "SELECT count(*) FROM customer_password_resets t WHERE strpos(t::text, ?) > 0"),
                         {token}),
            0);

        // A weak password is refused naming the field, and the link still works afterwards.
        auto r = confirm(token, QStringLiteral("short"));
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("password"));
        r = confirm(token, QStringLiteral("a brand new passphrase"));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(login(QStringLiteral("a brand new passphrase")), 200);
        QCOMPARE(login(QStringLiteral("correct horse battery")), 401);
        // Signed out everywhere: the old session's token is dead.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/customers/") + grace, oldToken).status, 401);
        // Once only.
        r = confirm(token, QStringLiteral("yet another passphrase"));
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("token"));
        QCOMPARE(confirm(QStringLiteral("mpw_made-up"), QStringLiteral("yet another passphrase")).status,
                 422);

        // Expired after an hour.
        QCOMPARE(ask(QStringLiteral("grace@customer.example")).status, 202);
        const QString late = mailedToken();
        QVERIFY(!late.isEmpty());
        m_clock.set(kStart.addSecs(61 * 60));
        QCOMPARE(confirm(late, QStringLiteral("yet another passphrase")).status, 422);
        QCOMPARE(login(QStringLiteral("a brand new passphrase")), 200);

        // Three mails per account per hour; more requests answer the same and mail nothing.
        const qint64 before = resetMails();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(ask(QStringLiteral("grace@customer.example")).status, 202);
        QCOMPARE(resetMails(), before + 3);
        // Ten requests per address per hour, then 429 with Retry-After.
        for (int i = 0; i < 6; ++i)
            QCOMPARE(ask(QStringLiteral("other%1@customer.example").arg(i)).status, 202);
        r = ask(QStringLiteral("grace@customer.example"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 0);
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
