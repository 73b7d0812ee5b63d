// The console's Notifications section against a real database: the outbox model under
// QAbstractItemModelTester with the relay's error of a failed message, Retry on the staff
// connection, and the mail settings form refusing what the API refuses next to the field, saving
// a write-only password that never comes back into the form. MPANEL_SCREENSHOT=path saves the
// outbox tab (path) and the settings tab (path with "-settings" before the extension).
#include "common/lazy_table_view.h"
#include "notifications/mail_settings_form.h"
#include "notifications/notifications_page.h"
#include "notifications/outbox.h"
#include "outbox_table_model.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using mp::TenantTransaction;
using mp::notifications::Outbox;
using mp::test::ConsoleFixture;

namespace {

bool waitLoaded(mp::LazyTableModelBase &model)
{
    QSignalSpy loaded(&model, &mp::LazyTableModelBase::rowsLoaded);
    return loaded.wait(20000);
}

} // namespace

class TestConsoleNotifications : public QObject {
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> m_f;
    QString m_failedId;

private Q_SLOTS:
    void initTestCase()
    {
        m_f = std::make_unique<ConsoleFixture>(mp::StaffRole::Admin);
        const auto customer = m_f->addCustomer(u"Jürgen Müller"_s, u"juergen@kunde.example"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        (void)m_f->asService([&](TenantTransaction &tx) -> mp::Status {
            for (const char *t : {"invoice.issued", "invoice.paid", "service.ready"}) {
                auto q = Outbox::enqueue(
                    tx, {customer.id, customer.email, QLatin1String(t), {}, QLatin1String(t)}, now);
                if (!q)
                    return q.error();
            }
            auto sent = mp::sql::exec(
                tx.db(), u"UPDATE email_outbox SET status = 'sent', attempts = 1, sent_at = now(), "
                         "subject = 'Zahlung für Rechnung INV-2026-000001 erhalten' "
                         "WHERE template = 'invoice.paid'"_s);
            if (!sent)
                return sent.error();
            auto failed = mp::sql::exec(
                tx.db(), u"UPDATE email_outbox SET status = 'failed', attempts = 8, failed_at = now(), "
                         "subject = 'Rechnung INV-2026-000001 von Acme Hosting', last_error = "
                         "'Login denied: 535 5.7.8 Authentication credentials invalid (SMTP 535)' "
                         "WHERE template = 'invoice.issued' RETURNING id::text"_s);
            if (!failed)
                return failed.error();
            failed->next();
            m_failedId = failed->value(0).toString();
            return {};
        });
    }

    void outboxShowsStatusAndError()
    {
        mp::NotificationsPage page(m_f->session.get(), nullptr);
        mp::OutboxTableModel *model = page.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (model->rowCount() == 0)
            QVERIFY(waitLoaded(*model));
        QCOMPARE(model->rowCount(), 3);
        int failedRow = -1;
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->rowAt(i).id == m_failedId)
                failedRow = i;
        }
        QVERIFY(failedRow >= 0);
        QCOMPARE(model->index(failedRow, mp::OutboxTableModel::Status).data().toString(), u"Failed"_s);
        QVERIFY(
            model->index(failedRow, mp::OutboxTableModel::LastError).data().toString().contains(u"535"_s));

        page.setStatusFilter(u"failed"_s);
        QVERIFY(waitLoaded(*model));
        QCOMPARE(model->rowCount(), 1);

        page.resize(1100, 520);
        page.show();
        const QByteArray path = qgetenv("MPANEL_SCREENSHOT");
        page.setStatusFilter(QString());
        QVERIFY(waitLoaded(*model));
        if (!path.isEmpty())
            QVERIFY(page.grab().save(QString::fromLocal8Bit(path)));

        page.view()->table()->setCurrentIndex(model->index(failedRow, 0));
        QSignalSpy retried(&page, &mp::NotificationsPage::retried);
        QVERIFY(page.findChild<QPushButton *>(u"retryMail"_s)->isEnabled());
        QTest::mouseClick(page.findChild<QPushButton *>(u"retryMail"_s), Qt::LeftButton);
        QVERIFY(retried.wait(20000));
        QCOMPARE(retried.first().first().toBool(), true);
        QCOMPARE(m_f->asService([&](TenantTransaction &tx) { return Outbox::find(tx, m_failedId); })->status,
                 u"queued"_s);
    }

    void settingsFormRefusesAndSaves()
    {
        mp::NotificationsPage page(m_f->session.get(), nullptr);
        mp::MailSettingsForm *form = page.settingsForm();
        QSignalSpy loaded(form, &mp::MailSettingsForm::loaded);
        QVERIFY(loaded.wait(20000));
        auto *address = form->findChild<QLineEdit *>(u"fromAddress"_s);
        address->setText(u"not an address"_s);
        QSignalSpy saved(form, &mp::MailSettingsForm::saved);
        form->save();
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toBool(), false);
        QCOMPARE(form->errors().shownField(), u"from_address"_s);

        QJsonObject body = form->body();
        QCOMPARE(body.value(u"tls_mode"_s).toString(), u"starttls"_s);
        address->setText(u"billing@acme.example"_s);
        form->findChild<QLineEdit *>(u"smtpHost"_s)->setText(u"smtp.acme.example"_s);
        form->findChild<QLineEdit *>(u"smtpUser"_s)->setText(u"mailer"_s);
        form->findChild<QLineEdit *>(u"smtpPassword"_s)->setText(u"relay secret"_s);
        saved.clear();
        form->save();
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toBool(), true);
        // Stored, and never shown again: the field is empty with a placeholder saying so.
        QVERIFY(form->findChild<QLineEdit *>(u"smtpPassword"_s)->text().isEmpty());
        QCOMPARE(
            m_f->admin->query(u"SELECT password_set::text FROM notification_settings"_s)->value(0).value(0),
            u"true"_s);

        const QByteArray path = qgetenv("MPANEL_SCREENSHOT");
        if (!path.isEmpty()) {
            const QFileInfo info(QString::fromLocal8Bit(path));
            page.tabs()->setCurrentIndex(1);
            page.resize(1100, 620);
            page.show();
            QTest::qWait(50);
            QVERIFY(page.grab().save(info.path() + u'/' + info.completeBaseName() + u"-settings."_s +
                                     info.suffix()));
        }
    }

    void readOnlyStaffCannotReadTheRelay()
    {
        ConsoleFixture reader(mp::StaffRole::ReadOnly);
        mp::MailSettingsForm form(reader.session.get());
        QSignalSpy loaded(&form, &mp::MailSettingsForm::loaded);
        form.load();
        QVERIFY(loaded.wait(20000));
        QVERIFY(!form.isEnabled());
    }
};

QTEST_MAIN(TestConsoleNotifications)
#include "tst_console_notifications.moc"
