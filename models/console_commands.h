#pragma once

#include "billing/invoices.h"
#include "billing/orders.h"
#include "catalog/cloudpod_template.h"
#include "catalog/product.h"
#include "catalog/products.h"
#include "cloudpods/cloud_pods.h"
#include "customers/customer.h"

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
};

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

void loadPod(ConsoleSession *session, QObject *context, const QString &id, Reply<PodDetail> reply);
// The log of one of a pod's jobs.
void loadJobLog(ConsoleSession *session, QObject *context, qint64 jobId, Reply<QList<JobLogLine>> reply);
// Runs the action through the same service functions as the REST API and answers the pod as
// it is afterwards.
void podAction(ConsoleSession *session, QObject *context, const QString &id, PodAction action,
               Reply<PodDetail> reply);

} // namespace commands
} // namespace mp
