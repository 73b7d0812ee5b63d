#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace mp {
class TenantTransaction;
}

namespace mp::events {

// Something that happened to a customer's business, announced by the module where it happened
// (billing: an invoice was issued; subscriptions: a service was suspended; CloudPods: a pod is
// ready) for whichever modules listen (notifications mails the customer). The announcer names
// no listener, as billing names no module for a paid invoice (billing/invoice_paid.h).
struct DomainEvent {
    QString name;       // one of the names below
    QString customerId; // whose business it is (may be empty)
    QString subjectId;  // the invoice, subscription, pod... it is about; makes it unique with `name`
    QJsonObject data;   // what a listener needs that it cannot read later (addresses, links)
};

// The events announced so far, and what their data carries besides customerId/subjectId.
inline const QString InvoiceIssued = QStringLiteral("invoice.issued"); // subject: invoice id
inline const QString PaymentFailed = QStringLiteral("payment.failed"); // subject: invoice id;
                                                                       // reason, requires_action
inline const QString SubscriptionSuspended =
    QStringLiteral("subscription.suspended");                        // subject: subscription
inline const QString ServiceReady = QStringLiteral("service.ready"); // subject: the service (pod) id;
                                                                     // name, address, connect[]
inline const QString PasswordReset = QStringLiteral("customer.password_reset");    // subject: token id; url
inline const QString CertificateExpiring = QStringLiteral("certificate.expiring"); // subject: certificate;
                                                                                   // domain, expires_at
inline const QString DomainActive = QStringLiteral("domain.active"); // subject: the domain id; name
inline const QString MonitoringCheckDown =
    QStringLiteral("monitoring.check_down"); // subject: the alert id; check_id, check, target, message
inline const QString MonitoringCheckUp =
    QStringLiteral("monitoring.check_up"); // subject: the alert id it closes; same data
// A mailbox went over its own or its domain's hourly sending limit and the mail host held its
// message (a compromised mailbox sending spam); once per mailbox and hour. Subject: the hold id;
// address, domain, domain_id, mailbox_id, limit_kind (mailbox|domain), limit_per_hour, held,
// first_held_at.
inline const QString MailSendingLimitExceeded = QStringLiteral("mail.sending_limit_exceeded");

// Runs in the announcer's transaction: what a listener writes commits with the event or not at all.
using Listener = std::function<Status(TenantTransaction &tx, const DomainEvent &event, const QDateTime &now)>;

class DomainEvents {
public:
    // `module` says who listens (a second listener of one module for one event is ignored).
    static void listen(const QString &module, const QString &event, Listener listener);
    // Every listener of `event.name`, in the order they were added; the first error stops it.
    static Status announce(TenantTransaction &tx, const DomainEvent &event, const QDateTime &now);
    static QStringList listeners(const QString &event);
};

} // namespace mp::events
