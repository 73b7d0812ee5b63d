#include "guardian/guardian_settings.h"

#include "core/errors.h"
#include "db/sql.h"
#include "guardian/guardian_errors.h"
#include "guardian/guardian_json.h"
#include "guardian/ip_address.h"
#include "jobs/job_sql_values.h"

namespace mp::guardian {

namespace {

// Body field -> column, for the integer settings.
struct IntSetting {
    const char *field;
    int Thresholds::*threshold;
    int GuardianSettings::*setting;
};
constexpr IntSetting kInts[] = {
    {"window_s", &Thresholds::windowS, nullptr},
    {"brute_force_threshold", &Thresholds::bruteForce, nullptr},
    {"spray_accounts", &Thresholds::sprayAccounts, nullptr},
    {"account_addresses", &Thresholds::accountAddresses, nullptr},
    {"probe_threshold", &Thresholds::probe, nullptr},
    {"flood_threshold", &Thresholds::flood, nullptr},
    {"spam_threshold", &Thresholds::spam, nullptr},
    {"spam_window_s", &Thresholds::spamWindowS, nullptr},
    {"ban_base_s", nullptr, &GuardianSettings::banBaseS},
    {"ban_factor", nullptr, &GuardianSettings::banFactor},
    {"ban_max_s", nullptr, &GuardianSettings::banMaxS},
};

int &slot(GuardianSettings &s, const IntSetting &i)
{
    return i.threshold ? s.thresholds.*(i.threshold) : s.*(i.setting);
}

int get(const GuardianSettings &s, const IntSetting &i)
{
    return i.threshold ? s.thresholds.*(i.threshold) : s.*(i.setting);
}

} // namespace

QJsonObject GuardianSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("auto_remediate"), autoRemediate},
                  {QStringLiteral("firewall_mode"), firewallMode}};
    for (const IntSetting &i : kInts)
        o.insert(QLatin1String(i.field), get(*this, i));
    return o;
}

int GuardianSettings::banSeconds(int offence) const
{
    qint64 ban = banBaseS;
    for (int i = 1; i < offence && ban < banMaxS; ++i)
        ban *= banFactor;
    return static_cast<int>(std::min<qint64>(ban, banMaxS));
}

Result<GuardianSettings> GuardianSettingsStore::load(const QSqlDatabase &db)
{
    QStringList columns;
    for (const IntSetting &i : kInts)
        columns.append(QLatin1String(i.field));
    auto q = sql::exec(db, QStringLiteral("SELECT auto_remediate, firewall_mode, %1 FROM guardian_settings")
                               .arg(columns.join(QStringLiteral(", "))));
    if (!q)
        return q.error();
    GuardianSettings s;
    if (!q->next())
        return s;
    s.autoRemediate = q->value(0).toBool();
    s.firewallMode = q->value(1).toString();
    int column = 2;
    for (const IntSetting &i : kInts)
        slot(s, i) = q->value(column++).toInt();
    return s;
}

Result<GuardianSettings> GuardianSettingsStore::update(const QSqlDatabase &db, const QString &tenantId,
                                                       const api::BodyValues &body, const QDateTime &now)
{
    auto current = load(db);
    if (!current)
        return current.error();
    GuardianSettings s = *current;
    for (const IntSetting &i : kInts)
        if (auto v = body.integer(QLatin1String(i.field)))
            slot(s, i) = static_cast<int>(*v);
    if (auto v = body.boolean(QStringLiteral("auto_remediate")))
        s.autoRemediate = *v;
    if (auto v = body.string(QStringLiteral("firewall_mode")))
        s.firewallMode = *v;
    QStringList columns, sets;
    QVariantList binds{tenantId, s.autoRemediate, s.firewallMode};
    for (const IntSetting &i : kInts) {
        columns.append(QLatin1String(i.field));
        sets.append(QStringLiteral("%1 = EXCLUDED.%1").arg(QLatin1String(i.field)));
        binds.append(get(s, i));
    }
    binds.append(jobsql::timestamp(now));
    auto q = sql::exec(
        db,
        QStringLiteral("INSERT INTO guardian_settings (tenant_id, auto_remediate, firewall_mode, %1, "
                       "updated_at) VALUES (?, ?, ?, %2?::timestamptz) ON CONFLICT (tenant_id) DO "
                       "UPDATE SET auto_remediate = EXCLUDED.auto_remediate, firewall_mode = "
                       "EXCLUDED.firewall_mode, %3, updated_at = EXCLUDED.updated_at")
            .arg(columns.join(QStringLiteral(", ")),
                 QStringLiteral("?, ").repeated(static_cast<qsizetype>(std::size(kInts))),
                 sets.join(QStringLiteral(", "))),
        binds);
    if (!q)
        return sql::hasSqlState(q.error(), sql::CheckViolation)
                   ? makeError(errors::InvalidValue, QStringLiteral("a setting is out of its range"))
                   : q.error();
    return s;
}

Result<Allowlist> Allowlist::load(const QSqlDatabase &db)
{
    auto q = sql::exec(db, QStringLiteral("SELECT cidr FROM guardian_allowlist"));
    if (!q)
        return q.error();
    Allowlist a;
    while (q->next())
        a.m_cidrs.append(q->value(0).toString());
    return a;
}

bool Allowlist::covers(const QString &address) const
{
    const std::string a = address.toStdString();
    for (const QString &cidr : m_cidrs)
        if (cidrContains(cidr.toStdString(), a))
            return true;
    return false;
}

Result<QJsonArray> Allowlist::list(const QSqlDatabase &db)
{
    auto q = sql::exec(
        db, QStringLiteral("SELECT id, cidr, note, created_at FROM guardian_allowlist ORDER BY cidr"));
    if (!q)
        return q.error();
    return rowsJson(*q);
}

Result<QJsonObject> Allowlist::add(const QSqlDatabase &db, const QString &tenantId,
                                   const api::BodyValues &body, const QDateTime &now)
{
    const QString text = body.string(QStringLiteral("cidr"), {});
    const auto cidr = canonicalCidr(text.toStdString());
    if (!cidr)
        return makeError(errors::InvalidAddress,
                         QStringLiteral("cidr is an address or a network (10.0.0.0/8)"),
                         QStringLiteral("cidr"));
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO guardian_allowlist (tenant_id, cidr, note, created_at) "
                                 "VALUES (?, ?, ?, ?::timestamptz) RETURNING id, cidr, note, created_at"),
                  {tenantId, QString::fromStdString(*cidr),
                   body.string(QStringLiteral("note"), {}).isEmpty()
                       ? QVariant(QMetaType(QMetaType::QString))
                       : QVariant(body.string(QStringLiteral("note"), {})),
                   jobsql::timestamp(now)});
    if (!q)
        return sql::hasSqlState(q.error(), sql::UniqueViolation)
                   ? makeError(errors::AllowlistEntryTaken,
                               QStringLiteral("this network is on the allowlist"), QStringLiteral("cidr"))
                   : q.error();
    q->next();
    return rowJson(*q);
}

} // namespace mp::guardian
