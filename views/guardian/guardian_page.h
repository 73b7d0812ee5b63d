#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class JsonRowsModel;
struct GuardianSnapshot;

// The Guardian section: a line of counts, then tabs: findings most severe first (the selected
// one's evidence lines below, and Resolve), the remediation queue (Approve, Dismiss), the blocks
// in force on every host, and the scans. Read on the session's thread, refreshed when
// Guardian's tables change; with no scan and no finding it says how to start.
class GuardianPage : public QWidget {
    Q_OBJECT
public:
    GuardianPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    JsonRowsModel *findings() const { return m_findings; }
    JsonRowsModel *remediations() const { return m_remediations; }
    JsonRowsModel *blocks() const { return m_blocks; }
    JsonRowsModel *scans() const { return m_scans; }
    bool showsEmptyState() const;
    QString evidenceText() const;
    QString summaryText() const;

    void reload();
    // The actions of the buttons, on a row of their table; each ends with actionFinished.
    void selectFinding(int row);
    void approve(int row);
    void dismiss(int row);
    void resolve(int row);

Q_SIGNALS:
    void refreshed();
    void actionFinished(const QString &error); // empty when it succeeded

private:
    void display(const GuardianSnapshot &s);
    void finished(const QString &error);
    int selectedRow(QTableView *view) const;

    ConsoleSession *m_session;
    JsonRowsModel *m_findings, *m_remediations, *m_blocks, *m_scans;
    QLabel *m_summary;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    QTableView *m_findingView, *m_taskView;
    QPlainTextEdit *m_evidence;
    QPushButton *m_approve, *m_dismiss, *m_resolve;
    bool m_loading = false, m_again = false;
};

} // namespace mp
