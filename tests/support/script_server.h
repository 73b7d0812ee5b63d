#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace mp::test {

// A throwaway server started by one of the project's scripts under tests/servers/ (which picks
// free loopback ports, drops root, records the server's PID and prints KEY=VALUE lines), once
// per test binary. Stopped, and its directory removed, when this object goes.
class ScriptServer {
public:
    // `script`: the file name under tests/servers/ ("node-exporter", "nginx").
    explicit ScriptServer(QString script);
    ~ScriptServer();

    // Runs `<script> start DIR args...`; the values it printed are read with value().
    Status start(const QStringList &args = {});
    // Runs `<script> <command> DIR` (e.g. "halt": stop the server, keep its directory).
    Status run(const QString &command);
    void stop();

    QString value(const QString &key) const { return m_values.value(key); }
    quint16 port(const QString &key) const { return quint16(m_values.value(key).toUInt()); }
    const QString &directory() const { return m_dir; }

private:
    QString m_script;
    QString m_dir;
    bool m_started = false;
    QHash<QString, QString> m_values;
};

} // namespace mp::test
