#include "core/storable_text.h"

namespace mp {

namespace {

// The length of the valid unit at `i`: 1, 2 for a surrogate pair, 0 for NUL or a lone surrogate.
qsizetype unitAt(QStringView text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isNull())
        return 0;
    if (c.isHighSurrogate())
        return i + 1 < text.size() && text.at(i + 1).isLowSurrogate() ? 2 : 0;
    if (c.isLowSurrogate())
        return 0;
    return 1;
}

} // namespace

QString StorableText::problem(QStringView text)
{
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype n = unitAt(text, i);
        if (n == 0)
            return text.at(i).isNull() ? QStringLiteral("a NUL character")
                                       : QStringLiteral("a lone UTF-16 surrogate (not Unicode text)");
        i += n;
    }
    return {};
}

QString StorableText::repaired(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype n = unitAt(text, i);
        if (n == 0) {
            out.append(QChar::ReplacementCharacter);
            ++i;
        } else {
            out.append(text.mid(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace mp
