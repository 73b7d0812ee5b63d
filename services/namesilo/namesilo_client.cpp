#include "namesilo/namesilo_client.h"

#include <QNetworkAccessManager>

namespace mp {

namespace {

void addNameservers(FormPairs &params, const QStringList &nameservers)
{
    for (int i = 0; i < nameservers.size() && i < 13; ++i)
        params.add(QStringLiteral("ns%1").arg(i + 1), nameservers.at(i));
}

void addDs(FormPairs &params, const NamesiloDsRecord &ds)
{
    params.add(QStringLiteral("digest"), ds.digest);
    params.add(QStringLiteral("keyTag"), ds.keyTag);
    params.add(QStringLiteral("digestType"), ds.digestType);
    params.add(QStringLiteral("alg"), ds.algorithm);
}

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

} // namespace

void NamesiloContact::addTo(FormPairs &params) const
{
    const QList<QPair<const char *, const QString *>> fields{
        {"fn", &firstName}, {"ln", &lastName}, {"cp", &company}, {"ad", &address},
        {"ad2", &address2}, {"cy", &city},     {"st", &state},   {"zp", &postalCode},
        {"ct", &country},   {"em", &email},    {"ph", &phone}};
    for (const auto &[key, value] : fields) {
        if (!value->isEmpty())
            params.add(QLatin1String(key), *value);
    }
}

NamesiloClient::NamesiloClient(NamesiloSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
}

NamesiloCall *NamesiloClient::send(const QString &operation, FormPairs params, bool repeatable)
{
    NamesiloCall *call = nullptr;
    if (auto valid = m_settings.validate(); !valid)
        call = new NamesiloCall(valid.error(), this);
    else
        call = new NamesiloCall(m_network, m_settings,
                                NamesiloCall::Request{operation, std::move(params), repeatable}, this);
    call->start();
    return call;
}

FormPairs NamesiloClient::domainParam(const QString &domain)
{
    FormPairs params;
    params.add(QStringLiteral("domain"), domain);
    return params;
}

NamesiloCall *NamesiloClient::checkRegisterAvailability(const QStringList &domains)
{
    FormPairs params;
    params.add(QStringLiteral("domains"), domains.mid(0, kMaxAvailabilityNames).join(u','));
    return send(QStringLiteral("checkRegisterAvailability"), params, true);
}

NamesiloCall *NamesiloClient::registerDomain(const NamesiloOrder &order)
{
    FormPairs params = domainParam(order.domain);
    params.add(QStringLiteral("years"), order.years);
    if (!order.paymentId.isEmpty())
        params.add(QStringLiteral("payment_id"), order.paymentId);
    params.add(QStringLiteral("private"), flag(order.privacy));
    params.add(QStringLiteral("auto_renew"), flag(order.autoRenew));
    addNameservers(params, order.nameservers);
    order.contact.addTo(params);
    return send(QStringLiteral("registerDomain"), params, false);
}

NamesiloCall *NamesiloClient::renewDomain(const QString &domain, int years)
{
    FormPairs params = domainParam(domain);
    params.add(QStringLiteral("years"), years);
    return send(QStringLiteral("renewDomain"), params, false);
}

NamesiloCall *NamesiloClient::transferDomain(const NamesiloOrder &order)
{
    FormPairs params = domainParam(order.domain);
    params.add(QStringLiteral("auth"), order.authCode);
    if (!order.paymentId.isEmpty())
        params.add(QStringLiteral("payment_id"), order.paymentId);
    params.add(QStringLiteral("private"), flag(order.privacy));
    params.add(QStringLiteral("auto_renew"), flag(order.autoRenew));
    order.contact.addTo(params);
    return send(QStringLiteral("transferDomain"), params, false);
}

NamesiloCall *NamesiloClient::checkTransferStatus(const QString &domain)
{
    return send(QStringLiteral("checkTransferStatus"), domainParam(domain), true);
}

NamesiloCall *NamesiloClient::getDomainInfo(const QString &domain)
{
    return send(QStringLiteral("getDomainInfo"), domainParam(domain), true);
}

NamesiloCall *NamesiloClient::listDomains(int page, int pageSize)
{
    FormPairs params;
    if (page > 0)
        params.add(QStringLiteral("page"), page);
    if (pageSize > 0)
        params.add(QStringLiteral("pageSize"), pageSize);
    return send(QStringLiteral("listDomains"), params, true);
}

NamesiloCall *NamesiloClient::changeNameServers(const QString &domain, const QStringList &nameservers)
{
    FormPairs params = domainParam(domain);
    addNameservers(params, nameservers);
    return send(QStringLiteral("changeNameServers"), params, true);
}

NamesiloCall *NamesiloClient::retrieveAuthCode(const QString &domain)
{
    // Namesilo mails the code to the registrant: once per request, not retried.
    return send(QStringLiteral("retrieveAuthCode"), domainParam(domain), false);
}

NamesiloCall *NamesiloClient::setLocked(const QString &domain, bool locked)
{
    return send(locked ? QStringLiteral("domainLock") : QStringLiteral("domainUnlock"), domainParam(domain),
                true);
}

NamesiloCall *NamesiloClient::addPrivacy(const QString &domain)
{
    return send(QStringLiteral("addPrivacy"), domainParam(domain), true);
}

NamesiloCall *NamesiloClient::contactAdd(const NamesiloContact &contact)
{
    FormPairs params;
    contact.addTo(params);
    return send(QStringLiteral("contactAdd"), params, false);
}

NamesiloCall *NamesiloClient::contactUpdate(const QString &contactId, const NamesiloContact &contact)
{
    FormPairs params;
    params.add(QStringLiteral("contact_id"), contactId);
    contact.addTo(params);
    return send(QStringLiteral("contactUpdate"), params, true);
}

NamesiloCall *NamesiloClient::dnsSecAddRecord(const QString &domain, const NamesiloDsRecord &ds)
{
    FormPairs params = domainParam(domain);
    addDs(params, ds);
    return send(QStringLiteral("dnsSecAddRecord"), params, true);
}

NamesiloCall *NamesiloClient::dnsSecDeleteRecord(const QString &domain, const NamesiloDsRecord &ds)
{
    FormPairs params = domainParam(domain);
    addDs(params, ds);
    return send(QStringLiteral("dnsSecDeleteRecord"), params, true);
}

NamesiloCall *NamesiloClient::getPrices()
{
    return send(QStringLiteral("getPrices"), {}, true);
}

} // namespace mp
