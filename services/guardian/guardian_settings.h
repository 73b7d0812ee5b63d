#pragma once

#include "api/body_values.h"
#include "core/result.h"
#include "guardian/analyzer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mp::guardian {

// A tenant's Guardian settings (guardian_settings; the defaults while it has no row).
struct GuardianSettings {
    Thresholds thresholds;
    bool autoRemediate = false;
    int banBaseS = 600;
    int banFactor = 4;
    int banMaxS = 2592000;
    QString firewallMode = QStringLiteral("record");

    QJsonObject toJson() const;
    // The ban for the `offence`-th block of one address: base, then factor times the last, capped.
    int banSeconds(int offence) const;
};

class GuardianSettingsStore {
public:
    static Result<GuardianSettings> load(const QSqlDatabase &db);
    // Changes the fields present in `body`; the others keep their value.
    static Result<GuardianSettings> update(const QSqlDatabase &db, const QString &tenantId,
                                           const api::BodyValues &body, const QDateTime &now);
};

// The addresses and networks of a tenant that are never blocked (its own offices, monitoring).
class Allowlist {
public:
    static Result<Allowlist> load(const QSqlDatabase &db);
    bool covers(const QString &address) const; // an address or a /64
    static Result<QJsonArray> list(const QSqlDatabase &db);
    static Result<QJsonObject> add(const QSqlDatabase &db, const QString &tenantId,
                                   const api::BodyValues &body, const QDateTime &now);

private:
    QStringList m_cidrs;
};

} // namespace mp::guardian
