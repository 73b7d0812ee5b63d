#include "billing/invoice_paid.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QList>
#include <QReadWriteLock>
#include <QStringList>

namespace mp::billing {

namespace {

// The order behind the invoice is what the customer bought: once paid, it is active.
const QString kActivateOrder = QStringLiteral(R"(
UPDATE orders o SET status = 'active'
  FROM invoices i
 WHERE i.id = ? AND o.id = i.order_id AND o.status = 'pending'
)");

struct Hooks {
    QReadWriteLock lock;
    QList<std::pair<QString, InvoicePaidHook>> list;
};

Hooks &hooks()
{
    static auto *h = new Hooks; // never destroyed: worker threads may outlive statics
    return *h;
}

} // namespace

void InvoicePaidHooks::add(const QString &name, InvoicePaidHook hook)
{
    Hooks &h = hooks();
    QWriteLocker lock(&h.lock);
    for (const auto &entry : std::as_const(h.list)) {
        if (entry.first == name)
            return;
    }
    h.list.append({name, std::move(hook)});
}

QStringList InvoicePaidHooks::names()
{
    Hooks &h = hooks();
    QReadLocker lock(&h.lock);
    QStringList names;
    for (const auto &entry : std::as_const(h.list))
        names.append(entry.first);
    return names;
}

Status afterInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now)
{
    if (auto order = sql::exec(tx.db(), kActivateOrder, {invoiceId}); !order)
        return order.error();
    QList<std::pair<QString, InvoicePaidHook>> list;
    {
        Hooks &h = hooks();
        QReadLocker lock(&h.lock);
        list = h.list;
    }
    for (const auto &entry : std::as_const(list)) {
        if (auto st = entry.second(tx, invoiceId, now); !st)
            return st;
    }
    return {};
}

} // namespace mp::billing
