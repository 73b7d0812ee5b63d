#pragma once

#include "core/config.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace mp {

// Where and how mPanel talks to Stripe, read from the configuration:
//   MPANEL_STRIPE_SECRET_KEY      sk_live_... / sk_test_... (or a restricted rk_...); unset = sandbox
//   MPANEL_STRIPE_API_BASE        default https://api.stripe.com (the emulator's URL in tests)
//   MPANEL_STRIPE_WEBHOOK_SECRET  whsec_..., several separated by commas during a rotation
struct StripeSettings {
    enum class Mode {
        Sandbox, // no Stripe account configured: provider emulators, shown as "sandbox" in the UI
        Test,    // a Stripe test-mode key
        Live     // real money
    };

    Mode mode = Mode::Sandbox;
    QString secretKey; // never logged
    QUrl apiBase = QUrl(QStringLiteral("https://api.stripe.com"));
    QList<QByteArray> webhookSecrets;
    // The API version mPanel's requests and parsers are written against. Pinned, so a change to
    // the account's default version cannot change response shapes under us (stripe.md
    // section 3); it is the version of the event fixtures mPanel's tests use.
    QString apiVersion = QStringLiteral("2024-06-20");
    int timeoutMs = 30000;      // per attempt
    int maxRetries = 2;         // after the first attempt, only where a retry is safe
    int retryBaseDelayMs = 500; // doubled per retry, with jitter, capped by retryMaxDelayMs
    int retryMaxDelayMs = 5000;

    bool isSandbox() const { return mode == Mode::Sandbox; }
    QString modeName() const; // "sandbox", "test", "live"

    // Sandbox when no secret key is set. Fails on a malformed key or API base, and on a live key
    // sent anywhere but over https.
    static Result<StripeSettings> fromConfig(const Config &config);
};

} // namespace mp
