#include "cloudpods/guest_ssh.h"

#include "cloudpods/cloudpod_errors.h"
#include "core/errors.h"
#include "jobs/job_errors.h"

#include <QElapsedTimer>

#include <libssh/libssh.h>

#include <memory>
#include <mutex>

namespace mp::cloudpods {

namespace {

struct SessionFree {
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
struct KeyFree {
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
struct ChannelFree {
    void operator()(ssh_channel c) const
    {
        if (ssh_channel_is_open(c))
            ssh_channel_close(c);
        ssh_channel_free(c);
    }
};
using Session = std::unique_ptr<std::remove_pointer_t<ssh_session>, SessionFree>;
using Key = std::unique_ptr<std::remove_pointer_t<ssh_key>, KeyFree>;
using Channel = std::unique_ptr<std::remove_pointer_t<ssh_channel>, ChannelFree>;

void initOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { ssh_init(); });
}

Error sshError(const QString &what, ssh_session s)
{
    return makeError(errors::CloudpodSsh,
                     QStringLiteral("%1: %2").arg(what, QString::fromUtf8(ssh_get_error(s))));
}

QString fingerprint(ssh_session s, Result<bool> *ok)
{
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(s, &raw) != SSH_OK) {
        *ok = sshError(QStringLiteral("reading the guest's host key"), s);
        return {};
    }
    Key key(raw);
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != 0) {
        *ok = sshError(QStringLiteral("hashing the guest's host key"), s);
        return {};
    }
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    const QString out = QString::fromLatin1(text);
    ssh_string_free_char(text);
    *ok = true;
    return out;
}

// A connected, authenticated session and the host key it showed.
Result<std::pair<Session, QString>> connect(const SshTarget &t)
{
    initOnce();
    Session s(ssh_new());
    if (!s)
        return makeError(errors::CloudpodSsh, QStringLiteral("libssh could not make a session"));
    const QByteArray host = t.host.toUtf8();
    const QByteArray user = t.user.toUtf8();
    unsigned int port = unsigned(t.port);
    long timeout = t.connectTimeoutSeconds;
    bool processConfig = false; // the service user's ~/.ssh/config has no say
    ssh_options_set(s.get(), SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s.get(), SSH_OPTIONS_PORT, &port);
    ssh_options_set(s.get(), SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s.get(), SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(s.get(), SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    const QString where = QStringLiteral("%1@%2:%3").arg(t.user, t.host).arg(t.port);
    if (ssh_connect(s.get()) != SSH_OK)
        return sshError(QStringLiteral("connecting to %1").arg(where), s.get());
    Result<bool> ok = true;
    const QString seen = fingerprint(s.get(), &ok);
    if (!ok)
        return ok.error();
    if (!t.hostKeySha256.isEmpty() && seen != t.hostKeySha256)
        return makeError(errors::CloudpodSsh,
                         QStringLiteral("%1 showed host key %2, not the %3 it showed before")
                             .arg(where, seen, t.hostKeySha256));
    ssh_key raw = nullptr;
    const QByteArray pem = t.privateKey.toUtf8();
    if (ssh_pki_import_privkey_base64(pem.constData(), nullptr, nullptr, nullptr, &raw) != SSH_OK)
        return makeError(errors::CloudpodSsh, QStringLiteral("mPanel's key for the pod does not load"));
    Key key(raw);
    if (ssh_userauth_publickey(s.get(), nullptr, key.get()) != SSH_AUTH_SUCCESS)
        return sshError(QStringLiteral("%1 did not accept mPanel's key").arg(where), s.get());
    return std::pair{std::move(s), seen};
}

} // namespace

Result<SshKeyPair> GuestSsh::generateKey(const QString &comment)
{
    initOnce();
    ssh_key raw = nullptr;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &raw) != SSH_OK)
        return makeError(errors::CloudpodSsh, QStringLiteral("libssh could not make a key pair"));
    Key key(raw);
    char *privateText = nullptr;
    char *publicText = nullptr;
    if (ssh_pki_export_privkey_base64(key.get(), nullptr, nullptr, nullptr, &privateText) != SSH_OK ||
        ssh_pki_export_pubkey_base64(key.get(), &publicText) != SSH_OK) {
        ssh_string_free_char(privateText);
        return makeError(errors::CloudpodSsh, QStringLiteral("libssh could not export the key pair"));
    }
    SshKeyPair pair;
    pair.privateKey = QString::fromLatin1(privateText);
    pair.publicKey = QStringLiteral("%1 %2 %3")
                         .arg(QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get()))),
                              QString::fromLatin1(publicText), comment);
    ssh_string_free_char(privateText);
    ssh_string_free_char(publicText);
    return pair;
}

Result<QString> GuestSsh::probe(const SshTarget &target)
{
    auto session = connect(target);
    if (!session)
        return session.error();
    return session->second;
}

Result<SshOutcome> GuestSsh::run(const SshTarget &target, const QString &command, const QByteArray &input,
                                 const std::function<void(const QString &)> &onLine,
                                 const std::function<bool()> &stop, qint64 timeoutMs)
{
    auto session = connect(target);
    if (!session)
        return session.error();
    ssh_session s = session->first.get();
    Channel channel(ssh_channel_new(s));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        return sshError(QStringLiteral("opening a channel"), s);
    if (ssh_channel_request_exec(channel.get(), command.toUtf8().constData()) != SSH_OK)
        return sshError(QStringLiteral("starting the command"), s);
    for (qsizetype sent = 0; sent < input.size();) {
        const int n =
            ssh_channel_write(channel.get(), input.constData() + sent, uint32_t(input.size() - sent));
        if (n == SSH_ERROR)
            return sshError(QStringLiteral("sending the script"), s);
        sent += n;
    }
    if (ssh_channel_send_eof(channel.get()) != SSH_OK)
        return sshError(QStringLiteral("closing the script's input"), s);

    // Output in lines, stdout and stderr each in its own buffer so lines never interleave.
    QByteArray pending[2];
    auto flush = [&](int stream, bool all) {
        QByteArray &buffer = pending[stream];
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            onLine(QString::fromUtf8(buffer.left(newline)).trimmed());
            buffer.remove(0, newline + 1);
        }
        if (all && !buffer.isEmpty()) {
            onLine(QString::fromUtf8(buffer).trimmed());
            buffer.clear();
        }
    };
    QElapsedTimer timer;
    timer.start();
    char chunk[4096];
    while (!ssh_channel_is_eof(channel.get())) {
        if (stop())
            return makeError(errors::JobInterrupted, QStringLiteral("stopped while the script ran"));
        if (timer.elapsed() > timeoutMs)
            return makeError(errors::CloudpodScriptFailed,
                             QStringLiteral("the script ran longer than %1 s").arg(timeoutMs / 1000));
        for (int stream = 0; stream < 2; ++stream) {
            const int n =
                ssh_channel_read_timeout(channel.get(), chunk, sizeof chunk, stream, stream ? 0 : 250);
            if (n == SSH_ERROR)
                return sshError(QStringLiteral("reading the script's output"), s);
            if (n > 0) {
                pending[stream].append(chunk, n);
                flush(stream, false);
            }
        }
    }
    // What is left after EOF.
    for (int stream = 0; stream < 2; ++stream) {
        int n;
        while ((n = ssh_channel_read_nonblocking(channel.get(), chunk, sizeof chunk, stream)) > 0)
            pending[stream].append(chunk, n);
        flush(stream, true);
    }
    SshOutcome outcome;
    outcome.exitStatus = ssh_channel_get_exit_status(channel.get());
    outcome.hostKeySha256 = session->second;
    return outcome;
}

} // namespace mp::cloudpods
