// The console's SSL model against the test cluster, on a staff member's own session (which may
// read every column but the sealed keys): certificates with status and expiry, the expiry red in
// the last week, and a change made by the service (a job issuing it) followed through the feed.
#include "console_session/change_feed.h"
#include "db/sql.h"
#include "model_roles.h"
#include "ssl/ssl_certificates.h"
#include "ssl_certificate_table_model.h"
#include "ssl_channels.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QColor>

using namespace mp;
using mp::test::ConsoleFixture;

class TestConsoleSsl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void certificatesAreLiveWithTheirExpiry()
    {
        ConsoleFixture f;
        ChangeFeed feed;
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        feed.start(f.session->staffSettings(), f.tenantId, {channels::sslCertificates});
        QVERIFY(listening.wait(20000));

        SslCertificateTableModel certs(f.session.get());
        QAbstractItemModelTester tester(&certs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        certs.setChangeFeed(&feed, {channels::sslCertificates});
        QSignalSpy loaded(&certs, &LazyTableModelBase::rowsLoaded);
        certs.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
        QCOMPARE(certs.rowCount(), 0);

        QString id;
        const Status seeded = f.asService([&](TenantTransaction &tx) -> Status {
            ssl::CertificateRequest r;
            r.names = {QStringLiteral("www.shop.test"), QStringLiteral("shop.test")};
            auto q = ssl::SslCertificates::request(tx, r, QDateTime::currentDateTimeUtc());
            if (!q)
                return q.error();
            id = q->certificate.id;
            return {};
        });
        QVERIFY2(seeded.ok(), seeded ? "" : qPrintable(seeded.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(certs.rowCount(), 1, 5000);
        QCOMPARE(certs.index(0, SslCertificateTableModel::Names).data().toString(),
                 QStringLiteral("www.shop.test, shop.test"));
        QCOMPARE(certs.index(0, SslCertificateTableModel::Status).data().toString(),
                 QStringLiteral("Being issued"));
        QCOMPARE(certs.index(0, SslCertificateTableModel::Expires).data().toString(), QString());

        // Issued, with five days left of ninety: the expiry is shown red.
        const Status issued = f.asService([&](TenantTransaction &tx) -> Status {
            auto q = sql::exec(
                tx.db(),
                QStringLiteral("UPDATE ssl_certificates SET status = 'valid', issuer = 'Pebble "
                               "Intermediate', not_before = now() - interval '85 days', not_after = "
                               "now() + interval '5 days', renew_at = now() WHERE id = ?::uuid"),
                {id});
            return q ? Status() : Status(q.error());
        });
        QVERIFY(issued.ok());
        QTRY_COMPARE_WITH_TIMEOUT(certs.index(0, SslCertificateTableModel::Status).data().toString(),
                                  QStringLiteral("Valid"), 5000);
        QCOMPARE(certs.index(0, SslCertificateTableModel::Issuer).data().toString(),
                 QStringLiteral("Pebble Intermediate"));
        QVERIFY(!certs.index(0, SslCertificateTableModel::Expires).data().toString().isEmpty());
        QCOMPARE(certs.index(0, SslCertificateTableModel::Expires).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xb0, 0x20, 0x20));
        QCOMPARE(certs.index(0, SslCertificateTableModel::Names).data(IdRole).toString(), id);
    }
};

QTEST_GUILESS_MAIN(TestConsoleSsl)
#include "tst_console_ssl.moc"
