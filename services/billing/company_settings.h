#pragma once

#include "api/request_body.h"
#include "billing/billing_settings.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// The tenant's logo as stored: PNG or JPEG bytes and their type; empty when none.
struct CompanyLogo {
    QByteArray bytes;
    QString type; // "image/png", "image/jpeg"

    bool isEmpty() const { return bytes.isEmpty(); }
};

// Company and tax settings as staff edit them (PUT /api/billing/settings and the console's
// Settings page run the same update): the seller block, the seller's country, invoice
// numbering, payment terms, price mode, reverse charge and the logo.
class CompanySettingsStore {
public:
    static constexpr qsizetype kMaxLogoBytes = 512 * 1024;

    static const api::RequestBody &body();
    // Fields left out keep their value; `logo` null removes the logo. Errors name the field
    // and change nothing.
    static Result<BillingSettings> update(TenantTransaction &tx, const api::BodyValues &body,
                                          const QDateTime &now);
    static Result<CompanyLogo> logo(TenantTransaction &tx);
    static QJsonObject toJson(const BillingSettings &settings, const CompanyLogo &logo);
    // "image/png" or "image/jpeg" from the bytes' signature; empty for anything else.
    static QString imageType(const QByteArray &bytes);
};

} // namespace mp::billing
