#pragma once

#include <QJsonObject>

namespace mp::payments {

QJsonObject openApiFragment();

} // namespace mp::payments
