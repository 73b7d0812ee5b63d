#include "powerdns/powerdns_client.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace mp {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

PowerDnsClient::PowerDnsClient(PowerDnsSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
    // PowerDNS's API never redirects; one that does would carry the key elsewhere.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QString PowerDnsClient::zonePath(const QString &zone)
{
    return QStringLiteral("/zones/") + QString::fromLatin1(QUrl::toPercentEncoding(zone));
}

PowerDnsCall *PowerDnsClient::send(PowerDnsCall::Request request)
{
    PowerDnsCall *call = nullptr;
    if (auto valid = m_settings.validate(); !valid)
        call = new PowerDnsCall(valid.error(), this);
    else
        call = new PowerDnsCall(m_network, m_settings, std::move(request), this);
    call->start();
    return call;
}

PowerDnsCall *PowerDnsClient::server()
{
    return send({"GET", QString(), {}, true});
}

PowerDnsCall *PowerDnsClient::listZones()
{
    return send({"GET", QStringLiteral("/zones"), {}, true});
}

PowerDnsCall *PowerDnsClient::zone(const QString &zone)
{
    return send({"GET", zonePath(zone), {}, true});
}

PowerDnsCall *PowerDnsClient::createZone(const PowerDnsZoneSpec &spec)
{
    QJsonObject body{{QStringLiteral("name"), spec.name},
                     {QStringLiteral("kind"), spec.kind},
                     {QStringLiteral("dnssec"), spec.dnssec},
                     {QStringLiteral("soa_edit_api"), spec.soaEditApi}};
    QJsonArray rrsets;
    if (!spec.soa.isEmpty())
        rrsets.append(PowerDnsRrset{
            spec.name, QStringLiteral("SOA"), spec.soaTtl, {spec.soa}, PowerDnsRrset::Change::Replace}
                          .toJson());
    if (!spec.nameservers.isEmpty())
        rrsets.append(PowerDnsRrset{spec.name, QStringLiteral("NS"), spec.soaTtl, spec.nameservers,
                                    PowerDnsRrset::Change::Replace}
                          .toJson());
    if (!rrsets.isEmpty()) {
        // Zone creation takes rrsets without changetype.
        for (qsizetype i = 0; i < rrsets.size(); ++i) {
            QJsonObject o = rrsets.at(i).toObject();
            o.remove(QStringLiteral("changetype"));
            rrsets[i] = o;
        }
        body.insert(QStringLiteral("rrsets"), rrsets);
    } else {
        body.insert(QStringLiteral("nameservers"), QJsonArray());
    }
    return send({"POST", QStringLiteral("/zones"), compact(body), false});
}

PowerDnsCall *PowerDnsClient::deleteZone(const QString &zone)
{
    // Deleting twice ends in 404 the second time, which the caller reads as done.
    return send({"DELETE", zonePath(zone), {}, true});
}

PowerDnsCall *PowerDnsClient::patchRrsets(const QString &zone, const QList<PowerDnsRrset> &rrsets)
{
    QJsonArray list;
    for (const PowerDnsRrset &r : rrsets)
        list.append(r.toJson());
    return send({"PATCH", zonePath(zone), compact(QJsonObject{{QStringLiteral("rrsets"), list}}), true});
}

PowerDnsCall *PowerDnsClient::exportZone(const QString &zone)
{
    return send({"GET", zonePath(zone) + QStringLiteral("/export"), {}, true});
}

PowerDnsCall *PowerDnsClient::cryptokeys(const QString &zone)
{
    return send({"GET", zonePath(zone) + QStringLiteral("/cryptokeys"), {}, true});
}

PowerDnsCall *PowerDnsClient::addCsk(const QString &zone)
{
    const QJsonObject body{{QStringLiteral("keytype"), QStringLiteral("csk")},
                           {QStringLiteral("active"), true},
                           {QStringLiteral("algorithm"), QStringLiteral("ECDSAP256SHA256")}};
    return send({"POST", zonePath(zone) + QStringLiteral("/cryptokeys"), compact(body), false});
}

PowerDnsCall *PowerDnsClient::deleteCryptokey(const QString &zone, qint64 keyId)
{
    return send({"DELETE", zonePath(zone) + QStringLiteral("/cryptokeys/%1").arg(keyId), {}, true});
}

PowerDnsCall *PowerDnsClient::setZoneDnssec(const QString &zone, bool dnssec)
{
    return send({"PUT", zonePath(zone), compact(QJsonObject{{QStringLiteral("dnssec"), dnssec}}), true});
}

PowerDnsCall *PowerDnsClient::rectify(const QString &zone)
{
    return send({"PUT", zonePath(zone) + QStringLiteral("/rectify"), {}, true});
}

} // namespace mp
