#include "notifications/notification_listeners.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "module/module_context.h"
#include "notifications/mail_settings.h"
#include "notifications/outbox.h"

namespace mp::notifications {

namespace {

const auto kCustomerEmail = QStringLiteral("SELECT email FROM customers WHERE id = ?::uuid");
const auto kInvoiceCustomer = QStringLiteral("SELECT customer_id::text FROM invoices WHERE id = ?::uuid");

// Set-based like the past-due reminders (subscriptions): every running subscription due within
// the notice days, not ending, gets one notice per due date.
const auto kRenewalNotices = QStringLiteral(R"sql(
INSERT INTO email_outbox (tenant_id, customer_id, to_address, template, payload, dedupe_key, created_at)
SELECT s.tenant_id, s.customer_id, c.email, 'subscription.renewal_upcoming',
       jsonb_build_object('subscription_id', s.id, 'description', s.description, 'due_date', s.next_due_date,
                          'amount_minor', s.unit_price_minor * s.quantity, 'currency', s.currency),
       'subscription.renewal_upcoming:' || s.id || ':' || s.next_due_date, ?::timestamptz
FROM subscriptions s JOIN customers c ON c.id = s.customer_id
WHERE s.status = 'active' AND NOT s.cancel_at_period_end
  AND s.next_due_date BETWEEN ?::date AND ?::date
ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
)sql");
const auto kTenantToday =
    QStringLiteral("SELECT (?::timestamptz AT TIME ZONE time_zone)::date FROM tenants WHERE id = ?::uuid");

struct Mail {
    QString templateName;
    QString dedupeKey;
    QJsonObject payload;
};

Result<QString> emailOf(TenantTransaction &tx, const QString &customerId)
{
    auto q = sql::exec(tx.db(), kCustomerEmail, {customerId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<QString> customerOfInvoice(TenantTransaction &tx, const QString &invoiceId)
{
    auto q = sql::exec(tx.db(), kInvoiceCustomer, {invoiceId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Status queue(TenantTransaction &tx, const QString &customerId, const Mail &mail, const QDateTime &now)
{
    if (customerId.isEmpty())
        return {};
    auto email = emailOf(tx, customerId);
    if (!email)
        return email.error();
    if (email->isEmpty())
        return {};
    auto queued =
        Outbox::enqueue(tx, {customerId, *email, mail.templateName, mail.payload, mail.dedupeKey}, now);
    if (!queued)
        return queued.error();
    return {};
}

// What each event becomes; an empty template: nothing to mail.
Mail mailFor(const events::DomainEvent &e, const QDateTime &now)
{
    const QString id = e.subjectId;
    if (e.name == events::InvoiceIssued)
        return {QStringLiteral("invoice.issued"), QStringLiteral("invoice.issued:") + id,
                QJsonObject{{QStringLiteral("invoice_id"), id}}};
    if (e.name == events::PaymentFailed) {
        QJsonObject payload = e.data;
        payload.insert(QStringLiteral("invoice_id"), id);
        const bool action = e.data.value(QStringLiteral("requires_action")).toBool();
        return {action ? QStringLiteral("payment.action_required") : QStringLiteral("payment.failed"),
                QStringLiteral("payment.failed:%1:%2:%3")
                    .arg(id, e.data.value(QStringLiteral("payment_intent")).toString(),
                         e.data.value(QStringLiteral("decline_code")).toString()),
                payload};
    }
    if (e.name == events::SubscriptionSuspended) {
        QJsonObject payload = e.data;
        payload.insert(QStringLiteral("subscription_id"), id);
        // Once per suspension: a subscription suspended again later is told again.
        return {
            QStringLiteral("subscription.suspended"),
            QStringLiteral("subscription.suspended:%1:%2").arg(id, now.toUTC().toString(Qt::ISODateWithMs)),
            payload};
    }
    if (e.name == events::ServiceReady) {
        QJsonObject payload = e.data;
        payload.insert(QStringLiteral("service_id"), id);
        return {QStringLiteral("service.ready"), QStringLiteral("service.ready:") + id, payload};
    }
    if (e.name == events::PasswordReset)
        return {QStringLiteral("customer.password_reset"), QStringLiteral("customer.password_reset:") + id,
                e.data};
    if (e.name == events::CertificateExpiring)
        return {QStringLiteral("certificate.expiring"),
                QStringLiteral("certificate.expiring:%1:%2")
                    .arg(id, e.data.value(QStringLiteral("expires_at")).toString()),
                e.data};
    return {};
}

} // namespace

void NotificationListeners::declare(ModuleContext &module)
{
    module.onInvoicePaid(&NotificationListeners::onInvoicePaid);
    for (const QString &event : {events::InvoiceIssued, events::PaymentFailed, events::SubscriptionSuspended,
                                 events::ServiceReady, events::PasswordReset, events::CertificateExpiring})
        module.on(event, &NotificationListeners::onEvent);
}

Status NotificationListeners::onInvoicePaid(TenantTransaction &tx, const QString &invoiceId,
                                            const QDateTime &now)
{
    auto customer = customerOfInvoice(tx, invoiceId);
    if (!customer)
        return customer.error();
    return queue(tx, *customer,
                 {QStringLiteral("invoice.paid"), QStringLiteral("invoice.paid:") + invoiceId,
                  QJsonObject{{QStringLiteral("invoice_id"), invoiceId}}},
                 now);
}

Status NotificationListeners::onEvent(TenantTransaction &tx, const events::DomainEvent &event,
                                      const QDateTime &now)
{
    const Mail mail = mailFor(event, now);
    if (mail.templateName.isEmpty())
        return {};
    QString customer = event.customerId;
    if (customer.isEmpty() && (event.name == events::InvoiceIssued || event.name == events::PaymentFailed)) {
        auto fromInvoice = customerOfInvoice(tx, event.subjectId);
        if (!fromInvoice)
            return fromInvoice.error();
        customer = *fromInvoice;
    }
    return queue(tx, customer, mail, now);
}

Status NotificationListeners::renewalNotices(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    auto days = MailSettingsStore::renewalNoticeDays(tx);
    if (!days)
        return days.error();
    if (*days == 0)
        return {};
    const QDateTime now = ctx.now();
    auto today = sql::exec(tx.db(), kTenantToday, {now.toUTC(), ctx.tenantId()});
    if (!today)
        return today.error();
    if (!today->next())
        return {};
    const QDate from = today->value(0).toDate();
    auto q = sql::exec(tx.db(), kRenewalNotices,
                       {now.toUTC(), from.toString(Qt::ISODate), from.addDays(*days).toString(Qt::ISODate)});
    if (!q)
        return q.error();
    ctx.log(QStringLiteral("%1 renewal notice(s) queued for renewals until %2")
                .arg(q->numRowsAffected())
                .arg(from.addDays(*days).toString(Qt::ISODate)));
    return {};
}

} // namespace mp::notifications
