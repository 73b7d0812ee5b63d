#pragma once

#include "billing/invoices.h"
#include "billing/orders.h"
#include "catalog/cloudpod_template.h"
#include "catalog/product.h"
#include "catalog/products.h"
#include "cloudpods/cloud_pods.h"
#include "customers/customer.h"
#include "payments/invoice_checkout.h"
#include "payments/payments.h"
#include "providers/provider_overview.h"
#include "subscriptions/subscriptions.h"

#include <QByteArray>
#include <QObject>

#include <functional>

namespace mp {

class ConsoleSession;

// Everything the console's dialogs and pages ask of the services besides listing rows: each
// call runs the same service function the REST API runs, in one staff transaction on the
// session thread, and answers on `context`'s thread while `context` lives (never the UI
// thread's time, never a dangling callback).
namespace commands {

template<class T> using Reply = std::function<void(const Result<T> &)>;

// A pod with what the detail shows: its jobs (newest first), the log of the newest one, and
// what staff may do to it now.
struct PodDetail {
    cloudpods::CloudPod pod;
    cloudpods::PodActions actions;
    QList<JobRecord> jobs;
    QList<JobLogLine> log; // of jobs.first()
};

enum class PodAction { Retry, Suspend, Unsuspend, Terminate };

struct InvoiceDetail {
    billing::Invoice invoice;
    QDate today;
    QList<billing::AuditEntry> audit;
    QList<payments::Payment> payments; // its Stripe payments, newest first
    providers::ProviderStatus stripe;  // where Pay online and Refund go: sandbox, test, live or off
};

struct SubscriptionDetail {
    subscriptions::Subscription subscription;
    subscriptions::SubscriptionLinks links;
    QList<payments::Payment> payments; // of the subscription's invoices, newest first
    QString provisioning;
};

enum class SubscriptionAction { CancelNow, CancelAtPeriodEnd, Suspend, Unsuspend };

void saveProduct(ConsoleSession *session, QObject *context, const QString &id,
                 const catalog::ProductDraft &draft, Reply<catalog::Product> reply);
void removeProduct(ConsoleSession *session, QObject *context, const QString &id,
                   Reply<catalog::RemoveOutcome> reply);
void loadProduct(ConsoleSession *session, QObject *context, const QString &id, Reply<catalog::Product> reply);
void loadTemplates(ConsoleSession *session, QObject *context, Reply<QList<catalog::CloudPodTemplate>> reply);

void saveCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  const customers::CustomerDraft &draft, Reply<customers::Customer> reply);
void loadCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  Reply<customers::Customer> reply);

void loadInvoice(ConsoleSession *session, QObject *context, const QString &id, Reply<InvoiceDetail> reply);
void changeInvoiceStatus(ConsoleSession *session, QObject *context, const QString &id,
                         const billing::StatusChange &change, Reply<billing::Invoice> reply);
void invoicePdf(ConsoleSession *session, QObject *context, const QString &id, Reply<QByteArray> reply);
void invoiceTotals(ConsoleSession *session, QObject *context, const billing::InvoiceFilter &filter,
                   Reply<QList<billing::InvoiceTotal>> reply);
void orderTotals(ConsoleSession *session, QObject *context, const billing::OrderFilter &filter,
                 Reply<QList<billing::OrderTotal>> reply);

void loadSubscription(ConsoleSession *session, QObject *context, const QString &id,
                      Reply<SubscriptionDetail> reply);
void changeSubscription(ConsoleSession *session, QObject *context, const QString &id,
                        SubscriptionAction action, Reply<subscriptions::Subscription> reply);
// Issues the next period's invoice now; the reply is the invoice's id.
void renewSubscriptionNow(ConsoleSession *session, QObject *context, const QString &id, Reply<QString> reply);

// The payments of one invoice or one customer (filter.invoiceId / filter.customerId).
void loadPayments(ConsoleSession *session, QObject *context, const payments::PaymentFilter &filter,
                  Reply<QList<payments::Payment>> reply);
// Where "Pay online" and "Refund" reach Stripe (or the sandbox's emulator) and where Checkout
// sends the customer back: the console's configuration, set once at start-up. Until it is set
// the process environment is read.
void setPaymentConfig(const Config &config);
// Whether Stripe (as this console's configuration reaches it for Pay online and Refund) and
// each of the tenant's Proxmox clusters are the sandbox's emulators, test or live.
void loadProviders(ConsoleSession *session, QObject *context, Reply<providers::ProviderOverview> reply);
// A Checkout Session for the invoice (its URL is what the customer pays on).
void payInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId,
                Reply<payments::CheckoutStarted> reply);
// Refunds `amountMinor` of the payment that paid the invoice (0: all that is left).
void refundInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId, qint64 amountMinor,
                   const QString &reason, Reply<QJsonObject> reply);
void loadPod(ConsoleSession *session, QObject *context, const QString &id, Reply<PodDetail> reply);
// The log of one of a pod's jobs.
void loadJobLog(ConsoleSession *session, QObject *context, qint64 jobId, Reply<QList<JobLogLine>> reply);
// Runs the action through the same service functions as the REST API and answers the pod as
// it is afterwards.
void podAction(ConsoleSession *session, QObject *context, const QString &id, PodAction action,
               Reply<PodDetail> reply);
// Queues a reconciliation now (POST /api/cloudpod-findings/check): the reply is its job.
void checkFindings(ConsoleSession *session, QObject *context, Reply<EnqueuedJob> reply);

} // namespace commands
} // namespace mp
