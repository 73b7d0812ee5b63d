#include "stripe/stripe_signature.h"

#include "core/clock.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <algorithm>

#include <sodium.h>

namespace mp::stripe {

namespace {

Error signatureError(const char *code, const QString &message)
{
    return makeError(QString::fromLatin1(code), message, QStringLiteral("Stripe-Signature"));
}

// A byte compare whose time does not depend on where the inputs differ. Different lengths are a
// plain mismatch (the length of a hex SHA-256 is public anyway).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

struct ParsedHeader {
    bool hasTimestamp = false;
    qint64 timestamp = 0;
    QList<QByteArray> v1;
};

// Split on ',' and each item on its first '='. Schemes other than v1 (v0, the legacy test-mode
// scheme) are ignored, as stripe-node does (stripe.md section 1).
ParsedHeader parseHeader(const QByteArray &header)
{
    ParsedHeader parsed;
    const QList<QByteArray> items = header.split(',');
    for (const QByteArray &rawItem : items) {
        const QByteArray item = rawItem.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = item.left(eq);
        const QByteArray value = item.mid(eq + 1);
        if (key == "t") {
            bool ok = false;
            const qint64 t = value.toLongLong(&ok);
            // Only plain decimal digits; "1e9" or "-5" is no timestamp at all.
            const bool digits = !value.isEmpty() && std::all_of(value.begin(), value.end(),
                                                                [](char c) { return c >= '0' && c <= '9'; });
            if (ok && digits) {
                parsed.hasTimestamp = true;
                parsed.timestamp = t;
            }
        } else if (key == "v1" && !value.isEmpty()) {
            parsed.v1.append(value);
        }
    }
    return parsed;
}

} // namespace

QByteArray sign(const QByteArray &secret, qint64 t, const QByteArray &body)
{
    // The signed payload is `<t>.<body>`, the body exactly as received (stripe.md section 1).
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(t));
    mac.addData(".", 1);
    mac.addData(body);
    return mac.result().toHex();
}

QByteArray signatureHeader(const QList<QByteArray> &secrets, qint64 t, const QByteArray &body)
{
    QByteArray header = "t=" + QByteArray::number(t);
    for (const QByteArray &secret : secrets)
        header += ",v1=" + sign(secret, t, body);
    return header;
}

QList<QByteArray> parseWebhookSecrets(const QString &configured)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QList<QByteArray> secrets;
    const QStringList parts = configured.split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts)
        secrets.append(part.toUtf8());
    return secrets;
}

Result<qint64> verifySignature(const QByteArray &header, const QByteArray &body,
                               const QList<QByteArray> &secrets, qint64 toleranceSeconds)
{
    QList<QByteArray> usable;
    for (const QByteArray &secret : secrets) {
        if (!secret.isEmpty())
            usable.append(secret);
    }
    if (usable.isEmpty())
        return makeError(QString::fromLatin1(signature_error::kNoSecret),
                         QStringLiteral("no Stripe webhook secret is configured"),
                         QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"));
    if (body.isEmpty())
        return signatureError(signature_error::kEmptyBody, QStringLiteral("the webhook request has no body"));
    if (header.trimmed().isEmpty())
        return signatureError(signature_error::kMissingHeader,
                              QStringLiteral("the Stripe-Signature header is missing"));

    const ParsedHeader parsed = parseHeader(header);
    if (!parsed.hasTimestamp)
        return signatureError(signature_error::kNoTimestamp,
                              QStringLiteral("the Stripe-Signature header has no timestamp (t=)"));
    if (parsed.v1.isEmpty())
        return signatureError(signature_error::kNoSignatures,
                              QStringLiteral("the Stripe-Signature header has no v1 signature"));

    // Check every pair without stopping early: the work done does not reveal which one matched.
    bool matched = false;
    for (const QByteArray &secret : std::as_const(usable)) {
        const QByteArray expected = sign(secret, parsed.timestamp, body);
        for (const QByteArray &candidate : parsed.v1)
            matched = constantTimeEquals(expected, candidate) || matched;
    }
    if (!matched)
        return signatureError(signature_error::kMismatch,
                              QStringLiteral("no v1 signature matches the body and the configured secrets"));

    // Age is checked after the signature so a forged header cannot probe the clock. Like
    // stripe-node, only a timestamp older than the tolerance fails; one in the future passes
    // (stripe.md section 1), so a server clock running behind Stripe's does not drop events.
    if (toleranceSeconds > 0) {
        const qint64 now = Clock::current().now().toSecsSinceEpoch();
        if (now - parsed.timestamp > toleranceSeconds)
            return signatureError(signature_error::kStale,
                                  QStringLiteral("the signature timestamp is %1 s old (tolerance %2 s)")
                                      .arg(now - parsed.timestamp)
                                      .arg(toleranceSeconds));
    }
    return parsed.timestamp;
}

} // namespace mp::stripe
