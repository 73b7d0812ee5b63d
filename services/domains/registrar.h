#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp::domains {

// What a registrar says about one name in an availability check.
struct Availability {
    enum class State { Available, Taken, Invalid };
    QString name;
    State state = State::Taken;
    bool premium = false;
    QString registrarPrice; // the registrar's cost as it gave it (decimal, its currency); staff only
};

// A domain as the registrar holds it in the tenant's account.
struct RegistrarDomain {
    QString name;
    QDate created, expires;
    QString status; // the registrar's words: "Active", "Expired", ...
    bool locked = false;
    bool privacy = false;
    bool autoRenew = false;
    QStringList nameservers; // lower case, no trailing dot
};

// The registrant as the registry gets it (from the customer's record).
struct Registrant {
    QString firstName, lastName, company;
    QString address, address2, city, region, postalCode, country;
    QString email, phone;
};

struct DomainOrder {
    QString name;
    int years = 1;
    QStringList nameservers;
    Registrant registrant;
    QString authCode; // transfers
    bool privacy = false;
    bool autoRenew = false;
};

struct TransferState {
    enum class Phase { Pending, Completed, Failed };
    Phase phase = Phase::Pending;
    QString message; // the registrar's words
};

struct DsRecord {
    int keyTag = 0;
    int algorithm = 0;
    int digestType = 0;
    QString digest;

    // From PowerDNS's DS text: "12345 13 2 ABCD...".
    static std::optional<DsRecord> parse(const QString &text);
};

// One TLD's registrar cost (decimal strings in the registrar's currency).
struct RegistrarPrice {
    QString tld;
    QString registration, renew, transfer;
};

// A registrar as the domains module uses it: blocking calls for job-engine workers and pooled
// request handlers (never the main thread). Errors are values with three codes that matter to
// callers: domains_not_at_registrar (the name is not in this account), domains_registrar_unavailable
// (try again later: transport, timeouts, "registry not responding", an answer lost after a
// mutation; look before repeating one), and domains_registrar_refused (the registrar's own words;
// asking again will not help). A second registrar is another implementation of this interface,
// picked by registrarFor() (registrar_accounts.h); billing and the jobs never see which.
class Registrar {
public:
    virtual ~Registrar() = default;

    virtual QString id() const = 0; // "namesilo"
    // At most maxAvailabilityNames() names per call; the answer has one entry per name asked.
    virtual int maxAvailabilityNames() const = 0;
    virtual Result<QList<Availability>> checkAvailability(const QStringList &names) = 0;
    virtual Result<RegistrarDomain> domainInfo(const QString &name) = 0;
    // Names in the account (paging is the registrar's business).
    virtual Result<QList<RegistrarDomain>> listDomains() = 0;
    // Not safe to repeat: after domains_registrar_unavailable, ask domainInfo() first.
    virtual Status registerDomain(const DomainOrder &order) = 0;
    virtual Status renew(const QString &name, int years) = 0;
    virtual Status transfer(const DomainOrder &order) = 0;
    virtual Result<TransferState> transferStatus(const QString &name) = 0;
    virtual Status setNameservers(const QString &name, const QStringList &nameservers) = 0;
    virtual Status setLocked(const QString &name, bool locked) = 0;
    // The registrar sends the code to the registrant's e-mail.
    virtual Status requestAuthCode(const QString &name) = 0;
    virtual Status addDs(const QString &name, const DsRecord &ds) = 0;
    virtual Status removeDs(const QString &name, const DsRecord &ds) = 0;
    virtual Result<QList<RegistrarPrice>> prices() = 0;
};

} // namespace mp::domains
