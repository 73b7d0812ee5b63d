#include "cloudpod_finding_model.h"

#include "console_session/staff_transaction.h"
#include "model_roles.h"

#include <QColor>
#include <QLocale>

namespace mp {

using cloudpods::CloudPodFindings;
using cloudpods::Finding;

namespace {

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

void CloudPodFindingModel::setIncludeResolved(bool include)
{
    m_includeResolved = include;
    refresh();
}

int CloudPodFindingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CloudPodFindingModel::kindTitle(const QString &kind)
{
    if (kind == QLatin1String("orphan_guest"))
        return tr("Orphan guest");
    if (kind == QLatin1String("guest_missing"))
        return tr("Guest missing");
    return kind;
}

QVariant CloudPodFindingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return QString::number(f.id);
    if (role == PodIdRole)
        return f.podId;
    if (role == Qt::ToolTipRole)
        return column == State && !f.isOpen() ? tr("Resolved %1").arg(when(f.resolvedAt)) : f.detail;
    if (role == Qt::ForegroundRole) {
        if (!f.isOpen())
            return QVariant::fromValue(QColor(0x80, 0x80, 0x80));
        if (column == Kind || column == State)
            return QVariant::fromValue(QColor(0xb0, 0x20, 0x20));
        return {};
    }
    if (role == Qt::TextAlignmentRole && column == Vmid)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Kind:
        return kindTitle(f.kind);
    case Where:
        return f.node.isEmpty() ? f.clusterName : QStringLiteral("%1 / %2").arg(f.clusterName, f.node);
    case Vmid:
        return f.vmid > 0 ? QVariant(f.vmid) : QVariant();
    case Pod:
        if (!f.podHostname.isEmpty())
            return f.podHostname;
        return f.podId.isEmpty() ? tr("no pod") : f.podId;
    case Detected:
        return when(f.firstSeenAt);
    case LastSeen:
        return when(f.lastSeenAt);
    case State:
        return f.isOpen() ? tr("Open") : tr("Resolved");
    case Detail:
        return f.detail;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CloudPodFindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Kind:
        return tr("Finding");
    case Where:
        return tr("Cluster / node");
    case Vmid:
        return tr("VMID");
    case Pod:
        return tr("Pod");
    case Detected:
        return tr("Detected");
    case LastSeen:
        return tr("Last seen");
    case State:
        return tr("State");
    case Detail:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}

CloudPodFindingModel::Fetch CloudPodFindingModel::fetcher() const
{
    return [includeResolved = m_includeResolved](StaffSession &session, const QString &cursor,
                                                 int limit) -> Result<Page> {
        cloudpods::FindingFilter filter;
        filter.includeResolved = includeResolved;
        filter.beforeId = cursor.toLongLong(); // the cursor is the last id handed out
        filter.limit = limit;
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto page = CloudPodFindings::list(tx, filter);
            if (!page)
                return page.error();
            return Page{page->items,
                        page->nextBeforeId > 0 ? QString::number(page->nextBeforeId) : QString()};
        });
    };
}

} // namespace mp
