#pragma once

#include "common/field_errors.h"
#include "notifications/mail_settings.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mp {

class ConsoleSession;

// The tenant's sender address and SMTP relay as a form, for owners and admins. The form becomes
// the body of PUT /api/notifications/settings and is saved through the same service, so the
// console refuses what the API refuses, next to the field it names. The password is write-only:
// the field starts empty and an empty field keeps the stored one.
class MailSettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit MailSettingsForm(ConsoleSession *session, QWidget *parent = nullptr);

    void load();
    void save();
    QJsonObject body() const;
    const FieldErrors &errors() const { return m_errors; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void loaded();
    void saved(bool ok);

private:
    void show(const std::optional<notifications::MailSettings> &settings);

    ConsoleSession *m_session;
    QLabel *m_state;
    QLabel *m_general;
    FieldErrors m_errors;
    QLineEdit *m_fromAddress;
    QLineEdit *m_fromName;
    QLineEdit *m_replyTo;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_tls;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_clearPassword;
    QSpinBox *m_maxAttempts;
    QSpinBox *m_noticeDays;
    QCheckBox *m_enabled;
    QPushButton *m_save;
};

} // namespace mp
