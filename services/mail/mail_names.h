#pragma once

#include "core/result.h"

#include <QString>

// The shapes of mail names mPanel accepts, checked before anything is stored (the tables check
// them again). Every error names the field.
namespace mp::mail {

// "Example.COM." -> "example.com": lower case, no trailing dot, at least two labels.
Result<QString> mailDomainName(const QString &input, const QString &field);
// The part before the @, lower case (RFC 5322 dot-atom, at most 64 bytes).
Result<QString> localPart(const QString &input, const QString &field);
// A whole address, lower case: local@domain (a forward may point outside mPanel).
Result<QString> mailAddress(const QString &input, const QString &field);

} // namespace mp::mail
