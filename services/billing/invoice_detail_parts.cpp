#include "billing/invoice_detail_parts.h"

#include <QList>
#include <QReadWriteLock>

namespace mp::billing {

namespace {

struct Parts {
    QReadWriteLock lock;
    QList<std::pair<QString, InvoiceDetailPart>> list;
};

Parts &parts()
{
    static auto *p = new Parts; // never destroyed: handler threads may outlive statics
    return *p;
}

} // namespace

void InvoiceDetailParts::add(const QString &name, InvoiceDetailPart part)
{
    Parts &p = parts();
    QWriteLocker lock(&p.lock);
    for (const auto &entry : std::as_const(p.list)) {
        if (entry.first == name)
            return;
    }
    p.list.append({name, std::move(part)});
}

Status InvoiceDetailParts::apply(TenantTransaction &tx, const Invoice &invoice, QJsonObject &json)
{
    QList<std::pair<QString, InvoiceDetailPart>> list;
    {
        Parts &p = parts();
        QReadLocker lock(&p.lock);
        list = p.list;
    }
    for (const auto &entry : std::as_const(list)) {
        if (auto st = entry.second(tx, invoice, json); !st)
            return st;
    }
    return {};
}

} // namespace mp::billing
