#include "settings_commands.h"

#include "core/clock.h"

namespace mp::commands {

namespace {

Result<CompanySettingsDetail> detail(TenantTransaction &tx, const billing::BillingSettings &settings)
{
    auto logo = billing::CompanySettingsStore::logo(tx);
    if (!logo)
        return logo.error();
    auto rates = billing::TaxRateStore::list(tx);
    if (!rates)
        return rates.error();
    return CompanySettingsDetail{settings, *logo, *rates};
}

} // namespace

void loadCompanySettings(ConsoleSession *session, QObject *context, Reply<CompanySettingsDetail> reply)
{
    runStaffCommand(
        session, context,
        [](TenantTransaction &tx) -> Result<CompanySettingsDetail> {
            auto settings = billing::BillingSettingsStore::load(tx);
            if (!settings)
                return settings.error();
            return detail(tx, *settings);
        },
        std::move(reply));
}

void saveCompanySettings(ConsoleSession *session, QObject *context, const QJsonObject &body,
                         Reply<CompanySettingsDetail> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageSettings,
        [body](TenantTransaction &tx) -> Result<CompanySettingsDetail> {
            auto values = billing::CompanySettingsStore::body().decode(body);
            if (!values)
                return values.error();
            auto settings = billing::CompanySettingsStore::update(tx, *values, Clock::current().now());
            if (!settings)
                return settings.error();
            return detail(tx, *settings);
        },
        std::move(reply));
}

void addTaxRate(ConsoleSession *session, QObject *context, const QJsonObject &body,
                Reply<billing::TaxRateRecord> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageSettings,
        [body](TenantTransaction &tx) -> Result<billing::TaxRateRecord> {
            auto values = billing::TaxRateStore::body().decode(body);
            if (!values)
                return values.error();
            return billing::TaxRateStore::create(tx, *values);
        },
        std::move(reply));
}

void removeTaxRate(ConsoleSession *session, QObject *context, const QString &id, Reply<bool> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageSettings,
        [id](TenantTransaction &tx) -> Result<bool> {
            if (auto removed = billing::TaxRateStore::remove(tx, id); !removed)
                return removed.error();
            return true;
        },
        std::move(reply));
}

} // namespace mp::commands
