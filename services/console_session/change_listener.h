#pragma once

#include "core/result.h"
#include "db/connection_settings.h"

#include <QObject>
#include <QStringList>

namespace mp {

// ChangeFeed's worker: lives on the feed's thread and owns the LISTEN connection there.
class ChangeListener : public QObject {
    Q_OBJECT
public:
    ChangeListener(ConnectionSettings settings, QString tenantId, QStringList channels);
    ~ChangeListener() override;

    void open();
    void close();

Q_SIGNALS:
    void changed(const QString &channel);
    void listening();
    void failed(const mp::Error &error);

private:
    ConnectionSettings m_settings;
    QString m_tenantId;
    QStringList m_channels;
    QString m_connectionName;
};

} // namespace mp
