#include "mail_commands.h"

#include "core/clock.h"
#include "mail/mail_aliases.h"
#include "mail/mail_dns_health.h"
#include "mail/mail_domains.h"

namespace mp::commands {

void createMailbox(ConsoleSession *session, QObject *context, const QString &domainId,
                   const QString &localPart, const QString &password, std::optional<int> quotaMb,
                   Reply<mail::Mailbox> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageMail,
        [=](TenantTransaction &tx) -> Result<mail::Mailbox> {
            auto domain = mail::MailDomains::findById(tx.db(), domainId);
            if (!domain)
                return domain.error();
            return mail::Mailboxes::create(tx, *domain, localPart, password, quotaMb, Clock::current().now());
        },
        std::move(reply));
}

void changeMailbox(ConsoleSession *session, QObject *context, const QString &mailboxId,
                   const mail::MailboxChange &change, Reply<mail::Mailbox> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageMail,
        [=](TenantTransaction &tx) -> Result<mail::Mailbox> {
            auto mailbox = mail::Mailboxes::find(tx.db(), mailboxId);
            if (!mailbox)
                return mailbox.error();
            return mail::Mailboxes::change(tx, *mailbox, change, Clock::current().now());
        },
        std::move(reply));
}

void removeMailbox(ConsoleSession *session, QObject *context, const QString &mailboxId, Reply<qint64> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageMail,
        [=](TenantTransaction &tx) -> Result<qint64> {
            auto mailbox = mail::Mailboxes::find(tx.db(), mailboxId);
            if (!mailbox)
                return mailbox.error();
            return mail::Mailboxes::remove(tx, *mailbox, Clock::current().now());
        },
        std::move(reply));
}

void createAlias(ConsoleSession *session, QObject *context, const QString &domainId, const QString &localPart,
                 const QStringList &destinations, Reply<mail::MailAlias> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageMail,
        [=](TenantTransaction &tx) -> Result<mail::MailAlias> {
            auto domain = mail::MailDomains::findById(tx.db(), domainId);
            if (!domain)
                return domain.error();
            return mail::MailAliases::create(tx, *domain, localPart, destinations, Clock::current().now());
        },
        std::move(reply));
}

void removeAlias(ConsoleSession *session, QObject *context, const QString &aliasId,
                 Reply<mail::MailAlias> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageMail,
        [=](TenantTransaction &tx) -> Result<mail::MailAlias> {
            auto alias = mail::MailAliases::find(tx.db(), aliasId);
            if (!alias)
                return alias.error();
            if (auto removed = mail::MailAliases::remove(tx, *alias); !removed)
                return removed.error();
            return alias;
        },
        std::move(reply));
}

void checkMailDns(ConsoleSession *session, QObject *context, const QString &domainId,
                  Reply<QJsonObject> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageMail,
        [=](TenantTransaction &tx) -> Result<QJsonObject> {
            auto domain = mail::MailDomains::findById(tx.db(), domainId);
            if (!domain)
                return domain.error();
            return mail::MailDnsHealth::check(tx, *domain, Clock::current().now());
        },
        std::move(reply));
}

} // namespace mp::commands
