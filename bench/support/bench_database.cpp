#include "support/bench_database.h"

#include "db/connection_settings.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "tenancy/tenants.h"

namespace mp::bench {

Result<BenchDatabase> openBenchDatabase(const QString &databaseUrl)
{
    auto settings = ConnectionSettings::fromUrl(databaseUrl);
    if (!settings)
        return settings.error();
    {
        auto conn = PgConnection::connect(*settings);
        if (!conn)
            return conn.error();
        if (auto m = Migrator(*conn.value()).migrate(); !m)
            return m.error();
    }
    auto opened = sql::open(*settings, QStringLiteral("bench"));
    if (!opened)
        return opened.error();
    auto tenant = Tenants::create(*opened, QStringLiteral("Bench Hosting"));
    if (!tenant)
        return tenant.error();
    return BenchDatabase{*opened, *tenant};
}

} // namespace mp::bench
