#include "cloud_pod_table_model.h"

#include "console_session/staff_transaction.h"
#include "keyset_request.h"
#include "model_roles.h"
#include "status_tone.h"

#include <QColor>
#include <QLocale>

namespace mp {

using cloudpods::CloudPod;
using cloudpods::CloudPods;

CloudPodTableModel::CloudPodTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<CloudPod>(session, parent)
{
    setSortParameter(QStringLiteral("-created_at"));
}

void CloudPodTableModel::setFilter(const cloudpods::PodFilter &filter)
{
    m_filter = filter;
    refresh();
}

int CloudPodTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList CloudPodTableModel::statuses()
{
    return {QStringLiteral("pending"),   QStringLiteral("provisioning"), QStringLiteral("active"),
            QStringLiteral("suspended"), QStringLiteral("error"),        QStringLiteral("terminated")};
}

QString CloudPodTableModel::statusTitle(const CloudPod &pod)
{
    QString title;
    if (pod.status == QStringLiteral("pending"))
        title = tr("Pending");
    else if (pod.status == QStringLiteral("provisioning"))
        title = tr("Provisioning");
    else if (pod.status == QStringLiteral("active"))
        title = tr("Active");
    else if (pod.status == QStringLiteral("suspended"))
        title = tr("Suspended");
    else if (pod.status == QStringLiteral("error"))
        title = tr("Error");
    else if (pod.status == QStringLiteral("terminated"))
        title = tr("Terminated");
    else
        title = pod.status;
    // A wish recorded but not yet carried out by its job.
    if (pod.status != QStringLiteral("terminated") && pod.terminateRequested)
        return tr("%1, terminating").arg(title);
    if (pod.status == QStringLiteral("active") && pod.suspendRequested)
        return tr("%1, suspending").arg(title);
    if (pod.status == QStringLiteral("suspended") && !pod.suspendRequested)
        return tr("%1, resuming").arg(title);
    return title;
}

QVariant CloudPodTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CloudPod &pod = rowAt(index.row());
    if (role == IdRole)
        return pod.id;
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusForeground(pod.status);
    if (role == Qt::ToolTipRole && index.column() == Status && !pod.lastError.isEmpty())
        return pod.lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Hostname:
        return pod.hostname;
    case Status:
        return statusTitle(pod);
    case Customer:
        return pod.customerName;
    case Template:
        return pod.templateName;
    case Node:
        return pod.nodeName.isEmpty() ? QString()
                                      : QStringLiteral("%1 / %2").arg(pod.clusterName, pod.nodeName);
    case Address:
        return pod.ipAddress;
    case Created:
        return QLocale().toString(pod.createdAt.toLocalTime(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CloudPodTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Hostname:
        return tr("Host name");
    case Status:
        return tr("Status");
    case Customer:
        return tr("Customer");
    case Template:
        return tr("Template");
    case Node:
        return tr("Node");
    case Address:
        return tr("Address");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

QString CloudPodTableModel::sortName(int column) const
{
    switch (column) {
    case Hostname:
        return QStringLiteral("hostname");
    case Status:
        return QStringLiteral("status");
    case Created:
        return QStringLiteral("created_at");
    default:
        return {};
    }
}

CloudPodTableModel::Fetch CloudPodTableModel::fetcher() const
{
    return [filter = m_filter, sort = sortParameter()](StaffSession &session, const QString &cursor,
                                                       int limit) -> Result<Page> {
        auto page =
            keysetRequest(CloudPods::sortOrders(), sort, QStringLiteral("-created_at"), cursor, limit);
        if (!page)
            return page.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = CloudPods::page(tx, filter, *page);
            if (!list)
                return list.error();
            return Page{list->items, list->nextCursor};
        });
    };
}

} // namespace mp
