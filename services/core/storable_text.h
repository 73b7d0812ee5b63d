#pragma once

#include <QString>
#include <QStringView>

namespace mp {

// Text PostgreSQL can store and the Qt PostgreSQL driver can send: no NUL (text cannot hold it,
// and QPSQL writes bound values into the statement text, where a NUL would end it) and no lone
// UTF-16 surrogate (not Unicode; PostgreSQL refuses it as invalid UTF-8). Outside input is
// checked against this once, where it is decoded (request bodies, query and path parameters,
// webhook events), so nothing further down meets such text.
struct StorableText {
    // Empty when `text` is storable, else what is wrong with it ("a NUL character").
    static QString problem(QStringView text);
    static bool isStorable(QStringView text) { return problem(text).isEmpty(); }
    // `text` with every NUL and lone surrogate replaced by U+FFFD.
    static QString repaired(QStringView text);
};

} // namespace mp
