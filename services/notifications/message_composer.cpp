#include "notifications/message_composer.h"

#include "billing/billing_settings.h"
#include "billing/invoice_pdf.h"
#include "billing/invoices.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "notifications/mail_layout.h"
#include "notifications/mail_templates.h"
#include "notifications/notification_environment.h"

#include <QJsonArray>
#include <QLocale>

namespace mp::notifications {

namespace {

const auto kCustomer =
    QStringLiteral("SELECT name, coalesce(language, ''), coalesce(country, '') FROM customers "
                   "WHERE id = ?::uuid");
const auto kTenantName = QStringLiteral("SELECT name FROM tenants WHERE id = ?::uuid");

struct Recipient {
    QString name;
    QString language = QStringLiteral("en");
};

QString dateText(const QDate &date, const QString &language)
{
    if (!date.isValid())
        return {};
    return language == QLatin1String("de")
               ? QLocale(QLocale::German).toString(date, QStringLiteral("d. MMMM yyyy"))
               : QLocale(QLocale::English).toString(date, QStringLiteral("d MMMM yyyy"));
}

QString moneyText(const Money &money, const QString &language)
{
    QString amount = money.toDecimalString();
    if (language == QLatin1String("de"))
        amount.replace(u'.', u',');
    return QStringLiteral("%1 %2").arg(amount, money.currency().code());
}

Result<Recipient> recipient(TenantTransaction &tx, const OutboxEntry &entry)
{
    Recipient r;
    if (entry.customerId.isEmpty())
        return r;
    auto q = sql::exec(tx.db(), kCustomer, {entry.customerId});
    if (!q)
        return q.error();
    if (q->next()) {
        r.name = q->value(0).toString();
        r.language = MessageComposer::languageFor(q->value(1).toString(), q->value(2).toString());
    }
    return r;
}

Result<SenderFooter> footer(TenantTransaction &tx, const billing::BillingSettings &billing)
{
    SenderFooter f{billing.sellerName, billing.sellerAddress, billing.sellerEmail};
    if (f.name.trimmed().isEmpty()) {
        auto q = sql::exec(tx.db(), kTenantName, {tx.tenantId()});
        if (!q)
            return q.error();
        if (q->next())
            f.name = q->value(0).toString();
    }
    return f;
}

QString payUrl(const QJsonObject &payload, const QString &invoiceId)
{
    const QString given = payload.value(QStringLiteral("pay_url")).toString();
    if (!given.isEmpty())
        return given;
    return QStringLiteral("%1/invoices/%2/pay").arg(NotificationEnvironment::publicUrl(), invoiceId);
}

// What the payload gives as plain values, by the names the templates use.
void payloadValues(const QJsonObject &payload, const QString &language, QHash<QString, QString> &values)
{
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (it->isString())
            values.insert(it.key(), it->toString());
        else if (it->isDouble())
            values.insert(it.key(), QString::number(it->toInteger()));
        else if (it->isArray()) {
            QStringList lines;
            for (const QJsonValue &v : it->toArray())
                lines << v.toString();
            values.insert(it.key(), lines.join(u'\n'));
        }
    }
    // Dates as the reader writes them; "expires_at" reads as a day.
    const std::pair<QString, QString> dates[] = {
        {QStringLiteral("due_date"), QStringLiteral("due_date")},
        {QStringLiteral("expires_at"), QStringLiteral("expires_on")}};
    for (const auto &[key, name] : dates) {
        const QDate date = QDate::fromString(payload.value(key).toString().left(10), Qt::ISODate);
        if (date.isValid())
            values.insert(name, dateText(date, language));
    }
    const auto currency = Currency::fromCode(payload.value(QStringLiteral("currency")).toString());
    if (currency && payload.contains(QStringLiteral("amount_minor")))
        values.insert(
            QStringLiteral("amount"),
            moneyText(Money(payload.value(QStringLiteral("amount_minor")).toInteger(), *currency), language));
    if (payload.contains(QStringLiteral("url")))
        values.insert(QStringLiteral("reset_url"), payload.value(QStringLiteral("url")).toString());
    else if (payload.contains(QStringLiteral("reset_token")))
        // The portal's page for it (the customers module knows no URLs).
        values.insert(QStringLiteral("reset_url"),
                      QStringLiteral("%1/reset-password?token=%2")
                          .arg(NotificationEnvironment::publicUrl(),
                               payload.value(QStringLiteral("reset_token")).toString()));
}

} // namespace

QString MessageComposer::languageFor(const QString &chosen, const QString &country)
{
    if (MailTemplates::languages().contains(chosen))
        return chosen;
    static const QStringList german{QStringLiteral("DE"), QStringLiteral("AT"), QStringLiteral("CH"),
                                    QStringLiteral("LI")};
    return german.contains(country.toUpper()) ? QStringLiteral("de") : QStringLiteral("en");
}

Result<MailMessage> MessageComposer::compose(TenantTransaction &tx, const OutboxEntry &entry,
                                             const MailSettings &settings, const QDateTime &now)
{
    auto to = recipient(tx, entry);
    if (!to)
        return to.error();
    auto billing = billing::BillingSettingsStore::load(tx);
    if (!billing)
        return billing.error();
    auto sender = footer(tx, *billing);
    if (!sender)
        return sender.error();

    MailMessage m;
    m.language = to->language;
    QHash<QString, QString> values{{QStringLiteral("customer_name"), to->name},
                                   {QStringLiteral("tenant_name"), sender->name}};
    payloadValues(entry.payload, m.language, values);

    const QString invoiceId = entry.payload.value(QStringLiteral("invoice_id")).toString();
    if (!invoiceId.isEmpty()) {
        auto invoice = billing::Invoices::find(tx, invoiceId);
        if (!invoice)
            return invoice.error();
        values.insert(QStringLiteral("invoice_number"), invoice->number);
        values.insert(QStringLiteral("total"), moneyText(invoice->total, m.language));
        values.insert(QStringLiteral("pay_url"), payUrl(entry.payload, invoiceId));
        if (!values.contains(QStringLiteral("due_date")))
            values.insert(QStringLiteral("due_date"), dateText(invoice->dueDate, m.language));
        if (invoice->paidAt.isValid())
            values.insert(QStringLiteral("paid_on"),
                          dateText(billing::Invoices::localDate(*billing, invoice->paidAt), m.language));
        if (entry.templateName == QLatin1String("invoice.issued")) {
            auto pdf = billing::InvoicePdf::render(*invoice, billing::Invoices::localDate(*billing, now));
            if (!pdf)
                return pdf.error();
            m.attachments << MailAttachment{QStringLiteral("%1.pdf").arg(invoice->number), "application/pdf",
                                            *pdf};
        }
    }

    auto rendered = MailTemplates::render(entry.templateName, m.language, values);
    if (!rendered)
        return rendered.error();
    m.subject = rendered->subject;
    m.text = MailLayout::text(rendered->text, *sender);
    m.html = MailLayout::html(rendered->html, m.subject, m.language, *sender);
    m.fromAddress = settings.fromAddress;
    m.fromName = settings.fromName.isEmpty() ? sender->name : settings.fromName;
    m.replyTo = settings.replyTo;
    m.toAddress = entry.toAddress;
    m.toName = to->name;
    const QString domain = settings.fromAddress.section(u'@', 1);
    m.messageId =
        QStringLiteral("%1@%2").arg(entry.id, domain.isEmpty() ? QStringLiteral("mpanel.invalid") : domain);
    return m;
}

} // namespace mp::notifications
