#include "billing/invoice_number_format.h"

#include "billing/billing_errors.h"

namespace mp::billing {

namespace {

bool isSequenceToken(QStringView token)
{
    if (token.isEmpty())
        return false;
    for (const QChar c : token) {
        if (c != u'N')
            return false;
    }
    return true;
}

} // namespace

Status InvoiceNumberFormat::validate(const QString &pattern, const QString &field)
{
    auto fail = [&field](const QString &message) {
        return makeError(errors::InvalidNumberFormat, message, field);
    };
    if (pattern.isEmpty() || pattern.size() > 40)
        return fail(QStringLiteral("a number format has 1 to 40 characters"));
    int sequences = 0;
    int years = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return fail(QStringLiteral("a number format holds printable ASCII without spaces only"));
        if (c == u'}')
            return fail(QStringLiteral("'}' without '{' at position %1").arg(i));
        if (c != u'{')
            continue;
        const qsizetype close = pattern.indexOf(u'}', i);
        if (close < 0)
            return fail(QStringLiteral("'{' at position %1 is never closed").arg(i));
        const QStringView token = QStringView(pattern).mid(i + 1, close - i - 1);
        if (token == u"YYYY" || token == u"YY")
            ++years;
        else if (isSequenceToken(token) && token.size() <= 12)
            ++sequences;
        else
            return fail(QStringLiteral("unknown placeholder {%1}; use {YYYY}, {YY} and {NNNNNN}").arg(token));
        i = close;
    }
    if (sequences != 1)
        return fail(
            QStringLiteral("a number format needs exactly one sequence placeholder such as {NNNNNN}"));
    if (years == 0)
        return fail(QStringLiteral("numbers restart every year, so the format needs {YYYY} or {YY}"));
    return {};
}

QString InvoiceNumberFormat::format(const QString &pattern, int year, qint64 sequence)
{
    const Parts p = parts(pattern, year);
    return p.prefix + QStringLiteral("%1").arg(sequence, p.width, 10, QLatin1Char('0')) + p.suffix;
}

InvoiceNumberFormat::Parts InvoiceNumberFormat::parts(const QString &pattern, int year)
{
    Parts p;
    QString *out = &p.prefix;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        const qsizetype close = c == u'{' ? pattern.indexOf(u'}', i) : -1;
        if (close < 0) {
            out->append(c);
            continue;
        }
        const QStringView token = QStringView(pattern).mid(i + 1, close - i - 1);
        if (token == u"YYYY") {
            out->append(QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0')));
        } else if (token == u"YY") {
            out->append(QStringLiteral("%1").arg(year % 100, 2, 10, QLatin1Char('0')));
        } else {
            p.width = int(token.size());
            out = &p.suffix;
        }
        i = close;
    }
    return p;
}

} // namespace mp::billing
