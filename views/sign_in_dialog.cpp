#include "sign_in_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mp {

namespace {

QLabel *makeMessageLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

void colorAsError(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    label->setPalette(palette);
}

} // namespace

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent), m_embedded(new QRadioButton(tr("Embedded database"), this)),
      m_server(new QRadioButton(tr("PostgreSQL server"), this)), m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)), m_database(new QLineEdit(this)), m_login(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_remember(new QCheckBox(tr("Remember me"), this)),
      m_serverError(makeMessageLabel(this, QStringLiteral("serverError"))),
      m_note(makeMessageLabel(this, QStringLiteral("note"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to mPanel"));
    setObjectName(QStringLiteral("signInDialog"));

    m_embedded->setObjectName(QStringLiteral("embedded"));
    m_server->setObjectName(QStringLiteral("server"));
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("Host name, or socket directory"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setText(QStringLiteral("mpanel"));
    m_login->setObjectName(QStringLiteral("login"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setToolTip(tr("Keep the password in the system keychain. Signing out forgets it."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    colorAsError(m_serverError);

    auto *form = new QFormLayout;
    m_form = form;
    // The two choices are one widget, so hiding them hides their row, label included: hidden
    // one by one they left "Connect to:" on a row of no height, over the next row's label.
    m_where = new QWidget(this);
    m_where->setObjectName(QStringLiteral("connectTo"));
    auto *where = new QVBoxLayout(m_where);
    where->setContentsMargins(0, 0, 0, 0);
    where->addWidget(m_embedded);
    where->addWidget(m_server);
    form->addRow(tr("Connect to:"), m_where);
    m_hostError = addField(form, tr("&Server:"), m_host, QStringLiteral("hostError"));
    m_portError = addField(form, tr("P&ort:"), m_port, QStringLiteral("portError"));
    m_databaseError = addField(form, tr("&Database:"), m_database, QStringLiteral("databaseError"));
    m_loginError = addField(form, tr("&Login:"), m_login, QStringLiteral("loginError"));
    m_passwordError = addField(form, tr("&Password:"), m_password, QStringLiteral("passwordError"));
    form->addRow(QString(), m_remember);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_serverError);
    layout->addWidget(m_note);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_embedded, &QRadioButton::toggled, this, &SignInDialog::updateServerFields);

    m_server->setChecked(true);
    setEmbeddedAvailable(false);
    setMinimumWidth(420);
}

QLabel *SignInDialog::addField(QFormLayout *form, const QString &label, QWidget *field, const QString &name)
{
    auto *error = makeMessageLabel(this, name);
    colorAsError(error);
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(field);
    column->addWidget(error);
    form->addRow(label, column);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(column)))
        buddy->setBuddy(field);
    return error;
}

void SignInDialog::setEmbeddedAvailable(bool available)
{
    m_embeddedAvailable = available;
    m_form->setRowVisible(m_where, available);
    fitContents();
    if (!available)
        m_server->setChecked(true);
    updateServerFields();
}

void SignInDialog::updateServerFields()
{
    const bool server = !m_embedded->isChecked();
    m_host->setEnabled(server && !m_busy);
    m_port->setEnabled(server && !m_busy);
    m_database->setEnabled(server && !m_busy);
}

void SignInDialog::setRequest(const SignInRequest &request)
{
    (request.embedded && m_embeddedAvailable ? m_embedded : m_server)->setChecked(true);
    m_host->setText(request.host);
    m_port->setValue(request.port);
    m_database->setText(request.database);
    m_login->setText(request.login);
    m_password->setText(request.password);
    m_remember->setChecked(request.remember);
    updateServerFields();
    (request.login.isEmpty() ? m_login : m_password)->setFocus();
}

SignInRequest SignInDialog::request() const
{
    SignInRequest request;
    request.embedded = m_embeddedAvailable && m_embedded->isChecked();
    request.host = m_host->text().trimmed();
    request.port = m_port->value();
    request.database = m_database->text().trimmed();
    request.login = m_login->text().trimmed();
    request.password = m_password->text();
    request.remember = m_remember->isChecked();
    return request;
}

QLabel *SignInDialog::errorLabel(Field field) const
{
    switch (field) {
    case Field::Host:
        return m_hostError;
    case Field::Port:
        return m_portError;
    case Field::Database:
        return m_databaseError;
    case Field::Login:
        return m_loginError;
    case Field::Password:
        return m_passwordError;
    }
    return nullptr;
}

void SignInDialog::setFieldError(Field field, const QString &message)
{
    QLabel *label = errorLabel(field);
    label->setText(message);
    label->setVisible(!message.isEmpty());
    fitContents();
}

void SignInDialog::fitContents()
{
    // A word-wrapped message appearing in an open dialog: the window does not grow by itself
    // (a wrapped label's height depends on its width), so the rows below it were squeezed on
    // top of each other. Grow to what the contents need at the current width.
    if (!isVisible())
        return;
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalMinimumSize().height();
    if (needed > height())
        resize(width(), needed);
}

QString SignInDialog::fieldError(Field field) const
{
    return errorLabel(field)->text();
}

bool SignInDialog::validate()
{
    const SignInRequest r = request();
    const bool server = !r.embedded;
    setFieldError(Field::Host, server && r.host.isEmpty()
                                   ? tr("Enter the server's host name or socket directory.")
                                   : QString());
    // The spin box cannot hold a port outside 1-65535; nothing to say about it.
    setFieldError(Field::Port, {});
    setFieldError(Field::Database,
                  server && r.database.isEmpty() ? tr("Enter the database name.") : QString());
    QString loginError;
    if (r.login.isEmpty())
        loginError = tr("Enter your login.");
    else if (r.login.size() > 63)
        loginError = tr("A login has at most 63 characters.");
    setFieldError(Field::Login, loginError);
    setFieldError(Field::Password, r.password.isEmpty() ? tr("Enter your password.") : QString());

    for (const Field field : {Field::Host, Field::Port, Field::Database, Field::Login, Field::Password}) {
        if (!fieldError(field).isEmpty())
            return false;
    }
    return true;
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    showServerError({});
    if (!validate())
        return;
    setBusy(true);
    Q_EMIT signInRequested(request());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_embedded->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_remember->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Signing in…") : tr("Sign in"));
    updateServerFields();
}

void SignInDialog::showServerError(const QString &message)
{
    m_serverError->setText(message);
    m_serverError->setVisible(!message.isEmpty());
    fitContents();
}

QString SignInDialog::serverError() const
{
    return m_serverError->text();
}

void SignInDialog::showNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    fitContents();
}

QString SignInDialog::note() const
{
    return m_note->text();
}

} // namespace mp
