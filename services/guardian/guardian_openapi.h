#pragma once

#include <QJsonObject>

namespace mp::guardian {

QJsonObject openApiFragment();

} // namespace mp::guardian
