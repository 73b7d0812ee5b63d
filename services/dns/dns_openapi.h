#pragma once

#include <QJsonObject>

namespace mp::dns {

// The DNS module's paths and schemas, with its request bodies from their declarations.
QJsonObject openApiFragment();

} // namespace mp::dns
