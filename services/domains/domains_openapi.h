#pragma once

#include <QJsonObject>

namespace mp::domains {

QJsonObject openApiFragment();

} // namespace mp::domains
