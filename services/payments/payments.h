#pragma once

#include "api/keyset_page.h"
#include "core/result.h"
#include "payments/payment.h"

#include <QList>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

struct PaymentFilter {
    QString customerId; // empty: all
    QString invoiceId;  // empty: all
    int limit = 100;
};

// The API's list: keyset pages, newest first by default. `status` is a payment status, or
// "held" for payments held for staff review (review_state), whatever their status.
struct PaymentListFilter {
    QString customerId;
    QString invoiceId;
    QString status;
};

struct PaymentPage {
    QList<Payment> items;
    QString nextCursor;
};

// The payments of the caller's tenant, inside the caller's transaction (RLS scopes every query).
// What the console and the API list.
class Payments {
public:
    static Result<QList<Payment>> list(TenantTransaction &tx, const PaymentFilter &filter);
    static QList<api::SortOrder> sortOrders(); // "created_at" (default "-created_at"), "amount"
    static QStringList listStatuses();         // the payment statuses and "held"
    static Result<PaymentPage> page(TenantTransaction &tx, const PaymentListFilter &filter,
                                    const api::KeysetPage &page);
    static Result<QList<Payment>> forInvoice(TenantTransaction &tx, const QString &invoiceId);
    static Result<QList<Payment>> forCustomer(TenantTransaction &tx, const QString &customerId);
    static Result<Payment> find(TenantTransaction &tx, const QString &id);
    // The payment that paid this invoice (invoice marked paid from it), locked for a refund.
    static Result<Payment> lockPaidPaymentOfInvoice(TenantTransaction &tx, const QString &invoiceId);
};

} // namespace mp::payments
