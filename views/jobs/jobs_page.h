#pragma once

#include "jobs/job_types.h"

#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

class QPlainTextEdit;
class QPushButton;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class JobTableModel;
class LazyTableView;

// Provisioning's Jobs view: the tenant's jobs, live (statuses arrive through the change feed,
// migration 0013), filtered by status, kind and related object; the selected job's log, which
// follows new lines as the handler writes them; Retry and Cancel through the job services on
// the staff connection. Self-contained, so it can be a section page or one tab of several.
class JobsPage : public QWidget {
    Q_OBJECT
public:
    JobsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    JobTableModel *model() const { return m_model; }
    LazyTableView *view() const { return m_view; }
    QPlainTextEdit *logView() const { return m_log; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *cancelButton() const { return m_cancel; }
    // The last action error shown, or null.
    QMessageBox *errorBox() const { return m_errorBox; }

    void setStatusFilter(const QString &status);
    void setKindFilter(const QString &kind);
    void setRelatedFilter(const QString &type, const QString &id);
    // Selects the job `id` once it is among the loaded rows.
    void selectJob(qint64 id);
    qint64 selectedJobId() const { return m_selectedId; }

Q_SIGNALS:
    // The selected job and its log were (re)read.
    void detailLoaded();
    // Retry or Cancel finished (`ok` false: the error is in errorBox()).
    void actionFinished(bool ok);

private:
    void applyFilters();
    void onCurrentChanged();
    void reselect();
    void loadDetail();
    void showDetail(const JobRecord &job, const QList<JobLogLine> &log);
    void clearDetail();
    void runAction(bool retry);
    void showError(const QString &title, const QString &message);

    ConsoleSession *m_session;
    JobTableModel *m_model;
    LazyTableView *m_view;
    QComboBox *m_status;
    QLineEdit *m_kind;
    QLineEdit *m_relatedType;
    QLineEdit *m_relatedId;
    QLabel *m_detail;
    QPlainTextEdit *m_log;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    QPointer<QMessageBox> m_errorBox;
    QTimer m_filterDelay;
    QTimer m_detailDelay;
    qint64 m_selectedId = 0;
    quint64 m_detailGeneration = 0;
};

} // namespace mp
