#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace mp {

// "Remember me": staff passwords in the OS keychain through QtKeychain, asynchronously. Every
// call answers exactly once, also when there is no keychain backend (typical on a bare X
// server) or the backend never replies, so the console can say so and carry on.
class PasswordStore : public QObject {
    Q_OBJECT
public:
    explicit PasswordStore(const QString &service, QObject *parent = nullptr);

    // Called with the password, or with nullopt and why not (empty reason: no entry stored).
    using ReadCallback = std::function<void(std::optional<QString> password, QString reason)>;
    // Called with an empty string on success, else the reason.
    using DoneCallback = std::function<void(QString error)>;

    void read(const QString &key, ReadCallback callback);
    void write(const QString &key, const QString &password, DoneCallback callback);
    void remove(const QString &key, DoneCallback callback);

    // How long to wait for a backend that does not answer.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

private:
    QString m_service;
    int m_timeoutMs = 10000;
};

} // namespace mp
