#include "service/service_cli.h"

#include "core/config.h"
#include "core/unix_signals.h"
#include "db/embedded_cluster.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "guardian/parse_command.h"
#include "payments/stripe_setup_check.h"
#include "service/service_errors.h"
#include "service/service_runtime.h"
#include "tenancy/api_tokens.h"
#include "tenancy/database_bootstrap.h"
#include "tenancy/staff_accounts.h"
#include "tenancy/tenants.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

namespace mp {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString &message)
{
    QTextStream err(stderr);
    err << "mpanel-service: " << message << Qt::endl;
    return 1;
}

int fail(const Error &error)
{
    return fail(error.field.isEmpty() || error.field.size() == 5
                    ? error.message
                    : QStringLiteral("%1 (%2)").arg(error.message, error.field));
}

const char *kUsage =
    "Usage: mpanel-service [--config FILE] COMMAND\n"
    "Commands:\n"
    "  migrate                                   apply pending schema migrations\n"
    "  serve [--workers N] [--no-http] [--no-workers]\n"
    "  tenant create NAME                        prints the new tenant id on its last line\n"
    "  tenant list                               one line per tenant: ID<TAB>NAME, oldest first\n"
    "  staff add --tenant ID --login NAME --role ROLE   (password from stdin)\n"
    "  staff deactivate --login NAME             cut a staff member off: sign-in, sessions, API tokens\n"
    "  token create --tenant ID --role ROLE [--label TEXT]  prints the token on its last line\n"
    "  token create --staff LOGIN [--label TEXT] a token of that staff member (their tenant and role)\n"
    "  token revoke --id N                       the token stops working at once\n"
    "  db stop                                   stop the embedded database cluster\n"
    "  stripe check                              the key's mode, this service's webhook endpoints at Stripe\n"
    "                                            and the required events they miss (exit 1 when any)\n"
    "  guardian parse --format FORMAT FILE       one JSON line per security event found in a log\n";

// Every command but `migrate` needs the schema this binary was built for.
Status requireCurrentSchema(const ConnectionSettings &settings)
{
    auto conn = PgConnection::connect(settings);
    if (!conn)
        return conn.error();
    auto state = Migrator(*conn.value()).check();
    if (!state)
        return state.error();
    if (!state->current())
        return makeError(errors::SchemaBehind,
                         QStringLiteral("the database schema is at version %1, this mPanel needs %2; "
                                        "run `mpanel-service migrate` first")
                             .arg(state->applied)
                             .arg(state->bundled));
    return {};
}

int cmdMigrate(const DatabaseTarget &target)
{
    auto conn = PgConnection::connect(target.settings);
    if (!conn)
        return fail(conn.error());
    auto applied = Migrator(*conn.value()).migrate();
    if (!applied)
        return fail(applied.error());
    out() << "applied " << applied.value() << " migration(s); schema is current" << Qt::endl;
    return 0;
}

int cmdServe(const Config &config, const DatabaseTarget &target, const QCommandLineParser &parser)
{
    ServeOptions options;
    if (parser.isSet(QStringLiteral("workers"))) {
        bool ok = false;
        options.workers = parser.value(QStringLiteral("workers")).toInt(&ok);
        if (!ok || options.workers < 0 || options.workers > 256)
            return fail(QStringLiteral("--workers takes a number from 0 to 256"));
    }
    options.http = !parser.isSet(QStringLiteral("no-http"));
    options.workersEnabled = !parser.isSet(QStringLiteral("no-workers")) && options.workers > 0;
    ServiceRuntime runtime(config, target, options);
    // Watch for SIGTERM before starting: workers claim jobs during start(), and a signal then
    // must mean a graceful stop, not the default instant death.
    UnixSignalWatcher watcher;
    if (auto s = runtime.start(); !s)
        return fail(s.error());
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &runtime, &ServiceRuntime::shutdown);
    QObject::connect(&runtime, &ServiceRuntime::stopped, qApp, [] { QCoreApplication::exit(0); });
    return QCoreApplication::exec();
}

QSqlDatabase adminDatabase(const DatabaseTarget &target, Error *error)
{
    auto db = sql::open(target.settings, QStringLiteral("cli"));
    if (!db) {
        *error = db.error();
        return {};
    }
    return db.value();
}

int cmdTenantCreate(const DatabaseTarget &target, const QStringList &args)
{
    if (args.size() != 3 || args.at(2).trimmed().isEmpty())
        return fail(QStringLiteral("usage: tenant create NAME"));
    Error error;
    QSqlDatabase db = adminDatabase(target, &error);
    if (!db.isValid() || !db.isOpen())
        return fail(error);
    auto id = Tenants::create(db, args.at(2));
    if (!id)
        return fail(id.error());
    out() << "created tenant \"" << args.at(2).trimmed() << "\"\n" << id.value() << Qt::endl;
    return 0;
}

int cmdTenantList(const DatabaseTarget &target)
{
    Error error;
    QSqlDatabase db = adminDatabase(target, &error);
    if (!db.isValid() || !db.isOpen())
        return fail(error);
    auto tenants = Tenants::list(db);
    if (!tenants)
        return fail(tenants.error());
    for (const TenantInfo &t : tenants.value())
        out() << t.id << '\t' << t.name << '\n';
    out() << Qt::flush;
    return 0;
}

QString readSecretLine()
{
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line).trimmed();
}

int cmdStaffAdd(const DatabaseTarget &target, const QCommandLineParser &parser)
{
    const QString tenant = parser.value(QStringLiteral("tenant"));
    const QString login = parser.value(QStringLiteral("login"));
    const auto role = staffRoleFromString(parser.value(QStringLiteral("role")));
    if (tenant.isEmpty() || login.isEmpty())
        return fail(
            QStringLiteral("usage: staff add --tenant ID --login NAME --role ROLE (password on stdin)"));
    if (!role)
        return fail(QStringLiteral("--role must be one of owner, admin, billing, support, read-only"));
    const QString password = readSecretLine();
    auto conn = PgConnection::connect(target.settings);
    if (!conn)
        return fail(conn.error());
    if (auto s = StaffAccounts::add(*conn.value(), tenant, login, *role, password); !s)
        return fail(s.error());
    out() << "added staff login " << login << " (" << toString(*role) << ")" << Qt::endl;
    return 0;
}

int cmdStaffDeactivate(const DatabaseTarget &target, const QCommandLineParser &parser)
{
    const QString login = parser.value(QStringLiteral("login"));
    if (login.isEmpty())
        return fail(QStringLiteral("usage: staff deactivate --login NAME"));
    auto conn = PgConnection::connect(target.settings);
    if (!conn)
        return fail(conn.error());
    auto revoked = StaffAccounts::deactivate(*conn.value(), login);
    if (!revoked)
        return fail(revoked.error());
    out() << "deactivated staff login " << login << "; revoked " << revoked.value() << " API token(s)"
          << Qt::endl;
    return 0;
}

int cmdTokenRevoke(const DatabaseTarget &target, const QCommandLineParser &parser)
{
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(QStringLiteral("usage: token revoke --id N"));
    Error error;
    QSqlDatabase db = adminDatabase(target, &error);
    if (!db.isValid() || !db.isOpen())
        return fail(error);
    if (auto s = ApiTokens::revoke(db, id); !s)
        return fail(s.error());
    out() << "revoked API token " << id << Qt::endl;
    return 0;
}

int cmdTokenCreate(const DatabaseTarget &target, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("staff"))) {
        Error error;
        QSqlDatabase db = adminDatabase(target, &error);
        if (!db.isValid() || !db.isOpen())
            return fail(error);
        auto token = ApiTokens::createForStaff(db, parser.value(QStringLiteral("staff")),
                                               parser.value(QStringLiteral("label")));
        if (!token)
            return fail(token.error());
        out() << "created a token for " << parser.value(QStringLiteral("staff"))
              << "; it is shown only this once:\n"
              << token.value() << Qt::endl;
        return 0;
    }
    const QString tenant = parser.value(QStringLiteral("tenant"));
    const auto role = staffRoleFromString(parser.value(QStringLiteral("role")));
    if (tenant.isEmpty() || !role)
        return fail(
            QStringLiteral("usage: token create --tenant ID --role owner|admin|billing|support|read-only"));
    Error error;
    QSqlDatabase db = adminDatabase(target, &error);
    if (!db.isValid() || !db.isOpen())
        return fail(error);
    auto token = ApiTokens::create(db, tenant, *role, parser.value(QStringLiteral("label")));
    if (!token)
        return fail(token.error());
    out() << "created a " << toString(*role) << " token; it is shown only this once:\n"
          << token.value() << Qt::endl;
    return 0;
}

int cmdDbStop(const Config &config)
{
    if (!config.databaseUrl().isEmpty())
        return fail(QStringLiteral("MPANEL_DATABASE_URL is set: there is no embedded cluster to stop"));
    EmbeddedCluster cluster({config.dataDir() + QStringLiteral("/postgres")});
    if (auto s = cluster.stop(); !s)
        return fail(s.error());
    out() << "embedded database stopped" << Qt::endl;
    return 0;
}

// Needs no database. Stripe is called from a thread of its own: the blocking client refuses
// the main thread.
int cmdStripeCheck(const Config &config)
{
    auto settings = StripeSettings::fromConfig(config);
    if (!settings)
        return fail(settings.error());
    Result<payments::StripeSetupReport> report = Error();
    std::thread worker([&] {
        report = payments::StripeSetupCheck::run(*settings, payments::StripeSetupCheck::webhookUrl(config));
    });
    worker.join();
    if (!report)
        return fail(report.error());
    for (const QString &line : report->lines())
        out() << line << '\n';
    out() << Qt::flush;
    return report->ok() ? 0 : 1;
}

} // namespace

int runServiceCli(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("mPanel companion service"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("config"), QStringLiteral("Config file (MPANEL_NAME=value lines)."),
         QStringLiteral("file")},
        {QStringLiteral("workers"), QStringLiteral("Concurrent job workers."), QStringLiteral("n")},
        {QStringLiteral("no-http"), QStringLiteral("Do not serve HTTP (workers only).")},
        {QStringLiteral("no-workers"), QStringLiteral("Do not run jobs (HTTP only).")},
        {QStringLiteral("tenant"), QStringLiteral("Tenant id."), QStringLiteral("id")},
        {QStringLiteral("login"), QStringLiteral("Staff login."), QStringLiteral("name")},
        {QStringLiteral("role"), QStringLiteral("owner, admin, billing, support or read-only."),
         QStringLiteral("role")},
        {QStringLiteral("label"), QStringLiteral("A note on what a token is for."), QStringLiteral("text")},
        {QStringLiteral("staff"), QStringLiteral("The staff login a token is for."), QStringLiteral("login")},
        {QStringLiteral("id"), QStringLiteral("An API token's id."), QStringLiteral("n")},
        {QStringLiteral("format"), QStringLiteral("A log's format (guardian parse)."),
         QStringLiteral("format")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see below)."));
    if (!parser.parse(arguments))
        return fail(parser.errorText() + u'\n' + QString::fromLatin1(kUsage));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << '\n' << kUsage << Qt::flush;
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0) + (args.size() > 1 ? u' ' + args.at(1) : QString());
    const QString verb = args.value(0);
    const bool known = verb == QLatin1String("migrate") || verb == QLatin1String("serve") ||
                       command == QLatin1String("tenant create") || command == QLatin1String("tenant list") ||
                       command == QLatin1String("staff add") || command == QLatin1String("token create") ||
                       command == QLatin1String("staff deactivate") ||
                       command == QLatin1String("token revoke") || command == QLatin1String("db stop") ||
                       command == QLatin1String("stripe check") || command == QLatin1String("guardian parse");
    if (!known) {
        QTextStream(stderr) << kUsage;
        return 2;
    }

    if (command == QLatin1String("guardian parse")) // needs no configuration or database
        return guardian::runParseCommand(parser.value(QStringLiteral("format")), args.value(2));

    auto config = Config::load(parser.value(QStringLiteral("config")));
    if (!config)
        return fail(config.error());
    if (command == QLatin1String("db stop"))
        return cmdDbStop(config.value());
    if (command == QLatin1String("stripe check"))
        return cmdStripeCheck(config.value());

    auto target = DatabaseBootstrap::resolve(config.value());
    if (!target)
        return fail(target.error());
    if (verb == QLatin1String("migrate"))
        return cmdMigrate(target.value());
    if (auto s = requireCurrentSchema(target->settings); !s && verb != QLatin1String("serve"))
        return fail(s.error());
    if (verb == QLatin1String("serve"))
        return cmdServe(config.value(), target.value(), parser);
    if (command == QLatin1String("tenant list"))
        return cmdTenantList(target.value());
    if (command == QLatin1String("tenant create"))
        return cmdTenantCreate(target.value(), args);
    if (command == QLatin1String("staff add"))
        return cmdStaffAdd(target.value(), parser);
    if (command == QLatin1String("staff deactivate"))
        return cmdStaffDeactivate(target.value(), parser);
    if (command == QLatin1String("token revoke"))
        return cmdTokenRevoke(target.value(), parser);
    return cmdTokenCreate(target.value(), parser);
}

} // namespace mp
