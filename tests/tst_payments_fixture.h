#pragma once

// A companion service for the payments tests as it runs in production: request handlers on a
// pool of threads, each with its own database connection, Stripe settings from configuration,
// and helpers to make invoices and signed Stripe events.

#include "core/clock.h"
#include "core/config.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/http_server.h"
#include "service/api_modules.h"
#include "stripe/stripe_signature.h"
#include "support/blocking_http.h"
#include "support/http_client.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"

#include <QAtomicInt>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <memory>

namespace mp::test {

inline const QByteArray kWebhookSecret = "whsec_test_secret";
inline const QByteArray kOldWebhookSecret = "whsec_old_secret";

class PaymentsFixture {
public:
    ~PaymentsFixture() { m_server.reset(); }

    void start(Config config = {})
    {
        static QAtomicInt instances;
        m_settings = TestCluster::instance().freshDatabase();
        const QString prefix = QStringLiteral("payments%1").arg(instances.fetchAndAddRelaxed(1));
        m_db = openDatabase(m_settings, prefix + QStringLiteral("-owner"));
        if (!config.contains(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET")))
            config.set(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"),
                       QString::fromLatin1(kWebhookSecret + ',' + kOldWebhookSecret));
        m_server = std::make_unique<HttpServer>();
        const ConnectionSettings settings = m_settings;
        m_api = std::make_unique<ApiContext>([settings, prefix] {
            auto db = sql::open(settings, sql::threadConnectionName(prefix));
            return db ? db.value() : QSqlDatabase();
        });
        m_api->setConfig(config);
        registerApiModules(m_server->router(), *m_api);
        m_server->setWorkerThreads(8);
        auto port = m_server->listenOn(QStringLiteral("127.0.0.1:0"));
        QVERIFY(port.ok());
        m_port = port.value();
        m_tenant = createTenant(m_db, QStringLiteral("Payments %1").arg(prefix));
        m_admin = ApiTokens::create(m_db, m_tenant, StaffRole::Admin).value();
    }

    QSqlDatabase &db() { return m_db; }
    quint16 port() const { return m_port; }
    const QString &tenant() const { return m_tenant; }
    const QString &admin() const { return m_admin; }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    HttpResult call(const QByteArray &method, const QString &path, const QString &token,
                    const QJsonObject &body = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token.toLatin1()});
        return httpCall(method, url(path), body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                        headers);
    }

    // A customer who can sign in: {access token, customer id}.
    QPair<QString, QString> customer(const QString &name)
    {
        const QString email = name.toLower() + QStringLiteral("@example.com");
        const auto r =
            call("POST", QStringLiteral("/api/auth/signup"), {},
                 QJsonObject{{QStringLiteral("tenant_id"), m_tenant},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("email"), email},
                             {QStringLiteral("password"), QStringLiteral("correct horse battery")}});
        if (r.status != 201)
            qFatal("signup: %d %s", r.status, r.body.constData());
        return {r.json().value(QStringLiteral("access_token")).toString(), customerId(email)};
    }
    QString customerId(const QString &email)
    {
        auto q = sql::exec(m_db, QStringLiteral("SELECT id::text FROM customers WHERE email = ?"), {email});
        return q && q->next() ? q->value(0).toString() : QString();
    }

    // `count` unpaid invoices of `totalMinor` in `currency`, straight into the table (many at
    // once for the storm); ids in creation order.
    QStringList unpaidInvoices(const QString &customerId, int count, qint64 totalMinor,
                               const QString &currency = QStringLiteral("USD"))
    {
        static QAtomicInt batches;
        const int batch = batches.fetchAndAddRelaxed(1);
        auto q = sql::exec(m_db, QStringLiteral(R"sql(
INSERT INTO invoices (tenant_id, customer_id, status, number, number_year, number_seq, currency, price_mode,
                      issue_date, due_date, net_minor, tax_minor, total_minor, created_at, issued_at)
SELECT ?::uuid, ?::uuid, 'unpaid', 'T' || ? || '-' || g, 2026, 100000 * ? + g, ?, 'exclusive', current_date,
       current_date + 14, ?, 0, ?, now(), now()
FROM generate_series(1, ?) AS g ORDER BY g RETURNING id::text)sql"),
                           {m_tenant, customerId, batch, batch, currency, totalMinor, totalMinor, count});
        QStringList ids;
        if (!q)
            qFatal("invoices: %s", qPrintable(q.error().message));
        while (q->next())
            ids.append(q->value(0).toString());
        return ids;
    }

    qint64 scalar(const QString &sqlText, const QVariantList &binds = {})
    {
        auto q = sql::exec(m_db, sqlText, binds);
        if (!q || !q->next()) {
            qWarning("scalar failed: %s", q ? "no row" : qPrintable(q.error().message));
            return -1;
        }
        return q->value(0).toLongLong();
    }
    QString text(const QString &sqlText, const QVariantList &binds = {})
    {
        auto q = sql::exec(m_db, sqlText, binds);
        return q && q->next() ? q->value(0).toString() : QString();
    }
    QString invoiceStatus(const QString &id)
    {
        return text(QStringLiteral("SELECT status FROM invoices WHERE id = ?::uuid"), {id});
    }

private:
    ConnectionSettings m_settings;
    QSqlDatabase m_db;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<ApiContext> m_api;
    quint16 m_port = 0;
    QString m_tenant;
    QString m_admin;
};

// Stripe event bodies shaped like the contract fixtures, for invoices mPanel created.
namespace events {

inline QJsonObject envelope(const QString &type, const QJsonObject &object, const QString &id = {})
{
    return QJsonObject{
        {QStringLiteral("id"),
         id.isEmpty() ? QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128) : id},
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("api_version"), QStringLiteral("2024-06-20")},
        {QStringLiteral("created"), Clock::current().now().toSecsSinceEpoch()},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("pending_webhooks"), 1},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("id"), QJsonValue()},
                                                {QStringLiteral("idempotency_key"), QJsonValue()}}},
        {QStringLiteral("type"), type},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}}};
}

inline QJsonObject metadata(const QString &invoiceId)
{
    return QJsonObject{{QStringLiteral("mpanel_invoice"), invoiceId}};
}

inline QJsonObject sessionCompleted(const QString &invoiceId, const QString &pi, qint64 amount,
                                    const QString &currency = QStringLiteral("usd"),
                                    const QString &eventId = {})
{
    return envelope(QStringLiteral("checkout.session.completed"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("cs_test_") + pi.mid(3)},
                                {QStringLiteral("object"), QStringLiteral("checkout.session")},
                                {QStringLiteral("amount_total"), amount},
                                {QStringLiteral("client_reference_id"), invoiceId},
                                {QStringLiteral("currency"), currency},
                                {QStringLiteral("metadata"), metadata(invoiceId)},
                                {QStringLiteral("mode"), QStringLiteral("payment")},
                                {QStringLiteral("payment_intent"), pi},
                                {QStringLiteral("payment_status"), QStringLiteral("paid")},
                                {QStringLiteral("status"), QStringLiteral("complete")}},
                    eventId);
}

inline QJsonObject intentSucceeded(const QString &invoiceId, const QString &pi, qint64 amount,
                                   const QString &currency = QStringLiteral("usd"))
{
    return envelope(QStringLiteral("payment_intent.succeeded"),
                    QJsonObject{{QStringLiteral("id"), pi},
                                {QStringLiteral("object"), QStringLiteral("payment_intent")},
                                {QStringLiteral("amount"), amount},
                                {QStringLiteral("amount_received"), amount},
                                {QStringLiteral("currency"), currency},
                                {QStringLiteral("latest_charge"), QStringLiteral("ch_") + pi.mid(3)},
                                {QStringLiteral("metadata"), metadata(invoiceId)},
                                {QStringLiteral("status"), QStringLiteral("succeeded")}});
}

inline QJsonObject intentFailed(const QString &invoiceId, const QString &pi, qint64 amount,
                                const QString &declineCode)
{
    return envelope(
        QStringLiteral("payment_intent.payment_failed"),
        QJsonObject{{QStringLiteral("id"), pi},
                    {QStringLiteral("object"), QStringLiteral("payment_intent")},
                    {QStringLiteral("amount"), amount},
                    {QStringLiteral("amount_received"), 0},
                    {QStringLiteral("currency"), QStringLiteral("usd")},
                    {QStringLiteral("metadata"), metadata(invoiceId)},
                    {QStringLiteral("status"), QStringLiteral("requires_payment_method")},
                    {QStringLiteral("last_payment_error"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("card_error")},
                                 {QStringLiteral("code"), QStringLiteral("card_declined")},
                                 {QStringLiteral("decline_code"), declineCode},
                                 {QStringLiteral("message"), QStringLiteral("Your card was declined.")}}}});
}

inline QJsonObject chargeRefunded(const QString &invoiceId, const QString &pi, qint64 amount, qint64 refunded)
{
    return envelope(QStringLiteral("charge.refunded"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("ch_") + pi.mid(3)},
                                {QStringLiteral("object"), QStringLiteral("charge")},
                                {QStringLiteral("amount"), amount},
                                {QStringLiteral("amount_refunded"), refunded},
                                {QStringLiteral("currency"), QStringLiteral("usd")},
                                {QStringLiteral("metadata"), metadata(invoiceId)},
                                {QStringLiteral("paid"), true},
                                {QStringLiteral("payment_intent"), pi},
                                {QStringLiteral("refunded"), refunded == amount},
                                {QStringLiteral("status"), QStringLiteral("succeeded")}});
}

inline QByteArray body(const QJsonObject &event)
{
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

inline QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray &body,
                                                          const QList<QByteArray> &secrets = {kWebhookSecret},
                                                          qint64 ageSeconds = 0)
{
    const qint64 t = Clock::current().now().toSecsSinceEpoch() - ageSeconds;
    return {{"Stripe-Signature", stripe::signatureHeader(secrets, t, body)}};
}

} // namespace events

} // namespace mp::test
