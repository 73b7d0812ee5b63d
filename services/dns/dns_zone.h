#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp::dns {

// A zone mPanel manages. pending (not yet on the server) -> active; deleting -> gone;
// error: the last sync failed (last_error says why; the next change or a retry tries again).
struct DnsZone {
    QString id;
    QString serverId, serverName;
    QString name; // canonical: "example.com."
    QString customerId, customerName;
    QString kind;
    QString status;
    bool dnssec = false;
    QStringList dsRecords; // while signed: what the registry gets
    qint64 serial = 0;     // as PowerDNS last reported it; 0: not yet
    QString lastError;
    QString sourceType, sourceId;
    int pendingChanges = 0;
    QDateTime createdAt, updatedAt;

    QJsonObject toJson() const;
};

// One record set as mPanel holds it; `pending`: not yet on the server.
struct DnsRecordRow {
    QString name, type;
    int ttl = 0;
    QStringList records;
    bool pending = false;
    QString sourceType, sourceId;

    QJsonObject toJson() const;
};

namespace kinds {
inline const QString syncZone = QStringLiteral("dns.sync_zone");
} // namespace kinds

inline const QString kZoneRelatedType = QStringLiteral("dns_zone");

} // namespace mp::dns
