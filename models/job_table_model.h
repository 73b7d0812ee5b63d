#pragma once

#include "jobs/jobs.h"
#include "lazy_table_model.h"

namespace mp {

// The tenant's jobs, newest first (keyset by id), filtered by status, kind and related object.
// IdRole answers the job id as text.
class JobTableModel : public LazyTableModel<JobRecord> {
    Q_OBJECT
public:
    enum Column { Id, Kind, Status, Attempts, Related, Created, Finished, LastError, ColumnCount };
    Q_ENUM(Column)

    explicit JobTableModel(ConsoleSession *session, QObject *parent = nullptr);

    // beforeId and limit of `filter` are the model's own (paging) and ignored.
    void setFilter(const JobFilter &filter);
    const JobFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(JobStatus status);
    static QList<JobStatus> allStatuses();

protected:
    Fetch fetcher() const override;

private:
    JobFilter m_filter;
};

} // namespace mp
