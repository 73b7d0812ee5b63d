#include "namesilo/namesilo_reply.h"

#include "namesilo/namesilo_errors.h"

#include <QXmlStreamReader>

namespace mp {

namespace {

// Reads the element the reader stands on (its start tag just read) and everything inside it.
NamesiloElement readElement(QXmlStreamReader &xml)
{
    NamesiloElement e;
    e.name = xml.name().toString();
    for (const QXmlStreamAttribute &a : xml.attributes())
        e.attributes.insert(a.name().toString(), a.value().toString());
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement)
            e.children.append(readElement(xml));
        else if (token == QXmlStreamReader::Characters)
            e.text += xml.text();
        else if (token == QXmlStreamReader::EndElement)
            break;
    }
    e.text = e.text.trimmed();
    return e;
}

} // namespace

const NamesiloElement *NamesiloElement::child(const QString &childName) const
{
    for (const NamesiloElement &c : children) {
        if (c.name == childName)
            return &c;
    }
    return nullptr;
}

QList<const NamesiloElement *> NamesiloElement::all(const QString &childName) const
{
    QList<const NamesiloElement *> found;
    for (const NamesiloElement &c : children) {
        if (c.name == childName)
            found.append(&c);
    }
    return found;
}

QString NamesiloElement::childText(const QString &childName) const
{
    const NamesiloElement *c = child(childName);
    return c ? c->text : QString();
}

QString NamesiloReply::words() const
{
    const QString message = reply.childText(QStringLiteral("message"));
    if (message.isEmpty() || message == detail)
        return detail;
    return detail + QStringLiteral(" - ") + message;
}

Result<NamesiloReply> NamesiloReply::parse(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::StartElement) {
    }
    if (xml.hasError() || xml.name() != QLatin1String("namesilo"))
        return makeError(errors::NamesiloInvalidResponse,
                         QStringLiteral("the answer is not a Namesilo XML reply"));
    const NamesiloElement root = readElement(xml);
    if (xml.hasError())
        return makeError(errors::NamesiloInvalidResponse,
                         QStringLiteral("the Namesilo reply is malformed XML: %1").arg(xml.errorString()));
    const NamesiloElement *reply = root.child(QStringLiteral("reply"));
    if (!reply)
        return makeError(errors::NamesiloInvalidResponse,
                         QStringLiteral("the Namesilo reply has no <reply>"));
    bool ok = false;
    NamesiloReply r;
    r.code = reply->childText(QStringLiteral("code")).toInt(&ok);
    if (!ok)
        return makeError(errors::NamesiloInvalidResponse,
                         QStringLiteral("the Namesilo reply has no numeric <code>"));
    r.detail = reply->childText(QStringLiteral("detail"));
    if (const NamesiloElement *request = root.child(QStringLiteral("request")))
        r.operation = request->childText(QStringLiteral("operation"));
    r.reply = *reply;
    return r;
}

bool namesiloCodeIsTransient(int code)
{
    return code == 115 || code == 201 || code == 400;
}

} // namespace mp
