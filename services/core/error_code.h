#pragma once

#include <QLatin1String>
#include <QString>

namespace mp {

// What category of failure an error code names. The API answers each category with one HTTP
// status (statusForError), so a code's status is fixed where the code is declared, not guessed
// from its spelling. A new category must be answered there too: the switch has no default.
// (Not "ErrorKind": the provider clients have their own stripe::ErrorKind and proxmox::ErrorKind.)
enum class ErrorCategory {
    BadRequest,       // 400: the request itself is malformed
    Unauthenticated,  // 401
    Forbidden,        // 403
    NotFound,         // 404
    MethodNotAllowed, // 405
    Conflict,         // 409: the state of something else stands in the way
    PayloadTooLarge,  // 413
    Unprocessable,    // 422: well-formed, but the values are refused
    RateLimited,      // 429
    Internal,         // 500: our fault, details stay in the log
    Unavailable,      // 503: a dependency is missing or not ready
};

// A machine-readable error code: `name` is the wire string in API bodies and logs. Each code is
// declared once, as a constant in the errors namespace of the module that owns it (generic ones
// in core/errors.h), so makeError() cannot be handed a code that has no category.
struct ErrorCode {
    const char *name;
    ErrorCategory category;

    QString wireName() const { return QString::fromLatin1(name); }
};

// Whether an error's code is this one (Error::code stays the wire string).
inline bool operator==(const QString &code, const ErrorCode &expected)
{
    return code == QLatin1String(expected.name);
}

} // namespace mp
