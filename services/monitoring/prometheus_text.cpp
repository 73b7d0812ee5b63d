#include "monitoring/prometheus_text.h"

#include "core/errors.h"
#include "monitoring/monitoring_errors.h"

#include <cmath>
#include <limits>

namespace mp::monitoring {

namespace {

bool nameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool nameChar(char c)
{
    return nameStart(c) || (c >= '0' && c <= '9');
}

// A cursor over one line; every read either advances or reports failure.
class LineReader {
public:
    explicit LineReader(const QByteArray &line) : m_line(line) {}

    bool atEnd() const { return m_pos >= m_line.size(); }
    char peek() const { return atEnd() ? '\0' : m_line.at(m_pos); }
    void skipBlanks()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // A metric or label name; empty when none starts here.
    QString name(bool colonAllowed)
    {
        const qsizetype start = m_pos;
        if (atEnd() || !nameStart(peek()) || (!colonAllowed && peek() == ':'))
            return {};
        while (!atEnd() && nameChar(peek()) && (colonAllowed || peek() != ':'))
            ++m_pos;
        return QString::fromLatin1(m_line.mid(start, m_pos - start));
    }
    // A double-quoted label value with \\, \" and \n escapes.
    std::optional<QString> quoted()
    {
        if (!take('"'))
            return std::nullopt;
        QByteArray out;
        while (!atEnd()) {
            const char c = m_line.at(m_pos++);
            if (c == '"')
                return QString::fromUtf8(out);
            if (c != '\\') {
                out += c;
                continue;
            }
            if (atEnd())
                return std::nullopt;
            const char e = m_line.at(m_pos++);
            if (e == 'n')
                out += '\n';
            else if (e == '\\' || e == '"')
                out += e;
            else
                return std::nullopt;
        }
        return std::nullopt;
    }
    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != ' ' && peek() != '\t')
            ++m_pos;
        return m_line.mid(start, m_pos - start);
    }

private:
    const QByteArray &m_line;
    qsizetype m_pos = 0;
};

std::optional<double> parseValue(const QByteArray &token)
{
    if (token == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (token == "+Inf" || token == "Inf")
        return std::numeric_limits<double>::infinity();
    if (token == "-Inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = token.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<QMap<QString, QString>> parseLabels(LineReader &r)
{
    QMap<QString, QString> labels;
    if (!r.take('{'))
        return labels;
    r.skipBlanks();
    while (!r.take('}')) {
        const QString key = r.name(false);
        if (key.isEmpty())
            return std::nullopt;
        r.skipBlanks();
        if (!r.take('='))
            return std::nullopt;
        r.skipBlanks();
        auto value = r.quoted();
        if (!value || labels.contains(key))
            return std::nullopt;
        labels.insert(key, *value);
        r.skipBlanks();
        if (r.take(',')) {
            r.skipBlanks();
            continue;
        }
        if (r.peek() != '}')
            return std::nullopt;
    }
    return labels;
}

Result<PromSample> parseSample(const QByteArray &line)
{
    LineReader r(line);
    PromSample s;
    s.name = r.name(true);
    if (s.name.isEmpty())
        return makeError(errors::InvalidExposition, QStringLiteral("no metric name"));
    auto labels = parseLabels(r);
    if (!labels)
        return makeError(errors::InvalidExposition, QStringLiteral("malformed labels"));
    s.labels = *labels;
    r.skipBlanks();
    auto value = parseValue(r.token());
    if (!value)
        return makeError(errors::InvalidExposition, QStringLiteral("no number as the value"));
    s.value = *value;
    r.skipBlanks();
    if (!r.atEnd()) {
        bool ok = false;
        r.token().toLongLong(&ok);
        r.skipBlanks();
        if (!ok || !r.atEnd())
            return makeError(errors::InvalidExposition, QStringLiteral("text after the value"));
    }
    return s;
}

} // namespace

QList<PromSample> PromExposition::named(const QString &name) const
{
    QList<PromSample> out;
    for (const PromSample &s : samples) {
        if (s.name == name)
            out << s;
    }
    return out;
}

std::optional<double> PromExposition::value(const QString &name, const QMap<QString, QString> &labels) const
{
    for (const PromSample &s : samples) {
        if (s.name != name)
            continue;
        bool all = true;
        for (auto it = labels.begin(); it != labels.end() && all; ++it)
            all = s.labels.value(it.key()) == it.value();
        if (all)
            return s.value;
    }
    return std::nullopt;
}

Result<PromExposition> parsePrometheusText(const QByteArray &text)
{
    PromExposition out;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith('#')) {
            const QList<QByteArray> words = trimmed.simplified().split(' ');
            if (words.size() >= 4 && words.at(1) == "TYPE")
                out.types.insert(QString::fromLatin1(words.at(2)), QString::fromLatin1(words.at(3)));
            continue;
        }
        auto sample = parseSample(trimmed);
        if (!sample)
            return makeError(errors::InvalidExposition,
                             QStringLiteral("line %1: %2").arg(i + 1).arg(sample.error().message));
        out.samples << *sample;
    }
    return out;
}

QByteArray promLine(const QString &name, const QMap<QString, QString> &labels, double value)
{
    QByteArray line = name.toLatin1();
    if (!labels.isEmpty()) {
        QStringList parts;
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            QString v = it.value();
            v.replace(u'\\', QStringLiteral("\\\\"))
                .replace(u'"', QStringLiteral("\\\""))
                .replace(u'\n', QStringLiteral("\\n"));
            parts << QStringLiteral("%1=\"%2\"").arg(it.key(), v);
        }
        line += '{' + parts.join(u',').toUtf8() + '}';
    }
    line += ' ';
    if (std::isnan(value))
        line += "NaN";
    else if (std::isinf(value))
        line += value > 0 ? "+Inf" : "-Inf";
    else
        line += QByteArray::number(value, 'g', 17);
    line += '\n';
    return line;
}

} // namespace mp::monitoring
