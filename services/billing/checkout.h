#pragma once

#include "billing/invoice.h"
#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

struct CheckoutRequest {
    QString customerId;
    QString productId;
    QString cycle; // every product but domains
    qint64 quantity = 1;
    QString domain;       // domains: the name to register
    qint64 years = 0;     // domains: 1-10
    QString domainAction; // domains: "register" (default) or "transfer" (in, with its EPP code)
    QString hostname;     // CloudPods: the pod's host name; generated when empty
    QJsonObject options;  // the line's options, decoded with its product type's lineOptions
    QString currency;     // empty: the tenant's default currency
    bool byStaff = false; // staff may order hidden products for a customer
    QString placedBy;     // for the order row: "customer", "staff token 12"
};

struct CheckoutResult {
    QString orderId;
    Invoice invoice;
    // What the product type shows once and never again (a generated root password); empty when
    // nothing. Never stored by billing and never logged.
    QJsonObject shownOnce;
};

// One checkout in the caller's transaction: the order and its item with the catalog price of
// this moment, and the unpaid invoice for it (setup fee as its own line), numbered. Every
// refusal is an Error naming the field, raised before anything is written; the caller rolls
// back on any error, so a failed checkout leaves no order and no invoice behind.
class Checkout {
public:
    static constexpr qint64 kMaxQuantity = 1000;
    static Result<CheckoutResult> place(TenantTransaction &tx, const CheckoutRequest &request,
                                        const QDateTime &now);
    static QStringList cycles();
};

} // namespace mp::billing
