#pragma once

#include <QJsonObject>

namespace mp::subscriptions {

QJsonObject openApiFragment();

} // namespace mp::subscriptions
