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
    explicit ChangeFeed(QObject *parent = nullptr);
    ~ChangeFeed() override;

    // (Re)connects as the signed-in staff member and listens on `channels` for `tenantId`. The
    // feed knows no channel of its own: the console passes those its sections declare
    // (ConsoleSections::channels()), each a table's `mpanel_changed_<table>` of its migration.
    void start(const ConnectionSettings &staff, const QString &tenantId, const QStringList &channels);
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
