// The ACME client (services/acme) against a real Pebble on loopback (tests/servers/pebble-server),
// with pebble-challtestsrv answering every name as 127.0.0.1 and serving the HTTP-01 tokens:
// an account, an order, HTTP-01, finalize with a CSR, the chain verified by openssl against
// Pebble's root, the validity Pebble was configured with, a spent nonce answered badNonce and
// signed again, a failed challenge and a refused name as readable errors, and revocation.
#include "acme/acme_certificate.h"
#include "acme/acme_errors.h"
#include "acme/acme_key.h"
#include "acme/acme_orders.h"
#include "acme/acme_session.h"
#include "core/config.h"
#include "support/pebble_server.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <thread>

using namespace mp;

namespace {

constexpr int kValiditySeconds = 10 * 86400;

// A session's requests block: they run on a plain thread, as on a job-engine worker.
void onWorker(const std::function<void()> &work)
{
    std::thread thread(work);
    thread.join();
}

} // namespace

class TestAcmeClient : public QObject {
    Q_OBJECT

    test::PebbleServer m_pebble;
    AcmeSettings m_settings;
    AcmeKey m_accountKey;
    QTemporaryDir m_tmp;

    // Places an order for `names`, serves each HTTP-01 token through challtestsrv unless
    // `publish` is false, and answers the challenges; the first error ends it.
    Status validate(AcmeSession &session, const AcmeOrder &order, bool publish = true)
    {
        AcmeOrders orders(session);
        auto tasks = orders.challenges(order, QStringLiteral("http-01"));
        if (!tasks)
            return tasks.error();
        for (const AcmeChallengeTask &task : std::as_const(*tasks)) {
            if (publish) {
                if (auto added = m_pebble.addHttp01(task.token, task.keyAuthorization); !added)
                    return added;
            }
            if (auto answered = orders.answer(task); !answered)
                return answered;
        }
        return {};
    }

    struct Issued {
        QByteArray pem;
        AcmeCertificateInfo info;
    };

    Result<Issued> issue(AcmeSession &session, const QStringList &names)
    {
        AcmeOrders orders(session);
        auto order = orders.place(names);
        if (!order)
            return order.error();
        if (auto valid = validate(session, *order); !valid)
            return valid.error();
        auto certKey = AcmeKey::generate();
        if (!certKey)
            return certKey.error();
        auto csr = certKey->csr(names);
        if (!csr)
            return csr.error();
        auto done = orders.finalize(*order, *csr);
        if (!done)
            return done.error();
        auto pem = orders.download(*done);
        if (!pem)
            return pem.error();
        auto info = AcmeCertificateInfo::fromPemChain(*pem);
        if (!info)
            return info.error();
        return Issued{*pem, *info};
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        test::PebbleServer::Options options;
        options.challtestsrvAnswersHttp01 = true;
        options.certificateValiditySeconds = kValiditySeconds;
        const Status started = m_pebble.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        Config config;
        config.set(QStringLiteral("MPANEL_ACME_DIRECTORY_URL"), m_pebble.directoryUrl());
        config.set(QStringLiteral("MPANEL_ACME_CA_CERTIFICATES"), m_pebble.tlsCaFile());
        config.set(QStringLiteral("MPANEL_ACME_POLL_MS"), QStringLiteral("100"));
        auto settings = AcmeSettings::fromConfig(config);
        QVERIFY2(settings.ok(), settings ? "" : qPrintable(settings.error().message));
        m_settings = *settings;
        QCOMPARE(m_settings.mode, ProviderMode::Sandbox);
        auto key = AcmeKey::generate();
        QVERIFY(key.ok());
        m_accountKey = *key;
    }

    void keysRoundTripAndSign()
    {
        const QByteArray pem = m_accountKey.toPem();
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        auto back = AcmeKey::fromPem(pem);
        QVERIFY(back.ok());
        QCOMPARE(back->thumbprint(), m_accountKey.thumbprint());
        QCOMPARE(m_accountKey.thumbprint().size(), 43); // 32 bytes, base64url without padding
        auto sig = m_accountKey.signEs256("payload");
        QVERIFY(sig.ok());
        QCOMPARE(sig->size(), 64);
        QVERIFY(!AcmeKey::fromPem("not a key").ok());
    }

    void settingsRefuseAPlainRemoteCa()
    {
        Config config;
        config.set(QStringLiteral("MPANEL_ACME_DIRECTORY_URL"),
                   QStringLiteral("http://acme.example.net/dir"));
        auto s = AcmeSettings::fromConfig(config);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("acme_invalid_settings"));
        QCOMPARE(
            AcmeSettings::modeFor(QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"))),
            ProviderMode::Live);
        QCOMPARE(AcmeSettings::modeFor(
                     QUrl(QStringLiteral("https://acme-staging-v02.api.letsencrypt.org/directory"))),
                 ProviderMode::Test);
        // The sandbox is a CA on this machine, never anything else.
        QCOMPARE(AcmeSettings::modeFor(QUrl(QStringLiteral("https://127.0.0.1:14000/dir"))),
                 ProviderMode::Sandbox);
        AcmeSettings remote;
        remote.directoryUrl = QUrl(QStringLiteral("https://acme.example.net/dir"));
        remote.mode = ProviderMode::Sandbox;
        QCOMPARE(remote.validate().error().code, QStringLiteral("acme_invalid_settings"));
    }

    void blockingRefusedOnTheMainThread()
    {
        AcmeSession session(m_settings, m_accountKey);
        auto dir = session.directory();
        QVERIFY(!dir.ok());
        QCOMPARE(dir.error().code, QStringLiteral("acme_blocking_not_allowed"));
    }

    void issuesWithHttp01AndTheChainVerifies()
    {
        Result<Issued> issued = makeError(errors::AcmeAborted, QStringLiteral("not run"));
        QUrl account;
        onWorker([&] {
            AcmeSession session(m_settings, m_accountKey);
            auto acc = session.account({QStringLiteral("ssl@example.test")});
            if (!acc) {
                issued = acc.error();
                return;
            }
            account = *acc;
            issued =
                issue(session, {QStringLiteral("www.acme-client.test"), QStringLiteral("acme-client.test")});
        });
        QVERIFY2(issued.ok(), issued ? "" : qPrintable(issued.error().message));
        QVERIFY(account.toString().startsWith(QLatin1String("https://127.0.0.1:")));
        const QString file = writeFile(QStringLiteral("http01.pem"), issued->pem);
        QCOMPARE(m_pebble.verify(file), QString());
        QCOMPARE(issued->info.chainLength, 2); // the leaf bundled with the intermediate
        QStringList names = issued->info.names;
        names.sort();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("acme-client.test"), QStringLiteral("www.acme-client.test")}));
        // The validity is Pebble's configured one (the last second of the period is included).
        const qint64 lifetime = issued->info.notBefore.secsTo(issued->info.notAfter);
        QVERIFY2(qAbs(lifetime - kValiditySeconds) <= 1, qPrintable(QString::number(lifetime)));
        QVERIFY(issued->info.renewalDue() > issued->info.notBefore.addDays(6));
        QVERIFY(issued->info.renewalDue() < issued->info.notBefore.addDays(7));
        QVERIFY(!issued->info.ariId.isEmpty());
        QVERIFY(!issued->info.serialHex.isEmpty());
    }

    void theSameKeyFindsItsAccount()
    {
        QUrl first, second;
        onWorker([&] {
            AcmeSession a(m_settings, m_accountKey);
            AcmeSession b(m_settings, m_accountKey);
            first = a.account({QStringLiteral("ssl@example.test")}).value();
            second = b.account({}).value();
        });
        QVERIFY(!first.isEmpty());
        QCOMPARE(second, first);
    }

    // RFC 8555 section 7.3.5 against Pebble: after the rollover the new key finds the same
    // account, the old key finds none, and the new key orders.
    void theAccountKeyRollsOver()
    {
        const AcmeKey oldKey = AcmeKey::generate().value();
        const AcmeKey newKey = AcmeKey::generate().value();
        QUrl account, foundByNewKey;
        Status rolled, ordered;
        Error oldKeyError;
        onWorker([&] {
            AcmeSession session(m_settings, oldKey);
            account = session.account({}).value();
            rolled = session.changeKey(newKey);
            if (!rolled)
                return;
            auto order = AcmeOrders(session).place({QStringLiteral("rolled.example.test")});
            ordered = order ? Status() : Status(order.error());
            AcmeSession fresh(m_settings, newKey);
            foundByNewKey = fresh.account({}).value();
            AcmeSession stale(m_settings, oldKey);
            stale.setAccountUrl(account);
            auto answer = stale.postAsGet(account);
            if (!answer)
                oldKeyError = answer.error();
        });
        QVERIFY2(rolled.ok(), rolled.ok() ? "" : qPrintable(rolled.error().message));
        QVERIFY2(ordered.ok(), ordered.ok() ? "" : qPrintable(ordered.error().message));
        QCOMPARE(foundByNewKey, account);
        QVERIFY2(!oldKeyError.code.isEmpty(), "the old key still signs for the account");
    }

    void aSpentNonceIsRetriedWithTheFreshOne()
    {
        Status outcome;
        int retried = -1;
        onWorker([&] {
            AcmeSession session(m_settings, m_accountKey);
            if (auto acc = session.account({}); !acc) {
                outcome = acc.error();
                return;
            }
            const QByteArray spent = session.pendingNonce(); // handed out by newAccount's answer
            AcmeOrders orders(session);
            auto first = orders.place({QStringLiteral("nonce.acme-client.test")});
            if (!first) {
                outcome = first.error();
                return;
            }
            // Replay the nonce the order already spent: Pebble answers badNonce with a new one.
            session.setPendingNonce(spent);
            auto again = orders.fetch(first->url);
            if (!again)
                outcome = again.error();
            else if (again->url != first->url)
                outcome = makeError(errors::AcmeInvalidResponse, QStringLiteral("another order came back"));
            retried = session.badNoncesRetried();
        });
        QVERIFY2(outcome.ok(), outcome ? "" : qPrintable(outcome.error().message));
        QCOMPARE(retried, 1);
    }

    void aFailedChallengeIsReadable()
    {
        Status outcome;
        onWorker([&] {
            AcmeSession session(m_settings, m_accountKey);
            if (auto acc = session.account({}); !acc) {
                outcome = acc.error();
                return;
            }
            auto order = AcmeOrders(session).place({QStringLiteral("unserved.acme-client.test")});
            if (!order) {
                outcome = order.error();
                return;
            }
            outcome = validate(session, *order, false); // nobody serves the token
        });
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, QStringLiteral("acme_challenge_failed"));
        const QString message = outcome.error().message;
        QVERIFY2(message.contains(QLatin1String("http-01 challenge for unserved.acme-client.test")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("was refused by the CA: ")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("(unauthorized)")) ||
                     message.contains(QLatin1String("(connection)")),
                 qPrintable(message));
    }

    void aRefusedNameIsReadable()
    {
        Status outcome;
        onWorker([&] {
            AcmeSession session(m_settings, m_accountKey);
            if (auto acc = session.account({}); !acc) {
                outcome = acc.error();
                return;
            }
            auto order = AcmeOrders(session).place({QStringLiteral("not_a..name")});
            outcome = order ? Status() : Status(order.error());
        });
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, QStringLiteral("acme_rejected"));
        QVERIFY2(outcome.error().message.contains(QLatin1String("was refused by the CA: ")),
                 qPrintable(outcome.error().message));
        QVERIFY2(outcome.error().message.contains(QLatin1String("(rejectedIdentifier)")) ||
                     outcome.error().message.contains(QLatin1String("(malformed)")),
                 qPrintable(outcome.error().message));
    }

    void revokes()
    {
        Result<Issued> issued = makeError(errors::AcmeAborted, QStringLiteral("not run"));
        Status revoked, again;
        onWorker([&] {
            AcmeSession session(m_settings, m_accountKey);
            if (auto acc = session.account({}); !acc) {
                issued = acc.error();
                return;
            }
            issued = issue(session, {QStringLiteral("revoke.acme-client.test")});
            if (!issued)
                return;
            AcmeOrders orders(session);
            revoked = orders.revoke(issued->info.leafDer, 4); // superseded
            again = orders.revoke(issued->info.leafDer, 4);
        });
        QVERIFY2(issued.ok(), issued ? "" : qPrintable(issued.error().message));
        QVERIFY2(revoked.ok(), revoked ? "" : qPrintable(revoked.error().message));
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(QLatin1String("(alreadyRevoked)")),
                 qPrintable(again.error().message));
    }

    void cleanupTestCase() { m_pebble.stop(); }
};

QTEST_MAIN(TestAcmeClient)
#include "tst_acme_client.moc"
