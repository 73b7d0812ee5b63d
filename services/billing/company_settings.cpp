#include "billing/company_settings.h"

#include "billing/billing_errors.h"
#include "billing/invoice_number_format.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QLocale>
#include <QRegularExpression>

namespace mp::billing {

namespace {

Error invalid(const QString &field, const QString &message, const ErrorCode &code = errors::InvalidValue)
{
    return makeError(code, message, field);
}

// An ISO 3166-1 alpha-2 code QLocale knows as a territory ("DE"); "" clears.
Status checkCountry(const QString &code, const QString &field)
{
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Z]{2}$"));
    if (code.isEmpty())
        return {};
    if (!twoLetters.match(code).hasMatch() || QLocale::codeToTerritory(code) == QLocale::AnyTerritory)
        return invalid(
            field, QStringLiteral("'%1' is not an ISO 3166-1 alpha-2 country code such as \"DE\"").arg(code));
    return {};
}

} // namespace

QString CompanySettingsStore::imageType(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return QStringLiteral("image/png");
    if (bytes.startsWith(QByteArrayLiteral("\xff\xd8\xff")))
        return QStringLiteral("image/jpeg");
    return {};
}

const api::RequestBody &CompanySettingsStore::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("CompanySettingsInput"))
            .add(BodyField::string(QStringLiteral("seller_name"))
                     .maxLength(200)
                     .describe(QStringLiteral("the company name printed as the invoice's sender")))
            .add(BodyField::string(QStringLiteral("seller_address"))
                     .maxLength(1000)
                     .describe(QStringLiteral("postal address, one line per line")))
            .add(BodyField::string(QStringLiteral("seller_tax_id"))
                     .maxLength(50)
                     .describe(QStringLiteral("the seller's VAT ID, e.g. DE123456789")))
            .add(BodyField::string(QStringLiteral("seller_email"))
                     .maxLength(254)
                     .format(QStringLiteral("email")))
            .add(BodyField::string(QStringLiteral("bank_details"))
                     .maxLength(1000)
                     .describe(QStringLiteral("printed under an unpaid invoice: IBAN, BIC, bank")))
            .add(BodyField::string(QStringLiteral("country"))
                     .nullable()
                     .maxLength(2)
                     .describe(QStringLiteral(
                         "the seller's ISO 3166-1 alpha-2 country: decides domestic tax and reverse charge")))
            .add(BodyField::string(QStringLiteral("invoice_number_format"))
                     .maxLength(40)
                     .describe(QStringLiteral("e.g. INV-{YYYY}-{NNNNNN}: {YYYY} or {YY}, and one {N...}")))
            .add(BodyField::string(QStringLiteral("credit_note_number_format")).maxLength(40))
            .add(BodyField::integer(QStringLiteral("payment_terms_days"))
                     .minimum(0)
                     .maximum(365)
                     .outOfRange(errors::InvalidValue)
                     .describe(QStringLiteral("days from issue to due date")))
            .add(BodyField::string(QStringLiteral("price_mode"))
                     .oneOf({QStringLiteral("exclusive"), QStringLiteral("inclusive")}, errors::InvalidValue,
                            QStringLiteral("PriceMode"))
                     .describe(QStringLiteral("whether catalog prices include tax")))
            .add(BodyField::boolean(QStringLiteral("reverse_charge"))
                     .describe(QStringLiteral("EU B2B buyers in another member state with a VAT ID pay no "
                                              "VAT (the recipient accounts for it); false: they pay their "
                                              "country's rate")))
            .add(BodyField::string(QStringLiteral("logo"))
                     .nullable()
                     .maxLength(int(kMaxLogoBytes / 3 * 4 + 4))
                     .writeOnly()
                     .describe(QStringLiteral("a PNG or JPEG of at most 512 KiB, base64; null removes it")));
    return body;
}

Result<BillingSettings> CompanySettingsStore::update(TenantTransaction &tx, const api::BodyValues &body,
                                                     const QDateTime &now)
{
    auto current = BillingSettingsStore::load(tx);
    if (!current)
        return current.error();
    BillingSettings s = *current;
    const auto text = [&body](const QString &key, QString &into) {
        if (const auto v = body.string(key))
            into = v->trimmed();
    };
    text(QStringLiteral("seller_name"), s.sellerName);
    text(QStringLiteral("seller_address"), s.sellerAddress);
    text(QStringLiteral("seller_tax_id"), s.sellerTaxId);
    text(QStringLiteral("seller_email"), s.sellerEmail);
    text(QStringLiteral("bank_details"), s.bankDetails);
    if (body.has(QStringLiteral("country"))) {
        s.country = body.string(QStringLiteral("country"), QString()).trimmed().toUpper();
        if (auto ok = checkCountry(s.country, QStringLiteral("country")); !ok)
            return ok.error();
    }
    if (s.sellerEmail.size() > 0 && !s.sellerEmail.contains(u'@'))
        return invalid(QStringLiteral("seller_email"),
                       QStringLiteral("seller_email must be an email address"));
    if (const auto v = body.string(QStringLiteral("invoice_number_format"))) {
        if (auto ok = InvoiceNumberFormat::validate(*v, QStringLiteral("invoice_number_format")); !ok)
            return ok.error();
        s.invoiceNumberFormat = *v;
    }
    if (const auto v = body.string(QStringLiteral("credit_note_number_format"))) {
        if (auto ok = InvoiceNumberFormat::validate(*v, QStringLiteral("credit_note_number_format")); !ok)
            return ok.error();
        s.creditNoteNumberFormat = *v;
    }
    if (const auto v = body.integer(QStringLiteral("payment_terms_days")))
        s.paymentTermsDays = int(*v);
    if (const auto v = body.string(QStringLiteral("price_mode")))
        s.priceMode = *v == QLatin1String("inclusive") ? PriceMode::TaxInclusive : PriceMode::TaxExclusive;
    if (const auto v = body.boolean(QStringLiteral("reverse_charge")))
        s.reverseCharge = *v;

    // The logo: absent keeps it, null or "" removes it, otherwise it must decode to an image.
    std::optional<CompanyLogo> logo;
    if (body.has(QStringLiteral("logo"))) {
        const QString encoded = body.string(QStringLiteral("logo"), QString());
        CompanyLogo l;
        if (!encoded.isEmpty()) {
            auto decoded =
                QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return invalid(QStringLiteral("logo"), QStringLiteral("logo must be base64"));
            l.bytes = *decoded;
            if (l.bytes.size() > kMaxLogoBytes)
                return invalid(QStringLiteral("logo"), QStringLiteral("logo is at most 512 KiB"));
            l.type = imageType(l.bytes);
            if (l.type.isEmpty())
                return invalid(QStringLiteral("logo"), QStringLiteral("logo must be a PNG or JPEG image"));
        }
        logo = l;
    }

    auto q = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE billing_settings SET seller_name = ?, seller_address = ?, seller_tax_id = ?, "
                       "seller_email = ?, bank_details = ?, invoice_number_format = ?, "
                       "credit_note_number_format = ?, payment_terms_days = ?, price_mode = ?, "
                       "reverse_charge = ?, updated_at = ?::timestamptz"),
        {s.sellerName, s.sellerAddress, s.sellerTaxId, s.sellerEmail, s.bankDetails, s.invoiceNumberFormat,
         s.creditNoteNumberFormat, s.paymentTermsDays, priceModeName(s.priceMode), s.reverseCharge,
         now.toUTC()});
    if (!q)
        return q.error();
    if (logo) {
        const bool none = logo->isEmpty();
        auto l = sql::exec(tx.db(), QStringLiteral("UPDATE billing_settings SET logo = ?, logo_type = ?"),
                           {none ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(logo->bytes),
                            none ? QVariant(QMetaType::fromType<QString>()) : QVariant(logo->type)});
        if (!l)
            return l.error();
    }
    if (s.country != current->country) {
        auto t =
            sql::exec(tx.db(), QStringLiteral("UPDATE tenants SET country = ? WHERE id = ?::uuid"),
                      {s.country.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s.country),
                       tx.tenantId()});
        if (!t)
            return t.error();
    }
    return s;
}

Result<CompanyLogo> CompanySettingsStore::logo(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(), QStringLiteral("SELECT logo, coalesce(logo_type, '') FROM billing_settings"));
    if (!q)
        return q.error();
    CompanyLogo l;
    if (q->next()) {
        l.bytes = q->value(0).toByteArray();
        l.type = q->value(1).toString();
    }
    return l;
}

QJsonObject CompanySettingsStore::toJson(const BillingSettings &s, const CompanyLogo &logo)
{
    const auto orNull = [](const QString &v) { return v.isEmpty() ? QJsonValue() : QJsonValue(v); };
    return {{QStringLiteral("seller_name"), s.sellerName},
            {QStringLiteral("seller_address"), s.sellerAddress},
            {QStringLiteral("seller_tax_id"), s.sellerTaxId},
            {QStringLiteral("seller_email"), s.sellerEmail},
            {QStringLiteral("bank_details"), s.bankDetails},
            {QStringLiteral("country"), orNull(s.country)},
            {QStringLiteral("invoice_number_format"), s.invoiceNumberFormat},
            {QStringLiteral("credit_note_number_format"), s.creditNoteNumberFormat},
            {QStringLiteral("payment_terms_days"), s.paymentTermsDays},
            {QStringLiteral("price_mode"), priceModeName(s.priceMode)},
            {QStringLiteral("reverse_charge"), s.reverseCharge},
            {QStringLiteral("default_currency"), s.defaultCurrency},
            {QStringLiteral("logo_type"), orNull(logo.type)},
            {QStringLiteral("logo_bytes"), logo.bytes.size()}};
}

} // namespace mp::billing
