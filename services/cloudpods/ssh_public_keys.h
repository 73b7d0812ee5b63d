#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace mp::cloudpods {

// One OpenSSH public key as authorized_keys holds it: "ssh-ed25519 AAAA... comment".
struct SshPublicKey {
    QString type;        // ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, ...
    QString base64;      // the key blob
    QString comment;     // may be empty
    QString fingerprint; // "SHA256:..." as ssh-keygen -l prints it

    QString line() const;
};

// Checks public keys the way ssh-keygen reads them, before they reach Proxmox (which refuses a bad
// one only when the guest is created): a known key type, a base64 blob, and a blob whose first
// field names that same type. Errors name `field` and, for a list, the line.
class SshPublicKeys {
public:
    static Result<SshPublicKey> parse(const QString &line, const QString &field);
    // One key per line (blank lines skipped), each checked; joined again with '\n', duplicates
    // dropped. At most 50 keys.
    static Result<QStringList> parseList(const QString &text, const QString &field);
    static QStringList types();
};

} // namespace mp::cloudpods
