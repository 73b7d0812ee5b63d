#pragma once

#include "console_session/console_session.h"
#include "core/config.h"
#include "sign_in_request.h"
#include "tenancy/database_bootstrap.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace mp {

class ChangeFeed;
class MainWindow;
class PasswordStore;
class ProviderIndicator;
class SignInDialog;

// Takes the console from start to a signed-in main window and keeps it there: resolves the
// database (starting the embedded cluster when none is configured) off the UI thread, signs in
// automatically as the embedded owner or with a remembered password, else asks with the
// sign-in dialog; keeps the status bar in step with the session; handles sign-out.
class ConsoleController : public QObject {
    Q_OBJECT
public:
    ConsoleController(const Config &config, MainWindow *window, QObject *parent = nullptr);
    ~ConsoleController() override;

    void start();

    ConsoleSession *session() const { return m_session; }
    ChangeFeed *changeFeed() const { return m_feed; }
    PasswordStore *passwordStore() const { return m_passwords; }
    ProviderIndicator *providerIndicator() const { return m_providers; }
    // The open sign-in dialog, if any.
    SignInDialog *signInDialog() const;
    // Set once the database is resolved.
    const std::optional<DatabaseTarget> &databaseTarget() const { return m_target; }

    // Signs in with `request` (used by the dialog, and by tests).
    void signIn(const SignInRequest &request);
    void signOut();

Q_SIGNALS:
    // The window has settled after start(): signed in, or the sign-in dialog waits for input.
    void ready();
    // The keychain answered a "remember me" after sign-in: empty, or why it could not keep it.
    void rememberFinished(const QString &error);

private:
    void onDatabaseResolved(const Result<DatabaseTarget> &target);
    void signInRemembered();
    void showSignInDialog(const SignInRequest &prefill, const QString &error = {}, const QString &note = {});
    void onSignedIn(const SessionInfo &info);
    void startFeed(const SessionInfo &info);
    void onSignInFailed(const Error &error);
    void rememberChoice(const SignInRequest &request);
    SignInRequest lastRequest() const;
    void markReady();

    Config m_config;
    QPointer<MainWindow> m_window;
    ConsoleSession *m_session;
    ChangeFeed *m_feed;
    QString m_sectionsTenant; // the tenant whose pages are installed
    PasswordStore *m_passwords;
    ProviderIndicator *m_providers;
    QPointer<SignInDialog> m_dialog;
    std::optional<DatabaseTarget> m_target;
    QString m_targetError;
    SignInRequest m_pending;
    bool m_ready = false;
};

} // namespace mp
