// Invoice status rules (every allowed and every refused transition) and the tenant's number
// format for invoices and credit notes.
#include "billing/invoice_number_format.h"
#include "billing/invoice_status.h"

#include <QTest>

using namespace mp::billing;

Q_DECLARE_METATYPE(mp::billing::InvoiceStatus)

namespace {

const QList<InvoiceStatus> kAll{InvoiceStatus::Draft,    InvoiceStatus::Unpaid,
                                InvoiceStatus::Paid,     InvoiceStatus::Cancelled,
                                InvoiceStatus::Refunded, InvoiceStatus::PartiallyRefunded};

} // namespace

class TestBillingStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        for (InvoiceStatus s : kAll)
            QCOMPARE(InvoiceStatuses::fromString(InvoiceStatuses::toString(s)), s);
        QCOMPARE(InvoiceStatuses::all().size(), kAll.size());
        QVERIFY(!InvoiceStatuses::fromString(QStringLiteral("overdue")));
        QVERIFY(!InvoiceStatuses::fromString(QStringLiteral("Paid")));
    }

    // All 36 pairs: exactly the six listed moves are allowed.
    void transitions_data()
    {
        QTest::addColumn<InvoiceStatus>("from");
        QTest::addColumn<InvoiceStatus>("to");
        QTest::addColumn<bool>("allowed");
        const QList<QPair<InvoiceStatus, InvoiceStatus>> allowed{
            {InvoiceStatus::Draft, InvoiceStatus::Unpaid},
            {InvoiceStatus::Unpaid, InvoiceStatus::Paid},
            {InvoiceStatus::Unpaid, InvoiceStatus::Cancelled},
            {InvoiceStatus::Paid, InvoiceStatus::Refunded},
            {InvoiceStatus::Paid, InvoiceStatus::PartiallyRefunded},
            {InvoiceStatus::PartiallyRefunded, InvoiceStatus::Refunded},
        };
        for (InvoiceStatus from : kAll) {
            for (InvoiceStatus to : kAll) {
                const QByteArray name =
                    (InvoiceStatuses::toString(from) + QStringLiteral(" -> ") + InvoiceStatuses::toString(to))
                        .toUtf8();
                QTest::newRow(name.constData()) << from << to << allowed.contains({from, to});
            }
        }
    }

    void transitions()
    {
        QFETCH(InvoiceStatus, from);
        QFETCH(InvoiceStatus, to);
        QFETCH(bool, allowed);
        const mp::Status s = InvoiceStatuses::checkTransition(from, to);
        QCOMPARE(s.ok(), allowed);
        QCOMPARE(InvoiceStatuses::allowedFrom(from).contains(to), allowed);
        if (!allowed) {
            QCOMPARE(s.error().code, QStringLiteral("invalid_transition"));
            QCOMPARE(s.error().field, QStringLiteral("status"));
            QVERIFY(s.error().message.contains(InvoiceStatuses::toString(from)));
        }
    }

    void immutability()
    {
        QVERIFY(!InvoiceStatuses::isImmutable(InvoiceStatus::Draft));
        QVERIFY(!InvoiceStatuses::isImmutable(InvoiceStatus::Unpaid));
        QVERIFY(InvoiceStatuses::isImmutable(InvoiceStatus::Paid));
        QVERIFY(InvoiceStatuses::isImmutable(InvoiceStatus::Refunded));
    }

    void format_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("year");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<QString>("number");
        QTest::newRow("default") << QString::fromLatin1(InvoiceNumberFormat::kDefaultInvoicePattern) << 2026
                                 << qint64(123) << "INV-2026-000123";
        QTest::newRow("credit note") << QString::fromLatin1(InvoiceNumberFormat::kDefaultCreditNotePattern)
                                     << 2026 << qint64(1) << "CN-2026-000001";
        QTest::newRow("short year") << "R{YY}/{NNNN}" << 2031 << qint64(42) << "R31/0042";
        QTest::newRow("outgrows its digits") << "{YYYY}{NN}" << 2026 << qint64(1234) << "20261234";
        QTest::newRow("sequence first") << "{NNN}-{YYYY}" << 2026 << qint64(7) << "007-2026";
    }

    void format()
    {
        QFETCH(QString, pattern);
        QFETCH(int, year);
        QFETCH(qint64, sequence);
        QFETCH(QString, number);
        QVERIFY(InvoiceNumberFormat::validate(pattern).ok());
        QCOMPARE(InvoiceNumberFormat::format(pattern, year, sequence), number);
    }

    void formatRejects_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("empty") << "";
        QTest::newRow("no sequence") << "INV-{YYYY}";
        QTest::newRow("two sequences") << "{YYYY}-{NN}-{NN}";
        QTest::newRow("no year") << "INV-{NNNNNN}";
        QTest::newRow("unknown placeholder") << "INV-{MM}-{YYYY}-{NNN}";
        QTest::newRow("unclosed") << "INV-{YYYY-{NNN}";
        QTest::newRow("stray brace") << "INV}-{YYYY}-{NNN}";
        QTest::newRow("space") << "INV {YYYY}-{NNN}";
        QTest::newRow("too long") << "INVOICE-NUMBER-OF-THE-COMPANY-{YYYY}-{NNNNNN}";
        QTest::newRow("non-ASCII") << QStringLiteral("R\u00e9-{YYYY}-{NNN}");
    }

    void formatRejects()
    {
        QFETCH(QString, pattern);
        const mp::Status s = InvoiceNumberFormat::validate(pattern, QStringLiteral("invoice_number_format"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("invalid_number_format"));
        QCOMPARE(s.error().field, QStringLiteral("invoice_number_format"));
    }
};

QTEST_GUILESS_MAIN(TestBillingStatus)
#include "tst_billing_status.moc"
