#pragma once

// A real SMTP server on loopback for tests: tests/smtp_sink.py on Debian's python3-aiosmtpd,
// with STARTTLS on a certificate made here (openssl) and AUTH. Each message it accepts is a file;
// summary() reads one back through Python's email package (tests/mail_summary.py).

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mp::test {

struct SmtpSinkOptions {
    bool tls = true;
    QString user = QStringLiteral("mailer");
    QString password = QStringLiteral("s3cret relay pässword");
    QString rejectRecipient; // answered 550
};

class SmtpSink {
public:
    using Options = SmtpSinkOptions;

    SmtpSink();
    ~SmtpSink();

    // Starts on `port` (0: a free one; a restart keeps the last one). False with a warning.
    bool start(const Options &options = Options());
    void stop();
    bool running() const;

    quint16 port() const { return m_port; }
    QString caFile() const;
    const Options &options() const { return m_options; }
    // The stored messages, oldest first.
    QStringList messages() const;
    QJsonObject summary(const QString &file) const;
    void clear();

private:
    bool makeCertificate();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    Options m_options;
    quint16 m_port = 0;
};

} // namespace mp::test
