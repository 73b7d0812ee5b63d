#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class CloudPodFindingModel;
class ConsoleSession;
class LazyTableView;

// What reconciliation found, live: open findings (or all, with the resolved), an empty state
// when there is nothing to look at, the pod of a finding opened in its detail, where staff act
// on it (retry, terminate), and "Check now" to reconcile at once after a fix. Findings are not
// resolved by hand: the next run resolves what it no longer sees, and a hand-resolved finding
// whose cause remains would only come back as a new one.
class FindingsPage : public QWidget {
    Q_OBJECT
public:
    FindingsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    CloudPodFindingModel *findings() const { return m_findings; }
    LazyTableView *view() const { return m_view; }
    QLabel *emptyState() const { return m_empty; }
    QPushButton *openPodButton() const { return m_openPod; }
    QPushButton *checkNowButton() const { return m_checkNow; }
    // What "Check now" did, or when reconciliation last ran.
    QLabel *checkStatus() const { return m_checkStatus; }
    const QDateTime &lastCheck() const { return m_lastCheck; }
    bool showsEmptyState() const;

    void setIncludeResolved(bool include);

Q_SIGNALS:
    void podRequested(const QString &podId);
    // "Check now" was answered: empty, or what went wrong.
    void checkFinished(const QString &error);

private:
    void updateEmptyState();
    void updateActions();
    void checkNow();
    void loadLastCheck();

    ConsoleSession *m_session;
    CloudPodFindingModel *m_findings;
    LazyTableView *m_view;
    QComboBox *m_filter;
    QPushButton *m_openPod;
    QPushButton *m_checkNow;
    QLabel *m_checkStatus;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    bool m_failed = false;
    QDateTime m_lastCheck; // null: no reconciliation has run to the end (or not read yet)
};

} // namespace mp
