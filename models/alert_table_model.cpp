#include "alert_table_model.h"

#include "model_roles.h"
#include "status_tone.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

namespace mp {

namespace {

QString shortTime(const QJsonValue &iso)
{
    const QDateTime at = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

bool isOpen(const QJsonObject &a)
{
    const QJsonValue closed = a.value(QStringLiteral("closed_at"));
    return closed.isNull() || closed.isUndefined();
}

} // namespace

void AlertTableModel::setAlerts(const QJsonArray &alerts)
{
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
}

int AlertTableModel::openCount() const
{
    int n = 0;
    for (const QJsonValue &v : m_alerts)
        n += isOpen(v.toObject());
    return n;
}

QString AlertTableModel::kindTitle(const QString &kind)
{
    if (kind == QLatin1String("check_down"))
        return tr("Check down");
    if (kind == QLatin1String("node_down"))
        return tr("Node down");
    if (kind == QLatin1String("disk_full"))
        return tr("Disk full");
    if (kind == QLatin1String("slow_query"))
        return tr("Slow query");
    if (kind == QLatin1String("job_failing"))
        return tr("Jobs failing");
    return kind;
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_alerts.size())
        return {};
    const QJsonObject a = m_alerts.at(index.row()).toObject();
    const bool open = isOpen(a);
    if (role == Qt::ForegroundRole && index.column() == State)
        return statusForeground(open ? u"failed" : u"completed");
    if (role == IdRole)
        return a.value(QStringLiteral("id")).toString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Opened:
        return shortTime(a.value(QStringLiteral("opened_at")));
    case State:
        if (open)
            return a.value(QStringLiteral("flapping")).toBool() ? tr("open (flapping)") : tr("open");
        return tr("cleared");
    case Kind:
        return kindTitle(a.value(QStringLiteral("kind")).toString());
    case Subject:
        return a.value(QStringLiteral("subject")).toString();
    case Message:
        return a.value(QStringLiteral("message")).toString();
    case Cleared:
        return open ? QString() : shortTime(a.value(QStringLiteral("closed_at")));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Opened:
        return tr("Raised");
    case State:
        return tr("State");
    case Kind:
        return tr("Alert");
    case Subject:
        return tr("About");
    case Message:
        return tr("Seen");
    case Cleared:
        return tr("Cleared");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
