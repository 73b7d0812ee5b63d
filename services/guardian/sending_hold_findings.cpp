#include "guardian/sending_hold_findings.h"

#include "db/tenant_transaction.h"
#include "guardian/guardian_findings.h"
#include "guardian/guardian_settings.h"
#include "guardian/remediation.h"

namespace mp::guardian {

Status recordSendingHold(TenantTransaction &tx, const events::DomainEvent &event, const QDateTime &now)
{
    const QString address = event.data.value(QLatin1String("address")).toString().toLower();
    if (address.isEmpty())
        return {};
    const int held = event.data.value(QLatin1String("held")).toInt(1);
    const QDateTime firstHeld =
        QDateTime::fromString(event.data.value(QLatin1String("first_held_at")).toString(), Qt::ISODateWithMs);

    FindingDraft draft;
    draft.kind = QStringLiteral("spam_burst");
    draft.severity = QStringLiteral("high");
    draft.subject = address;
    draft.account = address;
    draft.count = qMax(held, 1);
    draft.firstSeen = (firstHeld.isValid() ? firstHeld : now).toMSecsSinceEpoch();
    draft.lastSeen = now.toMSecsSinceEpoch();
    draft.evidence.append(EvidenceLine{QStringLiteral("mail host send check"), 0,
                                       QStringLiteral("%1 message(s) held: over the %2 limit of %3 per hour")
                                           .arg(held)
                                           .arg(event.data.value(QLatin1String("limit_kind")).toString())
                                           .arg(event.data.value(QLatin1String("limit_per_hour")).toInt())});

    const FindingContext context{event.customerId, QStringLiteral("mailbox"), address};
    auto settings = GuardianSettingsStore::load(tx.db());
    if (!settings)
        return settings.error();
    auto recorded =
        Findings::record(tx.db(), tx.tenantId(), QString(), draft, context, QString(), false, now);
    if (!recorded)
        return recorded.error();
    if (auto raised = Remediations::raise(tx, *recorded, *settings, now); !raised)
        return raised.error();
    return {};
}

} // namespace mp::guardian
