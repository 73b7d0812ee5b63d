#include "core/clock.h"
#include "stripe/stripe_signature.h"

#include <QFile>
#include <QTest>

using namespace mp;
using namespace mp::stripe;

namespace {

QString fixtureDir()
{
    return QStringLiteral(MPANEL_SOURCE_DIR "/tests/fixtures/stripe/");
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixtureDir() + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QDateTime at(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

const QByteArray kSecret = "whsec_test_secret";
constexpr qint64 kT = 1700000000;

} // namespace

class TestStripeSignature : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The vectors made with Stripe's official library (tests/fixtures/stripe/vectors.txt): our
    // signer reproduces each header and our verifier accepts it, over the exact file bytes.
    void officialVectors_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<qint64>("t");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<QByteArray>("header");
        const QList<QByteArray> lines = readFixture(QStringLiteral("vectors.txt")).split('\n');
        int rows = 0;
        for (const QByteArray &line : lines) {
            if (line.trimmed().isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> cols = line.split('|');
            QCOMPARE(cols.size(), 5);
            const QByteArray header = cols.at(4).trimmed().split(' ').first();
            const QString file = QString::fromUtf8(cols.at(2).trimmed()).section(u'/', -1);
            QTest::newRow(qPrintable(file)) << cols.at(0).trimmed() << cols.at(1).trimmed().toLongLong()
                                            << file << cols.at(3).trimmed().toInt() << header;
            ++rows;
        }
        QCOMPARE(rows, 6);
    }

    void officialVectors()
    {
        QFETCH(QByteArray, secret);
        QFETCH(qint64, t);
        QFETCH(QString, file);
        QFETCH(int, bytes);
        QFETCH(QByteArray, header);
        const QByteArray body = readFixture(file);
        QCOMPARE(body.size(), bytes);
        QCOMPARE(signatureHeader({secret}, t, body), header);

        ManualClock clock(at(t + 10));
        ScopedClock scope(clock);
        auto verified = verifySignature(header, body, {secret});
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().message));
        QCOMPARE(verified.value(), t);
    }

    void tamperedBodyWrongSecretAndCaseAreRejected()
    {
        const QByteArray body = readFixture(QStringLiteral("checkout.session.completed.json"));
        const QByteArray header = signatureHeader({kSecret}, kT, body);
        ManualClock clock(at(kT));
        ScopedClock scope(clock);

        QByteArray tampered = body;
        tampered.replace("\"amount_total\": 1999", "\"amount_total\": 1");
        QVERIFY(tampered != body);
        auto r = verifySignature(header, tampered, {kSecret});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString::fromLatin1(signature_error::kMismatch));
        QCOMPARE(r.error().field, QStringLiteral("Stripe-Signature"));

        // Re-serialising the JSON changes the bytes: only the raw body verifies.
        QVERIFY(!verifySignature(header, body.trimmed(), {kSecret}).ok());

        r = verifySignature(header, body, {"whsec_other"});
        QCOMPARE(r.error().code, QString::fromLatin1(signature_error::kMismatch));

        // The secret is used as it is, not base64-decoded: "whsec_" is part of the key.
        QVERIFY(!verifySignature(signatureHeader({"test_secret"}, kT, body), body, {kSecret}).ok());

        // Stripe's hex is lowercase and the compare is exact.
        const QByteArray upper = "t=" + QByteArray::number(kT) + ",v1=" + sign(kSecret, kT, body).toUpper();
        QCOMPARE(verifySignature(upper, body, {kSecret}).error().code,
                 QString::fromLatin1(signature_error::kMismatch));
        // A truncated signature is a mismatch, not a prefix match.
        const QByteArray shortSig = "t=" + QByteArray::number(kT) + ",v1=" + sign(kSecret, kT, body).left(32);
        QVERIFY(!verifySignature(shortSig, body, {kSecret}).ok());
    }

    void rotationAcceptsAnyMatchingPair()
    {
        const QByteArray body = readFixture(QStringLiteral("payment_intent.succeeded.json"));
        const QByteArray oldSecret = "whsec_old";
        const QByteArray newSecret = "whsec_new";
        ManualClock clock(at(kT));
        ScopedClock scope(clock);

        // During a roll Stripe signs with both secrets: either configured secret passes.
        const QByteArray both = signatureHeader({oldSecret, newSecret}, kT, body);
        QCOMPARE(both.count(",v1="), 2);
        QVERIFY(verifySignature(both, body, {oldSecret}).ok());
        QVERIFY(verifySignature(both, body, {newSecret}).ok());
        QVERIFY(!verifySignature(both, body, {"whsec_third"}).ok());

        // We may hold both secrets while Stripe already signs with one of them only.
        QVERIFY(verifySignature(signatureHeader({newSecret}, kT, body), body, {oldSecret, newSecret}).ok());
        QVERIFY(verifySignature(signatureHeader({oldSecret}, kT, body), body, {oldSecret, newSecret}).ok());

        // v0 (the legacy scheme) is ignored, whether it is valid or garbage.
        const QByteArray withV0 = signatureHeader({newSecret}, kT, body) + ",v0=deadbeef";
        QVERIFY(verifySignature(withV0, body, {newSecret}).ok());
        const QByteArray onlyV0 = "t=" + QByteArray::number(kT) + ",v0=" + sign(newSecret, kT, body);
        QCOMPARE(verifySignature(onlyV0, body, {newSecret}).error().code,
                 QString::fromLatin1(signature_error::kNoSignatures));
    }

    void toleranceIs300SecondsIntoThePast()
    {
        const QByteArray body = readFixture(QStringLiteral("charge.refunded.json"));
        const QByteArray header = signatureHeader({kSecret}, kT, body);
        ManualClock clock(at(kT + 299));
        ScopedClock scope(clock);
        QVERIFY(verifySignature(header, body, {kSecret}).ok());
        clock.set(at(kT + 300));
        QVERIFY(verifySignature(header, body, {kSecret}).ok());
        clock.set(at(kT + 301));
        auto stale = verifySignature(header, body, {kSecret});
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QString::fromLatin1(signature_error::kStale));

        // A stale header with a wrong signature reports the mismatch: the clock is not probed.
        clock.set(at(kT + 3600));
        QCOMPARE(verifySignature(header, body, {"whsec_other"}).error().code,
                 QString::fromLatin1(signature_error::kMismatch));

        // As in stripe-node, a timestamp ahead of our clock passes, and tolerance 0 turns the
        // age check off.
        clock.set(at(kT - 3600));
        QVERIFY(verifySignature(header, body, {kSecret}).ok());
        clock.set(at(kT + 86400));
        QVERIFY(verifySignature(header, body, {kSecret}, 0).ok());
        QVERIFY(!verifySignature(header, body, {kSecret}, 600).ok());
    }

    void malformedInputsHaveTheirOwnErrors_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<QByteArray>>("secrets");
        QTest::addColumn<QString>("code");
        const QByteArray body = "{\"id\":\"evt_1\"}";
        const QByteArray v1 = sign(kSecret, kT, body);
        const QList<QByteArray> secrets{kSecret};
        QTest::newRow("missing header")
            << QByteArray() << body << secrets << QString::fromLatin1(signature_error::kMissingHeader);
        QTest::newRow("blank header")
            << QByteArray("  ") << body << secrets << QString::fromLatin1(signature_error::kMissingHeader);
        QTest::newRow("no t") << QByteArray("v1=" + v1) << body << secrets
                              << QString::fromLatin1(signature_error::kNoTimestamp);
        QTest::newRow("t not a number") << QByteArray("t=abc,v1=" + v1) << body << secrets
                                        << QString::fromLatin1(signature_error::kNoTimestamp);
        QTest::newRow("negative t") << QByteArray("t=-5,v1=" + v1) << body << secrets
                                    << QString::fromLatin1(signature_error::kNoTimestamp);
        QTest::newRow("no v1") << QByteArray("t=1700000000") << body << secrets
                               << QString::fromLatin1(signature_error::kNoSignatures);
        QTest::newRow("empty v1") << QByteArray("t=1700000000,v1=") << body << secrets
                                  << QString::fromLatin1(signature_error::kNoSignatures);
        QTest::newRow("garbage") << QByteArray("garbage") << body << secrets
                                 << QString::fromLatin1(signature_error::kNoTimestamp);
        QTest::newRow("empty body") << QByteArray("t=1700000000,v1=" + v1) << QByteArray() << secrets
                                    << QString::fromLatin1(signature_error::kEmptyBody);
        QTest::newRow("no secret") << QByteArray("t=1700000000,v1=" + v1) << body << QList<QByteArray>{}
                                   << QString::fromLatin1(signature_error::kNoSecret);
        QTest::newRow("empty secret") << QByteArray("t=1700000000,v1=" + v1) << body << QList<QByteArray>{""}
                                      << QString::fromLatin1(signature_error::kNoSecret);
    }

    void malformedInputsHaveTheirOwnErrors()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, body);
        QFETCH(QList<QByteArray>, secrets);
        QFETCH(QString, code);
        ManualClock clock(at(kT));
        ScopedClock scope(clock);
        auto r = verifySignature(header, body, secrets);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
    }

    void headerWhitespaceIsTolerated()
    {
        const QByteArray body = "{}";
        ManualClock clock(at(kT));
        ScopedClock scope(clock);
        const QByteArray header = "t=" + QByteArray::number(kT) + ", v1=" + sign(kSecret, kT, body);
        QVERIFY(verifySignature(header, body, {kSecret}).ok());
    }

    void configuredSecretsSplitOnCommasAndSpaces()
    {
        QCOMPARE(parseWebhookSecrets(QStringLiteral("whsec_a, whsec_b,whsec_c\n")),
                 (QList<QByteArray>{"whsec_a", "whsec_b", "whsec_c"}));
        QVERIFY(parseWebhookSecrets(QString()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestStripeSignature)
#include "tst_stripe_signature.moc"
