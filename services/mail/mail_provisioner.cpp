#include "mail/mail_provisioner.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "mail/mail_domains.h"
#include "mail/mail_names.h"
#include "mail/mail_rows.h"
#include "module/provisioner.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace mp::mail {

namespace {

struct Plan {
    std::optional<int> maxMailboxes, maxQuotaMb, mailboxSendsPerHour, domainSendsPerHour;
};

std::optional<int> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

Result<Plan> planOf(const QSqlDatabase &db, const QString &productId)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT max_mailboxes, max_quota_mb, mailbox_sends_per_hour, domain_sends_per_hour "
                       "FROM mail_plans WHERE product_id = ?::uuid"),
        {productId});
    if (!q)
        return q.error();
    Plan plan;
    if (q->next()) {
        plan.maxMailboxes = optionalInt(q->value(0));
        plan.maxQuotaMb = optionalInt(q->value(1));
        plan.mailboxSendsPerHour = optionalInt(q->value(2));
        plan.domainSendsPerHour = optionalInt(q->value(3));
    }
    return plan;
}

QString actorFor(const provisioning::ServiceRequest &r)
{
    return QStringLiteral("subscription %1").arg(r.subscriptionId);
}

class EmailProvisioner final : public provisioning::Provisioner {
public:
    Status activated(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                     const QDateTime &now) override
    {
        auto existing = MailDomains::forSubscription(tx.db(), r.subscriptionId);
        if (!existing)
            return existing.error();
        if (*existing)
            return {};
        auto line = sql::exec(tx.db(),
                              QStringLiteral("SELECT options->>'domain' FROM order_items WHERE id = ?::uuid"),
                              {r.orderItemId});
        if (!line)
            return line.error();
        if (!line->next() || line->value(0).toString().isEmpty())
            return notProvisioned(r, QStringLiteral("the order line names no mail domain"));
        auto plan = planOf(tx.db(), r.productId);
        if (!plan)
            return plan.error();
        NewMailDomain domain;
        domain.name = line->value(0).toString();
        domain.customerId = r.customerId;
        domain.subscriptionId = r.subscriptionId;
        domain.maxMailboxes = plan->maxMailboxes;
        domain.maxQuotaMb = plan->maxQuotaMb;
        domain.mailboxSendsPerHour = plan->mailboxSendsPerHour;
        domain.domainSendsPerHour = plan->domainSendsPerHour;
        auto made = MailDomains::create(tx, domain, actorFor(r), now);
        if (!made) {
            // No mail host yet, or the domain is on one already: the payment stands, staff see
            // "no mail domain yet" on the subscription and put the domain on a host by hand.
            const ErrorCategory category = made.error().category;
            if (category == ErrorCategory::Unprocessable || category == ErrorCategory::Conflict)
                return notProvisioned(r, made.error().message);
            return made.error();
        }
        return {};
    }

    Status suspended(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                     const QDateTime &now) override
    {
        return setStatus(tx, r, QStringLiteral("suspended"), now);
    }

    Status unsuspended(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                       const QDateTime &now) override
    {
        return setStatus(tx, r, QStringLiteral("active"), now);
    }

    Status terminated(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                      const QDateTime &now) override
    {
        auto domain = MailDomains::forSubscription(tx.db(), r.subscriptionId);
        if (!domain)
            return domain.error();
        if (!*domain || (*domain)->status == QLatin1String("deleting"))
            return {};
        auto job = MailDomains::remove(tx, **domain, now);
        if (!job)
            return job.error();
        return {};
    }

    Status changed(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                   const QDateTime &now) override
    {
        auto domain = MailDomains::forSubscription(tx.db(), r.subscriptionId);
        if (!domain)
            return domain.error();
        if (!*domain || (*domain)->status == QLatin1String("deleting"))
            return {};
        auto plan = planOf(tx.db(), r.productId);
        if (!plan)
            return plan.error();
        MailDomainChange change;
        change.maxMailboxes = plan->maxMailboxes;
        change.maxQuotaMb = plan->maxQuotaMb;
        change.mailboxSendsPerHour = plan->mailboxSendsPerHour;
        change.domainSendsPerHour = plan->domainSendsPerHour;
        auto changedDomain = MailDomains::change(tx, **domain, change, actorFor(r), now);
        if (!changedDomain)
            return changedDomain.error();
        return {};
    }

    Result<QString> status(TenantTransaction &tx, const provisioning::ServiceRequest &r) override
    {
        auto domain = MailDomains::forSubscription(tx.db(), r.subscriptionId);
        if (!domain)
            return domain.error();
        if (!*domain)
            return QStringLiteral("no mail domain yet");
        return QStringLiteral("mail domain %1 on %2: %3, %4 mailbox(es)")
            .arg((*domain)->name, (*domain)->hostName, (*domain)->status)
            .arg((*domain)->mailboxes);
    }

    Result<QJsonArray> services(TenantTransaction &tx, const provisioning::ServiceRequest &r, bool) override
    {
        auto domain = MailDomains::forSubscription(tx.db(), r.subscriptionId);
        if (!domain)
            return domain.error();
        if (!*domain)
            return QJsonArray();
        return QJsonArray{QJsonObject{{QStringLiteral("id"), (*domain)->id},
                                      {QStringLiteral("type"), QStringLiteral("mail_domain")},
                                      {QStringLiteral("name"), (*domain)->name},
                                      {QStringLiteral("state"), (*domain)->status},
                                      {QStringLiteral("mailboxes"), (*domain)->mailboxes}}};
    }

private:
    static Status notProvisioned(const provisioning::ServiceRequest &r, const QString &why)
    {
        JsonLog::write(
            QStringLiteral("mail_domain_not_provisioned"),
            {{QStringLiteral("subscription_id"), r.subscriptionId}, {QStringLiteral("message"), why}});
        return {};
    }

    static Status setStatus(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                            const QString &status, const QDateTime &now)
    {
        auto domain = MailDomains::forSubscription(tx.db(), r.subscriptionId);
        if (!domain)
            return domain.error();
        if (!*domain || (*domain)->status == QLatin1String("deleting") || (*domain)->status == status)
            return {};
        MailDomainChange change;
        change.status = status;
        auto changedDomain = MailDomains::change(tx, **domain, change, actorFor(r), now);
        if (!changedDomain)
            return changedDomain.error();
        return {};
    }
};

std::shared_ptr<const api::RequestBody> lineOptions()
{
    using api::BodyField;
    return std::make_shared<const api::RequestBody>(
        api::RequestBody(QStringLiteral("EmailLineOptions"))
            // Not required: checkout's options table merges every type's fields. An email line
            // without a domain is billed; its subscription says no mail domain was put on a host.
            .add(BodyField::string(QStringLiteral("domain"))
                     .maxLength(253)
                     .check([](const QJsonValue &value, const QString &path) -> Status {
                         auto name = mailDomainName(value.toString(), path);
                         if (!name)
                             return name.error();
                         return {};
                     })
                     .describe(QStringLiteral("the domain the mailboxes are on, e.g. example.com"))));
}

} // namespace

provisioning::ProductType emailProductType()
{
    provisioning::ProductType type;
    type.id = kEmailProductType;
    // Translated by the console in the "mp::ProductTypes" context.
    type.label = QString::fromUtf8(QT_TRANSLATE_NOOP("mp::ProductTypes", "E-mail"));
    type.order = 30;
    type.provisioner = std::make_shared<EmailProvisioner>();
    type.lineOptions = lineOptions();
    return type;
}

} // namespace mp::mail
