#include "notification_commands.h"

#include "core/clock.h"
#include "core/errors.h"
#include "notifications/notification_bodies.h"

namespace mp::commands {

namespace {

// The relay and its password are the owners' and admins' business, as in the REST API.
std::optional<Error> refusedFor(const SessionInfo &staff)
{
    if (staff.role == StaffRole::Owner || staff.role == StaffRole::Admin)
        return std::nullopt;
    return makeError(errors::Forbidden, QObject::tr("Only owners and admins manage the mail settings."));
}

} // namespace

void loadMailSettings(ConsoleSession *session, QObject *context,
                      Reply<std::optional<notifications::MailSettings>> reply)
{
    runStaffCommand(
        session, context,
        [](TenantTransaction &tx,
           const SessionInfo &staff) -> Result<std::optional<notifications::MailSettings>> {
            if (auto refused = refusedFor(staff))
                return *refused;
            return notifications::MailSettingsStore::load(tx);
        },
        std::move(reply));
}

void saveMailSettings(ConsoleSession *session, QObject *context, const QJsonObject &body,
                      Reply<notifications::MailSettings> reply)
{
    runStaffCommand(
        session, context,
        [body](TenantTransaction &tx, const SessionInfo &staff) -> Result<notifications::MailSettings> {
            if (auto refused = refusedFor(staff))
                return *refused;
            auto values = notifications::mailSettingsBody().decode(body);
            if (!values)
                return values.error();
            return notifications::MailSettingsStore::save(tx, *values, Clock::current().now());
        },
        std::move(reply));
}

void retryMail(ConsoleSession *session, QObject *context, const QString &id,
               Reply<notifications::OutboxEntry> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageJobs,
        [id](TenantTransaction &tx) { return notifications::Outbox::retry(tx, id, Clock::current().now()); },
        std::move(reply));
}

} // namespace mp::commands
