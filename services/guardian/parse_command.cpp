#include "guardian/parse_command.h"

#include "core/clock.h"
#include "guardian/log_parser.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace mp::guardian {

int runParseCommand(const QString &format, const QString &file)
{
    QTextStream err(stderr);
    const auto f = formatFromName(format.toStdString());
    if (!f) {
        err << "mpanel-service: --format must be one of " << formatNames().join(QStringLiteral(", "))
            << Qt::endl;
        return 2;
    }
    if (file.isEmpty()) {
        err << "mpanel-service: usage: guardian parse --format FORMAT FILE" << Qt::endl;
        return 2;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        err << "mpanel-service: cannot read " << file << ": " << in.errorString() << Qt::endl;
        return 1;
    }
    const QDate today = Clock::current().now().toUTC().date();
    LogParser parser(*f, YearHint{today.year(), today.month()});
    std::vector<LogEvent> events;
    std::int64_t line = 1;
    // A block at a time, cut after its last newline, so a file of any size is read in bounded memory.
    constexpr qint64 kBlock = 8 << 20;
    QByteArray carry;
    while (true) {
        QByteArray block = carry + in.read(kBlock);
        const bool last = in.atEnd();
        qsizetype cut = last ? block.size() : block.lastIndexOf('\n') + 1;
        if (cut <= 0 && !last) {
            carry = block;
            continue;
        }
        carry = block.mid(cut);
        if (last && !block.isEmpty() && block.endsWith('\n'))
            --cut; // the final newline ends the last line, it does not start another
        events.clear();
        line += parser.parseBuffer(std::string_view(block.constData(), static_cast<std::size_t>(cut)), line,
                                   events);
        std::string text;
        for (const LogEvent &e : events)
            text += eventJsonLine(e) + '\n';
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (last)
            break;
    }
    std::fflush(stdout);
    return 0;
}

} // namespace mp::guardian
