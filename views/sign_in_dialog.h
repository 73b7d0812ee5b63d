#pragma once

#include "sign_in_request.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace mp {

// Asks for the server and the staff member's own PostgreSQL login. It checks that the fields
// are filled in, then emits signInRequested and stays open, busy, until the caller either
// accepts it or shows the server's answer with showServerError().
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    enum class Field { Host, Port, Database, Login, Password };

    explicit SignInDialog(QWidget *parent = nullptr);

    // Offers "Embedded database" only when the console has one running.
    void setEmbeddedAvailable(bool available);
    void setRequest(const SignInRequest &request);
    SignInRequest request() const;

    // Checks every field and shows a message under each wrong one; true when all are fine.
    bool validate();
    QString fieldError(Field field) const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showServerError(const QString &message);
    QString serverError() const;
    // A remark that does not stop signing in (e.g. no keychain to remember the password in).
    void showNote(const QString &note);
    QString note() const;

    // Validates and, when the fields are fine, emits signInRequested (the "Sign in" button).
    void submit();

Q_SIGNALS:
    void signInRequested(const mp::SignInRequest &request);

private:
    QLabel *addField(QFormLayout *form, const QString &label, QWidget *field, const QString &name);
    void fitContents();
    QLabel *errorLabel(Field field) const;
    void setFieldError(Field field, const QString &message);
    void updateServerFields();

    QRadioButton *m_embedded;
    QRadioButton *m_server;
    QFormLayout *m_form = nullptr;
    QWidget *m_where = nullptr; // the row holding the two choices
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_hostError;
    QLabel *m_portError;
    QLabel *m_databaseError;
    QLabel *m_loginError;
    QLabel *m_passwordError;
    QLabel *m_serverError;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    bool m_embeddedAvailable = false;
    bool m_busy = false;
};

} // namespace mp
