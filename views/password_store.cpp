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
                callback(std::nullopt, finished->errorString());
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
            callback(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
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
            callback(gone ? QString() : finished->errorString());
        },
        [callback] { callback(timeoutMessage()); });
}

} // namespace mp
