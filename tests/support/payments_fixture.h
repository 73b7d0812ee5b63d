#pragma once

// A companion service for the payments tests as it runs in production: request handlers on a
// pool of threads, each with its own database connection, Stripe settings from configuration,
// one tenant with an admin token, and helpers to make invoices.

#include "support/service_fixture.h"
#include "support/stripe_events.h"

#include <QStringList>

namespace mp::test {

class PaymentsFixture : public ServiceFixture {
public:
    // Starts on a fresh database; the webhook secrets are kWebhookSecret and kOldWebhookSecret
    // unless `config` sets its own.
    void start(Config config = {});

    const QString &tenant() const { return m_tenant; }
    const QString &admin() const { return m_admin; }

    // A customer who can sign in: {access token, customer id}.
    QPair<QString, QString> customer(const QString &name);
    // `count` unpaid invoices of `totalMinor` in `currency`, straight into the table (many at
    // once for the storm); ids in creation order.
    QStringList unpaidInvoices(const QString &customerId, int count, qint64 totalMinor,
                               const QString &currency = QStringLiteral("USD"));
    QString invoiceStatus(const QString &id);

private:
    QString m_tenant;
    QString m_admin;
};

} // namespace mp::test
