#pragma once

#include <QJsonObject>

namespace mp::notifications {

QJsonObject openApiFragment();

} // namespace mp::notifications
