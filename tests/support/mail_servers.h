#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mp::test {

// A throwaway mail host for one test binary, from the project's script tests/servers/mail-servers:
// Dovecot (IMAP + LMTP) and Postfix (SMTP -> LMTP) on free loopback ports, reading the
// mail_host_* views of `database` as `login`. Users talk to it through tests/mail_client.py.
// Packages: dovecot-imapd dovecot-lmtpd dovecot-pgsql postfix postfix-pgsql python3.
class MailServers {
public:
    MailServers();
    ~MailServers(); // stops both servers and removes their directory

    Status start(const ConnectionSettings &database, const QString &login, const QString &password);
    void stop();

    int imapPort() const { return m_imapPort; }
    int smtpPort() const { return m_smtpPort; }
    int submissionPort() const { return m_submissionPort; }
    QString mailRoot() const { return m_mailRoot; }

    // tests/mail_client.py: "OK" or "NO".
    QString login(const QString &address, const QString &password) const;
    // "sent" or "refused CODE".
    QString send(const QString &from, const QString &to, const QString &subject) const;
    // As a mail program sends from a mailbox: SASL login on the submission port, from `login`.
    // "sent", "refused CODE" or "auth refused".
    QString submit(const QString &login, const QString &password, const QString &to,
                   const QString &subject) const;
    // Whether the newest INBOX message with `subject` carries a DKIM signature that verifies
    // against the key the DNS server on 127.0.0.1:`dnsPort` publishes: "pass d=... s=..." or
    // "fail: why".
    QString dkim(const QString &address, const QString &password, const QString &subject, int dnsPort) const;
    // Messages in Postfix's hold queue.
    int heldCount() const;
    // postsuper -H ALL, then a queue run: the held messages go on to delivery.
    Status releaseHeld() const;
    // Messages in the INBOX with `subject`, waiting up to `seconds` for at least one; -1 when the
    // login is refused.
    int count(const QString &address, const QString &password, const QString &subject,
              double seconds = 10) const;

private:
    QString client(const QStringList &args) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    int m_imapPort = 0;
    int m_smtpPort = 0;
    int m_submissionPort = 0;
    QString m_postfixConfig;
    QString m_mailRoot;
};

} // namespace mp::test
