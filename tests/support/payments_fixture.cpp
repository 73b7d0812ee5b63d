#include "support/payments_fixture.h"

#include <QAtomicInt>

namespace mp::test {

void PaymentsFixture::start(Config config)
{
    static QAtomicInt instances;
    const QString name = QStringLiteral("payments%1").arg(instances.fetchAndAddRelaxed(1));
    if (!config.contains(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET")))
        config.set(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"),
                   QString::fromLatin1(kWebhookSecret + ',' + kOldWebhookSecret));
    setConfig(config);
    setWorkerThreads(8);
    ServiceFixture::start(name);
    m_tenant = ServiceFixture::tenant(QStringLiteral("Payments %1").arg(name));
    m_admin = staffToken(m_tenant);
}

QPair<QString, QString> PaymentsFixture::customer(const QString &name)
{
    return signUp(m_tenant, name, name.toLower() + QStringLiteral("@example.com"));
}

QStringList PaymentsFixture::unpaidInvoices(const QString &customerId, int count, qint64 totalMinor,
                                            const QString &currency)
{
    static QAtomicInt batches;
    const int batch = batches.fetchAndAddRelaxed(1);
    auto q = sql::exec(db(), QStringLiteral(R"sql(
INSERT INTO invoices (tenant_id, customer_id, status, number, number_year, number_seq, currency, price_mode,
                      issue_date, due_date, net_minor, tax_minor, total_minor, created_at, issued_at)
SELECT ?::uuid, ?::uuid, 'unpaid', 'T' || ? || '-' || g, 2026, 100000 * ? + g, ?, 'exclusive', current_date,
       current_date + 14, ?, 0, ?, now(), now()
FROM generate_series(1, ?) AS g ORDER BY g RETURNING id::text)sql"),
                       {m_tenant, customerId, batch, batch, currency, totalMinor, totalMinor, count});
    QStringList ids;
    if (!q)
        qFatal("invoices: %s", qPrintable(q.error().message));
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

QString PaymentsFixture::invoiceStatus(const QString &id)
{
    return text(QStringLiteral("SELECT status FROM invoices WHERE id = ?::uuid"), {id});
}

} // namespace mp::test
