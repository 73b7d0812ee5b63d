#pragma once

#include <QJsonObject>

namespace mp::providers {

// The /api/system/providers path of the OpenAPI document.
QJsonObject openApiFragment();

} // namespace mp::providers
