#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThread>

namespace mp {

class ChangeListener;

// Tells the console that another session (a second console, the REST API, a job) changed a
// table, so its views reload without a manual refresh.
//
// Listens on its own connection on its own thread: QPSQL delivers notifications through a
// socket notifier, which needs an event loop in the thread that owns the connection, and the
// session thread (a pool thread running one task at a time) has none. The database sends the
// tenant id as payload (migration 0008); notifications of other tenants are dropped here.
class ChangeFeed : public QObject {
    Q_OBJECT
public:
    // The channels migrations 0008 and 0011 notify on.
    static QString productsChannel() { return QStringLiteral("mpanel_changed_products"); }
    static QString templatesChannel() { return QStringLiteral("mpanel_changed_cloudpod_templates"); }
    static QString customersChannel() { return QStringLiteral("mpanel_changed_customers"); }
    static QString ordersChannel() { return QStringLiteral("mpanel_changed_orders"); }
    static QString invoicesChannel() { return QStringLiteral("mpanel_changed_invoices"); }
    // Migration 0011.
    static QString subscriptionsChannel() { return QStringLiteral("mpanel_changed_subscriptions"); }
    static QString paymentsChannel() { return QStringLiteral("mpanel_changed_payments"); }
    // Migration 0013: job inserts and status changes, and new job log lines.
    static QString jobsChannel() { return QStringLiteral("mpanel_changed_jobs"); }
    static QString jobLogChannel() { return QStringLiteral("mpanel_changed_job_log"); }
    // Migration 0012: pods, and node allocations with the nodes themselves.
    static QString cloudPodsChannel() { return QStringLiteral("mpanel_changed_cloud_pods"); }
    static QString nodeAllocationsChannel() { return QStringLiteral("mpanel_changed_node_allocations"); }
    // Migration 0015: reconciliation findings recorded, refreshed or resolved.
    static QString findingsChannel() { return QStringLiteral("mpanel_changed_cloudpod_findings"); }
    static QStringList allChannels();

    explicit ChangeFeed(QObject *parent = nullptr);
    ~ChangeFeed() override;

    // (Re)connects as the signed-in staff member and listens on `channels` for `tenantId`.
    void start(const ConnectionSettings &staff, const QString &tenantId,
               const QStringList &channels = allChannels());
    void stop();

Q_SIGNALS:
    // A statement changed `channel`'s table for this tenant.
    void changed(const QString &channel);
    // Listening (again) on every channel; changes made meanwhile may have been missed.
    void listening();
    void failed(const mp::Error &error);

private:
    QThread m_thread;
    QPointer<ChangeListener> m_listener;
};

} // namespace mp
