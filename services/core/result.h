#pragma once

#include "core/error_code.h"

#include <QString>

#include <utility>
#include <variant>

namespace mp {

// An error as a value: `code` is stable and machine-readable (it ends up in API bodies) and
// `category` is the one its ErrorCode declares, `message` is for people, `field` names the input
// that was wrong, when there is one.
struct Error {
    QString code;
    QString message;
    QString field;
    ErrorCategory category = ErrorCategory::Internal;
};

inline Error makeError(const ErrorCode &code, QString message, QString field = {})
{
    return Error{code.wireName(), std::move(message), std::move(field), code.category};
}

// The same error (code and category) told again with context: what a caller adds when it passes an
// error on.
inline Error restate(const Error &error, QString message, QString field = {})
{
    return Error{error.code, std::move(message), std::move(field), error.category};
}

// A small std::expected stand-in (the design card pins C++20).
template<class T> class [[nodiscard]] Result {
public:
    Result(const T &value) : m_v(value) {}
    Result(T &&value) : m_v(std::move(value)) {}
    Result(const Error &error) : m_v(error) {}
    Result(Error &&error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T *operator->() { return &std::get<0>(m_v); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(const Error &error) : m_error(error), m_failed(true) {}
    Result(Error &&error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace mp
