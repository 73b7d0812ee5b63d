#pragma once

#include <QJsonObject>

namespace mp::monitoring {

QJsonObject openApiFragment();

} // namespace mp::monitoring
