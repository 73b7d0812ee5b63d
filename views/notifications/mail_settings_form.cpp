#include "mail_settings_form.h"

#include "notification_commands.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mp {

namespace {

QJsonValue textOrNull(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

MailSettingsForm::MailSettingsForm(ConsoleSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_state(new QLabel(this)), m_general(FieldErrors::makeLabel(this)),
      m_errors(m_general), m_fromAddress(new QLineEdit(this)), m_fromName(new QLineEdit(this)),
      m_replyTo(new QLineEdit(this)), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_tls(new QComboBox(this)), m_user(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_clearPassword(new QCheckBox(tr("Remove the stored password"), this)),
      m_maxAttempts(new QSpinBox(this)), m_noticeDays(new QSpinBox(this)),
      m_enabled(new QCheckBox(tr("Send notification mail"), this)),
      m_save(new QPushButton(tr("&Save mail settings"), this))
{
    setObjectName(QStringLiteral("mailSettingsForm"));
    m_state->setWordWrap(true);
    m_fromAddress->setPlaceholderText(tr("billing@your-company.example"));
    m_fromName->setPlaceholderText(tr("Empty: your seller name"));
    m_host->setPlaceholderText(tr("smtp.your-provider.example"));
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_tls->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_tls->addItem(tr("TLS from the start (port 465)"), QStringLiteral("tls"));
    m_tls->addItem(tr("None (a relay on this machine only)"), QStringLiteral("none"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("smtpPassword"));
    m_fromAddress->setObjectName(QStringLiteral("fromAddress"));
    m_host->setObjectName(QStringLiteral("smtpHost"));
    m_user->setObjectName(QStringLiteral("smtpUser"));
    m_maxAttempts->setRange(1, 50);
    m_maxAttempts->setValue(8);
    m_noticeDays->setRange(0, 90);
    m_noticeDays->setValue(7);
    m_noticeDays->setSuffix(tr(" days before"));
    m_noticeDays->setSpecialValueText(tr("Never"));
    m_enabled->setChecked(true);
    m_save->setObjectName(QStringLiteral("saveMailSettings"));

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field, const QString &name) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(field);
        box->addWidget(m_errors.add(name, this));
        form->addRow(label, box);
    };
    row(tr("Sender address:"), m_fromAddress, QStringLiteral("from_address"));
    row(tr("Sender name:"), m_fromName, QStringLiteral("from_name"));
    row(tr("Reply to:"), m_replyTo, QStringLiteral("reply_to"));
    row(tr("SMTP relay:"), m_host, QStringLiteral("smtp_host"));
    row(tr("Port:"), m_port, QStringLiteral("smtp_port"));
    row(tr("Encryption:"), m_tls, QStringLiteral("tls_mode"));
    row(tr("User:"), m_user, QStringLiteral("smtp_user"));
    row(tr("Password:"), m_password, QStringLiteral("smtp_password"));
    form->addRow(QString(), m_clearPassword);
    row(tr("Attempts before failing:"), m_maxAttempts, QStringLiteral("max_attempts"));
    row(tr("Renewal notice:"), m_noticeDays, QStringLiteral("renewal_notice_days"));
    form->addRow(QString(), m_enabled);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addLayout(form);
    layout->addWidget(m_general);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_save, &QPushButton::clicked, this, &MailSettingsForm::save);
    connect(m_clearPassword, &QCheckBox::toggled, m_password, &QLineEdit::setDisabled);
}

void MailSettingsForm::load()
{
    commands::loadMailSettings(m_session, this,
                               [this](const Result<std::optional<notifications::MailSettings>> &r) {
                                   if (!r) {
                                       m_errors.show(r.error());
                                       setEnabled(false);
                                   } else {
                                       show(*r);
                                   }
                                   Q_EMIT loaded();
                               });
}

void MailSettingsForm::show(const std::optional<notifications::MailSettings> &settings)
{
    m_errors.clear();
    m_password->clear();
    m_clearPassword->setChecked(false);
    if (!settings) {
        m_state->setText(
            tr("Mail is not set up yet: notification mail waits in the outbox until a relay is saved "
               "here."));
        m_password->setPlaceholderText(QString());
        return;
    }
    const notifications::MailSettings &s = *settings;
    m_state->setText(s.enabled ? tr("Notification mail goes out through %1.").arg(s.host)
                               : tr("Notification mail is switched off: it waits in the outbox."));
    m_fromAddress->setText(s.fromAddress);
    m_fromName->setText(s.fromName);
    m_replyTo->setText(s.replyTo);
    m_host->setText(s.host);
    m_port->setValue(s.port);
    m_tls->setCurrentIndex(m_tls->findData(notifications::toString(s.tlsMode)));
    m_user->setText(s.user);
    m_password->setPlaceholderText(s.passwordSet ? tr("Stored; type to replace") : tr("None stored"));
    m_maxAttempts->setValue(s.maxAttempts);
    m_noticeDays->setValue(s.renewalNoticeDays);
    m_enabled->setChecked(s.enabled);
}

QJsonObject MailSettingsForm::body() const
{
    QJsonObject body{{QStringLiteral("from_address"), m_fromAddress->text().trimmed()},
                     {QStringLiteral("from_name"), m_fromName->text().trimmed()},
                     {QStringLiteral("reply_to"), textOrNull(m_replyTo)},
                     {QStringLiteral("smtp_host"), m_host->text().trimmed()},
                     {QStringLiteral("smtp_port"), m_port->value()},
                     {QStringLiteral("tls_mode"), m_tls->currentData().toString()},
                     {QStringLiteral("smtp_user"), textOrNull(m_user)},
                     {QStringLiteral("max_attempts"), m_maxAttempts->value()},
                     {QStringLiteral("renewal_notice_days"), m_noticeDays->value()},
                     {QStringLiteral("enabled"), m_enabled->isChecked()}};
    if (m_clearPassword->isChecked())
        body.insert(QStringLiteral("smtp_password"), QJsonValue());
    else if (!m_password->text().isEmpty())
        body.insert(QStringLiteral("smtp_password"), m_password->text());
    return body;
}

void MailSettingsForm::save()
{
    m_errors.clear();
    m_save->setEnabled(false);
    commands::saveMailSettings(m_session, this, body(), [this](const Result<notifications::MailSettings> &r) {
        m_save->setEnabled(true);
        if (!r)
            m_errors.show(r.error());
        else
            show(*r);
        Q_EMIT saved(bool(r));
    });
}

} // namespace mp
