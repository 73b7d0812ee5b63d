#pragma once

#include "namesilo/namesilo_call.h"
#include "namesilo/namesilo_settings.h"

#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace mp {

// A registrant as Namesilo's inline contact fields take it (fn, ln, ad, cy, st, zp, ct, em, ph, cp).
struct NamesiloContact {
    QString firstName, lastName, company;
    QString address, address2, city, state, postalCode;
    QString country; // ISO 3166 alpha-2
    QString email, phone;

    bool isEmpty() const { return email.isEmpty() && lastName.isEmpty(); }
    void addTo(FormPairs &params) const;
};

struct NamesiloOrder {
    QString domain;
    int years = 1;
    QStringList nameservers; // ns1..ns13; empty: Namesilo's own
    NamesiloContact contact; // empty: the account's default contact profile
    QString authCode;        // transfers: the EPP code
    bool privacy = false;
    bool autoRenew = false;
    QString paymentId; // a verified card profile; empty: account funds
};

// DS data for dnsSecAddRecord / dnsSecDeleteRecord.
struct NamesiloDsRecord {
    int keyTag = 0;
    int algorithm = 0;
    int digestType = 0;
    QString digest;
};

// Namesilo's API subset mPanel uses (namesilo.md section 3), one account per client, on
// QNetworkAccessManager's asynchronous API. Every method returns a started call (a child of the
// client). Reads and changes that land on the same state when repeated are retried; register,
// renew, transfer and contactAdd are sent once: a lost answer is reported as unknown and the
// caller looks (getDomainInfo) before sending again.
//
// Threads: a client and its calls belong to the thread that made it, which runs an event loop; a
// job-engine worker uses runNamesiloCall() (namesilo_blocking.h).
class NamesiloClient : public QObject {
    Q_OBJECT
public:
    // Namesilo takes at most this many names in one availability check.
    static constexpr int kMaxAvailabilityNames = 200;

    explicit NamesiloClient(NamesiloSettings settings, QObject *parent = nullptr);

    const NamesiloSettings &settings() const { return m_settings; }

    NamesiloCall *checkRegisterAvailability(const QStringList &domains);
    NamesiloCall *registerDomain(const NamesiloOrder &order);
    NamesiloCall *renewDomain(const QString &domain, int years);
    NamesiloCall *transferDomain(const NamesiloOrder &order);
    NamesiloCall *checkTransferStatus(const QString &domain);
    NamesiloCall *getDomainInfo(const QString &domain);
    NamesiloCall *listDomains(int page = 0, int pageSize = 0);
    NamesiloCall *changeNameServers(const QString &domain, const QStringList &nameservers);
    NamesiloCall *retrieveAuthCode(const QString &domain);
    NamesiloCall *setLocked(const QString &domain, bool locked); // domainLock / domainUnlock
    NamesiloCall *addPrivacy(const QString &domain);
    NamesiloCall *contactAdd(const NamesiloContact &contact);
    NamesiloCall *contactUpdate(const QString &contactId, const NamesiloContact &contact);
    NamesiloCall *dnsSecAddRecord(const QString &domain, const NamesiloDsRecord &ds);
    NamesiloCall *dnsSecDeleteRecord(const QString &domain, const NamesiloDsRecord &ds);
    NamesiloCall *getPrices();

private:
    NamesiloCall *send(const QString &operation, FormPairs params, bool repeatable);
    static FormPairs domainParam(const QString &domain);

    NamesiloSettings m_settings;
    QNetworkAccessManager *m_network;
};

} // namespace mp
