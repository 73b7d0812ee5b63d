#pragma once

#include <QJsonObject>

namespace mp::mail {

QJsonObject openApiFragment();

} // namespace mp::mail
