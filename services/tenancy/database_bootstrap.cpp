#include "tenancy/database_bootstrap.h"

#include "db/embedded_cluster.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "tenancy/staff_accounts.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace mp {

namespace {

QString generatePassword()
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Status createDatabaseIfMissing(const EmbeddedCluster &cluster, const QString &name)
{
    auto admin = PgConnection::connect(cluster.superuserSettings(QStringLiteral("postgres")));
    if (!admin)
        return admin.error();
    auto rows = admin.value()->query(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name});
    if (!rows)
        return rows.error();
    if (!rows->isEmpty())
        return {};
    auto created =
        admin.value()->exec(QStringLiteral("CREATE DATABASE %1").arg(admin.value()->quoteIdentifier(name)));
    // Another process may have won the race between our check and our CREATE.
    if (!created && created.error().field != QLatin1String("42P04"))
        return created;
    return {};
}

Status writeCredentials(const QString &file, const StaffCredentials &credentials)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("embedded_db"), QStringLiteral("cannot write %1").arg(file));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(
        QStringLiteral("login=%1\npassword=%2\n").arg(credentials.login, credentials.password).toUtf8());
    if (!out.commit())
        return makeError(QStringLiteral("embedded_db"), QStringLiteral("cannot write %1").arg(file));
    return {};
}

// First start: a tenant and its owner. Keyed on "no staff yet" so a start that died halfway
// finishes the job next time instead of leaving a tenant nobody can sign in to.
Status ensureFirstOwner(PgConnection &conn, const QString &credentialsFile)
{
    auto staff = conn.query(QStringLiteral("SELECT count(*) FROM staff"));
    if (!staff)
        return staff.error();
    if (staff->value(0).value(0).toInt() > 0)
        return {};
    auto tenant = conn.query(QStringLiteral("SELECT id FROM tenants ORDER BY created_at LIMIT 1"));
    if (!tenant)
        return tenant.error();
    QString tenantId = tenant->isEmpty() ? QString() : tenant->value(0).value(0);
    if (tenantId.isEmpty()) {
        auto created = conn.query(QStringLiteral("INSERT INTO tenants (name) VALUES ($1) RETURNING id"),
                                  {QStringLiteral("My hosting company")});
        if (!created)
            return created.error();
        tenantId = created->value(0).value(0);
    }
    const StaffCredentials owner{QStringLiteral("owner"), generatePassword()};
    // Write the file first: a password that exists only in a role nobody can read is lost.
    if (auto s = writeCredentials(credentialsFile, owner); !s)
        return s;
    return StaffAccounts::add(conn, tenantId, owner.login, StaffRole::Owner, owner.password);
}

} // namespace

Result<DatabaseTarget> DatabaseBootstrap::resolve(const Config &config)
{
    DatabaseTarget target;
    if (!config.databaseUrl().isEmpty()) {
        auto settings = ConnectionSettings::fromUrl(config.databaseUrl());
        if (!settings)
            return settings.error();
        target.settings = settings.value();
        return target;
    }

    EmbeddedCluster cluster({config.dataDir() + QStringLiteral("/postgres")});
    if (auto s = cluster.ensureRunning(); !s)
        return s.error();
    if (auto s = createDatabaseIfMissing(cluster, embeddedDatabaseName()); !s)
        return s.error();
    target.embedded = true;
    target.settings = cluster.superuserSettings(embeddedDatabaseName());
    target.ownerCredentialsFile = config.dataDir() + QStringLiteral("/owner-credentials");

    auto conn = PgConnection::connect(target.settings);
    if (!conn)
        return conn.error();
    Migrator migrator(*conn.value());
    if (auto applied = migrator.migrate(); !applied)
        return applied.error();
    if (auto s = ensureFirstOwner(*conn.value(), target.ownerCredentialsFile); !s)
        return s.error();
    return target;
}

Result<StaffCredentials> DatabaseBootstrap::readCredentials(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(QStringLiteral("not_found"), QStringLiteral("cannot read %1").arg(file));
    StaffCredentials credentials;
    while (!in.atEnd()) {
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        if (line.startsWith(QLatin1String("login=")))
            credentials.login = line.mid(6);
        else if (line.startsWith(QLatin1String("password=")))
            credentials.password = line.mid(9);
    }
    if (credentials.login.isEmpty() || credentials.password.isEmpty())
        return makeError(QStringLiteral("invalid_credentials_file"),
                         QStringLiteral("%1 is incomplete").arg(file));
    return credentials;
}

} // namespace mp
