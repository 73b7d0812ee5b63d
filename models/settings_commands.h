#pragma once

#include "billing/company_settings.h"
#include "billing/tax_rate_store.h"
#include "staff_command.h"

#include <QJsonObject>

namespace mp {

// What the console's Settings section asks of billing's company and tax settings (contract in
// staff_command.h): the functions PUT /api/billing/settings and /api/tax-rates run.
namespace commands {

struct CompanySettingsDetail {
    billing::BillingSettings settings;
    billing::CompanyLogo logo;
    QList<billing::TaxRateRecord> rates;
};

void loadCompanySettings(ConsoleSession *session, QObject *context, Reply<CompanySettingsDetail> reply);
// `body` is the REST body of PUT /api/billing/settings; refused values name the field.
void saveCompanySettings(ConsoleSession *session, QObject *context, const QJsonObject &body,
                         Reply<CompanySettingsDetail> reply);
// `body` is the REST body of POST /api/tax-rates.
void addTaxRate(ConsoleSession *session, QObject *context, const QJsonObject &body,
                Reply<billing::TaxRateRecord> reply);
void removeTaxRate(ConsoleSession *session, QObject *context, const QString &id, Reply<bool> reply);

} // namespace commands
} // namespace mp
