#pragma once

#include "core/result.h"
#include "stripe/stripe_settings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

// A card a customer saved at Stripe (Checkout with setup_future_usage=off_session). Stripe holds
// the card; mPanel keeps its id, what the customer recognises it by, and which one renewals use.
struct SavedCard {
    QString id; // mPanel's id, used in the API's paths
    QString customerId;
    QString paymentMethod; // pm_...
    QString brand;
    QString last4;
    int expMonth = 0;
    int expYear = 0;
    bool isDefault = false;
    QDateTime createdAt;

    QJsonObject toJson() const;
};

// One Stripe Customer per mPanel customer, and the customer's saved cards. Methods taking a
// TenantTransaction touch only the database; the ones taking StripeSettings only the network
// (one blocking call each: worker threads, never the UI thread), so no transaction stays open
// while Stripe is called.
class SavedCards {
public:
    // The customer's Stripe Customer (cus_...), empty when none was made yet.
    static Result<QString> stripeCustomer(TenantTransaction &tx, const QString &customerId);
    // Creates the Stripe Customer; the idempotency key is the mPanel customer, so two racing
    // checkouts get the same one.
    static Result<QString> createStripeCustomer(const StripeSettings &settings, const QString &customerId,
                                                const QString &email, const QString &name);
    // Records it; the first recording wins. Returns the one recorded.
    static Result<QString> linkStripeCustomer(TenantTransaction &tx, const QString &customerId,
                                              const QString &stripeCustomer, const QDateTime &now);

    // The cards Stripe holds for `stripeCustomer`.
    static Result<QList<SavedCard>> fetch(const StripeSettings &settings, const QString &stripeCustomer);
    // Stores what Stripe listed: new cards are added, cards Stripe no longer has are dropped, the
    // customer's choice of default is kept (the newest card becomes the default when none is).
    static Result<QList<SavedCard>> sync(TenantTransaction &tx, const QString &customerId,
                                         const QList<SavedCard> &listed, const QDateTime &now);

    static Result<QList<SavedCard>> list(TenantTransaction &tx, const QString &customerId);
    // not_found unless the card is the customer's (an empty customerId: any of the tenant's).
    static Result<SavedCard> find(TenantTransaction &tx, const QString &customerId, const QString &cardId);
    static Result<SavedCard> setDefault(TenantTransaction &tx, const QString &customerId,
                                        const QString &cardId);
    // Detaches the card at Stripe (for good: Stripe cannot charge it again).
    static Status detach(const StripeSettings &settings, const SavedCard &card);
    // Forgets it after the detach; the newest remaining card becomes the default.
    static Status forget(TenantTransaction &tx, const SavedCard &card);
    // The card renewals charge: the default one; none when the customer has no card.
    static Result<std::optional<SavedCard>> renewalCard(TenantTransaction &tx, const QString &customerId);
};

} // namespace mp::payments
