#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// Everything that follows from an invoice becoming paid, run inside the transaction that marks
// it paid (a Stripe payment, or staff recording a bank transfer), so the payment and its effects
// commit together or not at all: first billing's own (the order behind it becomes active), then
// what modules registered with InvoicePaidHooks, in the order their modules were initialised
// (subscriptions, which in turn ask each product type's provisioner for the service).
Status afterInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now);

using InvoicePaidHook =
    std::function<Status(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now)>;

// Billing names no module: a module that acts on paid invoices registers here when it is
// initialised (ModuleContext::onInvoicePaid).
class InvoicePaidHooks {
public:
    // `name` says who registered it (for logs and to keep a second registration out).
    static void add(const QString &name, InvoicePaidHook hook);
    static QStringList names();
};

} // namespace mp::billing
