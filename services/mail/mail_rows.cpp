#include "mail/mail_rows.h"

#include "api/responses.h"

#include <QJsonArray>

namespace mp::mail {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonValue orNull(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

} // namespace

QJsonObject MailHost::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("mx_host"), mxHost},
            {QStringLiteral("reader_login"), readerLogin},
            {QStringLiteral("mail_root"), mailRoot},
            {QStringLiteral("is_default"), isDefault},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("created_at"), api::timestamp(createdAt)}};
}

QJsonObject MailDomain::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("host_id"), hostId},
            {QStringLiteral("host"), hostName},
            {QStringLiteral("mx_host"), mxHost},
            {QStringLiteral("customer_id"), orNull(customerId)},
            {QStringLiteral("customer"), orNull(customerName)},
            {QStringLiteral("subscription_id"), orNull(subscriptionId)},
            {QStringLiteral("status"), status},
            {QStringLiteral("max_mailboxes"), orNull(maxMailboxes)},
            {QStringLiteral("max_quota_mb"), orNull(maxQuotaMb)},
            {QStringLiteral("mailbox_sends_per_hour"), orNull(mailboxSendsPerHour)},
            {QStringLiteral("domain_sends_per_hour"), orNull(domainSendsPerHour)},
            {QStringLiteral("dns_health"), dnsHealth.isEmpty() ? QJsonValue() : QJsonValue(dnsHealth)},
            {QStringLiteral("catch_all"), orNull(catchAll)},
            {QStringLiteral("dmarc_policy"), dmarcPolicy},
            {QStringLiteral("dkim_selector"), orNull(dkimSelector)},
            {QStringLiteral("dkim_public_key"), orNull(dkimPublicKey)},
            {QStringLiteral("mailboxes"), mailboxes},
            {QStringLiteral("created_at"), api::timestamp(createdAt)},
            {QStringLiteral("updated_at"), api::timestamp(updatedAt)}};
}

QJsonObject Mailbox::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("address"), address()},
            {QStringLiteral("domain_id"), domainId},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("local_part"), localPart},
            {QStringLiteral("quota_mb"), quotaMb},
            {QStringLiteral("used_bytes"), usedBytes ? QJsonValue(*usedBytes) : QJsonValue()},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("status"), status},
            {QStringLiteral("created_at"), api::timestamp(createdAt)},
            {QStringLiteral("updated_at"), api::timestamp(updatedAt)}};
}

QJsonObject MailAlias::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("address"), address()},
            {QStringLiteral("domain_id"), domainId},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("local_part"), localPart},
            {QStringLiteral("destinations"), QJsonArray::fromStringList(destinations)},
            {QStringLiteral("created_at"), api::timestamp(createdAt)}};
}

} // namespace mp::mail
