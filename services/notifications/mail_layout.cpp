#include "notifications/mail_layout.h"

#include <QStringList>

namespace mp::notifications {

namespace {

QStringList footerLines(const SenderFooter &footer)
{
    QStringList lines;
    if (!footer.name.trimmed().isEmpty())
        lines << footer.name.trimmed();
    for (const QString &line : footer.address.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    if (!footer.email.trimmed().isEmpty())
        lines << footer.email.trimmed();
    return lines;
}

} // namespace

QString MailLayout::text(const QString &body, const SenderFooter &footer)
{
    QString out = body.trimmed() + QStringLiteral("\n");
    const QStringList lines = footerLines(footer);
    if (!lines.isEmpty())
        out += QStringLiteral("\n-- \n") + lines.join(u'\n') + QStringLiteral("\n");
    return out;
}

QString MailLayout::html(const QString &body, const QString &subject, const QString &language,
                         const SenderFooter &footer)
{
    QStringList escaped;
    for (const QString &line : footerLines(footer))
        escaped << line.toHtmlEscaped();
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"%1\">\n<head><meta charset=\"utf-8\"><title>%2</title></head>\n"
               "<body style=\"font-family: sans-serif; line-height: 1.4\">\n%3"
               "<hr>\n<p style=\"color: #666; font-size: small\">%4</p>\n</body>\n</html>\n")
        .arg(language, subject.toHtmlEscaped(), body, escaped.join(QStringLiteral("<br>\n")));
}

} // namespace mp::notifications
