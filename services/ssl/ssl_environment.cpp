#include "ssl/ssl_environment.h"

#include "ssl/ssl_errors.h"

#include <QDir>
#include <QFile>
#include <QMutex>

#include <sodium.h>

#include <optional>

namespace mp::ssl {

namespace {

QMutex g_mutex;
std::optional<Config> g_config;

Config current()
{
    QMutexLocker lock(&g_mutex);
    return g_config ? *g_config : Config();
}

Error vaultError(const QString &message)
{
    return makeError(errors::SslKeyVault, message);
}

} // namespace

void SslEnvironment::adopt(const Config &config)
{
    QMutexLocker lock(&g_mutex);
    g_config = config;
}

QString SslEnvironment::setting(const QString &name, const QString &fallback)
{
    const Config config = current();
    const QString value = config.contains(name) ? config.value(name) : qEnvironmentVariable(qPrintable(name));
    return value.isEmpty() ? fallback : value;
}

QString SslEnvironment::listen()
{
    return current().listen();
}

QString SslEnvironment::dataDir()
{
    return current().dataDir();
}

Result<AcmeSettings> SslEnvironment::acme()
{
    return AcmeSettings::fromConfig(current());
}

Result<QByteArray> SslEnvironment::sealingKey()
{
    const Config config = current();
    const QString name = QStringLiteral("MPANEL_SSL_KEY_SECRET");
    const QString configured =
        config.contains(name) ? config.value(name) : qEnvironmentVariable("MPANEL_SSL_KEY_SECRET");
    if (!configured.isEmpty()) {
        const QByteArray key = QByteArray::fromBase64(configured.toLatin1());
        if (key.size() != crypto_secretbox_KEYBYTES)
            return vaultError(QStringLiteral("MPANEL_SSL_KEY_SECRET must be 32 bytes in base64"));
        return key;
    }
    // Serialised: two workers must not each make a different key.
    static QMutex fileMutex;
    QMutexLocker lock(&fileMutex);
    const QString dir = config.dataDir();
    QFile file(QDir(dir).filePath(QStringLiteral("ssl-key-secret")));
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return vaultError(QStringLiteral("cannot read %1").arg(file.fileName()));
        const QByteArray key = file.readAll();
        if (key.size() != crypto_secretbox_KEYBYTES)
            return vaultError(QStringLiteral("%1 is not a 32-byte key").arg(file.fileName()));
        return key;
    }
    if (sodium_init() < 0)
        return vaultError(QStringLiteral("libsodium failed to initialise"));
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
    QDir().mkpath(dir);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(key) != key.size())
        return vaultError(QStringLiteral("cannot write %1").arg(file.fileName()));
    return key;
}

} // namespace mp::ssl
