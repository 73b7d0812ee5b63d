// Email hosting end to end with real servers: the REST API and the job engine in process, a real
// Dovecot and Postfix on loopback (tests/servers/mail-servers) reading the mail_host_* views as
// their own reader login, and a real PowerDNS (tests/support/pdns_server) serving the domain's
// MX, SPF, DKIM and DMARC. A mailbox made through the API logs in over IMAP and receives mail
// over SMTP (directly, through an alias and through the catch-all); a wrong or old password, a
// disabled or deleted mailbox cannot log in; plan limits hold, customers keep to their own. Mail a
// mailbox submits (SASL) is held over its hourly sending limit (announced once for the Guardian)
// and is DKIM-signed by the host with the key the real PowerDNS publishes; the DNS health check
// compares what PowerDNS serves with what mPanel published.
#include "module/domain_events.h"
#include "support/dns_test_engine.h"
#include "support/mail_servers.h"
#include "support/pdns_server.h"
#include "support/service_fixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent>

using namespace mp;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// dig prints a long TXT record as several quoted strings: one string, quotes gone.
QString txtText(const QString &answer)
{
    QString text = answer;
    text.replace(QLatin1String("\" \""), QString());
    text.remove(u'"');
    return text;
}

} // namespace

class TestMail : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    test::PdnsServer m_pdns;
    test::MailServers m_mail;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_reader, m_readerPassword;
    QString m_aliceToken, m_alice, m_bobToken, m_bob;
    QString m_infoId;
    // mail.sending_limit_exceeded as a listener (the Guardian) hears it, from the engine's threads.
    QList<events::DomainEvent> m_announced;
    QMutex m_announcedMutex;

    QString waitForJob(qint64 id)
    {
        QString status;
        for (int waited = 0; waited < 30000; waited += 25) {
            status = m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"), {id});
            if (status == QLatin1String("completed") || status == QLatin1String("dead"))
                return status;
            QTest::qWait(25);
        }
        return QStringLiteral("still ") + status;
    }

    // Every DNS sync queued so far has run.
    bool dnsSynced()
    {
        for (int waited = 0; waited < 30000; waited += 25) {
            if (m_api.scalar(
                    QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'dns.sync_zone' AND status::text "
                                   "NOT IN ('completed', 'dead')")) == 0)
                return m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'dns.sync_zone' "
                                                   "AND status::text = 'dead'")) == 0;
            QTest::qWait(25);
        }
        return false;
    }

    QString createMailbox(const QString &token, const QString &domain, const QString &local,
                          const QString &password)
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/mail/domains/%1/mailboxes").arg(domain), token,
                       {{QStringLiteral("local_part"), local}, {QStringLiteral("password"), password}});
        if (r.status != 201)
            qWarning("mailbox %s: %d %s", qPrintable(local), r.status, r.body.constData());
        return str(r.json(), "id");
    }

    // Changes a record set on the PowerDNS server itself, behind mPanel's back.
    void replaceOnServer(const QString &name, const QString &type, const QString &content)
    {
        const QJsonObject patch{
            {QStringLiteral("rrsets"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), name + u'.'},
                                    {QStringLiteral("type"), type},
                                    {QStringLiteral("ttl"), 300},
                                    {
                                        QStringLiteral("changetype"),
                                        QStringLiteral("REPLACE"),
                                    },
                                    {QStringLiteral("records"),
                                     QJsonArray{QJsonObject{{QStringLiteral("content"), content},
                                                            {QStringLiteral("disabled"), false}}}}}}}};
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sf"), QStringLiteral("-X"), QStringLiteral("PATCH"),
                    QStringLiteral("-H"), QStringLiteral("X-API-Key: ") + m_pdns.apiKey(),
                    QStringLiteral("--data-binary"),
                    QString::fromUtf8(QJsonDocument(patch).toJson(QJsonDocument::Compact)),
                    m_pdns.apiBase() + QStringLiteral("/api/v1/servers/localhost/zones/shop.test.")});
        QVERIFY(curl.waitForFinished(20000));
        QCOMPARE(curl.exitCode(), 0);
    }

    static QJsonObject recordOf(const QJsonObject &health, const QString &record)
    {
        for (const QJsonValue &v : health.value(QStringLiteral("records")).toArray()) {
            if (v.toObject().value(QStringLiteral("record")).toString() == record)
                return v.toObject();
        }
        return {};
    }

    QStringList dkimTxt(const QString &selector, const QString &domain)
    {
        QStringList out;
        for (const QString &line :
             m_pdns.dig(selector + QStringLiteral("._domainkey.") + domain, QStringLiteral("TXT")))
            out << txtText(line);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        qputenv("MPANEL_POWERDNS_TIMEOUT_MS", "3000");
        qputenv("MPANEL_POWERDNS_RETRY_DELAY_MS", "20");
        const Status dns = m_pdns.start();
        QVERIFY2(dns.ok(), qPrintable(dns.error().message));
        // Handlers on their own threads and connections, as in production: creations race for real.
        m_api.setWorkerThreads(4);
        m_api.start(QStringLiteral("mail"));
        m_tenant = m_api.tenant(QStringLiteral("Mail Co"));
        m_staff = m_api.staffToken(m_tenant);

        auto r =
            m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                       {{QStringLiteral("name"), QStringLiteral("sandbox")},
                        {QStringLiteral("api_base"), m_pdns.apiBase()},
                        {QStringLiteral("api_key"), m_pdns.apiKey()},
                        {QStringLiteral("dns_address"), QStringLiteral("127.0.0.1:%1").arg(m_pdns.dnsPort())},
                        {QStringLiteral("mode"), QStringLiteral("sandbox")}});
        QCOMPARE(r.status, 201);
        r = m_api.call("PUT", QStringLiteral("/api/dns/settings"), m_staff,
                       {{QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.mailco.test")}}});
        QCOMPARE(r.status, 200);

        // The mail host's own login: a member of mpanel_mail_reader, nothing more.
        m_reader = test::uniqueLogin(QStringLiteral("mailhost"));
        m_readerPassword = QUuid::createUuid().toString(QUuid::Id128);
        m_api.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE mpanel_mail_reader")
                       .arg(m_reader, m_readerPassword));
        const Status mail = m_mail.start(m_api.settings(), m_reader, m_readerPassword);
        QVERIFY2(mail.ok(), qPrintable(mail.error().message));

        events::DomainEvents::listen(
            QStringLiteral("tst_mail"), events::MailSendingLimitExceeded,
            [this](TenantTransaction &, const events::DomainEvent &e, const QDateTime &) {
                QMutexLocker lock(&m_announcedMutex);
                m_announced << e;
                return Status();
            });
        m_engine = test::startDnsTestEngine(m_api.settings());
        QVERIFY(m_engine);

        auto alice = m_api.signUp(m_tenant, QStringLiteral("Alice"), QStringLiteral("alice@example.com"));
        m_aliceToken = alice.first;
        m_alice = alice.second;
        auto bob = m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@example.com"));
        m_bobToken = bob.first;
        m_bob = bob.second;
    }

    void cleanupTestCase() { test::stopTestEngine(m_engine); }

    void hostIsRegisteredByStaffOnly()
    {
        const QJsonObject host{{QStringLiteral("name"), QStringLiteral("mx1")},
                               {QStringLiteral("mx_host"), QStringLiteral("mx1.mailco.test")},
                               {QStringLiteral("reader_login"), m_reader},
                               {QStringLiteral("mail_root"), m_mail.mailRoot()}};
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/mail/hosts"), m_aliceToken, host).status, 403);
        QJsonObject bad = host;
        bad.insert(QStringLiteral("mail_root"), QStringLiteral("relative/dir"));
        auto r = m_api.call("POST", QStringLiteral("/api/mail/hosts"), m_staff, bad);
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("mail_root"));

        r = m_api.call("POST", QStringLiteral("/api/mail/hosts"), m_staff, host);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("is_default")).toBool(), true);
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/mail/hosts"), m_staff, host).status, 409);
    }

    void domainGetsItsDnsRecords()
    {
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("Shop.Test")},
                         {QStringLiteral("customer_id"), m_alice},
                         {QStringLiteral("max_mailboxes"), 3},
                         {QStringLiteral("max_quota_mb"), 2048}};
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/mail/domains"), m_aliceToken, body).status, 403);
        auto r = m_api.call("POST", QStringLiteral("/api/mail/domains"), m_staff,
                            {{QStringLiteral("name"), QStringLiteral("not a domain")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("name"));

        r = m_api.call("POST", QStringLiteral("/api/mail/domains"), m_staff, body);
        QCOMPARE(r.status, 201);
        const QJsonObject domain = r.json();
        QCOMPARE(str(domain, "name"), QStringLiteral("shop.test"));
        QCOMPARE(str(domain, "mx_host"), QStringLiteral("mx1.mailco.test"));
        const QString selector = str(domain, "dkim_selector");
        const QString publicKey = str(domain, "dkim_public_key");
        QVERIFY(!selector.isEmpty());
        QVERIFY(publicKey.size() > 300); // RSA 2048 SubjectPublicKeyInfo, base64
        QVERIFY(!r.body.contains("PRIVATE KEY"));
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/mail/domains"), m_staff, body).status, 409);

        QVERIFY(dnsSynced());
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("MX")),
                 QStringList{QStringLiteral("10 mx1.mailco.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("TXT")),
                 QStringList{QStringLiteral("\"v=spf1 mx -all\"")});
        QCOMPARE(m_pdns.dig(QStringLiteral("_dmarc.shop.test"), QStringLiteral("TXT")),
                 QStringList{QStringLiteral("\"v=DMARC1; p=quarantine; adkim=r; aspf=r\"")});
        QCOMPARE(dkimTxt(selector, QStringLiteral("shop.test")),
                 QStringList{QStringLiteral("v=DKIM1; k=rsa; p=") + publicKey});

        // The private key the host signs with belongs to the published public key.
        const QString pem = m_api.text(
            QStringLiteral("SELECT private_key FROM mail_dkim_keys WHERE selector = ?"), {selector});
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-pubout"),
                                                  QStringLiteral("-outform"), QStringLiteral("DER")});
        openssl.write(pem.toLatin1());
        openssl.closeWriteChannel();
        QVERIFY(openssl.waitForFinished(10000));
        QCOMPARE(QString::fromLatin1(openssl.readAllStandardOutput().toBase64()), publicKey);

        // A DMARC policy change is published again.
        r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken,
                       {{QStringLiteral("dmarc_policy"), QStringLiteral("reject")}});
        QCOMPARE(r.status, 200);
        QVERIFY(dnsSynced());
        QCOMPARE(m_pdns.dig(QStringLiteral("_dmarc.shop.test"), QStringLiteral("TXT")),
                 QStringList{QStringLiteral("\"v=DMARC1; p=reject; adkim=r; aspf=r\"")});
    }

    void dnsHealthComparesTheServedRecords()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/dns-check"), m_bobToken);
        QCOMPARE(r.status, 404);
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/dns-check"), m_aliceToken);
        QCOMPARE(r.status, 200);
        QJsonObject health = r.json();
        QVERIFY2(health.value(QStringLiteral("ok")).toBool(), r.body.constData());
        QCOMPARE(health.value(QStringLiteral("records")).toArray().size(), 4);
        for (const char *record : {"MX", "SPF", "DKIM", "DMARC"})
            QVERIFY2(recordOf(health, QLatin1String(record)).value(QStringLiteral("ok")).toBool(), record);
        QCOMPARE(recordOf(health, QStringLiteral("MX"))
                     .value(QStringLiteral("found"))
                     .toObject()
                     .value(QStringLiteral("sandbox"))
                     .toArray(),
                 QJsonArray{QStringLiteral("10 mx1.mailco.test.")});

        // Someone changes the MX on the server itself: the check says so, and what to put back.
        replaceOnServer(QStringLiteral("shop.test"), QStringLiteral("MX"),
                        QStringLiteral("10 other.example."));
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/dns-check"), m_staff);
        QCOMPARE(r.status, 200);
        health = r.json();
        QCOMPARE(health.value(QStringLiteral("ok")).toBool(), false);
        const QJsonObject mx = recordOf(health, QStringLiteral("MX"));
        QCOMPARE(mx.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(mx.value(QStringLiteral("found")).toObject().value(QStringLiteral("sandbox")).toArray(),
                 QJsonArray{QStringLiteral("10 other.example.")});
        QVERIFY2(mx.value(QStringLiteral("fix")).toString().contains(QLatin1String("10 mx1.mailco.test.")),
                 qPrintable(mx.value(QStringLiteral("fix")).toString()));
        QVERIFY(recordOf(health, QStringLiteral("SPF")).value(QStringLiteral("ok")).toBool());
        // Stored on the domain, for the console and the customer's next look.
        r = m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken);
        QCOMPARE(
            r.json().value(QStringLiteral("dns_health")).toObject().value(QStringLiteral("ok")).toBool(true),
            false);

        replaceOnServer(QStringLiteral("shop.test"), QStringLiteral("MX"),
                        QStringLiteral("10 mx1.mailco.test."));
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/dns-check"), m_aliceToken);
        QVERIFY2(r.json().value(QStringLiteral("ok")).toBool(), r.body.constData());
    }

    void readerLoginSeesOnlyTheViews()
    {
        ConnectionSettings reader = m_api.settings();
        reader.user = m_reader;
        reader.password = m_readerPassword;
        QSqlDatabase db = test::openDatabase(reader, QStringLiteral("mail-reader"));
        QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
        {
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("SELECT domain FROM mail_host_domains")),
                     qPrintable(q.lastError().text()));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("shop.test"));
            for (const char *table :
                 {"mail_domains", "mail_mailboxes", "mail_dkim_keys", "customers", "jobs"}) {
                QVERIFY2(!q.exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(QLatin1String(table))),
                         table);
                QVERIFY(q.lastError().text().contains(QLatin1String("permission denied")));
            }
        }
        db.close();
    }

    void mailboxLogsInOverImap()
    {
        m_infoId = createMailbox(m_aliceToken, QStringLiteral("shop.test"), QStringLiteral("Info"),
                                 QStringLiteral("first password 1"));
        QVERIFY(!m_infoId.isEmpty());
        QVERIFY(m_api
                    .text(QStringLiteral("SELECT password_hash FROM mail_mailboxes WHERE id = ?::uuid"),
                          {m_infoId})
                    .startsWith(QLatin1String("{ARGON2ID}$argon2id$")));
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("first password 1")),
                 QStringLiteral("OK"));
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("wrong password 1")),
                 QStringLiteral("NO"));
        QCOMPARE(m_mail.login(QStringLiteral("ghost@shop.test"), QStringLiteral("first password 1")),
                 QStringLiteral("NO"));

        // Refusals name the field and store nothing.
        auto r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_aliceToken,
                            {{QStringLiteral("local_part"), QStringLiteral("short")},
                             {QStringLiteral("password"), QStringLiteral("abc")}});
        QVERIFY(r.status == 422 || r.status == 400);
        QCOMPARE(test::errorField(r), QStringLiteral("password"));
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_aliceToken,
                       {{QStringLiteral("local_part"), QStringLiteral("bad local")},
                        {QStringLiteral("password"), QStringLiteral("a fine password")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("local_part"));
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_aliceToken,
                       {{QStringLiteral("local_part"), QStringLiteral("info")},
                        {QStringLiteral("password"), QStringLiteral("a fine password")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_mailboxes")), 1);
    }

    void smtpDeliversToMailboxAliasAndCatchAll()
    {
        const QString password = QStringLiteral("first password 1");
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("info@shop.test"),
                             QStringLiteral("direct-1")),
                 QStringLiteral("sent"));
        QCOMPARE(m_mail.count(QStringLiteral("info@shop.test"), password, QStringLiteral("direct-1")), 1);

        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("ghost@shop.test"),
                             QStringLiteral("nobody")),
                 QStringLiteral("refused 550"));
        // Nothing leaves the test host: the relay transport is an error.
        QVERIFY(m_mail
                    .send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("someone@other.test"),
                          QStringLiteral("relay"))
                    .startsWith(QLatin1String("refused 5")));

        auto r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/aliases"), m_aliceToken,
                            {{QStringLiteral("local_part"), QStringLiteral("sales")},
                             {QStringLiteral("destinations"), QJsonArray{QStringLiteral("Info@Shop.Test")}}});
        QCOMPARE(r.status, 201);
        const QString alias = str(r.json(), "id");
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("sales@shop.test"),
                             QStringLiteral("via-alias")),
                 QStringLiteral("sent"));
        QCOMPARE(m_mail.count(QStringLiteral("info@shop.test"), password, QStringLiteral("via-alias")), 1);
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/aliases"), m_aliceToken,
                       {{QStringLiteral("local_part"), QStringLiteral("x")},
                        {QStringLiteral("destinations"), QJsonArray{QStringLiteral("not-an-address")}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("destinations[0]"));

        r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken,
                       {{QStringLiteral("catch_all"), QStringLiteral("info@shop.test")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("ghost@shop.test"),
                             QStringLiteral("via-catch-all")),
                 QStringLiteral("sent"));
        QCOMPARE(m_mail.count(QStringLiteral("info@shop.test"), password, QStringLiteral("via-catch-all")),
                 1);
        r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken,
                       {{QStringLiteral("catch_all"), QJsonValue()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("ghost@shop.test"),
                             QStringLiteral("nobody-again")),
                 QStringLiteral("refused 550"));

        // What the host's quota counts of the delivered mail.
        r = m_api.call("GET", QStringLiteral("/api/mail/mailboxes/%1").arg(m_infoId), m_aliceToken);
        QVERIFY2(r.json().value(QStringLiteral("used_bytes")).toInteger() > 0, r.body.constData());

        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/mail/aliases/%1").arg(alias), m_bobToken).status,
                 404);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/mail/aliases/%1").arg(alias), m_aliceToken).status,
                 200);
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("sales@shop.test"),
                             QStringLiteral("alias-gone")),
                 QStringLiteral("refused 550"));
    }

    void passwordChangeAndDisable()
    {
        const QString path = QStringLiteral("/api/mail/mailboxes/%1").arg(m_infoId);
        auto r = m_api.call("PATCH", path, m_aliceToken,
                            {{QStringLiteral("password"), QStringLiteral("second pass 22")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("first password 1")),
                 QStringLiteral("NO"));
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("second pass 22")),
                 QStringLiteral("OK"));

        r = m_api.call("PATCH", path, m_aliceToken, {{QStringLiteral("enabled"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("second pass 22")),
                 QStringLiteral("NO"));
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("info@shop.test"),
                             QStringLiteral("while-disabled")),
                 QStringLiteral("refused 550"));

        r = m_api.call("PATCH", path, m_aliceToken, {{QStringLiteral("enabled"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("second pass 22")),
                 QStringLiteral("OK"));
    }

    void planLimitsHold()
    {
        auto r = m_api.call("PATCH", QStringLiteral("/api/mail/mailboxes/%1").arg(m_infoId), m_aliceToken,
                            {{QStringLiteral("quota_mb"), 4096}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorCode(r), QStringLiteral("mail_quota_limit"));
        QCOMPARE(test::errorField(r), QStringLiteral("quota_mb"));
        // The customer cannot raise the plan's limits.
        r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken,
                       {{QStringLiteral("max_mailboxes"), 100}});
        QCOMPARE(r.status, 403);
        QCOMPARE(test::errorField(r), QStringLiteral("max_mailboxes"));

        QVERIFY(!createMailbox(m_aliceToken, QStringLiteral("shop.test"), QStringLiteral("two"),
                               QStringLiteral("a fine password"))
                     .isEmpty());
        QVERIFY(!createMailbox(m_aliceToken, QStringLiteral("shop.test"), QStringLiteral("three"),
                               QStringLiteral("a fine password"))
                     .isEmpty());
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_aliceToken,
                       {{QStringLiteral("local_part"), QStringLiteral("four")},
                        {QStringLiteral("password"), QStringLiteral("a fine password")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorCode(r), QStringLiteral("mail_mailbox_limit"));
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_mailboxes")), 3);
    }

    void hourlySendingLimitHoldsTheNextMessage()
    {
        const auto announcedCount = [this] {
            QMutexLocker lock(&m_announcedMutex);
            return m_announced.size();
        };
        // The plan sets the limits, not the customer.
        auto r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken,
                            {{QStringLiteral("mailbox_sends_per_hour"), 1000}});
        QCOMPARE(r.status, 403);
        QCOMPARE(test::errorField(r), QStringLiteral("mailbox_sends_per_hour"));
        r = m_api.call(
            "PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_staff,
            {{QStringLiteral("mailbox_sends_per_hour"), 2}, {QStringLiteral("domain_sends_per_hour"), 50}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("mailbox_sends_per_hour")).toInt(), 2);

        const QString info = QStringLiteral("info@shop.test"),
                      infoPassword = QStringLiteral("second pass 22");
        const QString two = QStringLiteral("two@shop.test"), twoPassword = QStringLiteral("a fine password");
        QCOMPARE(m_mail.submit(info, QStringLiteral("not the password"), two, QStringLiteral("no-auth")),
                 QStringLiteral("auth refused"));
        for (const QString &subject : {QStringLiteral("limit-1"), QStringLiteral("limit-2")}) {
            QCOMPARE(m_mail.submit(info, infoPassword, two, subject), QStringLiteral("sent"));
            QCOMPARE(m_mail.count(two, twoPassword, subject), 1);
        }
        QCOMPARE(m_mail.heldCount(), 0);
        // The third message of the hour is accepted and held, not delivered.
        QCOMPARE(m_mail.submit(info, infoPassword, two, QStringLiteral("limit-3")), QStringLiteral("sent"));
        QTRY_COMPARE_WITH_TIMEOUT(m_mail.heldCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(announcedCount(), 1, 20000);
        {
            QMutexLocker lock(&m_announcedMutex);
            const events::DomainEvent &e = m_announced.first();
            QCOMPARE(e.customerId, m_alice);
            QCOMPARE(e.data.value(QStringLiteral("address")).toString(), info);
            QCOMPARE(e.data.value(QStringLiteral("limit_kind")).toString(), QStringLiteral("mailbox"));
            QCOMPARE(e.data.value(QStringLiteral("limit_per_hour")).toInt(), 2);
        }
        // The Guardian makes it a high spam_burst finding on the customer's mailbox, with a task to
        // lock the mailbox waiting for staff.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM guardian_findings WHERE kind = 'spam_burst' "
                                        "AND severity = 'high' AND account = lower(?) AND resource_type = "
                                        "'mailbox' AND customer_id = ?::uuid AND status = 'open'"),
                         {info, m_alice}),
            1, 20000);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM guardian_remediations r JOIN guardian_findings f "
                                    "ON f.id = r.finding_id WHERE f.account = lower(?) "
                                    "AND r.action = 'lock_mailbox' AND r.status = 'pending'"),
                     {info}),
                 1);
        // Another mailbox of the domain still sends.
        QCOMPARE(m_mail.submit(two, twoPassword, info, QStringLiteral("from-two")), QStringLiteral("sent"));
        QCOMPARE(m_mail.count(info, infoPassword, QStringLiteral("from-two")), 1);
        // A second held message in the hour adds to the same hold: the Guardian hears of it once.
        QCOMPARE(m_mail.submit(info, infoPassword, two, QStringLiteral("limit-4")), QStringLiteral("sent"));
        QTRY_COMPARE_WITH_TIMEOUT(m_mail.heldCount(), 2, 20000);
        r = m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test/send-holds"), m_aliceToken);
        QCOMPARE(r.status, 200);
        const QJsonArray holds = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(holds.size(), 1);
        QCOMPARE(holds.at(0).toObject().value(QStringLiteral("held")).toInt(), 2);
        QCOMPARE(holds.at(0).toObject().value(QStringLiteral("address")).toString(), info);
        QCOMPARE(
            m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test/send-holds"), m_bobToken).status,
            404);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'mail.announce_send_hold'")),
            1);
        QCOMPARE(announcedCount(), 1);
        QCOMPARE(m_mail.count(two, twoPassword, QStringLiteral("limit-3"), 0), 0);

        // Staff looked at it and released the held mail on the host: it arrives intact.
        const Status released = m_mail.releaseHeld();
        QVERIFY2(released.ok(), qPrintable(released.error().message));
        QCOMPARE(m_mail.count(two, twoPassword, QStringLiteral("limit-3"), 30), 1);
        QCOMPARE(m_mail.count(two, twoPassword, QStringLiteral("limit-4"), 30), 1);
        QCOMPARE(m_mail.heldCount(), 0);
        r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_staff,
                       {{QStringLiteral("mailbox_sends_per_hour"), QJsonValue()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_mail.submit(info, infoPassword, two, QStringLiteral("no-limit")), QStringLiteral("sent"));
        QCOMPARE(m_mail.count(two, twoPassword, QStringLiteral("no-limit")), 1);
    }

    void submittedMailIsSignedWithThePublishedKey()
    {
        const QString info = QStringLiteral("info@shop.test"),
                      infoPassword = QStringLiteral("second pass 22");
        const QString two = QStringLiteral("two@shop.test"), twoPassword = QStringLiteral("a fine password");
        const QString selector =
            str(m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test"), m_staff).json(),
                "dkim_selector");
        QCOMPARE(m_mail.submit(info, infoPassword, two, QStringLiteral("signed-1")), QStringLiteral("sent"));
        QCOMPARE(m_mail.count(two, twoPassword, QStringLiteral("signed-1"), 30), 1);
        QCOMPARE(m_mail.dkim(two, twoPassword, QStringLiteral("signed-1"), m_pdns.dnsPort()),
                 QStringLiteral("pass d=shop.test s=") + selector);

        // Mail arriving from elsewhere (port 25) is not signed by this host.
        QCOMPARE(m_mail.send(QStringLiteral("sender@elsewhere.test"), two, QStringLiteral("from-outside-1")),
                 QStringLiteral("sent"));
        QCOMPARE(m_mail.count(two, twoPassword, QStringLiteral("from-outside-1")), 1);
        QCOMPARE(m_mail.dkim(two, twoPassword, QStringLiteral("from-outside-1"), m_pdns.dnsPort()),
                 QStringLiteral("fail: no DKIM-Signature"));

        // With another key served under the selector, the same message no longer verifies.
        const QString owner = selector + QStringLiteral("._domainkey.shop.test");
        const QStringList served = m_pdns.dig(owner, QStringLiteral("TXT"));
        QCOMPARE(served.size(), 1);
        QProcess keygen;
        keygen.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"),
                      QStringLiteral("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 "
                                     "2>/dev/null | openssl pkey -pubout -outform DER | base64 -w0")});
        QVERIFY(keygen.waitForFinished(30000));
        const QString otherKey = QString::fromLatin1(keygen.readAllStandardOutput()).trimmed();
        QVERIFY(otherKey.size() > 100);
        replaceOnServer(owner, QStringLiteral("TXT"),
                        QStringLiteral("\"v=DKIM1; k=rsa; p=%1\"").arg(otherKey));
        QCOMPARE(m_mail.dkim(two, twoPassword, QStringLiteral("signed-1"), m_pdns.dnsPort()),
                 QStringLiteral("fail: signature does not verify"));
        replaceOnServer(owner, QStringLiteral("TXT"), served.first());
        QCOMPARE(m_mail.dkim(two, twoPassword, QStringLiteral("signed-1"), m_pdns.dnsPort()),
                 QStringLiteral("pass d=shop.test s=") + selector);
    }

    void racingMessagesCannotAllSlipUnderTheLimit()
    {
        auto r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_staff,
                            {{QStringLiteral("mailbox_sends_per_hour"), 3}});
        QCOMPARE(r.status, 200);
        const QString three = QStringLiteral("three@shop.test"), password = QStringLiteral("a fine password");
        const QString info = QStringLiteral("info@shop.test"),
                      infoPassword = QStringLiteral("second pass 22");
        const int heldBefore = m_mail.heldCount();
        QList<QFuture<QString>> racers;
        for (int i = 0; i < 6; ++i)
            racers << QtConcurrent::run([this, three, password, info, i] {
                return m_mail.submit(three, password, info, QStringLiteral("race-%1").arg(i));
            });
        for (QFuture<QString> &racer : racers) {
            while (!racer.isFinished())
                QTest::qWait(10);
            QCOMPARE(racer.result(), QStringLiteral("sent"));
        }
        // Three arrive, three wait in the hold queue, whatever order the six came in.
        QTRY_COMPARE_WITH_TIMEOUT(m_mail.heldCount(), heldBefore + 3, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_mail.count(info, infoPassword, QStringLiteral("race-"), 0), 3, 30000);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT held FROM mail_send_holds WHERE address = ?"), {three}),
                 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_send_holds WHERE address "
                                        "= ? AND announced_at IS NOT NULL"),
                         {three}),
            1, 20000);
        r = m_api.call("PATCH", QStringLiteral("/api/mail/domains/shop.test"), m_staff,
                       {{QStringLiteral("mailbox_sends_per_hour"), QJsonValue()}});
        QCOMPARE(r.status, 200);
    }

    void lastMailboxPlaceGoesOnceUnderRacingCreations()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/mail/domains"), m_staff,
                            {{QStringLiteral("name"), QStringLiteral("race.test")},
                             {QStringLiteral("customer_id"), m_alice},
                             {QStringLiteral("max_mailboxes"), 1}});
        QCOMPARE(r.status, 201);
        QList<QFuture<int>> racers;
        for (int i = 0; i < 4; ++i)
            racers << QtConcurrent::run([this, i] {
                return m_api
                    .call("POST", QStringLiteral("/api/mail/domains/race.test/mailboxes"), m_aliceToken,
                          {{QStringLiteral("local_part"), QStringLiteral("racer%1").arg(i)},
                           {QStringLiteral("password"), QStringLiteral("a fine password")}})
                    .status;
            });
        QList<int> statuses;
        for (QFuture<int> &racer : racers) {
            while (!racer.isFinished())
                QTest::qWait(10);
            statuses << racer.result();
        }
        QCOMPARE(statuses.count(201), 1);
        QCOMPARE(statuses.count(422), 3);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_mailboxes m JOIN mail_domains d ON d.id = "
                                        "m.domain_id WHERE d.name = 'race.test'")),
            1);
    }

    void customersKeepToTheirOwn()
    {
        auto r = m_api.call("GET", QStringLiteral("/api/mail/domains"), m_bobToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test"), m_bobToken).status, 404);
        QCOMPARE(
            m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_bobToken).status,
            404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/mail/mailboxes/%1").arg(m_infoId), m_bobToken).status,
                 404);
        QCOMPARE(m_api
                     .call("PATCH", QStringLiteral("/api/mail/mailboxes/%1").arg(m_infoId), m_bobToken,
                           {{QStringLiteral("password"), QStringLiteral("bob was here 1")}})
                     .status,
                 404);
        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_bobToken,
                       {{QStringLiteral("local_part"), QStringLiteral("bob")},
                        {QStringLiteral("password"), QStringLiteral("a fine password")}});
        QCOMPARE(r.status, 404);

        r = m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test/mailboxes"), m_aliceToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 3);
        QVERIFY(!r.body.contains("password"));
        QVERIFY(!r.body.contains("ARGON2ID"));
    }

    void dkimKeyRotates()
    {
        const QString first =
            str(m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken).json(),
                "dkim_selector");
        auto r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/dkim/rotate"), m_aliceToken);
        QCOMPARE(r.status, 202);
        QCOMPARE(waitForJob(r.json().value(QStringLiteral("job_id")).toInteger()),
                 QStringLiteral("completed"));
        QVERIFY(dnsSynced());
        const QJsonObject domain =
            m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken).json();
        const QString second = str(domain, "dkim_selector");
        QVERIFY(second != first);
        QCOMPARE(dkimTxt(second, QStringLiteral("shop.test")),
                 QStringList{QStringLiteral("v=DKIM1; k=rsa; p=") + str(domain, "dkim_public_key")});
        // The old key stays published for mail signed just before the rotation...
        QCOMPARE(dkimTxt(first, QStringLiteral("shop.test")).size(), 1);

        r = m_api.call("POST", QStringLiteral("/api/mail/domains/shop.test/dkim/rotate"), m_staff);
        QCOMPARE(r.status, 202);
        QCOMPARE(waitForJob(r.json().value(QStringLiteral("job_id")).toInteger()),
                 QStringLiteral("completed"));
        QVERIFY(dnsSynced());
        // ...until the next rotation.
        QCOMPARE(dkimTxt(first, QStringLiteral("shop.test")), QStringList());
        QCOMPARE(dkimTxt(second, QStringLiteral("shop.test")).size(), 1);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_dkim_keys k JOIN mail_domains d ON d.id = "
                                        "k.domain_id WHERE d.name = 'shop.test'")),
            2);
    }

    void deletedMailboxLosesItsMailThroughAJob()
    {
        const QString maildir = m_mail.mailRoot() + QStringLiteral("/shop.test/info");
        QVERIFY2(QDir(maildir).exists(), qPrintable(maildir));
        auto r = m_api.call("DELETE", QStringLiteral("/api/mail/mailboxes/%1").arg(m_infoId), m_aliceToken);
        QCOMPARE(r.status, 202);
        // Off the host at once, before the job runs.
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("second pass 22")),
                 QStringLiteral("NO"));
        QCOMPARE(waitForJob(r.json().value(QStringLiteral("job_id")).toInteger()),
                 QStringLiteral("completed"));
        QVERIFY(!QDir(maildir).exists());
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_mailboxes WHERE id = ?::uuid"),
                              {m_infoId}),
                 0);
        // A place is free again.
        QVERIFY(!createMailbox(m_aliceToken, QStringLiteral("shop.test"), QStringLiteral("info"),
                               QStringLiteral("a new beginning"))
                     .isEmpty());
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("a new beginning")),
                 QStringLiteral("OK"));
    }

    void emailProductPutsTheDomainOnTheHost()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/products"), m_staff,
                            test::jsonObject(R"({"type": "email", "name": "Mail S", "prices":
                                [{"cycle": "monthly", "currency": "EUR", "amount": "2.00"}]})"));
        QCOMPARE(r.status, 201);
        const QString product = str(r.json(), "id");
        r = m_api.call("PUT", QStringLiteral("/api/mail/plans/%1").arg(product), m_staff,
                       {{QStringLiteral("max_mailboxes"), 1}, {QStringLiteral("max_quota_mb"), 512}});
        QCOMPARE(r.status, 200);

        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_staff,
                       {{QStringLiteral("product_id"), product},
                        {QStringLiteral("customer_id"), m_bob},
                        {QStringLiteral("cycle"), QStringLiteral("monthly")},
                        {QStringLiteral("options"),
                         QJsonObject{{QStringLiteral("domain"), QStringLiteral("bad domain")}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("options.domain"));
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_staff,
                       {{QStringLiteral("product_id"), product},
                        {QStringLiteral("customer_id"), m_bob},
                        {QStringLiteral("cycle"), QStringLiteral("monthly")},
                        {QStringLiteral("options"),
                         QJsonObject{{QStringLiteral("domain"), QStringLiteral("bob.test")}}}});
        QCOMPARE(r.status, 201);
        r = m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(str(r.json(), "invoice_id")), m_staff,
                       {{QStringLiteral("status"), QStringLiteral("paid")},
                        {QStringLiteral("reason"), QStringLiteral("bank transfer")}});
        QCOMPARE(r.status, 200);

        r = m_api.call("GET", QStringLiteral("/api/mail/domains/bob.test"), m_bobToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("max_mailboxes")).toInt(), 1);
        QCOMPARE(r.json().value(QStringLiteral("max_quota_mb")).toInt(), 512);
        QVERIFY(!str(r.json(), "subscription_id").isEmpty());
        QVERIFY(!createMailbox(m_bobToken, QStringLiteral("bob.test"), QStringLiteral("me"),
                               QStringLiteral("bobs password 1"))
                     .isEmpty());
        QCOMPARE(m_mail.login(QStringLiteral("me@bob.test"), QStringLiteral("bobs password 1")),
                 QStringLiteral("OK"));
        QVERIFY(dnsSynced());
        QCOMPARE(m_pdns.dig(QStringLiteral("bob.test"), QStringLiteral("MX")),
                 QStringList{QStringLiteral("10 mx1.mailco.test.")});
    }

    void deletedDomainIsRemovedWithItsDns()
    {
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/mail/domains/shop.test"), m_aliceToken).status,
                 403);
        auto r = m_api.call("DELETE", QStringLiteral("/api/mail/domains/shop.test"), m_staff);
        QCOMPARE(r.status, 202);
        QCOMPARE(m_mail.login(QStringLiteral("info@shop.test"), QStringLiteral("a new beginning")),
                 QStringLiteral("NO"));
        QVERIFY(m_mail
                    .send(QStringLiteral("sender@elsewhere.test"), QStringLiteral("info@shop.test"),
                          QStringLiteral("after-delete"))
                    .startsWith(QLatin1String("refused 5")));
        QCOMPARE(waitForJob(r.json().value(QStringLiteral("job_id")).toInteger()),
                 QStringLiteral("completed"));
        QVERIFY(!QDir(m_mail.mailRoot() + QStringLiteral("/shop.test")).exists());
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/mail/domains/shop.test"), m_staff).status, 404);
        QVERIFY(dnsSynced());
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("MX")), QStringList());
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("TXT")), QStringList());
        QCOMPARE(m_pdns.dig(QStringLiteral("_dmarc.shop.test"), QStringLiteral("TXT")), QStringList());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM mail_dkim_keys k JOIN mail_domains d ON d.id = "
                                        "k.domain_id WHERE d.name = 'shop.test'")),
            0);
    }
};

QTEST_MAIN(TestMail)
#include "tst_mail.moc"
