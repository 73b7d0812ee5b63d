#pragma once

#include <QString>

namespace mp::channels {

// The change-feed channel of the certificates table (migration 0028).
inline const QString sslCertificates = QStringLiteral("mpanel_changed_ssl_certificates");

} // namespace mp::channels
