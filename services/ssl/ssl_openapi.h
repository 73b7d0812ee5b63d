#pragma once

#include <QJsonObject>

namespace mp::ssl {

// The SSL module's paths and schemas, with its request body from its declaration.
QJsonObject openApiFragment();

} // namespace mp::ssl
