#pragma once

#include "powerdns/powerdns_call.h"
#include "powerdns/powerdns_rrset.h"
#include "powerdns/powerdns_settings.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace mp {

// What a new zone is made with. `nameservers` become the zone's NS records; with none the zone
// has only its SOA (from `soa`, else the server's default-soa-content).
struct PowerDnsZoneSpec {
    QString name; // canonical: "example.test."
    QString kind = QStringLiteral("Native");
    QStringList nameservers;
    QString soa; // "ns1.x. hostmaster.x. 0 10800 3600 604800 3600", empty: the server's
    int soaTtl = 3600;
    bool dnssec = false;
    // The serial moves on every change through the API: YYYYMMDDnn, as DEFAULT does.
    QString soaEditApi = QStringLiteral("DEFAULT");
};

// The PowerDNS Authoritative HTTP API (4.7) subset mPanel uses, one server per client, on
// QNetworkAccessManager's asynchronous API. Every method returns a started call (a child of the
// client); names must be canonical (trailing dot), which callers guarantee. Invalid settings
// give a call that fails without a request.
//
// Threads: a client and its calls belong to the thread that made it, which runs an event loop;
// a job-engine worker uses runPowerDnsCall() (powerdns_blocking.h).
class PowerDnsClient : public QObject {
    Q_OBJECT
public:
    explicit PowerDnsClient(PowerDnsSettings settings, QObject *parent = nullptr);

    const PowerDnsSettings &settings() const { return m_settings; }

    PowerDnsCall *server(); // GET /servers/<id>: is the server there and the key right?
    PowerDnsCall *listZones();
    PowerDnsCall *zone(const QString &zone); // with its rrsets and serial
    // POST /zones: sent once (not safe to repeat); a lost answer must be followed by zone().
    PowerDnsCall *createZone(const PowerDnsZoneSpec &spec);
    PowerDnsCall *deleteZone(const QString &zone);
    // One PATCH with every change: PowerDNS applies them in one transaction and moves the serial
    // once. REPLACE and DELETE land on the same state when repeated, so it is retried.
    PowerDnsCall *patchRrsets(const QString &zone, const QList<PowerDnsRrset> &rrsets);
    PowerDnsCall *exportZone(const QString &zone); // BIND zone file text
    PowerDnsCall *cryptokeys(const QString &zone); // with DS records
    // Signs the zone (a CSK, as "dnssec": true at creation makes) or stops signing it (removes
    // every key). Rectify follows in the server (default-api-rectify).
    PowerDnsCall *addCsk(const QString &zone);
    PowerDnsCall *deleteCryptokey(const QString &zone, qint64 keyId);
    PowerDnsCall *setZoneDnssec(const QString &zone, bool dnssec);
    PowerDnsCall *rectify(const QString &zone);

private:
    PowerDnsCall *send(PowerDnsCall::Request request);
    static QString zonePath(const QString &zone);

    PowerDnsSettings m_settings;
    QNetworkAccessManager *m_network;
};

} // namespace mp
