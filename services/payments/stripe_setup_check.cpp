#include "payments/stripe_setup_check.h"

#include "payments/payment_errors.h"
#include "stripe/stripe_blocking.h"

#include <QJsonArray>

namespace mp::payments {

QStringList StripeSetupCheck::requiredEvents()
{
    // What PaymentEffects applies (payment_effects.cpp): first payments, delayed methods,
    // off-session renewals and their failures, refunds and disputes.
    return {QStringLiteral("checkout.session.completed"),
            QStringLiteral("checkout.session.async_payment_succeeded"),
            QStringLiteral("checkout.session.async_payment_failed"),
            QStringLiteral("payment_intent.succeeded"),
            QStringLiteral("payment_intent.payment_failed"),
            QStringLiteral("charge.refunded"),
            QStringLiteral("charge.dispute.created"),
            QStringLiteral("charge.dispute.closed")};
}

QString StripeSetupCheck::webhookUrl(const Config &config)
{
    QString base = config.value(QStringLiteral("MPANEL_PUBLIC_URL"));
    if (base.isEmpty())
        base = QStringLiteral("http://") + config.listen();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + QStringLiteral("/webhooks/stripe");
}

StripeSetupReport StripeSetupCheck::evaluate(const StripeSettings &settings, const QString &webhookUrl,
                                             const QJsonObject &list)
{
    StripeSetupReport report;
    report.mode = settings.modeName();
    report.webhookUrl = webhookUrl;
    QSet<QString> received;
    bool everything = false;
    for (const QJsonValue &v : list.value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        WebhookEndpoint e;
        e.id = o.value(QStringLiteral("id")).toString();
        e.url = o.value(QStringLiteral("url")).toString();
        e.status = o.value(QStringLiteral("status")).toString();
        for (const QJsonValue &event : o.value(QStringLiteral("enabled_events")).toArray())
            e.enabledEvents << event.toString();
        report.endpoints.append(e);
        if (QUrl(e.url).adjusted(QUrl::StripTrailingSlash) !=
            QUrl(webhookUrl).adjusted(QUrl::StripTrailingSlash))
            continue;
        report.ours.append(e);
        if (e.status != QLatin1String("enabled"))
            continue;
        everything = everything || e.enabledEvents.contains(QStringLiteral("*"));
        for (const QString &event : std::as_const(e.enabledEvents))
            received.insert(event);
    }
    for (const QString &event : requiredEvents()) {
        if (!everything && !received.contains(event))
            report.missing << event;
    }
    return report;
}

bool StripeSetupReport::ok() const
{
    return !ours.isEmpty() && missing.isEmpty();
}

QStringList StripeSetupReport::lines() const
{
    QStringList out;
    out << QStringLiteral("mode: %1").arg(mode);
    out << QStringLiteral("webhook url: %1").arg(webhookUrl);
    for (const WebhookEndpoint &e : endpoints) {
        const bool mine =
            std::any_of(ours.begin(), ours.end(), [&e](const WebhookEndpoint &o) { return o.id == e.id; });
        out << QStringLiteral("endpoint %1 %2 (%3%4): %5")
                   .arg(e.id, e.url, e.status, mine ? QStringLiteral(", this service") : QString(),
                        e.enabledEvents.join(QStringLiteral(", ")));
    }
    if (ours.isEmpty())
        out << QStringLiteral("no webhook endpoint is registered at Stripe for %1").arg(webhookUrl);
    if (!missing.isEmpty())
        out << QStringLiteral("missing events: %1").arg(missing.join(QStringLiteral(", ")));
    out << (ok() ? QStringLiteral("ok") : QStringLiteral("not ok"));
    return out;
}

Result<StripeSetupReport> StripeSetupCheck::run(const StripeSettings &settings, const QString &webhookUrl)
{
    if (!settings.canCall())
        return makeError(
            errors::PaymentsNotConfigured,
            QStringLiteral("Stripe is off: set MPANEL_STRIPE_SECRET_KEY (or MPANEL_STRIPE_API_BASE "
                           "to an emulator)"));
    auto list = runStripeCall(settings, [](StripeClient &client) { return client.listWebhookEndpoints(); });
    if (!list)
        return list.error();
    return evaluate(settings, webhookUrl, *list);
}

} // namespace mp::payments
