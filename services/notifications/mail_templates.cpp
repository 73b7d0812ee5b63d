#include "notifications/mail_templates.h"

#include "core/errors.h"
#include "notifications/notification_errors.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace mp::notifications {

namespace {

QString readResource(const QString &path, bool *found)
{
    QFile file(path);
    *found = file.open(QIODevice::ReadOnly);
    return *found ? QString::fromUtf8(file.readAll()) : QString();
}

QString fill(const QString &text, const QHash<QString, QString> &values, bool html)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\{\{([a-z_]+)\}\})"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        QString value = values.value(match.captured(1));
        if (html) {
            value = value.toHtmlEscaped();
            value.replace(u'\n', QLatin1String("<br>\n"));
        }
        out += value;
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace

QStringList MailTemplates::languages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QStringList MailTemplates::names()
{
    QStringList out;
    const auto files =
        QDir(QStringLiteral(":/notifications/en")).entryList({QStringLiteral("*.txt")}, QDir::Files);
    for (const QString &file : files)
        out << file.chopped(4);
    out.sort();
    return out;
}

Result<RenderedTemplate> MailTemplates::render(const QString &name, const QString &language,
                                               const QHash<QString, QString> &values)
{
    const QString lang = languages().contains(language) ? language : QStringLiteral("en");
    bool found = false;
    QString text = readResource(QStringLiteral(":/notifications/%1/%2.txt").arg(lang, name), &found);
    QString base = lang;
    if (!found) {
        base = QStringLiteral("en");
        text = readResource(QStringLiteral(":/notifications/en/%1.txt").arg(name), &found);
    }
    if (!found)
        return makeError(errors::MailTemplateMissing, QStringLiteral("no mail template '%1'").arg(name),
                         QStringLiteral("template"));
    const QString html = readResource(QStringLiteral(":/notifications/%1/%2.html").arg(base, name), &found);

    RenderedTemplate out;
    static const QLatin1String subjectTag("Subject: ");
    const qsizetype firstBreak = text.indexOf(u'\n');
    const QString firstLine = text.left(firstBreak);
    if (firstLine.startsWith(subjectTag)) {
        out.subject = fill(firstLine.mid(subjectTag.size()).trimmed(), values, false);
        text = text.mid(firstBreak + 1);
        while (text.startsWith(u'\n'))
            text.remove(0, 1);
    }
    out.text = fill(text, values, false);
    out.html = found ? fill(html, values, true) : QString();
    return out;
}

} // namespace mp::notifications
