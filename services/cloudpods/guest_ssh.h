#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace mp::cloudpods {

// mPanel's SSH key pair for one pod (ed25519, made by libssh): the public key in
// authorized_keys form with a comment naming the pod, the private key in OpenSSH's format.
struct SshKeyPair {
    QString publicKey;  // "ssh-ed25519 AAAA... mpanel-pod-<id>"
    QString privateKey; // "-----BEGIN OPENSSH PRIVATE KEY-----..."
};

struct SshTarget {
    QString host;
    int port = 22;
    QString user;
    QString privateKey;
    // "SHA256:..." of the guest's host key as first seen; empty: trust on first use.
    QString hostKeySha256;
    int connectTimeoutSeconds = 10;
};

// What a command on the guest ended with.
struct SshOutcome {
    int exitStatus = -1;
    QString hostKeySha256; // the key the guest showed (to pin on first use)
};

// A client for the guests' sshd through libssh (never a hand-written protocol). Blocking, one
// session per call; the callbacks let a job stream output and stop early.
class GuestSsh {
public:
    static Result<SshKeyPair> generateKey(const QString &comment);

    // Connects and authenticates with the key; the guest's host key, or why not (host down,
    // key not (yet) accepted, host key other than the pinned one).
    static Result<QString> probe(const SshTarget &target);

    // Runs `command` with `input` on its stdin (then EOF); each complete output line (stdout and
    // stderr) goes to `onLine` as it arrives. `stop` is asked between reads; true aborts.
    // `timeoutMs` bounds the whole run.
    static Result<SshOutcome> run(const SshTarget &target, const QString &command, const QByteArray &input,
                                  const std::function<void(const QString &line)> &onLine,
                                  const std::function<bool()> &stop, qint64 timeoutMs);
};

} // namespace mp::cloudpods
