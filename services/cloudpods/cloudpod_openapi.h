#pragma once

#include <QJsonObject>

namespace mp::cloudpods {

// The CloudPods, clusters and IP pools paths of the OpenAPI document.
QJsonObject openApiFragment();

} // namespace mp::cloudpods
