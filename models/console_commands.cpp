#include "console_commands.h"

#include "billing/invoice_pdf.h"
#include "catalog/cloudpod_templates.h"
#include "cloudpods/cloudpod_findings.h"
#include "console_session/console_session.h"
#include "console_session/staff_transaction.h"
#include "core/clock.h"
#include "customers/customers.h"
#include "jobs/jobs.h"
#include "payments/stripe_provider.h"
#include "provisioning/service_lifecycle.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_renewals.h"

#include <QMutex>

#include <algorithm>
#include <optional>

namespace mp::commands {

namespace {

// Runs `work(tx)` in a staff transaction on the session thread; `reply` on the context's.
template<class T, class Work>
void inTransaction(ConsoleSession *session, QObject *context, Work work, Reply<T> reply)
{
    session->run(
        context,
        [work = std::move(work)](StaffSession &staff) -> Result<T> {
            return inStaffTransaction(
                staff, [&](TenantTransaction &tx) -> Result<T> { return work(tx, staff.info()); });
        },
        [reply = std::move(reply)](const Result<T> &result) { reply(result); });
}

QString actorOf(const SessionInfo &staff)
{
    // The audit trails name the person by the login the server knows them as.
    return QStringLiteral("staff %1").arg(staff.login);
}

struct PaymentConfig {
    QMutex mutex;
    std::optional<Config> config;
};

PaymentConfig &paymentConfig()
{
    static PaymentConfig instance;
    return instance;
}

Config currentPaymentConfig()
{
    PaymentConfig &pc = paymentConfig();
    QMutexLocker lock(&pc.mutex);
    if (!pc.config) {
        auto loaded = Config::load(QString());
        pc.config = loaded ? *loaded : Config();
    }
    return *pc.config;
}

Result<PodDetail> podDetail(TenantTransaction &tx, const QString &id)
{
    auto pod = cloudpods::CloudPods::find(tx.db(), id);
    if (!pod)
        return pod.error();
    auto jobs = cloudpods::CloudPods::jobs(tx, id);
    if (!jobs)
        return jobs.error();
    PodDetail detail{*pod, cloudpods::CloudPods::actionsFor(*pod), *jobs, {}};
    if (!jobs->isEmpty()) {
        auto log = Jobs::log(tx.db(), jobs->first().id);
        if (!log)
            return log.error();
        detail.log = *log;
    }
    return detail;
}

} // namespace

void saveProduct(ConsoleSession *session, QObject *context, const QString &id,
                 const catalog::ProductDraft &draft, Reply<catalog::Product> reply)
{
    inTransaction<catalog::Product>(
        session, context,
        [id, draft](TenantTransaction &tx, const SessionInfo &) {
            return id.isEmpty() ? catalog::Products::create(tx, draft)
                                : catalog::Products::update(tx, id, draft);
        },
        std::move(reply));
}

void removeProduct(ConsoleSession *session, QObject *context, const QString &id,
                   Reply<catalog::RemoveOutcome> reply)
{
    inTransaction<catalog::RemoveOutcome>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) { return catalog::Products::remove(tx, id); },
        std::move(reply));
}

void loadProduct(ConsoleSession *session, QObject *context, const QString &id, Reply<catalog::Product> reply)
{
    inTransaction<catalog::Product>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) { return catalog::Products::find(tx, id); },
        std::move(reply));
}

void loadTemplates(ConsoleSession *session, QObject *context, Reply<QList<catalog::CloudPodTemplate>> reply)
{
    inTransaction<QList<catalog::CloudPodTemplate>>(
        session, context,
        [](TenantTransaction &tx, const SessionInfo &) { return catalog::CloudPodTemplates::list(tx); },
        std::move(reply));
}

void saveCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  const customers::CustomerDraft &draft, Reply<customers::Customer> reply)
{
    inTransaction<customers::Customer>(
        session, context,
        [id, draft](TenantTransaction &tx, const SessionInfo &) {
            return id.isEmpty() ? customers::Customers::create(tx, draft)
                                : customers::Customers::update(tx, id, draft);
        },
        std::move(reply));
}

void loadCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  Reply<customers::Customer> reply)
{
    inTransaction<customers::Customer>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) { return customers::Customers::find(tx, id); },
        std::move(reply));
}

void loadInvoice(ConsoleSession *session, QObject *context, const QString &id, Reply<InvoiceDetail> reply)
{
    inTransaction<InvoiceDetail>(
        session, context,
        [id, config = currentPaymentConfig()](TenantTransaction &tx,
                                              const SessionInfo &) -> Result<InvoiceDetail> {
            auto inv = billing::Invoices::find(tx, id);
            if (!inv)
                return inv.error();
            auto today = billing::Invoices::today(tx);
            if (!today)
                return today.error();
            auto audit = billing::Invoices::auditTrail(tx, id);
            if (!audit)
                return audit.error();
            auto paid = payments::Payments::forInvoice(tx, id);
            if (!paid)
                return paid.error();
            return InvoiceDetail{*inv, *today, *audit, *paid,
                                 payments::stripeStatus(StripeSettings::fromConfig(config))};
        },
        std::move(reply));
}

void changeInvoiceStatus(ConsoleSession *session, QObject *context, const QString &id,
                         const billing::StatusChange &change, Reply<billing::Invoice> reply)
{
    inTransaction<billing::Invoice>(
        session, context,
        [id, change](TenantTransaction &tx, const SessionInfo &staff) {
            billing::StatusChange c = change;
            c.actor = actorOf(staff);
            return billing::Invoices::changeStatus(tx, id, c, Clock::current().now());
        },
        std::move(reply));
}

void invoicePdf(ConsoleSession *session, QObject *context, const QString &id, Reply<QByteArray> reply)
{
    inTransaction<QByteArray>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) -> Result<QByteArray> {
            auto inv = billing::Invoices::find(tx, id);
            if (!inv)
                return inv.error();
            auto today = billing::Invoices::today(tx);
            if (!today)
                return today.error();
            return billing::InvoicePdf::render(*inv, *today);
        },
        std::move(reply));
}

void invoiceTotals(ConsoleSession *session, QObject *context, const billing::InvoiceFilter &filter,
                   Reply<QList<billing::InvoiceTotal>> reply)
{
    inTransaction<QList<billing::InvoiceTotal>>(
        session, context,
        [filter](TenantTransaction &tx, const SessionInfo &) -> Result<QList<billing::InvoiceTotal>> {
            auto today = billing::Invoices::today(tx);
            if (!today)
                return today.error();
            return billing::Invoices::totals(tx, filter, *today);
        },
        std::move(reply));
}

void orderTotals(ConsoleSession *session, QObject *context, const billing::OrderFilter &filter,
                 Reply<QList<billing::OrderTotal>> reply)
{
    inTransaction<QList<billing::OrderTotal>>(
        session, context,
        [filter](TenantTransaction &tx, const SessionInfo &) { return billing::Orders::totals(tx, filter); },
        std::move(reply));
}

void loadSubscription(ConsoleSession *session, QObject *context, const QString &id,
                      Reply<SubscriptionDetail> reply)
{
    inTransaction<SubscriptionDetail>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) -> Result<SubscriptionDetail> {
            auto s = subscriptions::Subscriptions::find(tx, id);
            if (!s)
                return s.error();
            auto links = subscriptions::Subscriptions::links(tx, *s);
            if (!links)
                return links.error();
            SubscriptionDetail detail{*s, *links, {}, {}};
            // A subscription has one invoice per period: a handful of short queries.
            for (const QJsonValue &inv : std::as_const(links->invoices)) {
                auto paid =
                    payments::Payments::forInvoice(tx, inv.toObject().value(QStringLiteral("id")).toString());
                if (!paid)
                    return paid.error();
                detail.payments.append(*paid);
            }
            std::sort(detail.payments.begin(), detail.payments.end(),
                      [](const payments::Payment &a, const payments::Payment &b) {
                          return a.createdAt > b.createdAt;
                      });
            auto service = provisioning::serviceStatus(tx, s->serviceRequest());
            if (!service)
                return service.error();
            detail.provisioning = *service;
            return detail;
        },
        std::move(reply));
}

void changeSubscription(ConsoleSession *session, QObject *context, const QString &id,
                        SubscriptionAction action, Reply<subscriptions::Subscription> reply)
{
    using subscriptions::SubscriptionLifecycle;
    inTransaction<subscriptions::Subscription>(
        session, context,
        [id, action](TenantTransaction &tx, const SessionInfo &staff) -> Result<subscriptions::Subscription> {
            const QDateTime now = Clock::current().now();
            switch (action) {
            case SubscriptionAction::CancelNow:
                return SubscriptionLifecycle::cancel(tx, id, subscriptions::CancelMode::Now, actorOf(staff),
                                                     now);
            case SubscriptionAction::CancelAtPeriodEnd:
                return SubscriptionLifecycle::cancel(tx, id, subscriptions::CancelMode::PeriodEnd,
                                                     actorOf(staff), now);
            case SubscriptionAction::Suspend:
                return SubscriptionLifecycle::suspend(tx, id, actorOf(staff), now);
            case SubscriptionAction::Unsuspend:
                return SubscriptionLifecycle::unsuspend(tx, id, actorOf(staff), now);
            }
            return makeError(QStringLiteral("invalid_action"), QStringLiteral("unknown action"));
        },
        std::move(reply));
}

void renewSubscriptionNow(ConsoleSession *session, QObject *context, const QString &id, Reply<QString> reply)
{
    inTransaction<QString>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &staff) {
            return subscriptions::SubscriptionRenewals::renewNow(tx, id, actorOf(staff),
                                                                 Clock::current().now());
        },
        std::move(reply));
}

void loadPayments(ConsoleSession *session, QObject *context, const payments::PaymentFilter &filter,
                  Reply<QList<payments::Payment>> reply)
{
    inTransaction<QList<payments::Payment>>(
        session, context,
        [filter](TenantTransaction &tx, const SessionInfo &) { return payments::Payments::list(tx, filter); },
        std::move(reply));
}

void setPaymentConfig(const Config &config)
{
    PaymentConfig &pc = paymentConfig();
    QMutexLocker lock(&pc.mutex);
    pc.config = config;
}

void loadProviders(ConsoleSession *session, QObject *context, Reply<providers::ProviderOverview> reply)
{
    const Config config = currentPaymentConfig();
    inTransaction<providers::ProviderOverview>(
        session, context,
        [config](TenantTransaction &tx, const SessionInfo &) {
            return providers::Providers::overview(tx, config);
        },
        std::move(reply));
}

// Pay online and refund follow the services' three steps on the session thread: plan in one
// short staff transaction, call Stripe with none open, record in a second one.
void payInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId,
                Reply<payments::CheckoutStarted> reply)
{
    const Config config = currentPaymentConfig();
    session->run(
        context,
        [invoiceId, config](StaffSession &staff) -> Result<payments::CheckoutStarted> {
            using payments::InvoiceCheckout;
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
            auto recorded =
                inStaffTransaction(staff, [&](TenantTransaction &tx) -> Result<payments::CheckoutStarted> {
                    if (auto st = InvoiceCheckout::recordSession(tx, invoiceId, *plan, *started,
                                                                 Clock::current().now());
                        !st)
                        return st.error();
                    return *started;
                });
            return recorded;
        },
        [reply = std::move(reply)](const Result<payments::CheckoutStarted> &result) { reply(result); });
}

void refundInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId, qint64 amountMinor,
                   const QString &reason, Reply<QJsonObject> reply)
{
    const Config config = currentPaymentConfig();
    session->run(
        context,
        [invoiceId, amountMinor, reason, config](StaffSession &staff) -> Result<QJsonObject> {
            using payments::InvoiceCheckout;
            auto stripe = StripeSettings::fromConfig(config);
            if (!stripe)
                return stripe.error();
            auto plan = inStaffTransaction(staff, [&](TenantTransaction &tx) {
                return InvoiceCheckout::planRefund(tx, invoiceId, amountMinor, reason, QString());
            });
            if (!plan)
                return plan.error();
            auto refund = InvoiceCheckout::createRefund(*stripe, *plan);
            if (!refund)
                return refund.error();
            const QString actor = actorOf(staff.info());
            return inStaffTransaction(staff, [&](TenantTransaction &tx) {
                return InvoiceCheckout::recordRefund(tx, *plan, *refund, actor, Clock::current().now());
            });
        },
        [reply = std::move(reply)](const Result<QJsonObject> &result) { reply(result); });
}

void loadPod(ConsoleSession *session, QObject *context, const QString &id, Reply<PodDetail> reply)
{
    inTransaction<PodDetail>(
        session, context, [id](TenantTransaction &tx, const SessionInfo &) { return podDetail(tx, id); },
        std::move(reply));
}

void loadJobLog(ConsoleSession *session, QObject *context, qint64 jobId, Reply<QList<JobLogLine>> reply)
{
    inTransaction<QList<JobLogLine>>(
        session, context,
        [jobId](TenantTransaction &tx, const SessionInfo &) { return Jobs::log(tx.db(), jobId); },
        std::move(reply));
}

void podAction(ConsoleSession *session, QObject *context, const QString &id, PodAction action,
               Reply<PodDetail> reply)
{
    inTransaction<PodDetail>(
        session, context,
        [id, action](TenantTransaction &tx, const SessionInfo &staff) -> Result<PodDetail> {
            using cloudpods::CloudPods;
            const QDateTime now = Clock::current().now();
            Status done;
            switch (action) {
            case PodAction::Retry:
                if (auto pod = CloudPods::retry(tx, id, QStringLiteral("staff %1").arg(staff.login), now);
                    !pod)
                    done = pod.error();
                break;
            case PodAction::Suspend:
            case PodAction::Unsuspend:
                done = CloudPods::requestPower(tx, id, action == PodAction::Suspend, now);
                break;
            case PodAction::Terminate:
                done = CloudPods::requestTerminate(tx, id, now);
                break;
            }
            if (!done)
                return done.error();
            return podDetail(tx, id);
        },
        std::move(reply));
}

void checkFindings(ConsoleSession *session, QObject *context, Reply<EnqueuedJob> reply)
{
    inTransaction<EnqueuedJob>(
        session, context,
        [](TenantTransaction &tx, const SessionInfo &) {
            return cloudpods::CloudPodFindings::requestCheck(tx);
        },
        std::move(reply));
}

} // namespace mp::commands
