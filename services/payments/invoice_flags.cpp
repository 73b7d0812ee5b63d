#include "payments/invoice_flags.h"

#include "api/responses.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QJsonObject>

namespace mp::payments {

namespace {

const auto kColumns =
    QStringLiteral("f.id::text, f.invoice_id::text, coalesce(i.number, ''), f.payment_id::text, "
                   "f.kind, f.detail, f.created_at, f.resolved_at");
constexpr int kColumnCount = 8;

} // namespace

QList<api::SortOrder> InvoiceFlags::sortOrders()
{
    return {
        {QStringLiteral("created_at"), {QStringLiteral("f.created_at")}, {QStringLiteral("timestamptz")}}};
}

Result<InvoiceFlagPage> InvoiceFlags::list(TenantTransaction &tx, const InvoiceFlagFilter &filter,
                                           const api::KeysetPage &page)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    if (filter.state == QLatin1String("open"))
        where << QStringLiteral("f.resolved_at IS NULL");
    else if (filter.state == QLatin1String("resolved"))
        where << QStringLiteral("f.resolved_at IS NOT NULL");
    if (!filter.kind.isEmpty()) {
        where << QStringLiteral("f.kind = ?");
        binds << filter.kind;
    }
    if (!filter.invoiceId.isEmpty()) {
        where << QStringLiteral("f.invoice_id = ?::uuid");
        binds << filter.invoiceId;
    }
    const QString after = page.afterCondition(QStringLiteral("f.id"));
    if (!after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    const QString text =
        QStringLiteral("SELECT %1, %2 FROM invoice_flags f JOIN invoices i ON i.id = f.invoice_id WHERE %3 "
                       "ORDER BY %4 LIMIT %5")
            .arg(kColumns, page.keySelect(), where.join(QStringLiteral(" AND ")),
                 page.orderBy(QStringLiteral("f.id")))
            .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), text, binds);
    if (!q)
        return q.error();
    return api::readPage<InvoiceFlagPage>(*q, page, kColumnCount, [](const QSqlQuery &row) {
        return QJsonObject{{QStringLiteral("id"), row.value(0).toString()},
                           {QStringLiteral("invoice_id"), row.value(1).toString()},
                           {QStringLiteral("invoice_number"), row.value(2).toString()},
                           {QStringLiteral("payment_id"), row.value(3).toString()},
                           {QStringLiteral("kind"), row.value(4).toString()},
                           {QStringLiteral("detail"), row.value(5).toString()},
                           {QStringLiteral("created_at"), api::timestamp(row.value(6).toDateTime())},
                           {QStringLiteral("resolved_at"), row.value(7).isNull()
                                                               ? QJsonValue()
                                                               : api::timestamp(row.value(7).toDateTime())}};
    });
}

} // namespace mp::payments
