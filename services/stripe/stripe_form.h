#pragma once

#include "provider_call/form_pairs.h"

#include <QByteArray>

namespace mp::stripe {

// Stripe's request body: application/x-www-form-urlencoded pairs in bracket notation
// (`line_items[0][price_data][currency]`, `metadata[invoice_id]`). Order is kept as added.
class FormParams : public FormPairs {
public:
    // Encodes as stripe-node does (wire-capture.txt): brackets in keys stay literal, everything
    // but RFC 3986 unreserved characters is percent-encoded, a space is %20.
    QByteArray encode() const { return FormPairs::encode("[]"); }

    // Decodes any common encoding: %5B/%5D or literal brackets, '+' or %20 for a space
    // (stripe.md section 3: other clients such as QUrlQuery encode differently).
    static FormParams decode(const QByteArray &body);
};

} // namespace mp::stripe
