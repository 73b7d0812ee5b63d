#include "core/config.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mp;

class TestConfig : public QObject {
    Q_OBJECT

    QString writeFile(const QTemporaryDir &dir, const QByteArray &content, QFileDevice::Permissions perms)
    {
        const QString path = dir.filePath(QStringLiteral("mpanel.conf"));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
        f.close();
        f.setPermissions(perms);
        return path;
    }

    static constexpr auto kPrivate = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    static constexpr auto kShared =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;

private Q_SLOTS:
    void defaultsWithoutFileOrEnvironment()
    {
        auto config = Config::load({}, QProcessEnvironment());
        QVERIFY(config.ok());
        QCOMPARE(config->listen(), QStringLiteral("127.0.0.1:8080"));
        QVERIFY(config->databaseUrl().isEmpty());
        QVERIFY(!config->dataDir().isEmpty());
    }

    void environmentOverridesFile()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, "# comment\nMPANEL_LISTEN=0.0.0.0:9000\nMPANEL_DATA_DIR=/srv/a\n", kShared);
        QProcessEnvironment env;
        env.insert(QStringLiteral("MPANEL_LISTEN"), QStringLiteral("127.0.0.1:7000"));
        env.insert(QStringLiteral("UNRELATED"), QStringLiteral("x"));
        auto config = Config::load(path, env);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->listen(), QStringLiteral("127.0.0.1:7000"));
        QCOMPARE(config->dataDir(), QStringLiteral("/srv/a"));
        QVERIFY(!config->contains(QStringLiteral("UNRELATED")));
    }

    void secretsInAReadableFileAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("stripe secret") << QByteArray("MPANEL_STRIPE_SECRET_KEY=sk_test_x\n");
        QTest::newRow("url with password") << QByteArray("MPANEL_DATABASE_URL=postgresql://u:pw@h/db\n");
        QTest::newRow("password") << QByteArray("MPANEL_SMTP_PASSWORD=x\n");
    }
    void secretsInAReadableFileAreRefused()
    {
        QFETCH(QByteArray, line);
        QTemporaryDir dir;
        auto shared = Config::load(writeFile(dir, line, kShared), QProcessEnvironment());
        QVERIFY(!shared.ok());
        QCOMPARE(shared.error().code, QStringLiteral("config_secret_exposed"));
        auto privateFile = Config::load(writeFile(dir, line, kPrivate), QProcessEnvironment());
        QVERIFY(privateFile.ok());
    }

    void urlWithoutPasswordMayBeShared()
    {
        QTemporaryDir dir;
        auto config = Config::load(writeFile(dir, "MPANEL_DATABASE_URL=postgresql://u@h/db\n", kShared),
                                   QProcessEnvironment());
        QVERIFY(config.ok());
        QCOMPARE(config->databaseUrl(), QStringLiteral("postgresql://u@h/db"));
    }

    void syntaxErrorsNameTheLine()
    {
        QTemporaryDir dir;
        auto config =
            Config::load(writeFile(dir, "MPANEL_LISTEN=1\nlisten 8080\n", kShared), QProcessEnvironment());
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, QStringLiteral("config_syntax"));
        QVERIFY(config.error().message.contains(QStringLiteral(":2:")));
    }

    void missingFileIsAnError()
    {
        auto config = Config::load(QStringLiteral("/nonexistent/mpanel.conf"), QProcessEnvironment());
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, QStringLiteral("config_unreadable"));
    }
};

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
