// Company and tax settings through the real HTTP API: staff set the seller's details, country,
// numbering, terms, reverse charge, logo and tax rates, and the next invoices read them (a German
// customer of a German seller pays the German rate, an EU business with a VAT ID gets reverse
// charge); bad input is a 4xx naming the field and changes nothing; read-only staff change nothing.
#include "core/clock.h"
#include "support/service_fixture.h"

#include <QBuffer>
#include <QImage>
#include <QProcess>
#include <QTemporaryFile>

using namespace mp;
using namespace mp::test;

namespace {

const QDateTime kStart(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray pngLogo()
{
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(Qt::darkBlue);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// What a PDF reader shows of `pdf` (pdftotext), or the images it holds (pdfimages -list).
QString pdfTool(const QString &tool, const QByteArray &pdf, const QStringList &arguments)
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    file.write(pdf);
    file.flush();
    QProcess p;
    QStringList args = QStringList(arguments) << file.fileName();
    if (tool == QLatin1String("pdftotext"))
        args << QStringLiteral("-"); // to standard output
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning("%s: %s", qPrintable(tool), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestCompanySettings : public QObject {
    Q_OBJECT

    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    QString m_tenant, m_admin, m_reader, m_billing;
    QString m_product;
    QString m_german, m_austrianBusiness, m_austrianConsumer, m_british; // access tokens
    QString m_germanInvoice, m_britishInvoice;

    QJsonObject checkout(const QString &token)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/checkout"), token,
                                  {{QStringLiteral("product_id"), m_product},
                                   {QStringLiteral("cycle"), QStringLiteral("monthly")}});
        if (r.status != 201)
            qWarning("checkout: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("invoice")).toObject();
    }
    QByteArray settingsRow()
    {
        return m_api
            .text(QStringLiteral("SELECT row(s.*, t.country)::text FROM billing_settings s JOIN tenants t ON "
                                 "t.id = s.tenant_id WHERE s.tenant_id = ?::uuid"),
                  {m_tenant})
            .toUtf8();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        m_api.start(QStringLiteral("company"));
        m_tenant = m_api.tenant(QStringLiteral("Hosting Nord"));
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        m_billing = m_api.staffToken(m_tenant, StaffRole::Billing);
        m_product =
            m_api.text(QStringLiteral("INSERT INTO products (tenant_id, type, name, visibility) VALUES "
                                      "(?::uuid, 'other', 'Web M', 'active') RETURNING id::text"),
                       {m_tenant});
        m_api.exec(QStringLiteral("INSERT INTO product_prices (tenant_id, product_id, cycle, currency, "
                                  "amount_minor) VALUES (?::uuid, ?::uuid, 'monthly', 'EUR', 1000)"),
                   {m_tenant, m_product});
        m_german = m_api
                       .signUp(m_tenant, QStringLiteral("Greta"), QStringLiteral("greta@example.de"),
                               QStringLiteral("DE"))
                       .first;
        m_austrianBusiness = m_api
                                 .signUp(m_tenant, QStringLiteral("Alpen GmbH"),
                                         QStringLiteral("office@alpen.example"), QStringLiteral("AT"))
                                 .first;
        m_api.exec(QStringLiteral("UPDATE customers SET tax_id = 'ATU12345678' WHERE email = ?"),
                   {QStringLiteral("office@alpen.example")});
        m_austrianConsumer = m_api
                                 .signUp(m_tenant, QStringLiteral("Anton"),
                                         QStringLiteral("anton@example.at"), QStringLiteral("AT"))
                                 .first;
        m_british = m_api
                        .signUp(m_tenant, QStringLiteral("Grace"), QStringLiteral("grace@example.co.uk"),
                                QStringLiteral("GB"))
                        .first;
    }

    // What the issue saw: with nothing configured the seller block is the tenant's name only
    // and a German customer pays no tax. The settings below change exactly that.
    void unconfiguredTenantChargesNoTax()
    {
        const QJsonObject inv = checkout(m_german);
        QCOMPARE(str(inv, "tax"), QStringLiteral("0.00"));
        QCOMPARE(str(inv.value(QStringLiteral("seller")).toObject(), "address"), QString());
    }

    void staffSetTheCompanyDetails()
    {
        const QJsonObject body{
            {QStringLiteral("seller_name"), QStringLiteral("Hosting Nord GmbH")},
            {QStringLiteral("seller_address"), QStringLiteral("Hafenstr. 5\n20457 Hamburg")},
            {QStringLiteral("seller_tax_id"), QStringLiteral("DE123456789")},
            {QStringLiteral("seller_email"), QStringLiteral("billing@nord.example")},
            {QStringLiteral("bank_details"), QStringLiteral("IBAN DE02 1203 0000 0000 2020 51")},
            {QStringLiteral("country"), QStringLiteral("DE")},
            {QStringLiteral("invoice_number_format"), QStringLiteral("RE-{YYYY}-{NNNN}")},
            {QStringLiteral("payment_terms_days"), 30},
            {QStringLiteral("logo"), QString::fromLatin1(pngLogo().toBase64())}};
        const auto r = m_api.call("PUT", QStringLiteral("/api/billing/settings"), m_admin, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json(), "country"), QStringLiteral("DE"));
        QCOMPARE(str(r.json(), "logo_type"), QStringLiteral("image/png"));
        QVERIFY(!r.json().contains(QStringLiteral("logo")));
        const auto got = m_api.call("GET", QStringLiteral("/api/billing/settings"), m_reader);
        QCOMPARE(got.status, 200);
        QCOMPARE(str(got.json(), "seller_name"), QStringLiteral("Hosting Nord GmbH"));
        QCOMPARE(got.json().value(QStringLiteral("payment_terms_days")).toInt(), 30);
        QVERIFY(got.json().value(QStringLiteral("reverse_charge")).toBool());
        QCOMPARE(m_api.text(QStringLiteral("SELECT country FROM tenants WHERE id = ?::uuid"), {m_tenant}),
                 QStringLiteral("DE"));
    }

    void staffAddTaxRates()
    {
        const auto add = [this](const QJsonObject &body) {
            const auto r = m_api.call("POST", QStringLiteral("/api/tax-rates"), m_admin, body);
            if (r.status != 201)
                qWarning("tax rate: %d %s", r.status, r.body.constData());
            return r;
        };
        QCOMPARE(add({{QStringLiteral("country"), QStringLiteral("DE")},
                      {QStringLiteral("name"), QStringLiteral("USt.")},
                      {QStringLiteral("rate"), QStringLiteral("16")},
                      {QStringLiteral("valid_from"), QStringLiteral("2020-07-01")},
                      {QStringLiteral("valid_to"), QStringLiteral("2021-01-01")}})
                     .status,
                 201);
        const auto de = add({{QStringLiteral("country"), QStringLiteral("DE")},
                             {QStringLiteral("name"), QStringLiteral("USt.")},
                             {QStringLiteral("rate"), QStringLiteral("19")}});
        QCOMPARE(de.status, 201);
        QCOMPARE(de.json().value(QStringLiteral("rate_ppm")).toInteger(), 190000);
        // A rate that only starts next year does not apply today.
        QCOMPARE(add({{QStringLiteral("country"), QStringLiteral("DE")},
                      {QStringLiteral("name"), QStringLiteral("USt.")},
                      {QStringLiteral("rate"), QStringLiteral("21")},
                      {QStringLiteral("valid_from"), QStringLiteral("2027-01-01")}})
                     .status,
                 201);
        QCOMPARE(add({{QStringLiteral("country"), QStringLiteral("AT")},
                      {QStringLiteral("name"), QStringLiteral("USt.")},
                      {QStringLiteral("rate"), QStringLiteral("20")}})
                     .status,
                 201);
        const auto list = m_api.call("GET", QStringLiteral("/api/tax-rates"), m_reader);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 4);
    }

    void germanCustomerOfGermanSellerPaysTheGermanRate()
    {
        const QJsonObject inv = checkout(m_german);
        QCOMPARE(str(inv, "net"), QStringLiteral("10.00"));
        QCOMPARE(str(inv, "tax"), QStringLiteral("1.90"));
        QCOMPARE(str(inv, "total"), QStringLiteral("11.90"));
        QVERIFY(!inv.value(QStringLiteral("reverse_charge")).toBool());
        QVERIFY2(str(inv, "number").startsWith(QLatin1String("RE-2026-")), qPrintable(str(inv, "number")));
        QCOMPARE(str(inv, "due_date"), QStringLiteral("2026-12-24"));
        const QJsonObject seller = inv.value(QStringLiteral("seller")).toObject();
        QCOMPARE(str(seller, "name"), QStringLiteral("Hosting Nord GmbH"));
        QCOMPARE(str(seller, "address"), QStringLiteral("Hafenstr. 5\n20457 Hamburg"));
        QCOMPARE(str(seller, "tax_id"), QStringLiteral("DE123456789"));
        QCOMPARE(str(seller, "country"), QStringLiteral("DE"));
        m_germanInvoice = str(inv, "id");
    }

    void euBusinessWithVatIdGetsReverseCharge()
    {
        const QJsonObject inv = checkout(m_austrianBusiness);
        QCOMPARE(str(inv, "tax"), QStringLiteral("0.00"));
        QCOMPARE(str(inv, "total"), QStringLiteral("10.00"));
        QVERIFY(inv.value(QStringLiteral("reverse_charge")).toBool());
        QVERIFY(str(inv, "tax_note").startsWith(QLatin1String("Reverse charge")));
    }

    void euConsumerPaysTheirCountrysRate()
    {
        const QJsonObject inv = checkout(m_austrianConsumer);
        QCOMPARE(str(inv, "tax"), QStringLiteral("2.00"));
        QVERIFY(!inv.value(QStringLiteral("reverse_charge")).toBool());
    }

    void reverseChargeTurnedOffChargesTheBusiness()
    {
        QCOMPARE(m_api
                     .call("PUT", QStringLiteral("/api/billing/settings"), m_admin,
                           {{QStringLiteral("reverse_charge"), false}})
                     .status,
                 200);
        const QJsonObject inv = checkout(m_austrianBusiness);
        QCOMPARE(str(inv, "tax"), QStringLiteral("2.00"));
        QVERIFY(!inv.value(QStringLiteral("reverse_charge")).toBool());
        QCOMPARE(m_api
                     .call("PUT", QStringLiteral("/api/billing/settings"), m_admin,
                           {{QStringLiteral("reverse_charge"), true}})
                     .status,
                 200);
    }

    // The PDF a German customer gets is German, with the seller's details and logo; an English
    // customer's is English. Read back as a PDF reader shows it.
    void invoicePdfInTheCustomersLanguage()
    {
        const auto german =
            m_api.raw("GET", QStringLiteral("/api/invoices/%1/pdf").arg(m_germanInvoice), m_admin);
        QCOMPARE(german.status, 200);
        const QString text = pdfTool(QStringLiteral("pdftotext"), german.body, {QStringLiteral("-layout")});
        for (const char *expected :
             {"RECHNUNG", "Rechnungsnummer", "Rechnungsdatum", "24.11.2026", "24.12.2026", "UNBEZAHLT",
              "Hosting Nord GmbH", "Hafenstr. 5", "20457 Hamburg", "USt-IdNr.: DE123456789",
              "USt. 19 % auf 10,00", "11,90 EUR", "Bitte zahlen Sie bis zum 24.12.2026",
              "IBAN DE02 1203 0000 0000 2020 51"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)),
                     qPrintable(QString::fromUtf8(expected) + u'\n' + text));
        QVERIFY2(!text.contains(QLatin1String("INVOICE")), qPrintable(text));
        const QString images = pdfTool(QStringLiteral("pdfimages"), german.body, {QStringLiteral("-list")});
        QVERIFY2(images.split(u'\n', Qt::SkipEmptyParts).size() >= 3,
                 qPrintable(images)); // header, rule, logo

        const QJsonObject inv = checkout(m_british);
        m_britishInvoice = str(inv, "id");
        const auto english =
            m_api.raw("GET", QStringLiteral("/api/invoices/%1/pdf").arg(m_britishInvoice), m_british);
        QCOMPARE(english.status, 200);
        const QString en = pdfTool(QStringLiteral("pdftotext"), english.body, {QStringLiteral("-layout")});
        for (const char *expected : {"INVOICE", "Issue date", "2026-11-24", "UNPAID", "Hosting Nord GmbH",
                                     "VAT ID: DE123456789", "Please pay by 2026-12-24"})
            QVERIFY2(en.contains(QString::fromUtf8(expected)),
                     qPrintable(QString::fromUtf8(expected) + u'\n' + en));
        QVERIFY2(!en.contains(QLatin1String("RECHNUNG")), qPrintable(en));
    }

    // A customer who chose English reads English, whatever their country.
    void chosenLanguageWins()
    {
        m_api.exec(QStringLiteral("UPDATE customers SET language = 'en' WHERE email = 'greta@example.de'"));
        const auto r = m_api.raw("GET", QStringLiteral("/api/invoices/%1/pdf").arg(m_germanInvoice), m_admin);
        const QString text = pdfTool(QStringLiteral("pdftotext"), r.body, {QStringLiteral("-layout")});
        QVERIFY2(text.contains(QLatin1String("INVOICE")) && text.contains(QLatin1String("11.90 EUR")),
                 qPrintable(text));
        m_api.exec(QStringLiteral("UPDATE customers SET language = NULL WHERE email = 'greta@example.de'"));
    }

    void badInputNamesTheFieldAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QByteArray settings = "/api/billing/settings";
        QTest::newRow("unknown country")
            << settings << QJsonObject{{QStringLiteral("country"), QStringLiteral("XX")}} << 422
            << QStringLiteral("country");
        QTest::newRow("country name")
            << settings << QJsonObject{{QStringLiteral("country"), QStringLiteral("Germany")}} << 422
            << QStringLiteral("country");
        QTest::newRow("number without year")
            << settings
            << QJsonObject{{QStringLiteral("invoice_number_format"), QStringLiteral("INV-{NNNN}")}} << 422
            << QStringLiteral("invoice_number_format");
        QTest::newRow("terms too long")
            << settings << QJsonObject{{QStringLiteral("payment_terms_days"), 400}} << 422
            << QStringLiteral("payment_terms_days");
        QTest::newRow("logo not an image")
            << settings
            << QJsonObject{{QStringLiteral("logo"), QString::fromLatin1(QByteArray("GIF89a").toBase64())}}
            << 422 << QStringLiteral("logo");
        QTest::newRow("logo not base64")
            << settings << QJsonObject{{QStringLiteral("logo"), QStringLiteral("%%%")}} << 422
            << QStringLiteral("logo");
        QTest::newRow("unknown field")
            << settings << QJsonObject{{QStringLiteral("seller"), QStringLiteral("x")}} << 400
            << QStringLiteral("seller");
        const QByteArray rates = "/api/tax-rates";
        QTest::newRow("rate not a percentage") << rates
                                               << QJsonObject{{QStringLiteral("name"), QStringLiteral("VAT")},
                                                              {QStringLiteral("rate"), QStringLiteral("19%")}}
                                               << 422 << QStringLiteral("rate");
        QTest::newRow("rate over 100") << rates
                                       << QJsonObject{{QStringLiteral("name"), QStringLiteral("VAT")},
                                                      {QStringLiteral("rate"), QStringLiteral("101")}}
                                       << 422 << QStringLiteral("rate");
        QTest::newRow("rate without name")
            << rates << QJsonObject{{QStringLiteral("rate"), QStringLiteral("19")}} << 422
            << QStringLiteral("name");
        QTest::newRow("validity backwards")
            << rates
            << QJsonObject{{QStringLiteral("name"), QStringLiteral("VAT")},
                           {QStringLiteral("rate"), QStringLiteral("19")},
                           {QStringLiteral("valid_from"), QStringLiteral("2027-01-01")},
                           {QStringLiteral("valid_to"), QStringLiteral("2026-01-01")}}
            << 422 << QStringLiteral("valid_to");
    }
    void badInputNamesTheFieldAndChangesNothing()
    {
        QFETCH(QByteArray, path);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QByteArray before = settingsRow();
        const qint64 rates = m_api.scalar(QStringLiteral("SELECT count(*) FROM tax_rates"));
        const QByteArray method = path.endsWith("settings") ? "PUT" : "POST";
        const auto r = m_api.call(method, QString::fromLatin1(path), m_admin, body);
        QCOMPARE(r.status, status);
        QCOMPARE(str(r.json().value(QStringLiteral("error")).toObject(), "field"), field);
        QCOMPARE(settingsRow(), before);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM tax_rates")), rates);
    }

    void onlyOwnerAndAdminChangeSettings()
    {
        const QByteArray before = settingsRow();
        for (const QString &token : {m_reader, m_billing}) {
            QCOMPARE(m_api
                         .call("PUT", QStringLiteral("/api/billing/settings"), token,
                               {{QStringLiteral("seller_name"), QStringLiteral("Hijacked")}})
                         .status,
                     403);
            QCOMPARE(m_api
                         .call("POST", QStringLiteral("/api/tax-rates"), token,
                               {{QStringLiteral("name"), QStringLiteral("VAT")},
                                {QStringLiteral("rate"), QStringLiteral("0")}})
                         .status,
                     403);
        }
        QCOMPARE(settingsRow(), before);
    }

    void removeATaxRate()
    {
        const QString id = m_api.text(QStringLiteral("SELECT id::text FROM tax_rates WHERE country = 'AT'"));
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/tax-rates/%1").arg(id), m_admin).status, 200);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/tax-rates/%1").arg(id), m_admin).status, 404);
        QCOMPARE(str(checkout(m_austrianConsumer), "tax"), QStringLiteral("0.00"));
    }

    void logoCanBeRemoved()
    {
        const auto r = m_api.call("PUT", QStringLiteral("/api/billing/settings"), m_admin,
                                  {{QStringLiteral("logo"), QJsonValue::Null}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("logo_type")).isNull());
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM billing_settings WHERE logo IS NOT NULL")),
                 0);
    }
};

QTEST_MAIN(TestCompanySettings)
#include "tst_company_settings.moc"
