#include "stripe/stripe_form.h"

namespace mp::stripe {

FormParams FormParams::decode(const QByteArray &body)
{
    FormParams params;
    params.appendDecoded(body);
    return params;
}

} // namespace mp::stripe
