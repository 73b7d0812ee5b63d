#include "payments/payments_module.h"

#include "billing/invoice.h"
#include "module/module_context.h"
#include "payments/payments.h"
#include "payments/payments_openapi.h"
#include "payments/payments_routes.h"
#include "payments/stripe_provider.h"

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

} // namespace

Module paymentsModule()
{
    return Module(QStringLiteral("payments"), QStringList{QStringLiteral("billing")},
                  [](ModuleContext &module) {
                      module.routes(&registerPaymentRoutes);
                      module.openApi(openApiFragment());
                      module.invoiceDetail(&invoicePayments);
                      module.provider(stripeProviderSource());
                  });
}

} // namespace mp::payments
