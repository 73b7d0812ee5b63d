#pragma once

#include <QJsonObject>

namespace mp::cloudpods {

// The OpenAPI part of registerPodAccessRoutes.
QJsonObject podAccessOpenApi();

} // namespace mp::cloudpods
