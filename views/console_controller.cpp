#include "console_controller.h"

#include "console_session/change_feed.h"
#include "console_session/run_async.h"
#include "console_session/session_errors.h"
#include "main_window.h"
#include "password_store.h"
#include "payment_commands.h"
#include "provider_indicator.h"
#include "session_status_bar.h"
#include "sign_in_dialog.h"

#include <QSettings>

namespace mp {

namespace {

// Where the sign-in dialog's non-secret choices are kept between runs; the password only ever
// goes to the keychain.
namespace key {
const auto embedded = QStringLiteral("signIn/embedded");
const auto host = QStringLiteral("signIn/host");
const auto port = QStringLiteral("signIn/port");
const auto database = QStringLiteral("signIn/database");
const auto login = QStringLiteral("signIn/login");
const auto remember = QStringLiteral("signIn/remember");
} // namespace key

} // namespace

ConsoleController::ConsoleController(const Config &config, MainWindow *window, QObject *parent)
    : QObject(parent), m_config(config), m_window(window), m_session(new ConsoleSession(this)),
      m_feed(new ChangeFeed(this)), m_passwords(new PasswordStore(QStringLiteral("mPanel"), this)),
      m_providers(new ProviderIndicator(m_session, this))
{
    commands::setPaymentConfig(config);
    SessionStatusBar *status = m_window->sessionStatusBar();
    m_providers->setChangeFeed(m_feed);
    connect(m_providers, &ProviderIndicator::changed, status, [this, status] {
        status->showProviders(m_providers->text(), m_providers->toolTip(), m_providers->anySandbox());
    });
    connect(m_window, &MainWindow::signInRequested, this, [this] { showSignInDialog(lastRequest()); });
    connect(m_window, &MainWindow::signOutRequested, this, &ConsoleController::signOut);
    connect(m_session, &ConsoleSession::signedIn, this, &ConsoleController::onSignedIn);
    connect(m_session, &ConsoleSession::signInFailed, this, &ConsoleController::onSignInFailed);
    connect(m_session, &ConsoleSession::connectionLost, status, &SessionStatusBar::showConnectionLost);
    connect(m_session, &ConsoleSession::reconnecting, status, &SessionStatusBar::showReconnecting);
    connect(m_session, &ConsoleSession::reconnected, m_feed,
            [this](const SessionInfo &info) { startFeed(info); });
    connect(m_session, &ConsoleSession::reconnected, status, [this, status](const SessionInfo &info) {
        status->showSignedIn(info);
        status->showMessage(tr("Connection restored."), 5000);
        m_providers->refresh();
    });
    connect(m_session, &ConsoleSession::sessionEnded, this, [this](const Error &error) {
        m_window->setSignedIn(false);
        m_window->sessionStatusBar()->showSignedOut();
        m_providers->clear();
        SignInRequest again = m_pending;
        again.password.clear();
        showSignInDialog(again, tr("Your session ended: %1").arg(error.message));
    });
}

ConsoleController::~ConsoleController() = default;

SignInDialog *ConsoleController::signInDialog() const
{
    return m_dialog;
}

void ConsoleController::start()
{
    m_window->sessionStatusBar()->showActivity(m_config.databaseUrl().isEmpty()
                                                   ? tr("Starting the embedded database…")
                                                   : tr("Connecting to the database…"));
    // Creating and starting the embedded cluster takes seconds: never on the UI thread.
    runThenCallback(
        QThreadPool::globalInstance(), this,
        [config = m_config] { return DatabaseBootstrap::resolve(config); },
        [this](const Result<DatabaseTarget> &target) { onDatabaseResolved(target); });
}

void ConsoleController::onDatabaseResolved(const Result<DatabaseTarget> &target)
{
    m_window->sessionStatusBar()->clearMessage();
    if (!target) {
        m_targetError = target.error().message;
        showSignInDialog(lastRequest(), tr("The database is not available: %1").arg(target.error().message));
        return;
    }
    m_target = target.value();
    if (m_target->embedded) {
        // The embedded default is this user's own database: sign in as its first owner.
        auto owner = DatabaseBootstrap::readCredentials(m_target->ownerCredentialsFile);
        if (owner) {
            SignInRequest request;
            request.embedded = true;
            request.login = owner->login;
            request.password = owner->password;
            signIn(request);
            return;
        }
    }
    signInRemembered();
}

void ConsoleController::signInRemembered()
{
    SignInRequest request = lastRequest();
    if (!request.remember || request.login.isEmpty()) {
        showSignInDialog(request);
        return;
    }
    m_window->sessionStatusBar()->showActivity(tr("Reading the remembered password…"));
    m_passwords->read(
        request.keychainKey(), [this, request](std::optional<QString> password, QString reason) {
            m_window->sessionStatusBar()->clearMessage();
            if (!password) {
                showSignInDialog(request, {},
                                 reason.isEmpty()
                                     ? QString()
                                     : tr("The remembered password could not be read: %1").arg(reason));
                return;
            }
            SignInRequest remembered = request;
            remembered.password = *password;
            signIn(remembered);
        });
}

void ConsoleController::signIn(const SignInRequest &request)
{
    m_pending = request;
    ConnectionSettings server;
    if (request.embedded && m_target && m_target->embedded) {
        server = m_target->settings;
    } else {
        server.host = request.host;
        server.port = request.port;
        server.database = request.database;
        if (m_target)
            server.sslmode = m_target->settings.sslmode;
    }
    m_window->sessionStatusBar()->showActivity(tr("Signing in as %1…").arg(request.login));
    m_session->signIn(server, request.login, request.password, request.embedded);
}

void ConsoleController::onSignedIn(const SessionInfo &info)
{
    m_window->setSignedIn(true);
    m_window->sessionStatusBar()->showSignedIn(info);
    m_providers->refresh();
    // Section pages and their live updates, for this staff member's tenant.
    startFeed(info);
    if (std::exchange(m_sectionsTenant, info.tenantId) != info.tenantId)
        m_window->installSectionPages(m_session, m_feed);
    if (m_dialog) {
        rememberChoice(m_pending);
        m_dialog->accept();
    }
    markReady();
}

void ConsoleController::startFeed(const SessionInfo &info)
{
    // What the sections declare they listen on, and the status bar's provider modes.
    QStringList channels = m_window->sections().channels();
    for (const QString &channel : ProviderIndicator::channels())
        if (!channels.contains(channel))
            channels.append(channel);
    m_feed->start(m_session->staffSettings(), info.tenantId, channels);
}

void ConsoleController::onSignInFailed(const Error &error)
{
    m_window->sessionStatusBar()->clearMessage();
    // The server's words for a refused password (libpq's "FATAL: password authentication
    // failed for user ...") mean nothing to staff; the code says what happened.
    const QString message = error.code == errors::AuthenticationFailed
                                ? tr("The login or the password is not right. Check both and try again.")
                                : tr("Sign-in failed: %1").arg(error.message);
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->setBusy(false);
        m_dialog->showServerError(message);
        return;
    }
    SignInRequest again = m_pending;
    again.password.clear();
    showSignInDialog(again, message);
}

void ConsoleController::rememberChoice(const SignInRequest &request)
{
    QSettings settings;
    settings.setValue(key::embedded, request.embedded);
    settings.setValue(key::host, request.host);
    settings.setValue(key::port, request.port);
    settings.setValue(key::database, request.database);
    settings.setValue(key::login, request.login);
    settings.setValue(key::remember, request.remember);

    // A missing keychain (no secret service, as on a bare X server) is a note, not a failure:
    // the person is signed in and only has to type the password again next time.
    auto report = [this](const QString &error) {
        if (!error.isEmpty() && m_window)
            m_window->sessionStatusBar()->showMessage(
                tr("The password could not be kept in the keychain: %1").arg(error), 15000);
        Q_EMIT rememberFinished(error);
    };
    if (request.remember)
        m_passwords->write(request.keychainKey(), request.password, report);
    else
        m_passwords->remove(request.keychainKey(), [](const QString &) {});
}

void ConsoleController::signOut()
{
    // Signing out forgets a remembered password: the next start asks again.
    m_passwords->remove(m_pending.keychainKey(), [](const QString &) {});
    QSettings().setValue(key::remember, false);
    m_session->signOut();
    m_feed->stop();
    m_providers->clear();
    m_window->setSignedIn(false);
    m_window->sessionStatusBar()->showSignedOut();
    SignInRequest again = m_pending;
    again.password.clear();
    again.remember = false;
    showSignInDialog(again);
}

SignInRequest ConsoleController::lastRequest() const
{
    SignInRequest request;
    if (m_target && !m_target->embedded) {
        request.host = m_target->settings.host;
        request.port = m_target->settings.port;
        request.database = m_target->settings.database;
    }
    request.embedded = m_target && m_target->embedded;
    const QSettings settings;
    request.embedded = settings.value(key::embedded, request.embedded).toBool();
    request.host = settings.value(key::host, request.host).toString();
    request.port = settings.value(key::port, request.port).toInt();
    request.database = settings.value(key::database, request.database).toString();
    request.login = settings.value(key::login).toString();
    request.remember = settings.value(key::remember, false).toBool();
    return request;
}

void ConsoleController::showSignInDialog(const SignInRequest &prefill, const QString &error,
                                         const QString &note)
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SignInDialog::signInRequested, this, &ConsoleController::signIn);
        // Cancelling while the server is still answering abandons that sign-in.
        connect(m_dialog, &SignInDialog::rejected, this, [this] {
            if (m_session->state() == ConsoleSession::State::SigningIn)
                m_session->signOut();
        });
    }
    m_dialog->setEmbeddedAvailable(m_target && m_target->embedded);
    m_dialog->setBusy(false);
    m_dialog->setRequest(prefill);
    m_dialog->showServerError(error);
    m_dialog->showNote(note);
    m_dialog->open();
    markReady();
}

void ConsoleController::markReady()
{
    if (std::exchange(m_ready, true))
        return;
    Q_EMIT ready();
}

} // namespace mp
