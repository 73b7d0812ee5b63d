#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mp::stripe {

// Stripe's webhook signing scheme (contract: stripe.md section 1). A `Stripe-Signature` header
// reads `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`; each v1 is the lowercase hex HMAC-SHA256 of
// `<t>.<raw body>` keyed with the endpoint secret string itself (`whsec_...` as bytes, not
// base64-decoded).

// Stripe's default tolerance; the contract's 300 s.
inline constexpr qint64 kSignatureToleranceSeconds = 300;

// Error codes, stable for logs and tests.
namespace signature_error {
inline constexpr char kMissingHeader[] = "stripe_signature_missing";
inline constexpr char kNoTimestamp[] = "stripe_signature_no_timestamp";
inline constexpr char kNoSignatures[] = "stripe_signature_no_v1";
inline constexpr char kStale[] = "stripe_signature_stale";
inline constexpr char kMismatch[] = "stripe_signature_mismatch";
inline constexpr char kNoSecret[] = "stripe_webhook_secret_missing";
inline constexpr char kEmptyBody[] = "stripe_webhook_body_empty";
} // namespace signature_error

// Checks `header` against the raw `body` bytes as received. Passes when any v1 matches any of
// `secrets` (several during a secret rotation). The timestamp is checked against
// mp::Clock::current(); `toleranceSeconds <= 0` disables the age check, as in stripe-node.
// Returns the signed timestamp on success.
Result<qint64> verifySignature(const QByteArray &header, const QByteArray &body,
                               const QList<QByteArray> &secrets,
                               qint64 toleranceSeconds = kSignatureToleranceSeconds);

// The lowercase hex v1 signature of `body` at time `t` (for the emulator and tests).
QByteArray sign(const QByteArray &secret, qint64 t, const QByteArray &body);

// A full header value with one v1 per secret, as Stripe sends during a rotation.
QByteArray signatureHeader(const QList<QByteArray> &secrets, qint64 t, const QByteArray &body);

// MPANEL_STRIPE_WEBHOOK_SECRET may hold several secrets separated by commas or whitespace.
QList<QByteArray> parseWebhookSecrets(const QString &configured);

} // namespace mp::stripe
