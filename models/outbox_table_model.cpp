#include "outbox_table_model.h"

#include "console_session/staff_transaction.h"
#include "model_roles.h"

#include <QColor>
#include <QLocale>
#include <QUrlQuery>

namespace mp {

OutboxTableModel::OutboxTableModel(ConsoleSession *session, QObject *parent)
    : LazyTableModel<notifications::OutboxEntry>(session, parent)
{
}

void OutboxTableModel::setStatusFilter(const QString &status)
{
    m_status = status;
    refresh();
}

int OutboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("queued"))
        return tr("Queued");
    if (status == QLatin1String("sent"))
        return tr("Sent");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

QVariant OutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const notifications::OutboxEntry &e = rowAt(index.row());
    if (role == IdRole)
        return e.id;
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (e.status == QLatin1String("failed"))
            return QVariant::fromValue(QColor(0xb0, 0x20, 0x20));
        if (e.status == QLatin1String("sent"))
            return QVariant::fromValue(QColor(0x20, 0x70, 0x30));
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == Attempts)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == LastError && !e.lastError.isEmpty())
        return e.lastError;
    if (role != Qt::DisplayRole)
        return {};
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    switch (Column(index.column())) {
    case Created:
        return time(e.createdAt);
    case To:
        return e.toAddress;
    case Template:
        return e.templateName;
    case Subject:
        return e.subject;
    case Status:
        return statusTitle(e.status);
    case Attempts:
        return e.attempts;
    case NextAttempt:
        return e.status == QLatin1String("queued") ? time(e.nextAttemptAt) : QString();
    case LastError:
        return e.lastError.section(QLatin1Char('\n'), 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OutboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Created:
        return tr("Created");
    case To:
        return tr("To");
    case Template:
        return tr("Message");
    case Subject:
        return tr("Subject");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case NextAttempt:
        return tr("Next attempt");
    case LastError:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

OutboxTableModel::Fetch OutboxTableModel::fetcher() const
{
    return [status = m_status](StaffSession &session, const QString &cursor, int limit) -> Result<Page> {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        auto keyset =
            api::KeysetPage::parse(query, notifications::Outbox::sortOrders(), QStringLiteral("-created_at"));
        if (!keyset)
            return keyset.error();
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto list = notifications::Outbox::list(tx, status, *keyset);
            if (!list)
                return list.error();
            return Page{list->items, list->nextCursor};
        });
    };
}

} // namespace mp
