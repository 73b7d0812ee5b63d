#pragma once

#include "core/result.h"

#include <QString>

namespace mp::billing {

// A tenant's pattern for document numbers: literal text around placeholders. {YYYY} and {YY}
// are the year, {NNN...} the sequence zero-padded to as many digits as there are Ns (more
// digits when the sequence outgrows them; a number is never truncated). Sequences restart every
// year, so a pattern must carry the year, or two years would print the same number.
class InvoiceNumberFormat {
public:
    static constexpr auto kDefaultInvoicePattern = "INV-{YYYY}-{NNNNNN}";
    static constexpr auto kDefaultCreditNotePattern = "CN-{YYYY}-{NNNNNN}";

    // "invalid_number_format" (field `field`) naming what is wrong: an unknown placeholder, an
    // unclosed brace, no or several sequence placeholders, no year, over 40 characters,
    // characters outside printable ASCII.
    static Status validate(const QString &pattern, const QString &field = QStringLiteral("pattern"));
    // Assumes a valid pattern.
    static QString format(const QString &pattern, int year, qint64 sequence);

    // The pattern for one year as the text around the sequence and the sequence's width, for a
    // statement that draws the sequence and prints the number itself (mpanel_document_number(),
    // migration 0029): prefix + sequence zero-padded to width + suffix == format(). Assumes a valid
    // pattern.
    struct Parts {
        QString prefix;
        int width = 1;
        QString suffix;
    };
    static Parts parts(const QString &pattern, int year);
};

} // namespace mp::billing
