// mpanel-proxmox-emulator: the Proxmox VE emulator as a standalone loopback server, for trying
// CloudPod provisioning by hand or from scripts. Guests and tasks live in memory; faults are
// armed on the command line or at runtime with POST /api2/json/emulator/fail.
#include "emulators/proxmox_emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mpanel-proxmox-emulator"));
    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Proxmox VE API emulator (loopback only, test certificate)"));
    cli.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to listen on."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:18006"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("The accepted API token."),
                                   QStringLiteral("user@realm!id=secret"));
    const QCommandLineOption node(
        QStringLiteral("node"), QStringLiteral("Another node: name[:cpus:memoryMiB:diskGiB] (pve1 exists)."),
        QStringLiteral("spec"));
    const QCommandLineOption taskMs(QStringLiteral("task-ms"), QStringLiteral("How long every task runs."),
                                    QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption typeMs(QStringLiteral("task-type-ms"),
                                    QStringLiteral("How long tasks of one type run: vzcreate=3000."),
                                    QStringLiteral("type=ms"));
    const QCommandLineOption fail(QStringLiteral("fail"),
                                  QStringLiteral("Arm a fault: step:fault[:count], e.g. create:task-error, "
                                                 "start:http-500:2, create:timeout."),
                                  QStringLiteral("spec"));
    const QCommandLineOption caOut(QStringLiteral("write-ca"),
                                   QStringLiteral("Write the emulator's CA certificate (PEM) to this file."),
                                   QStringLiteral("file"));
    const QCommandLineOption guestKeys(
        QStringLiteral("guest-authorized-keys"),
        QStringLiteral(
            "Write the SSH keys a guest is given to this authorized_keys file (as its init would)."),
        QStringLiteral("file"));
    cli.addOptions({listen, token, node, taskMs, typeMs, fail, caOut, guestKeys});
    cli.process(app);
    QTextStream err(stderr);

    mp::test::ProxmoxEmulator emulator;
    emulator.enableControlEndpoint(true);
    emulator.setGuestAuthorizedKeysFile(cli.value(guestKeys));
    emulator.setAuthFailureDelayMs(3000);
    emulator.setTaskDurationMs(cli.value(taskMs).toInt());
    for (const QString &spec : cli.values(typeMs)) {
        const QStringList kv = spec.split(u'=');
        if (kv.size() == 2)
            emulator.setTaskDurationMs(kv[0], kv[1].toInt());
    }
    if (cli.isSet(token)) {
        const QString value = cli.value(token);
        const qsizetype eq = value.lastIndexOf(u'=');
        if (eq <= 0) {
            err << "--token is user@realm!id=secret" << Qt::endl;
            return 2;
        }
        emulator.setToken(value.left(eq), value.mid(eq + 1));
    }
    for (const QString &spec : cli.values(node)) {
        const QStringList parts = spec.split(u':');
        mp::test::ProxmoxEmulator::Node n;
        n.name = parts.value(0);
        if (parts.size() == 4) {
            n.cpus = parts[1].toInt();
            n.memoryMiB = parts[2].toLongLong();
            n.rootfsGiB = parts[3].toLongLong();
        }
        emulator.addNode(n);
        emulator.addStorage({n.name,
                             QStringLiteral("local"),
                             QStringLiteral("dir"),
                             {QStringLiteral("vztmpl"), QStringLiteral("iso"), QStringLiteral("backup")},
                             100});
        emulator.addStorage({n.name,
                             QStringLiteral("local-lvm"),
                             QStringLiteral("lvmthin"),
                             {QStringLiteral("images"), QStringLiteral("rootdir")},
                             500});
        emulator.addTemplate(n.name, QStringLiteral("local"),
                             QStringLiteral("debian-12-standard_12.7-1_amd64.tar.zst"), 126464165);
    }
    for (const QString &spec : cli.values(fail)) {
        const QStringList parts = spec.split(u':');
        const auto step = mp::test::ProxmoxEmulator::stepFromName(parts.value(0));
        const auto fault = mp::test::ProxmoxEmulator::faultFromName(parts.value(1));
        if (!step || !fault) {
            err << "unknown --fail " << spec << Qt::endl;
            return 2;
        }
        emulator.failNext(*step, *fault, parts.size() > 2 ? parts[2].toInt() : 1);
    }
    if (cli.isSet(caOut)) {
        QFile file(cli.value(caOut));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(mp::test::ProxmoxEmulator::caCertificate().toPem()) < 0) {
            err << "cannot write " << file.fileName() << Qt::endl;
            return 1;
        }
    }
    auto port = emulator.start(cli.value(listen));
    if (!port) {
        err << port.error().message << Qt::endl;
        return 1;
    }
    QUrl base = emulator.apiBase();
    base.setPort(port.value());
    err << "Proxmox emulator on " << base.toString() << " token " << emulator.tokenId() << " fingerprint "
        << QString::fromLatin1(mp::test::ProxmoxEmulator::certificateSha256().toHex(':').toUpper())
        << Qt::endl;
    return app.exec();
}
