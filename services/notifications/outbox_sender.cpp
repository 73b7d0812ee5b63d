#include "notifications/outbox_sender.h"

#include "core/errors.h"
#include "db/side_connection.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "jobs/jobs.h"
#include "notifications/mail_settings.h"
#include "notifications/message_composer.h"
#include "notifications/notification_environment.h"
#include "notifications/notification_errors.h"
#include "notifications/outbox.h"
#include "notifications/smtp_client.h"

#include <QSqlQuery>
#include <QThread>

namespace mp::notifications {

namespace {

// RelayTrouble: the attempt failed for a reason every other message would meet too (the relay
// unreachable, authentication refused): the run stops there instead of waiting out the timeout
// once per message; the rest stay due for the next run.
enum class Sent { Nothing, Delivered, Failed, RelayTrouble };

// One message: claim, compose, send, record, commit.
Result<Sent> sendNext(const QSqlDatabase &db, JobContext &ctx, const MailSettings &settings,
                      const SmtpRelay &relay)
{
    auto tx = TenantTransaction::begin(db, ctx.tenantId());
    if (!tx)
        return tx.error();
    const QDateTime now = ctx.now();
    auto claimed = Outbox::claimNext(*tx, now);
    if (!claimed)
        return claimed.error();
    if (!*claimed)
        return Sent::Nothing;
    const OutboxEntry &entry = **claimed;

    QSqlQuery savepoint(tx->db());
    if (!savepoint.exec(QStringLiteral("SAVEPOINT compose")))
        return sql::fromSqlError(savepoint.lastError(), QStringLiteral("opening the compose savepoint"));
    auto message = MessageComposer::compose(*tx, entry, settings, now);
    SmtpOutcome outcome;
    if (message) {
        (void)savepoint.exec(QStringLiteral("RELEASE SAVEPOINT compose"));
        outcome = SmtpClient::send(relay, *message);
    } else {
        // A message that cannot be put together (its invoice gone, no PDF renderer) is an attempt
        // that failed like any other: staff see why, and retry once it is fixed.
        (void)savepoint.exec(QStringLiteral("ROLLBACK TO SAVEPOINT compose"));
        outcome.error = QStringLiteral("could not compose the message: %1").arg(message.error().message);
        outcome.permanent = message.error().code == errors::MailTemplateMissing;
    }

    const int attempt = entry.attempts + 1;
    if (outcome.sent) {
        if (auto st = Outbox::markSent(*tx, entry.id, message->subject, ctx.now()); !st)
            return st.error();
    } else {
        const bool last = outcome.permanent || attempt >= settings.maxAttempts;
        const QDateTime retryAt = last ? QDateTime() : now.addSecs(OutboxSender::backoffSeconds(attempt));
        if (auto st = Outbox::markAttemptFailed(*tx, entry.id, outcome.error, retryAt, now); !st)
            return st.error();
    }
    if (auto st = tx->commit(); !st)
        return st.error();
    // Never the password: the relay's error text carries none (curl does not echo credentials).
    ctx.log(outcome.sent
                ? QStringLiteral("sent %1 (%2) to %3").arg(entry.id, entry.templateName, entry.toAddress)
                : QStringLiteral("attempt %1 of %2 (%3) to %4 failed%5: %6")
                      .arg(attempt)
                      .arg(entry.id, entry.templateName, entry.toAddress,
                           outcome.permanent || attempt >= settings.maxAttempts ? QStringLiteral(" for good")
                                                                                : QString(),
                           outcome.error));
    if (outcome.sent)
        return Sent::Delivered;
    return message && !outcome.permanent ? Sent::RelayTrouble : Sent::Failed;
}

} // namespace

qint64 OutboxSender::backoffSeconds(int attempt)
{
    constexpr qint64 kCap = 6 * 3600;
    if (attempt < 1)
        return 60;
    if (attempt > 20)
        return kCap;
    return qMin(kCap, qint64(60) << (attempt - 1));
}

Status OutboxSender::run(JobContext &ctx)
{
    auto jobDb = ctx.db();
    if (!jobDb)
        return jobDb.error();
    TenantTransaction jobTx = TenantTransaction::adopt(*jobDb, ctx.tenantId());
    auto settings = MailSettingsStore::loadForSending(jobTx);
    if (!settings)
        return settings.error();
    auto due = Outbox::anyDue(jobTx, ctx.now());
    if (!due)
        return due.error();
    if (!*due)
        return {};
    // Not set up or switched off: due mail waits, as the console's mail settings say (no log
    // line: it would repeat every minute).
    if (!*settings || !(*settings)->enabled)
        return {};
    const MailSettings &mail = **settings;
    const SmtpRelay relay = SmtpRelay::from(mail, NotificationEnvironment::smtpCaFile());

    // Each message's transaction runs on a connection of its own, apart from the job's (which
    // commits only when the whole job does): so a sent mail is marked sent within milliseconds.
    auto side = SideConnection::open(*jobDb, QStringLiteral("mail-job"), ctx.jobId());
    if (!side)
        return side.error();
    int delivered = 0, failed = 0;
    bool relayTrouble = false;
    for (int i = 0; i < kMessagesPerRun; ++i) {
        if (ctx.stopRequested())
            break;
        auto sent = sendNext(side->db(), ctx, mail, relay);
        if (!sent)
            return sent.error();
        if (*sent == Sent::Nothing)
            break;
        ++(*sent == Sent::Delivered ? delivered : failed);
        if (*sent == Sent::RelayTrouble) {
            relayTrouble = true;
            break;
        }
    }
    ctx.log(QStringLiteral("%1 sent, %2 failed").arg(delivered).arg(failed));
    if (!relayTrouble && delivered + failed >= kMessagesPerRun) {
        // More may be due: a follow-up job continues at once (committed with this job).
        JobSpec next;
        next.tenantId = ctx.tenantId();
        next.kind = ctx.kind();
        next.uniqueKey = QStringLiteral("notifications.send.continue");
        if (auto enqueued = Jobs::enqueue(*jobDb, next); !enqueued)
            return enqueued.error();
    }
    return {};
}

} // namespace mp::notifications
