// mpanel-demo: walks the money path once against a running mpanel-service and its emulators
// (scripts/run-mpanel --demo starts them) and prints every step: staff set up a CloudPod
// product and the Proxmox cluster, a customer signs up, orders, pays with a Stripe test card,
// and the invoice, subscription and pod follow.
#include "e2e/money_path.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QUuid>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mpanel-demo"));
    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Runs sign-up -> order -> payment -> subscription -> CloudPod against a running "
                       "mpanel-service and prints each step."));
    cli.addHelpOption();
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("The service's base URL."),
                                     QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8080"));
    const QCommandLineOption tenant(
        QStringLiteral("tenant"), QStringLiteral("Tenant id customers sign up with."), QStringLiteral("id"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("Admin API token of that tenant (or MPANEL_DEMO_TOKEN)."),
                                   QStringLiteral("token"));
    const QCommandLineOption card(QStringLiteral("card"), QStringLiteral("Stripe test card to pay with."),
                                  QStringLiteral("number"), QStringLiteral("4242 4242 4242 4242"));
    const QCommandLineOption name(QStringLiteral("customer"), QStringLiteral("The new customer's name."),
                                  QStringLiteral("name"), QStringLiteral("Ada Lovelace"));
    const QCommandLineOption hostname(
        QStringLiteral("hostname"),
        QStringLiteral("The pod's host name (one DNS label; default: demo-XXXXXX)."), QStringLiteral("name"));
    const QCommandLineOption proxmox(
        QStringLiteral("proxmox-api"),
        QStringLiteral("Proxmox API base, e.g. https://127.0.0.1:18006/api2/json."), QStringLiteral("url"));
    const QCommandLineOption proxmoxToken(QStringLiteral("proxmox-token"),
                                          QStringLiteral("Proxmox API token: user@realm!id=secret."),
                                          QStringLiteral("token"));
    const QCommandLineOption proxmoxCa(QStringLiteral("proxmox-ca"),
                                       QStringLiteral("PEM file of the Proxmox CA certificate."),
                                       QStringLiteral("file"));
    const QCommandLineOption noPods(QStringLiteral("no-cloudpods"),
                                    QStringLiteral("Stop at the active subscription (no Proxmox)."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds to wait for each stage."), QStringLiteral("s"),
                                     QStringLiteral("120"));
    cli.addOptions(
        {service, tenant, token, card, name, hostname, proxmox, proxmoxToken, proxmoxCa, noPods, timeout});
    cli.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);

    mp::e2e::MoneyPathSettings s;
    s.service = QUrl(cli.value(service));
    s.tenantId = cli.value(tenant);
    s.staffToken = cli.isSet(token) ? cli.value(token) : qEnvironmentVariable("MPANEL_DEMO_TOKEN");
    s.card = cli.value(card);
    s.customerName = cli.value(name);
    s.pollTimeoutMs = cli.value(timeout).toInt() * 1000;
    s.cloudPods = !cli.isSet(noPods);
    s.podHostname = cli.isSet(hostname)
                        ? cli.value(hostname)
                        : QStringLiteral("demo-") + QUuid::createUuid().toString(QUuid::Id128).left(6);
    if (s.tenantId.isEmpty() || s.staffToken.isEmpty()) {
        err << "mpanel-demo needs --tenant and --token (see scripts/run-mpanel --demo)" << Qt::endl;
        return 2;
    }
    if (s.cloudPods) {
        const QString t = cli.value(proxmoxToken);
        const qsizetype eq = t.lastIndexOf(u'=');
        QFile ca(cli.value(proxmoxCa));
        if (!cli.isSet(proxmox) || eq <= 0 || !ca.open(QIODevice::ReadOnly)) {
            err << "CloudPods need --proxmox-api, --proxmox-token user@realm!id=secret and a readable "
                   "--proxmox-ca file (or --no-cloudpods)"
                << Qt::endl;
            return 2;
        }
        s.proxmoxApiBase = cli.value(proxmox);
        s.proxmoxTokenId = t.left(eq);
        s.proxmoxTokenSecret = t.mid(eq + 1);
        s.proxmoxCaPem = QString::fromLatin1(ca.readAll());
    }

    int n = 0;
    mp::e2e::MoneyPath path(s, [&](const mp::e2e::MoneyPathStep &step) {
        out << QStringLiteral("%1. %2 %3: %4")
                   .arg(++n, 2)
                   .arg(step.ok ? QStringLiteral("[ok]  ") : QStringLiteral("[FAIL]"), step.name,
                        step.summary)
            << Qt::endl;
    });
    if (!path.prepareCatalog())
        return 1;
    const auto outcome = path.runCustomer(mp::e2e::MoneyPath::Expect::Paid);
    if (!outcome.ok)
        return 1;
    out << "\nThe customer can sign in with their e-mail address and the password \"" << s.password
        << "\"; GET /api/invoices, /api/subscriptions"
        << (s.cloudPods ? " and /api/cloudpods show what they bought." : " show what they bought.")
        << Qt::endl;
    return 0;
}
