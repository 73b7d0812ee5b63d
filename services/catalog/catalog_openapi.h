#pragma once

#include <QJsonObject>

namespace mp::catalog {

// The catalog's part of the OpenAPI document (see api/openapi.h).
QJsonObject openApiFragment();

} // namespace mp::catalog
