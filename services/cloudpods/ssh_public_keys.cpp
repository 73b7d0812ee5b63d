#include "cloudpods/ssh_public_keys.h"

#include "core/errors.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QtEndian>

namespace mp::cloudpods {

namespace {

constexpr int kMaxKeys = 50;
constexpr int kMaxLine = 16000;

Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::InvalidValue, message, field);
}

} // namespace

QString SshPublicKey::line() const
{
    return comment.isEmpty() ? type + u' ' + base64 : type + u' ' + base64 + u' ' + comment;
}

QStringList SshPublicKeys::types()
{
    return {QStringLiteral("ssh-ed25519"),
            QStringLiteral("ssh-rsa"),
            QStringLiteral("ecdsa-sha2-nistp256"),
            QStringLiteral("ecdsa-sha2-nistp384"),
            QStringLiteral("ecdsa-sha2-nistp521"),
            QStringLiteral("sk-ssh-ed25519@openssh.com"),
            QStringLiteral("sk-ecdsa-sha2-nistp256@openssh.com")};
}

Result<SshPublicKey> SshPublicKeys::parse(const QString &text, const QString &field)
{
    const QString line = text.trimmed();
    if (line.isEmpty())
        return invalid(field, QStringLiteral("an SSH public key is required"));
    if (line.size() > kMaxLine || line.contains(u'\n') || line.contains(u'\r'))
        return invalid(
            field, QStringLiteral("an SSH public key is one line of at most %1 characters").arg(kMaxLine));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList parts = line.split(spaces, Qt::SkipEmptyParts);
    SshPublicKey key;
    key.type = parts.value(0);
    key.base64 = parts.value(1);
    key.comment = parts.mid(2).join(u' ');
    if (!types().contains(key.type))
        return invalid(field, QStringLiteral("an SSH public key in OpenSSH format starts with its type (%1); "
                                             "got '%2'")
                                  .arg(types().join(QStringLiteral(", ")), key.type.left(40)));
    static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/]+={0,2}$"));
    const QByteArray blob =
        QByteArray::fromBase64(key.base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!base64.match(key.base64).hasMatch() || blob.size() < 4 + key.type.size())
        return invalid(field, QStringLiteral("the %1 key's data is not valid base64").arg(key.type));
    // The blob's first field (a 32-bit length and the type's name) repeats the key type.
    const quint32 length = qFromBigEndian<quint32>(blob.constData());
    if (length != quint32(key.type.size()) || blob.mid(4, int(length)) != key.type.toLatin1())
        return invalid(field, QStringLiteral("the key data is not a %1 key").arg(key.type));
    key.fingerprint = QStringLiteral("SHA256:") +
                      QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256)
                                              .toBase64(QByteArray::OmitTrailingEquals));
    return key;
}

Result<QStringList> SshPublicKeys::parseList(const QString &text, const QString &field)
{
    QStringList keys;
    QStringList fingerprints;
    const QStringList lines = text.split(u'\n');
    int number = 0;
    for (const QString &line : lines) {
        ++number;
        if (line.trimmed().isEmpty())
            continue;
        auto key = parse(line, field);
        if (!key)
            return restate(key.error(), QStringLiteral("line %1: %2").arg(number).arg(key.error().message),
                           field);
        if (fingerprints.contains(key->fingerprint))
            continue;
        fingerprints << key->fingerprint;
        keys << key->line();
    }
    if (keys.size() > kMaxKeys)
        return invalid(field, QStringLiteral("at most %1 SSH public keys").arg(kMaxKeys));
    return keys;
}

} // namespace mp::cloudpods
