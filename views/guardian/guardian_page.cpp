#include "guardian_page.h"

#include "console_session/change_feed.h"
#include "empty_state_label.h"
#include "guardian_commands.h"
#include "json_rows_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

namespace {

QTableView *tableOf(JsonRowsModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

GuardianPage::GuardianPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_findings(new JsonRowsModel({{QStringLiteral("severity"), tr("Severity")},
                                    {QStringLiteral("kind"), tr("Finding")},
                                    {QStringLiteral("subject"), tr("Address or account")},
                                    {QStringLiteral("resource"), tr("Resource")},
                                    {QStringLiteral("host"), tr("Host")},
                                    {QStringLiteral("count"), tr("Events")},
                                    {QStringLiteral("last_seen"), tr("Last seen")},
                                    {QStringLiteral("status"), tr("Status")}},
                                   this)),
      m_remediations(new JsonRowsModel({{QStringLiteral("status"), tr("Status")},
                                        {QStringLiteral("action"), tr("Action")},
                                        {QStringLiteral("target"), tr("Target")},
                                        {QStringLiteral("finding_kind"), tr("Finding")},
                                        {QStringLiteral("severity"), tr("Severity")},
                                        {QStringLiteral("resource"), tr("Resource")},
                                        {QStringLiteral("result"), tr("Result")}},
                                       this)),
      m_blocks(new JsonRowsModel({{QStringLiteral("address"), tr("Address")},
                                  {QStringLiteral("offence"), tr("Offence")},
                                  {QStringLiteral("ban_s"), tr("Ban (s)")},
                                  {QStringLiteral("starts_at"), tr("Since")},
                                  {QStringLiteral("expires_at"), tr("Until")}},
                                 this)),
      m_scans(new JsonRowsModel({{QStringLiteral("created_at"), tr("Requested")},
                                 {QStringLiteral("origin"), tr("Origin")},
                                 {QStringLiteral("status"), tr("Status")},
                                 {QStringLiteral("host"), tr("Host")},
                                 {QStringLiteral("lines_read"), tr("Lines")},
                                 {QStringLiteral("events"), tr("Events")},
                                 {QStringLiteral("findings"), tr("Findings")},
                                 {QStringLiteral("reason"), tr("Reason")}},
                                this)),
      m_summary(new QLabel(this)), m_empty(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_findingView(tableOf(m_findings, QStringLiteral("guardianFindings"), this)),
      m_taskView(tableOf(m_remediations, QStringLiteral("guardianRemediations"), this)),
      m_evidence(new QPlainTextEdit(this)), m_approve(new QPushButton(tr("Approve"), this)),
      m_dismiss(new QPushButton(tr("Dismiss"), this)), m_resolve(new QPushButton(tr("Resolve"), this))
{
    setObjectName(QStringLiteral("guardianPage"));
    m_summary->setObjectName(QStringLiteral("guardianSummary"));
    styleAsEmptyState(m_empty, QStringLiteral("guardianEmptyState"));
    m_empty->setText(
        tr("No scan has run yet. Add the log files of your hosts with POST /api/guardian/sources "
           "(sshd, Postfix, Dovecot, nginx, BIND, NSD, PowerDNS); the schedule scans them every "
           "minute, and findings, remediation tasks and blocks show here."));
    m_evidence->setObjectName(QStringLiteral("guardianEvidence"));
    m_evidence->setReadOnly(true);
    m_evidence->setPlaceholderText(tr("Select a finding to see the log lines that made it."));

    auto *findingTab = new QWidget(this);
    auto *findingLayout = new QVBoxLayout(findingTab);
    auto *split = new QSplitter(Qt::Vertical, findingTab);
    split->addWidget(m_findingView);
    split->addWidget(m_evidence);
    findingLayout->addWidget(split, 1);
    auto *findingButtons = new QHBoxLayout;
    findingButtons->addStretch();
    findingButtons->addWidget(m_resolve);
    findingLayout->addLayout(findingButtons);

    auto *taskTab = new QWidget(this);
    auto *taskLayout = new QVBoxLayout(taskTab);
    taskLayout->addWidget(m_taskView, 1);
    auto *taskButtons = new QHBoxLayout;
    taskButtons->addStretch();
    taskButtons->addWidget(m_dismiss);
    taskButtons->addWidget(m_approve);
    taskLayout->addLayout(taskButtons);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(findingTab, tr("Findings"));
    tabs->addTab(taskTab, tr("Remediation queue"));
    tabs->addTab(tableOf(m_blocks, QStringLiteral("guardianBlocks"), this), tr("Blocks in force"));
    tabs->addTab(tableOf(m_scans, QStringLiteral("guardianScans"), this), tr("Scans"));
    m_stack->addWidget(tabs);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    connect(m_findingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectFinding(current.row()); });
    connect(m_resolve, &QPushButton::clicked, this, [this] { resolve(selectedRow(m_findingView)); });
    connect(m_approve, &QPushButton::clicked, this, [this] { approve(selectedRow(m_taskView)); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismiss(selectedRow(m_taskView)); });
    if (feed)
        connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
            if (channel == channels::guardian)
                reload();
        });
    reload();
}

bool GuardianPage::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString GuardianPage::evidenceText() const
{
    return m_evidence->toPlainText();
}

QString GuardianPage::summaryText() const
{
    return m_summary->text();
}

int GuardianPage::selectedRow(QTableView *view) const
{
    return view->selectionModel()->currentIndex().row();
}

void GuardianPage::reload()
{
    if (m_loading) {
        m_again = true; // the newest state is read once this read ends
        return;
    }
    m_loading = true;
    commands::loadGuardian(m_session, this, [this](const Result<GuardianSnapshot> &s) {
        m_loading = false;
        if (s)
            display(*s);
        else
            m_summary->setText(tr("Guardian could not be read: %1").arg(s.error().message));
        if (std::exchange(m_again, false))
            reload();
    });
}

void GuardianPage::display(const GuardianSnapshot &s)
{
    m_findings->setRows(s.findings);
    m_remediations->setRows(s.remediations);
    m_blocks->setRows(s.blocks);
    m_scans->setRows(s.scans);
    int open = 0, high = 0, pending = 0;
    for (const QJsonValue &f : s.findings) {
        if (f[QStringLiteral("status")] == QLatin1String("open")) {
            ++open;
            high += f[QStringLiteral("severity")] == QLatin1String("high");
        }
    }
    for (const QJsonValue &t : s.remediations)
        pending += t[QStringLiteral("status")] == QLatin1String("pending");
    m_summary->setText(tr("%n open finding(s)", nullptr, open) + QStringLiteral(" · ") +
                       tr("%n high", nullptr, high) + QStringLiteral(" · ") +
                       tr("%n task(s) waiting", nullptr, pending) + QStringLiteral(" · ") +
                       tr("%n block(s) in force", nullptr, static_cast<int>(s.blocks.size())));
    m_stack->setCurrentWidget(s.scans.isEmpty() && s.findings.isEmpty() ? static_cast<QWidget *>(m_empty)
                                                                        : m_stack->widget(0));
    Q_EMIT refreshed();
}

void GuardianPage::selectFinding(int row)
{
    QStringList lines;
    for (const QJsonValue &e : m_findings->row(row).value(QStringLiteral("evidence")).toArray())
        lines.append(tr("%1:%2  %3")
                         .arg(e[QStringLiteral("source")].toString())
                         .arg(e[QStringLiteral("line")].toInteger())
                         .arg(e[QStringLiteral("text")].toString()));
    m_evidence->setPlainText(lines.join(u'\n'));
}

void GuardianPage::finished(const QString &error)
{
    if (!error.isEmpty())
        m_summary->setText(error);
    Q_EMIT actionFinished(error);
    reload();
}

void GuardianPage::approve(int row)
{
    const QString id = m_remediations->row(row).value(QStringLiteral("id")).toString();
    commands::approveRemediation(m_session, this, id, [this](const Result<QJsonObject> &r) {
        finished(r ? QString() : r.error().message);
    });
}

void GuardianPage::dismiss(int row)
{
    const QString id = m_remediations->row(row).value(QStringLiteral("id")).toString();
    commands::dismissRemediation(m_session, this, id, [this](const Result<QJsonObject> &r) {
        finished(r ? QString() : r.error().message);
    });
}

void GuardianPage::resolve(int row)
{
    const QString id = m_findings->row(row).value(QStringLiteral("id")).toString();
    commands::resolveFinding(m_session, this, id, [this](const Result<QJsonObject> &r) {
        finished(r ? QString() : r.error().message);
    });
}

} // namespace mp
