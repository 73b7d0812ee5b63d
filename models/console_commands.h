#pragma once

#include "billing/invoices.h"
#include "billing/orders.h"
#include "catalog/cloudpod_template.h"
#include "catalog/product.h"
#include "catalog/products.h"
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

} // namespace commands
} // namespace mp
