#pragma once

#include "core/result.h"
#include "http/http_message.h"

#include <QDate>
#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace mp::test {

class NamesiloEmulatorServer;

// An in-process stand-in for Namesilo's API, over HTTP on loopback, speaking its wire format for
// the operations mPanel uses (namesilo.md sections 1 to 4):
//   GET /api/<operation> and /apibatch/<operation> with version=1, type=xml|json and key=...
//   as query parameters; HTTP 200 for every API outcome, the <namesilo><request><reply> envelope
//   (JSON: {"request":..,"reply":..}, a repeated element one object or an array, as Namesilo
//   does), reply codes 102-110 and 120 for a bad request, 300 on success;
//   domains kept in memory, so checkRegisterAvailability, registerDomain, getDomainInfo and
//   listDomains agree; a second registerDomain gives 261, bad years 263, an unknown TLD 267;
//   order_amount from the price table getPrices serves; 301 for an invalid name server host and
//   302 for an incomplete inline contact; transfers that complete when the test says so (or
//   after a number of status checks); switches for "insufficient funds" (119) and "registry
//   down" (115), and any operation failing with a chosen code, or carried out with its answer
//   lost (the connection closes).
class NamesiloEmulator : public QObject {
    Q_OBJECT
public:
    struct Domain {
        QString name;
        QDate created, expires;
        QString status = QStringLiteral("Active");
        bool locked = true;
        bool privacy = false;
        bool autoRenew = false;
        QStringList nameservers;
        QStringList dsRecords; // "keyTag alg digestType digest"
        QString authCode;
        QHash<QString, QString> contact; // the inline contact fields as registered
    };
    struct Transfer {
        QString domain;
        QString authCode;
        QString status = QStringLiteral("Pending");
        int checksUntilComplete = -1; // -1: until completeTransfer()
    };
    struct Price {
        QString registration, renew, transfer;
    };
    struct RecordedRequest {
        QString path; // "/apibatch/registerDomain"
        QString operation;
        QUrlQuery query;
    };

    explicit NamesiloEmulator(QObject *parent = nullptr);
    ~NamesiloEmulator() override;

    Result<quint16> start(const QString &hostPort = QStringLiteral("127.0.0.1:0"));
    QUrl baseUrl() const; // http://127.0.0.1:PORT/api

    // Only this key is accepted (default "namesilo-test-key").
    void setApiKey(const QString &key) { m_apiKey = key; }
    QString apiKey() const { return m_apiKey; }

    // Availability rules: a name registered elsewhere (unavailable, cannot be registered here).
    void setTaken(const QString &name) { m_taken.insert(name.toLower()); }
    void setPremium(const QString &name, const QString &price) { m_premium.insert(name.toLower(), price); }
    void setPrice(const QString &tld, const Price &price) { m_prices.insert(tld, price); }
    // A domain already in the account (as if registered earlier).
    void addDomain(const Domain &domain) { m_domains.insert(domain.name, domain); }
    Domain domain(const QString &name) const { return m_domains.value(name.toLower()); }
    bool hasDomain(const QString &name) const { return m_domains.contains(name.toLower()); }

    // The next `count` calls of `operation` answer `code` with `detail` and do nothing.
    void failNext(const QString &operation, int code, const QString &detail = {}, int count = 1);
    // The next call of `operation` is carried out, then the connection closes without an answer.
    void loseAnswerNext(const QString &operation);
    void setInsufficientFunds(bool on) { m_insufficientFunds = on; }
    void setRegistryDown(bool on) { m_registryDown = on; }

    void completeTransfer(const QString &name);
    Transfer transfer(const QString &name) const { return m_transfers.value(name.toLower()); }

    // How many times an operation reached the emulator (faults included) / was carried out.
    int requestCount(const QString &operation) const;
    int performedCount(const QString &operation) const { return m_performed.value(operation); }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    friend class NamesiloEmulatorServer;
    struct Node;
    struct Answer;

    HttpResponse handle(const HttpRequest &request);
    Answer perform(const QString &operation, const QUrlQuery &query);
    Answer checkAvailability(const QUrlQuery &query);
    Answer registerDomain(const QUrlQuery &query);
    Answer renewDomain(const QUrlQuery &query);
    Answer transferDomain(const QUrlQuery &query);
    Answer checkTransferStatus(const QUrlQuery &query);
    Answer domainInfo(const QUrlQuery &query);
    Answer listDomains(const QUrlQuery &query);
    Answer changeNameServers(const QUrlQuery &query);
    Answer lock(const QUrlQuery &query, bool locked);
    Answer retrieveAuthCode(const QUrlQuery &query);
    Answer addPrivacy(const QUrlQuery &query);
    Answer contactAdd(const QUrlQuery &query);
    Answer dnsSec(const QUrlQuery &query, bool add);
    Answer prices(const QUrlQuery &query);

    QString tldOf(const QString &name) const;
    bool validName(const QString &name) const;

    std::unique_ptr<NamesiloEmulatorServer> m_server;
    QHostAddress m_host{QHostAddress::LocalHost};
    quint16 m_port = 0;
    QString m_apiKey = QStringLiteral("namesilo-test-key");
    QMap<QString, Domain> m_domains;
    QMap<QString, Transfer> m_transfers;
    QSet<QString> m_taken;
    QHash<QString, QString> m_premium;
    QMap<QString, Price> m_prices;
    struct Fault {
        int code = 0;
        QString detail;
        bool loseAnswer = false;
    };
    QHash<QString, QList<Fault>> m_faults;
    bool m_insufficientFunds = false;
    bool m_registryDown = false;
    QList<RecordedRequest> m_requests;
    QHash<QString, int> m_performed;
    int m_nextContactId = 1000;
};

} // namespace mp::test
