#include "mail/mail_names.h"

#include "mail/mail_errors.h"

#include <QRegularExpression>

namespace mp::mail {

Result<QString> mailDomainName(const QString &input, const QString &field)
{
    static const QRegularExpression shape(
        QStringLiteral("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    QString name = input.trimmed().toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.size() > 253 || !name.contains(u'.') || !shape.match(name).hasMatch())
        return makeError(errors::MailInvalidDomain,
                         QStringLiteral("'%1' is not a domain name such as example.com").arg(input.left(100)),
                         field);
    return name;
}

Result<QString> localPart(const QString &input, const QString &field)
{
    static const QRegularExpression shape(
        QStringLiteral("^[a-z0-9!#$%&'*+=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+=?^_`{|}~-]+)*$"));
    const QString part = input.trimmed().toLower();
    if (part.isEmpty() || part.toUtf8().size() > 64 || !shape.match(part).hasMatch())
        return makeError(
            errors::MailInvalidLocalPart,
            QStringLiteral("'%1' is not the part of an address before the @").arg(input.left(100)), field);
    return part;
}

Result<QString> mailAddress(const QString &input, const QString &field)
{
    const QString text = input.trimmed();
    const qsizetype at = text.lastIndexOf(u'@');
    if (at <= 0 || text.size() > 254)
        return makeError(
            errors::MailInvalidAddress,
            QStringLiteral("'%1' is not an address such as name@example.com").arg(input.left(100)), field);
    auto local = localPart(text.left(at), field);
    auto domain = mailDomainName(text.mid(at + 1), field);
    if (!local || !domain)
        return makeError(
            errors::MailInvalidAddress,
            QStringLiteral("'%1' is not an address such as name@example.com").arg(input.left(100)), field);
    return *local + u'@' + *domain;
}

} // namespace mp::mail
