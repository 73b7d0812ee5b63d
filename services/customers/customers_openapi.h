#pragma once

#include <QJsonObject>

namespace mp::customers {

// The customers' and auth's part of the OpenAPI document (see api/openapi.h).
QJsonObject openApiFragment();

} // namespace mp::customers
