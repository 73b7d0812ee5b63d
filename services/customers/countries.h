#pragma once

#include <QStringView>

namespace mp::customers {

// True for the 249 officially assigned ISO 3166-1 alpha-2 codes ("DE", "US"); exact case.
bool isIso3166Alpha2(QStringView code);

} // namespace mp::customers
