#include "check_status_model.h"

#include "model_roles.h"
#include "status_tone.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

namespace mp {

void CheckStatusModel::setChecks(const QJsonArray &checks)
{
    beginResetModel();
    m_checks = checks;
    endResetModel();
}

int CheckStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checks.size());
}

int CheckStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckStatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_checks.size())
        return {};
    const QJsonObject c = m_checks.at(index.row()).toObject();
    const QString status = c.value(QStringLiteral("status")).toString();
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusForeground(status);
    if (role == IdRole)
        return c.value(QStringLiteral("id")).toString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return c.value(QStringLiteral("name")).toString();
    case Kind:
        return c.value(QStringLiteral("kind")).toString().toUpper();
    case Target:
        return c.value(QStringLiteral("target")).toString();
    case Status:
        return status;
    case Latency: {
        const QJsonValue ms = c.value(QStringLiteral("latency_ms"));
        return ms.isNull() || ms.isUndefined() ? QString() : tr("%1 ms").arg(ms.toInt());
    }
    case Checked: {
        const QDateTime at =
            QDateTime::fromString(c.value(QStringLiteral("checked_at")).toString(), Qt::ISODateWithMs);
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : tr("not yet");
    }
    case Message:
        return c.value(QStringLiteral("message")).toString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CheckStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Check");
    case Kind:
        return tr("Kind");
    case Target:
        return tr("Target");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    case Checked:
        return tr("Checked");
    case Message:
        return tr("Last result");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
