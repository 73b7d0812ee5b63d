#pragma once

#include <QJsonObject>

namespace mp::billing {

// Checkout's and invoices' part of the OpenAPI document (see api/openapi.h).
QJsonObject openApiFragment();

} // namespace mp::billing
