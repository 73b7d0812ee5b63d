#include "job_table_model.h"

#include "console_session/staff_transaction.h"
#include "model_roles.h"
#include "status_tone.h"

#include <QColor>
#include <QLocale>

namespace mp {

JobTableModel::JobTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<JobRecord>(session, parent)
{
}

void JobTableModel::setFilter(const JobFilter &filter)
{
    m_filter = filter;
    refresh();
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QList<JobStatus> JobTableModel::allStatuses()
{
    return {JobStatus::Queued, JobStatus::Running, JobStatus::Completed,
            JobStatus::Failed, JobStatus::Dead,    JobStatus::Cancelled};
}

QString JobTableModel::statusTitle(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return tr("Queued");
    case JobStatus::Running:
        return tr("Running");
    case JobStatus::Completed:
        return tr("Completed");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Dead:
        return tr("Dead");
    case JobStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobRecord &job = rowAt(index.row());
    if (role == IdRole)
        return QString::number(job.id);
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusForeground(toString(job.status));
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Attempts))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == LastError && !job.lastError.isEmpty())
        return job.lastError;
    if (role != Qt::DisplayRole)
        return {};
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    switch (Column(index.column())) {
    case Id:
        return QString::number(job.id);
    case Kind:
        return job.kind;
    case Status:
        if (job.status == JobStatus::Running && job.cancelRequestedAt.isValid())
            return tr("Running, cancel requested");
        return statusTitle(job.status);
    case Attempts:
        return tr("%1 of %2").arg(job.attempts).arg(job.maxAttempts);
    case Related:
        return job.relatedType.isEmpty() ? QString()
                                         : QStringLiteral("%1 %2").arg(job.relatedType, job.relatedId);
    case Created:
        return time(job.createdAt);
    case Finished:
        return time(job.finishedAt);
    case LastError:
        return job.lastError.section(QLatin1Char('\n'), 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Job");
    case Kind:
        return tr("Kind");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case Related:
        return tr("Related to");
    case Created:
        return tr("Created");
    case Finished:
        return tr("Finished");
    case LastError:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

JobTableModel::Fetch JobTableModel::fetcher() const
{
    return [filter = m_filter](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
        JobFilter f = filter;
        // Keyset by id: the cursor is the smallest id of the previous page. One row more than
        // asked says whether another page follows.
        f.beforeId = cursor.isEmpty() ? 0 : cursor.toLongLong();
        f.limit = limit + 1;
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto jobs = Jobs::list(tx.db(), f);
            if (!jobs)
                return jobs.error();
            Page page;
            page.rows = *jobs;
            if (page.rows.size() > limit) {
                page.rows.resize(limit);
                page.nextCursor = QString::number(page.rows.constLast().id);
            }
            return page;
        });
    };
}

} // namespace mp
