#pragma once

#include "mail/mail_mailboxes.h"
#include "mail/mail_rows.h"
#include "staff_command.h"

#include <QJsonObject>

#include <optional>

namespace mp::commands {

// The Email section's commands (contract in staff_command.h): each runs the service function the
// REST API route runs, as staff allowed manage_mail (docs/roles.md).

// POST /api/mail/domains/{domain}/mailboxes.
void createMailbox(ConsoleSession *session, QObject *context, const QString &domainId,
                   const QString &localPart, const QString &password, std::optional<int> quotaMb,
                   Reply<mail::Mailbox> reply);
// PATCH /api/mail/mailboxes/{id}: a new password, quota, or disabling/enabling it.
void changeMailbox(ConsoleSession *session, QObject *context, const QString &mailboxId,
                   const mail::MailboxChange &change, Reply<mail::Mailbox> reply);
// DELETE /api/mail/mailboxes/{id}: off the host at once; the reply is the job removing its mail.
void removeMailbox(ConsoleSession *session, QObject *context, const QString &mailboxId, Reply<qint64> reply);
// POST /api/mail/domains/{domain}/aliases.
void createAlias(ConsoleSession *session, QObject *context, const QString &domainId, const QString &localPart,
                 const QStringList &destinations, Reply<mail::MailAlias> reply);
// DELETE /api/mail/aliases/{id}.
void removeAlias(ConsoleSession *session, QObject *context, const QString &aliasId,
                 Reply<mail::MailAlias> reply);
// POST /api/mail/domains/{domain}/dns-check: the health as MailDnsHealth answers and stores it.
void checkMailDns(ConsoleSession *session, QObject *context, const QString &domainId,
                  Reply<QJsonObject> reply);

} // namespace mp::commands
