#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp::mail {

// A mail host (Postfix + Dovecot) staff registered: where domains go and MX records point.
struct MailHost {
    QString id, name, mxHost, readerLogin, mailRoot;
    bool isDefault = false, enabled = true;
    QDateTime createdAt;

    QJsonObject toJson() const;
};

// A domain on a mail host. active: mail flows; suspended: the host refuses it; deleting: its
// data is being removed.
struct MailDomain {
    QString id, hostId, hostName, mxHost, mailRoot;
    QString name; // "example.com"
    QString customerId, customerName, subscriptionId;
    QString status;
    std::optional<int> maxMailboxes, maxQuotaMb; // empty: no limit
    std::optional<int> mailboxSendsPerHour, domainSendsPerHour;
    QJsonObject dnsHealth; // the last MailDnsHealth check; empty: never checked
    QDateTime dnsCheckedAt;
    QString catchAll, dmarcPolicy, dkimSelector, dkimPublicKey;
    int mailboxes = 0;
    QDateTime createdAt, updatedAt;

    QJsonObject toJson() const;
};

struct Mailbox {
    QString id, domainId, domain, customerId, localPart;
    int quotaMb = 0;
    std::optional<qint64> usedBytes; // what the host's quota counts; empty: not known here
    bool enabled = true;
    QString status; // active, deleting
    QDateTime createdAt, updatedAt;

    QString address() const { return localPart + u'@' + domain; }
    QJsonObject toJson() const;
};

// An address that delivers elsewhere: mailboxes of the domain, or forwards anywhere.
struct MailAlias {
    QString id, domainId, domain, customerId, localPart;
    QStringList destinations;
    QDateTime createdAt;

    QString address() const { return localPart + u'@' + domain; }
    QJsonObject toJson() const;
};

namespace kinds {
inline const QString removeMailbox = QStringLiteral("mail.remove_mailbox");
inline const QString removeDomain = QStringLiteral("mail.remove_domain");
inline const QString rotateDkim = QStringLiteral("mail.rotate_dkim");
// Queued by mpanel_mail_send_check (migration 0032) at a mailbox's first held message of an hour.
inline const QString announceSendHold = QStringLiteral("mail.announce_send_hold");
} // namespace kinds

// The product type the module sells, and how DNS and jobs name what the module owns.
inline const QString kEmailProductType = QStringLiteral("email");
inline const QString kDomainSource = QStringLiteral("mail_domain");
inline const QString kDkimSource = QStringLiteral("mail_dkim");
inline const QString kMailboxRelatedType = QStringLiteral("mail_mailbox");
inline const QString kDomainRelatedType = QStringLiteral("mail_domain");

} // namespace mp::mail
