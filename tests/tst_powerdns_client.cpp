// The PowerDNS client against a real PowerDNS on loopback (tests/support/pdns_server): zones
// made, changed in one PATCH and deleted, each read back with dig; PowerDNS's error shapes (JSON
// on 422, plain text on 401/404/409) become codes with PowerDNS's words; a dead server is a
// transport error, not a hang; DNSSEC keys.
#include "powerdns/powerdns_client.h"
#include "powerdns/powerdns_errors.h"
#include "support/pdns_server.h"
#include "support/scripted_http_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace mp;

namespace {

// QVERIFY2 evaluates its message even when the check passes.
QString why(const PowerDnsResult &r)
{
    return r ? QString() : r.error().message;
}

} // namespace

class TestPowerDnsClient : public QObject {
    Q_OBJECT

    test::PdnsServer m_pdns;

    PowerDnsSettings settings(const QString &key = {}) const
    {
        PowerDnsSettings s;
        s.name = QStringLiteral("test");
        s.apiBase = QUrl(m_pdns.apiBase());
        s.apiKey = key.isEmpty() ? m_pdns.apiKey() : key;
        s.mode = ProviderMode::Sandbox;
        s.timeoutMs = 3000;
        s.retryBaseDelayMs = 20;
        return s;
    }

    static PowerDnsResult wait(PowerDnsCall *call)
    {
        call->setAutoDelete(false);
        QSignalSpy spy(call, &PowerDnsCall::finished);
        if (!call->isFinished() && !spy.wait(15000))
            qFatal("PowerDNS call did not finish");
        const PowerDnsResult r = call->result();
        delete call;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        const Status started = m_pdns.start();
        QVERIFY2(started.ok(), qPrintable(started.error().message));
    }

    void zoneLifecycleSeenByDig()
    {
        PowerDnsClient client(settings());
        PowerDnsZoneSpec spec;
        spec.name = QStringLiteral("client.test.");
        spec.nameservers = {QStringLiteral("ns1.client.test."), QStringLiteral("ns2.client.test.")};
        spec.soa = QStringLiteral("ns1.client.test. hostmaster.client.test. 1 10800 3600 604800 3600");
        auto created = wait(client.createZone(spec));
        QVERIFY2(created.ok(), qPrintable(why(created)));
        QCOMPARE(created->status, 201);
        QCOMPARE(m_pdns.dig(QStringLiteral("client.test"), QStringLiteral("NS")),
                 (QStringList{QStringLiteral("ns1.client.test."), QStringLiteral("ns2.client.test.")}));
        const QString serialBefore =
            m_pdns.dig(QStringLiteral("client.test"), QStringLiteral("SOA")).value(0);

        // Three record sets in one PATCH: one serial step.
        const QList<PowerDnsRrset> changes{
            {QStringLiteral("www.client.test."), QStringLiteral("A"), 300, {QStringLiteral("192.0.2.10")}},
            {QStringLiteral("client.test."),
             QStringLiteral("MX"),
             300,
             {QStringLiteral("10 mail.client.test.")}},
            {QStringLiteral("client.test."),
             QStringLiteral("TXT"),
             300,
             {QStringLiteral("\"v=spf1 mx -all\"")}}};
        auto patched = wait(client.patchRrsets(QStringLiteral("client.test."), changes));
        QVERIFY2(patched.ok(), qPrintable(why(patched)));
        QCOMPARE(patched->status, 204);
        QCOMPARE(m_pdns.dig(QStringLiteral("www.client.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.10")});
        QCOMPARE(m_pdns.dig(QStringLiteral("client.test"), QStringLiteral("MX")),
                 QStringList{QStringLiteral("10 mail.client.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("client.test"), QStringLiteral("TXT")),
                 QStringList{QStringLiteral("\"v=spf1 mx -all\"")});
        const QString serialAfter = m_pdns.dig(QStringLiteral("client.test"), QStringLiteral("SOA")).value(0);
        QVERIFY2(serialAfter != serialBefore, qPrintable(serialAfter));

        auto zone = wait(client.zone(QStringLiteral("client.test.")));
        QVERIFY(zone.ok());
        QVERIFY(zone->json.object().value(QStringLiteral("serial")).toInteger() > 1);
        QCOMPARE(zone->json.object().value(QStringLiteral("rrsets")).toArray().size(), 5); // SOA NS A MX TXT

        auto removed =
            wait(client.patchRrsets(QStringLiteral("client.test."), {{QStringLiteral("www.client.test."),
                                                                      QStringLiteral("A"),
                                                                      0,
                                                                      {},
                                                                      PowerDnsRrset::Change::Delete}}));
        QVERIFY(removed.ok());
        QVERIFY(m_pdns.dig(QStringLiteral("www.client.test"), QStringLiteral("A")).isEmpty());

        auto listed = wait(client.listZones());
        QVERIFY(listed.ok());
        QCOMPARE(listed->json.array().size(), 1);

        auto exported = wait(client.exportZone(QStringLiteral("client.test.")));
        QVERIFY(exported.ok());
        QVERIFY2(exported->body.contains("mail.client.test."), exported->body.constData());

        auto deleted = wait(client.deleteZone(QStringLiteral("client.test.")));
        QVERIFY(deleted.ok());
        QCOMPARE(m_pdns.digAnswer(QStringLiteral("client.test"), QStringLiteral("SOA"))
                     .contains(QLatin1String("REFUSED")),
                 true);
    }

    void errorShapesBecomeCodes()
    {
        PowerDnsClient client(settings());
        PowerDnsZoneSpec spec;
        spec.name = QStringLiteral("errors.test.");
        QVERIFY(wait(client.createZone(spec)).ok());

        // 409, plain text.
        auto again = wait(client.createZone(spec));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QString::fromLatin1(errors::PowerdnsConflict.name));
        QVERIFY2(again.error().message.contains(QLatin1String("Conflict")), qPrintable(why(again)));

        // 422, JSON {"error": ...}: PowerDNS's own words reach the message.
        auto outOfZone = wait(client.patchRrsets(
            QStringLiteral("errors.test."),
            {{QStringLiteral("www.other.test."), QStringLiteral("A"), 300, {QStringLiteral("192.0.2.1")}}}));
        QVERIFY(!outOfZone.ok());
        QCOMPARE(outOfZone.error().code, QString::fromLatin1(errors::PowerdnsRejected.name));
        QVERIFY2(outOfZone.error().message.contains(QLatin1String("out of zone")),
                 qPrintable(why(outOfZone)));

        // 404, plain text.
        auto missing = wait(client.zone(QStringLiteral("nothere.test.")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QString::fromLatin1(errors::PowerdnsNotFound.name));

        // 401 with a wrong key.
        PowerDnsClient wrongKey(settings(QStringLiteral("not-the-key")));
        auto refused = wait(wrongKey.listZones());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QString::fromLatin1(errors::PowerdnsAuthentication.name));
        QVERIFY(!refused.error().message.contains(QLatin1String("not-the-key")));

        QVERIFY(wait(client.deleteZone(QStringLiteral("errors.test."))).ok());
    }

    void serverErrorsAreRetriedWhenSafe()
    {
        // PowerDNS answers 500 while its backend fails (a database it cannot write). A PATCH of
        // REPLACE/DELETE lands on the same state when repeated, so it is sent again and lands.
        test::ScriptedServer failing(
            {test::ScriptedServer::Step::ServerError, test::ScriptedServer::Step::ServerError});
        PowerDnsSettings s = settings();
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(failing.serverPort()));
        s.retryBaseDelayMs = 10;
        PowerDnsClient client(s);
        const QList<PowerDnsRrset> www{
            {QStringLiteral("www.backend.test."), QStringLiteral("A"), 300, {QStringLiteral("192.0.2.7")}}};
        auto healed = wait(client.patchRrsets(QStringLiteral("backend.test."), www));
        QVERIFY2(healed.ok(), qPrintable(why(healed)));
        QCOMPARE(failing.requests(), 3);

        // Creating a zone is not safe to repeat: one 500 is the answer, with PowerDNS's words.
        test::ScriptedServer once({test::ScriptedServer::Step::ServerError});
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(once.serverPort()));
        PowerDnsClient creating(s);
        PowerDnsZoneSpec spec;
        spec.name = QStringLiteral("backend.test.");
        auto refused = wait(creating.createZone(spec));
        QVERIFY(!refused.ok());
        QCOMPARE(once.requests(), 1);
        QCOMPARE(refused.error().code, QString::fromLatin1(errors::PowerdnsServerError.name));
        QVERIFY2(refused.error().message.contains(QLatin1String("Internal Server Error")),
                 qPrintable(why(refused)));

        // Failing for good: the retries run out and the error is the server's.
        test::ScriptedServer broken({test::ScriptedServer::Step::ServerError,
                                     test::ScriptedServer::Step::ServerError,
                                     test::ScriptedServer::Step::ServerError});
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(broken.serverPort()));
        PowerDnsClient giving(s);
        auto lost = wait(giving.patchRrsets(QStringLiteral("backend.test."), www));
        QVERIFY(!lost.ok());
        QCOMPARE(broken.requests(), 3);
        QCOMPARE(lost.error().code, QString::fromLatin1(errors::PowerdnsServerError.name));
    }

    void invalidSettingsSendNothing()
    {
        PowerDnsSettings s = settings();
        s.apiKey.clear();
        PowerDnsClient client(s);
        auto r = wait(client.listZones());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString::fromLatin1(errors::PowerdnsInvalidSettings.name));
        QCOMPARE(r.error().field, QStringLiteral("api_key"));
    }

    void silentServerTimesOut()
    {
        // Accepts connections, never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        PowerDnsSettings s = settings();
        s.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        s.timeoutMs = 300;
        s.maxRetries = 1;
        PowerDnsClient client(s);
        auto r = wait(client.listZones());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString::fromLatin1(errors::PowerdnsTimeout.name));
    }

    void dnssecKeysSignAnswers()
    {
        PowerDnsClient client(settings());
        PowerDnsZoneSpec spec;
        spec.name = QStringLiteral("signed.test.");
        spec.nameservers = {QStringLiteral("ns1.signed.test.")};
        QVERIFY(wait(client.createZone(spec)).ok());
        QVERIFY(
            !m_pdns
                 .digAnswer(QStringLiteral("signed.test"), QStringLiteral("SOA"), {QStringLiteral("+dnssec")})
                 .contains(QLatin1String("RRSIG")));
        auto key = wait(client.addCsk(QStringLiteral("signed.test.")));
        QVERIFY2(key.ok(), qPrintable(why(key)));
        auto keys = wait(client.cryptokeys(QStringLiteral("signed.test.")));
        QVERIFY(keys.ok());
        const QJsonArray list = keys->json.array();
        QCOMPARE(list.size(), 1);
        QVERIFY(!list.at(0).toObject().value(QStringLiteral("ds")).toArray().isEmpty());
        QVERIFY(
            m_pdns
                .digAnswer(QStringLiteral("signed.test"), QStringLiteral("SOA"), {QStringLiteral("+dnssec")})
                .contains(QLatin1String("RRSIG")));
        QVERIFY(wait(client.deleteZone(QStringLiteral("signed.test."))).ok());
    }
};

QTEST_GUILESS_MAIN(TestPowerDnsClient)
#include "tst_powerdns_client.moc"
