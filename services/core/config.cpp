#include "core/config.h"

#include "core/errors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#include <unistd.h>

namespace mp {

bool Config::isSecretName(const QString &name)
{
    for (const auto *word : {"SECRET", "PASSWORD", "TOKEN", "KEY"}) {
        if (name.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

static bool carriesSecret(const QString &name, const QString &value)
{
    if (Config::isSecretName(name))
        return true;
    return name == QLatin1String("MPANEL_DATABASE_URL") && !QUrl(value).password().isEmpty();
}

Result<Config> Config::load(const QString &filePath, const QProcessEnvironment &env)
{
    Config config;
    if (!filePath.isEmpty()) {
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return makeError(
                errors::ConfigUnreadable,
                QStringLiteral("cannot read config file %1: %2").arg(filePath, file.errorString()),
                QStringLiteral("--config"));
        const bool privateFile =
            !(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther));
        int lineNo = 0;
        while (!file.atEnd()) {
            ++lineNo;
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const qsizetype eq = line.indexOf(u'=');
            const QString name = line.left(eq).trimmed();
            if (eq <= 0 || !name.startsWith(QLatin1String("MPANEL_")))
                return makeError(
                    errors::ConfigSyntax,
                    QStringLiteral("%1:%2: expected MPANEL_NAME=value").arg(filePath).arg(lineNo),
                    QStringLiteral("--config"));
            const QString value = line.mid(eq + 1).trimmed();
            if (carriesSecret(name, value) && !privateFile)
                return makeError(errors::ConfigSecretExposed,
                                 QStringLiteral("%1 holds the secret %2 but others can read it; "
                                                "chmod 600 it or pass the secret in the environment")
                                     .arg(filePath, name),
                                 name);
            config.m_values.insert(name, value);
        }
    }
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("MPANEL_")))
            config.m_values.insert(key, env.value(key));
    }
    return config;
}

QString Config::value(const QString &name, const QString &fallback) const
{
    return m_values.value(name, fallback);
}

QString Config::dataDir() const
{
    const QString configured = value(QStringLiteral("MPANEL_DATA_DIR"));
    if (!configured.isEmpty())
        return QDir::cleanPath(configured);
    // PostgreSQL refuses to run as root, so root's cluster runs as the `postgres` user, which
    // cannot enter /root: root keeps its state under /var/lib instead.
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/mpanel");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/mpanel");
}

} // namespace mp
