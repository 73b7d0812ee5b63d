#pragma once

#include <QJsonObject>

namespace mp::portal {

// The portal's part of the OpenAPI document (see api/openapi.h): its pages and session calls.
QJsonObject openApiFragment();

} // namespace mp::portal
