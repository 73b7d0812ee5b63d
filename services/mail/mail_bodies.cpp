#include "mail/mail_bodies.h"

#include "core/errors.h"

namespace mp::mail {

namespace {

using api::BodyField;

BodyField maxMailboxes()
{
    return BodyField::integer(QStringLiteral("max_mailboxes"))
        .nullable()
        .minimum(0)
        .maximum(100000)
        .describe(QStringLiteral("how many mailboxes the domain may have; null: no limit"));
}

BodyField maxQuota()
{
    return BodyField::integer(QStringLiteral("max_quota_mb"))
        .nullable()
        .minimum(1)
        .maximum(10485760)
        .describe(QStringLiteral("the largest quota of one mailbox, in MB; null: no limit"));
}

BodyField sendsPerHour(const QString &name, const QString &what)
{
    return BodyField::integer(name).nullable().minimum(0).maximum(1000000).describe(what);
}

BodyField mailboxSends()
{
    return sendsPerHour(QStringLiteral("mailbox_sends_per_hour"),
                        QStringLiteral("messages one mailbox may send an hour; over it the mail host holds "
                                       "the message; null: no limit"));
}

BodyField domainSends()
{
    return sendsPerHour(QStringLiteral("domain_sends_per_hour"),
                        QStringLiteral("messages all the domain's mailboxes together may send an hour; "
                                       "null: no limit"));
}

BodyField password()
{
    return BodyField::string(QStringLiteral("password"))
        .minLength(10)
        .maxLength(200)
        .writeOnly()
        .describe(QStringLiteral("stored only as its ARGON2ID hash, which Dovecot verifies"));
}

BodyField quota()
{
    return BodyField::integer(QStringLiteral("quota_mb"))
        .minimum(1)
        .maximum(10485760)
        .describe(QStringLiteral("at most the domain's max_quota_mb"));
}

} // namespace

const api::RequestBody &newDomainBody()
{
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("MailDomainInput"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .maxLength(253)
                     .describe(QStringLiteral("the domain, e.g. example.com")))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("the customer who owns it and manages its mailboxes")))
            .add(BodyField::string(QStringLiteral("host_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("default: the tenant's default mail host")))
            .add(maxMailboxes())
            .add(maxQuota())
            .add(mailboxSends())
            .add(domainSends());
    return body;
}

const api::RequestBody &domainChangeBody()
{
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("MailDomainChange"))
            .add(BodyField::string(QStringLiteral("catch_all"))
                     .nullable()
                     .maxLength(254)
                     .describe(QStringLiteral("where mail to unknown addresses goes; null: refused")))
            .add(BodyField::string(QStringLiteral("dmarc_policy"))
                     .oneOf({QStringLiteral("none"), QStringLiteral("quarantine"), QStringLiteral("reject")},
                            errors::InvalidValue)
                     .describe(QStringLiteral("the p= of the published DMARC record")))
            .add(maxMailboxes().describe(QStringLiteral("staff only; null: no limit")))
            .add(maxQuota().describe(QStringLiteral("staff only; null: no limit")))
            .add(mailboxSends().describe(QStringLiteral("staff only; null: no limit")))
            .add(domainSends().describe(QStringLiteral("staff only; null: no limit")))
            .add(BodyField::string(QStringLiteral("status"))
                     .oneOf({QStringLiteral("active"), QStringLiteral("suspended")}, errors::InvalidStatus)
                     .describe(
                         QStringLiteral("staff only: suspended makes the host refuse the domain's mail")));
    return body;
}

const api::RequestBody &newMailboxBody()
{
    static const api::RequestBody body = api::RequestBody(QStringLiteral("MailboxInput"))
                                             .add(BodyField::string(QStringLiteral("local_part"))
                                                      .required()
                                                      .maxLength(64)
                                                      .describe(QStringLiteral("the part before the @")))
                                             .add(password().required())
                                             .add(quota());
    return body;
}

const api::RequestBody &mailboxChangeBody()
{
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("MailboxChange"))
            .add(password())
            .add(quota())
            .add(BodyField::boolean(QStringLiteral("enabled"))
                     .describe(QStringLiteral("false: the mailbox can neither log in nor receive mail")));
    return body;
}

const api::RequestBody &newAliasBody()
{
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("MailAliasInput"))
            .add(BodyField::string(QStringLiteral("local_part"))
                     .required()
                     .maxLength(64)
                     .describe(QStringLiteral("the alias address's part before the @")))
            .add(BodyField::strings(QStringLiteral("destinations"))
                     .required()
                     .describe(QStringLiteral("1 to 50 addresses it delivers to; list the mailbox of the "
                                              "same address to keep a copy")));
    return body;
}

const api::RequestBody &planBody()
{
    static const api::RequestBody body = api::RequestBody(QStringLiteral("MailPlanInput"))
                                             .add(maxMailboxes())
                                             .add(maxQuota())
                                             .add(mailboxSends())
                                             .add(domainSends());
    return body;
}

} // namespace mp::mail
