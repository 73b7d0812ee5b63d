#pragma once

#include "core/result.h"
#include "subscriptions/subscription_proration.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::subscriptions {

struct ChangeRequest {
    QString productId;
    QString cycle;
    QString currency; // optional: when given it must be the subscription's
    QString actor;
};

// One upgrade or downgrade as stored (subscription_changes).
struct SubscriptionChange {
    QString id;
    QString subscriptionId;
    QString kind;   // upgrade, downgrade
    QString status; // pending (upgrade waiting for its invoice), applied, void
    QString fromProductId, fromCycle;
    qint64 fromUnitPriceMinor = 0;
    QString toProductId, toCycle;
    qint64 toUnitPriceMinor = 0;
    QString currency;
    Proration proration;
    QString invoiceId;    // upgrade
    QString creditNoteId; // downgrade, when the current period has a paid invoice to credit
    QDateTime createdAt, appliedAt;
    bool created = true; // false: a double submit found the pending change

    QJsonObject toJson() const;
};

// Upgrades and downgrades, inside the caller's tenant transaction. The subscription row lock
// orders changes, renewals and payments of one subscription.
class SubscriptionChanges {
public:
    // Prorates the rest of the current period. More to pay: an invoice, the change waits for
    // its payment (status pending; the same request again returns it, one invoice). Less (or the
    // same): applied now, with a credit note against the invoice that paid the current period
    // for the unused difference, and the provisioning change queued as a job.
    static Result<SubscriptionChange> request(TenantTransaction &tx, const QString &subscriptionId,
                                              const ChangeRequest &change, const QDateTime &now);

    // From billing::afterInvoicePaid (through SubscriptionLifecycle::onInvoicePaid): a paid
    // proration invoice applies its change once.
    static Status onInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now);

    static Result<SubscriptionChange> find(TenantTransaction &tx, const QString &changeId);

    // What the job kind below runs: provisioning::onChanged for the applied change.
    static Status provision(TenantTransaction &tx, const QString &changeId, const QDateTime &now);
    static QString provisionJobKind() { return QStringLiteral("subscriptions.change_provision"); }
};

} // namespace mp::subscriptions
