#include "cloud_pod_detail_dialog.h"

#include "change_follower.h"
#include "cloud_pod_table_model.h"
#include "job_commands.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mp {

using commands::PodAction;

namespace {

QString when(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

CloudPodDetailDialog::CloudPodDetailDialog(ConsoleSession *session, const QString &podId, QWidget *parent)
    : QDialog(parent), m_session(session), m_id(podId), m_title(new QLabel(this)), m_status(valueLabel(this)),
      m_address(valueLabel(this)), m_hostname(valueLabel(this)), m_template(valueLabel(this)),
      m_node(valueLabel(this)), m_customer(valueLabel(this)), m_lastError(valueLabel(this)),
      m_jobs(new QTreeWidget(this)), m_log(new QPlainTextEdit(this)), m_message(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry"), this)), m_suspend(new QPushButton(tr("&Suspend"), this)),
      m_unsuspend(new QPushButton(tr("&Unsuspend"), this)),
      m_terminate(new QPushButton(tr("&Terminate…"), this)),
      m_resetPassword(new QPushButton(tr("Reset &password…"), this)),
      m_reinstall(new QPushButton(tr("Re&install…"), this))
{
    m_connect = valueLabel(this);
    m_resetPassword->setObjectName(QStringLiteral("resetPassword"));
    m_reinstall->setObjectName(QStringLiteral("reinstall"));
    setObjectName(QStringLiteral("cloudPodDetail"));
    setWindowTitle(tr("CloudPod"));
    resize(760, 620);
    m_lastError->setStyleSheet(QStringLiteral("color: #b02020"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("Host name:"), m_hostname);
    form->addRow(tr("Template:"), m_template);
    form->addRow(tr("Node:"), m_node);
    form->addRow(tr("Customer:"), m_customer);
    form->addRow(tr("Connect:"), m_connect);
    form->addRow(tr("Last error:"), m_lastError);

    m_jobs->setObjectName(QStringLiteral("podJobs"));
    m_jobs->setRootIsDecorated(false);
    m_jobs->setHeaderLabels(
        {tr("Job"), tr("Kind"), tr("Status"), tr("Attempts"), tr("Created"), tr("Last error")});
    m_jobs->header()->resizeSection(0, 60);
    m_jobs->header()->resizeSection(1, 140);
    m_log->setObjectName(QStringLiteral("podJobLog"));
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("No log lines"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_jobs);
    split->addWidget(m_log);

    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_retry, m_suspend, m_unsuspend, m_terminate, m_resetPassword, m_reinstall}) {
        b->setEnabled(false);
        actions->addWidget(b);
    }
    actions->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    actions->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Jobs (select one for its log):"), this));
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addLayout(actions);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &CloudPodDetailDialog::retry);
    connect(m_suspend, &QPushButton::clicked, this, &CloudPodDetailDialog::suspend);
    connect(m_unsuspend, &QPushButton::clicked, this, &CloudPodDetailDialog::unsuspend);
    connect(m_terminate, &QPushButton::clicked, this, &CloudPodDetailDialog::terminate);
    connect(m_resetPassword, &QPushButton::clicked, this, &CloudPodDetailDialog::resetPassword);
    connect(m_reinstall, &QPushButton::clicked, this, &CloudPodDetailDialog::reinstall);
    connect(m_jobs, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        commands::loadJobLog(m_session, this, item->data(0, Qt::UserRole).toLongLong(),
                             [this](const Result<QList<JobLogLine>> &lines) {
                                 if (lines)
                                     showLog(*lines);
                                 else
                                     m_log->setPlainText(lines.error().message);
                             });
    });
    reload();
}

void CloudPodDetailDialog::reload()
{
    m_message->setText(tr("Loading…"));
    commands::loadPod(m_session, this, m_id, [this](const Result<commands::PodDetail> &detail) {
        if (!detail) {
            m_message->setText(detail.error().message);
            return;
        }
        display(*detail);
        Q_EMIT loaded();
    });
}

void CloudPodDetailDialog::followChanges(ChangeFeed *feed)
{
    new ChangeFollower(
        feed, {channels::cloudPods, channels::jobs, channels::jobLog}, [this] { refresh(); }, this);
}

void CloudPodDetailDialog::refresh()
{
    commands::loadPod(m_session, this, m_id, [this](const Result<commands::PodDetail> &detail) {
        // An action in flight answers with the pod as it leaves it; a failed re-read changes
        // nothing shown.
        if (!detail || m_busy)
            return;
        const QString message = m_message->text();
        const QTreeWidgetItem *current = m_jobs->currentItem();
        const qint64 job = current ? current->data(0, Qt::UserRole).toLongLong() : 0;
        display(*detail);
        m_message->setText(message);
        for (int i = 0; i < m_jobs->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_jobs->topLevelItem(i);
            if (i > 0 && item->data(0, Qt::UserRole).toLongLong() == job)
                m_jobs->setCurrentItem(item); // loads that job's log
        }
        Q_EMIT loaded();
    });
}

void CloudPodDetailDialog::display(const commands::PodDetail &d)
{
    m_detail = d;
    const cloudpods::CloudPod &p = d.pod;
    m_title->setText(tr("<h3>%1</h3>").arg(p.hostname.toHtmlEscaped()));
    m_status->setText(CloudPodTableModel::statusTitle(p));
    m_address->setText(p.ipAddress.isEmpty() ? tr("none yet") : p.ipAddress);
    m_hostname->setText(p.hostname);
    m_template->setText(p.templateName);
    m_node->setText(
        p.nodeName.isEmpty()
            ? tr("not placed yet")
            : tr("%1 / %2, VMID %3 (%4)").arg(p.clusterName, p.nodeName).arg(p.vmid).arg(p.guestKind));
    m_customer->setText(p.customerName);
    m_lastError->setText(p.lastError.isEmpty() ? tr("none") : p.lastError);
    m_connect->setText(p.connectCommand().isEmpty() ? tr("once it has an address") : p.connectCommand());
    m_message->clear();

    m_retry->setEnabled(!m_busy && d.actions.retry);
    m_suspend->setEnabled(!m_busy && d.actions.suspend);
    m_unsuspend->setEnabled(!m_busy && d.actions.unsuspend);
    m_terminate->setEnabled(!m_busy && d.actions.terminate);
    m_resetPassword->setEnabled(!m_busy && d.actions.resetPassword);
    m_reinstall->setEnabled(!m_busy && d.actions.reinstall);

    const QSignalBlocker block(m_jobs);
    m_jobs->clear();
    for (const JobRecord &job : d.jobs) {
        auto *item = new QTreeWidgetItem(m_jobs, {QString::number(job.id), job.kind, toString(job.status),
                                                  tr("%1 of %2").arg(job.attempts).arg(job.maxAttempts),
                                                  when(job.createdAt), job.lastError});
        item->setData(0, Qt::UserRole, job.id);
        item->setToolTip(5, job.lastError);
    }
    if (m_jobs->topLevelItemCount() > 0)
        m_jobs->setCurrentItem(m_jobs->topLevelItem(0));
    showLog(d.log);
}

void CloudPodDetailDialog::showLog(const QList<JobLogLine> &lines)
{
    QStringList text;
    for (const JobLogLine &l : lines)
        text << QStringLiteral("%1  #%2  %3").arg(when(l.at)).arg(l.attempt).arg(l.line);
    m_log->setPlainText(text.join(u'\n'));
}

void CloudPodDetailDialog::requestAction(PodAction action, const std::function<void(const Error *)> &done)
{
    m_busy = true;
    for (QPushButton *b : {m_retry, m_suspend, m_unsuspend, m_terminate, m_resetPassword, m_reinstall})
        b->setEnabled(false);
    m_message->setText(tr("Working…"));
    commands::podAction(m_session, this, m_id, action,
                        [this, done](const Result<commands::PodDetail> &detail) {
                            m_busy = false;
                            if (!detail) {
                                m_message->setText(detail.error().message);
                                if (m_detail)
                                    display(*m_detail);
                                m_message->setText(detail.error().message);
                                done(&detail.error());
                                Q_EMIT actionFinished(detail.error().message);
                                return;
                            }
                            display(*detail);
                            done(nullptr);
                            Q_EMIT actionFinished({});
                        });
}

void CloudPodDetailDialog::retry()
{
    requestAction(PodAction::Retry, [](const Error *) {});
}

void CloudPodDetailDialog::suspend()
{
    requestAction(PodAction::Suspend, [](const Error *) {});
}

void CloudPodDetailDialog::unsuspend()
{
    requestAction(PodAction::Unsuspend, [](const Error *) {});
}

void CloudPodDetailDialog::terminate()
{
    if (m_confirm)
        return;
    const QString name = m_detail ? m_detail->pod.hostname : m_id;
    m_confirm = new QMessageBox(QMessageBox::Warning, tr("Terminate CloudPod"),
                                tr("Terminate %1? Its guest is stopped and destroyed with its disks, and its "
                                   "address and node capacity are released. This cannot be undone.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    m_confirm->setObjectName(QStringLiteral("terminateConfirm"));
    m_confirm->setDefaultButton(QMessageBox::Cancel);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirm, &QMessageBox::finished, this, [this](int result) {
        m_confirm = nullptr;
        if (result == QMessageBox::Yes)
            requestAction(PodAction::Terminate, [](const Error *) {});
    });
    m_confirm->open();
}

void CloudPodDetailDialog::showPasswordOnce(const QString &title, const QString &password)
{
    m_passwordBox = new QMessageBox(QMessageBox::Information, title,
                                    tr("The new password of %1 on %2:\n\n%3\n\nCopy it now: it is shown "
                                       "this once and mPanel keeps no copy once the pod has it.")
                                        .arg(m_detail ? m_detail->pod.loginUser : QString(),
                                             m_detail ? m_detail->pod.hostname : m_id, password),
                                    QMessageBox::Ok, this);
    m_passwordBox->setObjectName(QStringLiteral("passwordShownOnce"));
    m_passwordBox->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_passwordBox->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_passwordBox, &QMessageBox::finished, this, [this] { m_passwordBox = nullptr; });
    m_passwordBox->open();
}

void CloudPodDetailDialog::accessDone(const Result<QString> &password, const QString &title)
{
    m_busy = false;
    if (!password) {
        if (m_detail)
            display(*m_detail);
        m_message->setText(password.error().message);
        Q_EMIT actionFinished(password.error().message);
        return;
    }
    if (!password->isEmpty())
        showPasswordOnce(title, *password);
    reload();
    Q_EMIT actionFinished({});
}

void CloudPodDetailDialog::resetPassword()
{
    m_busy = true;
    m_message->setText(tr("Working…"));
    commands::resetPodPassword(m_session, this, m_id, [this](const Result<QString> &password) {
        accessDone(password, tr("New password"));
    });
}

void CloudPodDetailDialog::reinstall()
{
    if (m_confirm)
        return;
    const QString name = m_detail ? m_detail->pod.hostname : m_id;
    m_confirm =
        new QMessageBox(QMessageBox::Warning, tr("Reinstall CloudPod"),
                        tr("Reinstall %1 from its template? Everything on its disk is erased. It keeps its "
                           "name, address, VMID and SSH keys.")
                            .arg(name),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    m_confirm->setObjectName(QStringLiteral("reinstallConfirm"));
    m_confirm->setDefaultButton(QMessageBox::Cancel);
    auto *password = new QCheckBox(tr("Generate a new root password"), m_confirm);
    password->setObjectName(QStringLiteral("newPassword"));
    password->setChecked(true);
    m_confirm->setCheckBox(password);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirm, &QMessageBox::finished, this, [this, password](int result) {
        const bool newPassword = password->isChecked();
        m_confirm = nullptr;
        if (result != QMessageBox::Yes)
            return;
        m_busy = true;
        m_message->setText(tr("Working…"));
        commands::reinstallPod(m_session, this, m_id, newPassword, [this](const Result<QString> &generated) {
            accessDone(generated, tr("Reinstalled: new root password"));
        });
    });
    m_confirm->open();
}

} // namespace mp
