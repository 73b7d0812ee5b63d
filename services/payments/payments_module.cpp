#include "payments/payments_module.h"

#include "billing/invoice.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "module/module_context.h"
#include "payments/card_routes.h"
#include "payments/payments.h"
#include "payments/payments_openapi.h"
#include "payments/payments_routes.h"
#include "payments/renewal_charges.h"
#include "payments/stripe_provider.h"
#include "tenancy/role_matrix.h"

#include <QJsonArray>

namespace mp::payments {

namespace {

// An invoice's Stripe payments with their state (declines, refunds, reviews) replace the
// one-line summary billing records for a Stripe payment; a manual payment stays as recorded.
Status invoicePayments(TenantTransaction &tx, const billing::Invoice &invoice, QJsonObject &json)
{
    auto stripePayments = Payments::forInvoice(tx, invoice.id);
    if (!stripePayments)
        return stripePayments.error();
    QJsonArray list;
    const QJsonArray recorded = json.value(QStringLiteral("payments")).toArray();
    for (const auto &p : recorded) {
        if (p.toObject().value(QStringLiteral("method")).toString() != QLatin1String("stripe"))
            list.append(p);
    }
    for (const auto &p : std::as_const(*stripePayments))
        list.append(p.toJson());
    json.insert(QStringLiteral("payments"), list);
    return {};
}

// Charges the renewal invoices whose automatic attempt is due (RenewalCharges).
Status renewalChargeJob(JobContext &ctx)
{
    auto settings = RenewalCharges::stripeSettings();
    if (!settings)
        return settings.error();
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    auto run = RenewalCharges::run(tx, *settings, ctx.now());
    if (!run)
        return run.error();
    ctx.log(QStringLiteral("scheduled %1, charged %2, declined %3, out of retries %4")
                .arg(run->scheduled)
                .arg(run->charged)
                .arg(run->declined)
                .arg(run->exhausted));
    for (const QString &line : std::as_const(run->errors))
        ctx.log(QStringLiteral("left for the next run: %1").arg(line));
    return {};
}

} // namespace

Module paymentsModule()
{
    return Module(
        QStringLiteral("payments"), QStringList{QStringLiteral("billing")}, [](ModuleContext &module) {
            module.routes(&registerPaymentRoutes);
            module.routes(&registerCardRoutes);
            module.staffWrites(StaffAction::ManageCustomers, {QStringLiteral("POST /api/cards/{id}/default"),
                                                              QStringLiteral("DELETE /api/cards/{id}")});
            module.jobKind(QStringLiteral("payments.renewal_charges"), renewalChargeJob);
            JobSchedule charges;
            charges.name = QStringLiteral("payments.renewal_charges.quarter_hourly");
            charges.kind = QStringLiteral("payments.renewal_charges");
            charges.everyMs = 15 * 60 * 1000;
            module.schedule(charges);
            module.openApi(openApiFragment());
            module.invoiceDetail(&invoicePayments);
            module.provider(stripeProviderSource());
        });
}

} // namespace mp::payments
