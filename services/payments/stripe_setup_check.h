#pragma once

#include "core/config.h"
#include "core/result.h"
#include "stripe/stripe_settings.h"

#include <QJsonObject>
#include <QStringList>

namespace mp::payments {

// One webhook endpoint registered at Stripe.
struct WebhookEndpoint {
    QString id;
    QString url;
    QString status; // enabled | disabled
    QStringList enabledEvents;
};

struct StripeSetupReport {
    QString mode;       // off, sandbox, test, live: what the configured key (or its absence) means
    QString webhookUrl; // where Stripe must deliver: MPANEL_PUBLIC_URL + /webhooks/stripe
    QList<WebhookEndpoint> endpoints; // every endpoint Stripe listed
    QList<WebhookEndpoint> ours;      // those for webhookUrl
    QStringList missing;              // required events no enabled endpoint of ours receives
    bool ok() const;
    // What `mpanel-service stripe check` prints, one line each.
    QStringList lines() const;
};

// `mpanel-service stripe check`: what Stripe knows of this service's webhook. Lists the
// account's webhook endpoints (GET /v1/webhook_endpoints, stripe.md section 8.6), picks the
// ones for this service's public URL and names the events mPanel needs that none of them, enabled,
// receives ("*" receives all).
class StripeSetupCheck {
public:
    // The events mPanel acts on (README, "Stripe webhook").
    static QStringList requiredEvents();
    static QString webhookUrl(const Config &config);
    // Pure: the report for Stripe's list answer.
    static StripeSetupReport evaluate(const StripeSettings &settings, const QString &webhookUrl,
                                      const QJsonObject &list);
    // One blocking call (runStripeCall): not on the main thread.
    static Result<StripeSetupReport> run(const StripeSettings &settings, const QString &webhookUrl);
};

} // namespace mp::payments
