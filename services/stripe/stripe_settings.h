#pragma once

#include "core/config.h"
#include "core/result.h"
#include "provider_call/provider_call_settings.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace mp {

// Where and how mPanel talks to Stripe, read from the configuration:
//   MPANEL_STRIPE_SECRET_KEY      sk_live_... / sk_test_... (or a restricted rk_...)
//   MPANEL_STRIPE_API_BASE        default https://api.stripe.com; the emulator's URL in the sandbox
//   MPANEL_STRIPE_WEBHOOK_SECRET  whsec_..., several separated by commas during a rotation
//
// The mode, which the API (GET /api/system/providers) and the console show, follows one rule:
//   - a secret key is set: a Stripe account is configured; sk_/rk_test_ is Test, sk_/rk_live_ is
//     Live, wherever the API base points. A key sent to a non-Stripe base (a relay, an egress
//     proxy, stripe-mock) is still that account's mode: mPanel cannot tell that no money moves
//     behind it, so it never calls that "sandbox". A live key travels over https only.
//   - no key, and an API base that is not Stripe's (not *.stripe.com): Sandbox, no account is
//     configured and the client talks to the provider emulator (scripts/run-mpanel starts
//     mpanel-stripe-emulator on loopback). The client authenticates with kSandboxKey, which
//     real Stripe rejects, so nothing can be charged there even by mistake.
//   - no key and Stripe's own API (the default): Off, online payment is not set up
//     (payments_not_configured).
struct StripeSettings {
    // Off: no key and no emulator, online payment is not set up; Sandbox: no Stripe account
    // configured, the provider emulator, shown as "sandbox" in the UI; Test: a Stripe test-mode
    // key; Live: real money.
    using Mode = ProviderMode;

    // What the client sends in the sandbox: a test key no Stripe account has.
    static inline const QString kSandboxKey = QStringLiteral("sk_test_mpanel_sandbox");

    Mode mode = Mode::Off;
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
    // Off is the only mode in which mPanel does not call Stripe (or its emulator).
    bool canCall() const { return mode != Mode::Off; }
    QString modeName() const { return providerModeName(mode); } // "off", "sandbox", "test", "live"
    // What every call needs: the API base, the mode, the timeout and the retry schedule.
    ProviderCallSettings callSettings() const;
    // The key the requests carry: the configured one, kSandboxKey in the sandbox.
    QString requestKey() const;

    // The mode by the rule above. Fails on a malformed key or API base, and on a live key sent
    // anywhere but over https.
    static Result<StripeSettings> fromConfig(const Config &config);
    // Whether `url` is Stripe's own API (api.stripe.com or another *.stripe.com host).
    static bool isStripeHost(const QUrl &url);
};

} // namespace mp
