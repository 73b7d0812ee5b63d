#include "payment_commands.h"

#include "core/clock.h"
#include "tenancy/role_matrix.h"

#include <QMutex>

#include <optional>

namespace mp::commands {

namespace {

struct PaymentConfig {
    QMutex mutex;
    std::optional<Config> config;
};

PaymentConfig &paymentConfigStore()
{
    static PaymentConfig instance;
    return instance;
}

} // namespace

void setPaymentConfig(const Config &config)
{
    PaymentConfig &pc = paymentConfigStore();
    QMutexLocker lock(&pc.mutex);
    pc.config = config;
}

Config paymentConfig()
{
    PaymentConfig &pc = paymentConfigStore();
    QMutexLocker lock(&pc.mutex);
    if (!pc.config) {
        auto loaded = Config::load(QString());
        pc.config = loaded ? *loaded : Config();
    }
    return *pc.config;
}

void loadPayments(ConsoleSession *session, QObject *context, const payments::PaymentFilter &filter,
                  Reply<QList<payments::Payment>> reply)
{
    runStaffCommand(
        session, context, [filter](TenantTransaction &tx) { return payments::Payments::list(tx, filter); },
        std::move(reply));
}

// Read what is stored in one staff transaction, ask Stripe with none open, store its answer in a
// second: the same steps as GET /api/cards.
void loadSavedCards(ConsoleSession *session, QObject *context, const QString &customerId,
                    Reply<QList<payments::SavedCard>> reply)
{
    session->run(
        context,
        [customerId, config = paymentConfig()](StaffSession &staff) -> Result<QList<payments::SavedCard>> {
            using payments::SavedCards;
            QString link;
            auto stored =
                inStaffTransaction(staff, [&](TenantTransaction &tx) -> Result<QList<payments::SavedCard>> {
                    auto known = SavedCards::stripeCustomer(tx, customerId);
                    if (!known)
                        return known.error();
                    link = *known;
                    return SavedCards::list(tx, customerId);
                });
            auto stripe = StripeSettings::fromConfig(config);
            if (!stored || link.isEmpty() || !stripe || !stripe->canCall())
                return stored;
            auto fetched = SavedCards::fetch(*stripe, link);
            if (!fetched)
                return stored;
            return inStaffTransaction(staff, [&](TenantTransaction &tx) {
                return SavedCards::sync(tx, customerId, *fetched, Clock::current().now());
            });
        },
        std::move(reply));
}

// Pay online and refund follow the services' three steps on the session thread: plan in one
// short staff transaction, call Stripe with none open, record in a second one.
void payInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId,
                Reply<payments::CheckoutStarted> reply)
{
    session->run(
        context,
        [invoiceId, config = paymentConfig()](StaffSession &staff) -> Result<payments::CheckoutStarted> {
            using payments::InvoiceCheckout;
            if (auto allowed = mayTake(staff.info(), StaffAction::CollectPayments); !allowed)
                return allowed.error();
            auto stripe = StripeSettings::fromConfig(config);
            if (!stripe)
                return stripe.error();
            const auto urls = payments::CheckoutUrls::fromConfig(config);
            auto plan = inStaffTransaction(staff, [&](TenantTransaction &tx) {
                return InvoiceCheckout::planCheckout(tx, urls, invoiceId, Clock::current().now());
            });
            if (!plan)
                return plan.error();
            if (plan->existing)
                return *plan->existing;
            auto started = InvoiceCheckout::createSession(*stripe, *plan);
            if (!started)
                return started.error();
            return inStaffTransaction(staff, [&](TenantTransaction &tx) -> Result<payments::CheckoutStarted> {
                if (auto st = InvoiceCheckout::recordSession(tx, invoiceId, *plan, *started,
                                                             Clock::current().now());
                    !st)
                    return st.error();
                return *started;
            });
        },
        std::move(reply));
}

void refundInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId, qint64 amountMinor,
                   const QString &reason, Reply<QJsonObject> reply)
{
    session->run(
        context,
        [invoiceId, amountMinor, reason,
         config = paymentConfig()](StaffSession &staff) -> Result<QJsonObject> {
            // The role matrix the API enforces (docs/roles.md): support may not refund here either.
            if (auto allowed = mayTake(staff.info(), StaffAction::Refund); !allowed)
                return allowed.error();
            using payments::InvoiceCheckout;
            auto stripe = StripeSettings::fromConfig(config);
            if (!stripe)
                return stripe.error();
            auto plan = inStaffTransaction(staff, [&](TenantTransaction &tx) {
                return InvoiceCheckout::planRefund(tx, invoiceId, amountMinor, reason, QString(),
                                                   staffActor(staff.info()));
            });
            if (!plan)
                return plan.error();
            auto refund = InvoiceCheckout::createRefund(*stripe, *plan);
            if (!refund)
                return refund.error();
            const QString actor = staffActor(staff.info());
            return inStaffTransaction(staff, [&](TenantTransaction &tx) {
                return InvoiceCheckout::recordRefund(tx, *plan, *refund, actor, Clock::current().now());
            });
        },
        std::move(reply));
}

} // namespace mp::commands
