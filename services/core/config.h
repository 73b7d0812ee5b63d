#pragma once

#include "core/result.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

namespace mp {

// Settings for both executables. One vocabulary: a config file holds `MPANEL_NAME=value` lines,
// the same names as the environment variables, and the environment wins over the file.
// Secrets (names containing SECRET, PASSWORD, TOKEN or KEY, and a database URL carrying a
// password) are accepted from a file only if no one but its owner can read it.
class Config {
public:
    static Result<Config> load(const QString &filePath,
                               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

    QString value(const QString &name, const QString &fallback = {}) const;
    bool contains(const QString &name) const { return m_values.contains(name); }
    void set(const QString &name, const QString &value) { m_values.insert(name, value); }

    // Empty when no database is configured: the embedded cluster is used then.
    QString databaseUrl() const { return value(QStringLiteral("MPANEL_DATABASE_URL")); }
    QString listen() const
    {
        return value(QStringLiteral("MPANEL_LISTEN"), QStringLiteral("127.0.0.1:8080"));
    }
    // Where the embedded cluster and local state live.
    QString dataDir() const;

    static bool isSecretName(const QString &name);

private:
    QHash<QString, QString> m_values;
};

} // namespace mp
