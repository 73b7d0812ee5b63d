#include "password_store.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#include <memory>
#include <utility>

namespace mp {

namespace {

// Runs `job` and calls `onFinished` once: when the job finishes, or when the backend has not
// answered within the timeout (a secret service that is registered but stuck must not leave
// the sign-in waiting forever).
void runJob(QKeychain::Job *job, QObject *context, int timeoutMs,
            std::function<void(QKeychain::Job *)> onFinished, std::function<void()> onTimeout)
{
    auto answered = std::make_shared<bool>(false);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [answered, onFinished](QKeychain::Job *finished) {
                         if (std::exchange(*answered, true))
                             return;
                         onFinished(finished);
                     });
    QTimer::singleShot(timeoutMs, context, [answered, onTimeout] {
        if (std::exchange(*answered, true))
            return;
        onTimeout();
    });
    job->start();
}

QString timeoutMessage()
{
    return PasswordStore::tr("The keychain did not answer.");
}

// QtKeychain's own text is often just "Unknown error" (e.g. no secret service on the session
// bus); say what the code means instead, and keep the backend's text when it adds something.
QString describe(const QKeychain::Job *job)
{
    QString what;
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        what = PasswordStore::tr("No keychain is available on this system.");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        what = PasswordStore::tr("The keychain refused access.");
        break;
    default:
        what = PasswordStore::tr("The keychain reported an error.");
        break;
    }
    const QString detail = job->errorString();
    if (detail.isEmpty() || detail == QLatin1String("Unknown error"))
        return what;
    return QStringLiteral("%1 (%2)").arg(what, detail);
}

} // namespace

PasswordStore::PasswordStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

void PasswordStore::read(const QString &key, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    runJob(
        job, this, m_timeoutMs,
        [callback](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError)
                callback(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData(), {});
            else if (finished->error() == QKeychain::EntryNotFound)
                callback(std::nullopt, {});
            else
                callback(std::nullopt, describe(finished));
        },
        [callback] { callback(std::nullopt, timeoutMessage()); });
}

void PasswordStore::write(const QString &key, const QString &password, DoneCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(password);
    runJob(
        job, this, m_timeoutMs,
        [callback](QKeychain::Job *finished) {
            callback(finished->error() == QKeychain::NoError ? QString() : describe(finished));
        },
        [callback] { callback(timeoutMessage()); });
}

void PasswordStore::remove(const QString &key, DoneCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    runJob(
        job, this, m_timeoutMs,
        [callback](QKeychain::Job *finished) {
            const bool gone =
                finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
            callback(gone ? QString() : describe(finished));
        },
        [callback] { callback(timeoutMessage()); });
}

} // namespace mp
