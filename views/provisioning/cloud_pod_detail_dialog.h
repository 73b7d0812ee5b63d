#pragma once

#include "cloudpod_commands.h"

#include <QDialog>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QMessageBox;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;

// One pod: address, template, node, host name, last error, its jobs with the log of the one
// selected, and what staff may do to it now (retry, suspend, unsuspend, terminate after a
// confirmation). What is offered comes from the services (CloudPods::actionsFor), which check
// again when the action runs.
class CloudPodDetailDialog : public QDialog {
    Q_OBJECT
public:
    CloudPodDetailDialog(ConsoleSession *session, const QString &podId, QWidget *parent = nullptr);

    void reload();
    // Re-reads the pod whenever the feed reports a change of pods, jobs or job logs (the job
    // moving it from queued to active), keeping the message and the job whose log is shown.
    void followChanges(ChangeFeed *feed);
    void retry();
    void suspend();
    void unsuspend();
    // Asks first (the confirmation is confirmDialog() while open); terminates on Yes.
    void terminate();
    // A new password for a VM's login user; the password is shown once (passwordDialog()).
    void resetPassword();
    // Asks first, naming what is erased and kept (confirmDialog()); reinstalls on Yes, with a new
    // root password when the confirmation's check box is ticked.
    void reinstall();
    // Runs an action without asking; `done` gets the error (or none).
    void requestAction(commands::PodAction action, const std::function<void(const Error *)> &done);

    const std::optional<commands::PodDetail> &detail() const { return m_detail; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *suspendButton() const { return m_suspend; }
    QPushButton *unsuspendButton() const { return m_unsuspend; }
    QPushButton *terminateButton() const { return m_terminate; }
    QMessageBox *confirmDialog() const { return m_confirm; }
    QPushButton *resetPasswordButton() const { return m_resetPassword; }
    QPushButton *reinstallButton() const { return m_reinstall; }
    QMessageBox *passwordDialog() const { return m_passwordBox; }
    QTreeWidget *jobsList() const { return m_jobs; }
    QPlainTextEdit *logView() const { return m_log; }
    QLabel *message() const { return m_message; }

Q_SIGNALS:
    void loaded();
    void actionFinished(const QString &error);

private:
    void display(const commands::PodDetail &detail);
    void showLog(const QList<JobLogLine> &lines);
    void refresh();
    // Shows a generated password once; nothing keeps it after the box closes.
    void showPasswordOnce(const QString &title, const QString &password);
    void accessDone(const Result<QString> &password, const QString &title);

    ConsoleSession *m_session;
    QString m_id;
    std::optional<commands::PodDetail> m_detail;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_address;
    QLabel *m_hostname;
    QLabel *m_template;
    QLabel *m_node;
    QLabel *m_customer;
    QLabel *m_lastError;
    QLabel *m_connect;
    QTreeWidget *m_jobs;
    QPlainTextEdit *m_log;
    QLabel *m_message;
    QPushButton *m_retry;
    QPushButton *m_suspend;
    QPushButton *m_unsuspend;
    QPushButton *m_terminate;
    QPushButton *m_resetPassword;
    QPushButton *m_reinstall;
    QMessageBox *m_passwordBox = nullptr;
    QMessageBox *m_confirm = nullptr;
    bool m_busy = false;
};

} // namespace mp
