// mpanel-stripe-emulator: the Stripe emulator as a standalone loopback server, for trying the
// payment flow by hand or from scripts (the product's client cannot tell it from Stripe).
#include "emulators/stripe_emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mpanel-stripe-emulator"));
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Stripe API emulator (test mode, loopback only)"));
    cli.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to listen on."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:12111"));
    const QCommandLineOption apiKey(
        QStringLiteral("api-key"),
        QStringLiteral("The only secret key accepted (default: any sk_test_ key)."), QStringLiteral("key"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
                                        QStringLiteral("Where to deliver events."), QStringLiteral("url"));
    const QCommandLineOption webhookSecret(
        QStringLiteral("webhook-secret"),
        QStringLiteral("Signing secret; repeat it to sign as during a rotation."), QStringLiteral("whsec"));
    const QCommandLineOption copies(QStringLiteral("duplicates"),
                                    QStringLiteral("Deliver every event N times."), QStringLiteral("n"),
                                    QStringLiteral("1"));
    const QCommandLineOption shuffle(QStringLiteral("shuffle"),
                                     QStringLiteral("Deliver events in random order."));
    const QCommandLineOption attempts(
        QStringLiteral("attempts"),
        QStringLiteral("Attempts per delivery while the endpoint answers non-2xx "
                       "(1: no retry)."),
        QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption retryDelay(QStringLiteral("retry-delay-ms"),
                                        QStringLiteral("First retry delay, doubled per retry."),
                                        QStringLiteral("ms"), QStringLiteral("1000"));
    cli.addOptions({listen, apiKey, webhookUrl, webhookSecret, copies, shuffle, attempts, retryDelay});
    cli.process(app);

    mp::test::StripeEmulator emulator;
    if (cli.isSet(apiKey))
        emulator.setApiKey(cli.value(apiKey));
    if (cli.isSet(webhookUrl)) {
        QList<QByteArray> secrets;
        const QStringList values = cli.values(webhookSecret);
        for (const QString &secret : values)
            secrets.append(secret.toUtf8());
        emulator.setWebhookEndpoint(QUrl(cli.value(webhookUrl)), secrets);
    }
    auto options = emulator.webhooks().options();
    options.copies = qMax(1, cli.value(copies).toInt());
    options.shuffle = cli.isSet(shuffle);
    options.maxAttempts = qMax(1, cli.value(attempts).toInt());
    options.retryDelayMs = qMax(1, cli.value(retryDelay).toInt());
    emulator.webhooks().setOptions(options);

    auto port = emulator.start(cli.value(listen));
    QTextStream err(stderr);
    if (!port) {
        err << port.error().message << Qt::endl;
        return 1;
    }
    err << "Stripe emulator on " << emulator.baseUrl().toString()
        << " (set MPANEL_STRIPE_API_BASE to it; pay at the session's url)" << Qt::endl;
    return app.exec();
}
