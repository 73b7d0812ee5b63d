#pragma once

#include <QStringView>

namespace mp {

// True for exactly 36 characters in the 8-4-4-4-12 hex form, nothing before or after. The one id
// check for outside input: QUuid::fromString reads the first 36 (or 38) characters and ignores
// what follows, so "<uuid>'" or "<uuid>%00" passed it and reached SQL.
bool isUuid(QStringView text);

} // namespace mp
