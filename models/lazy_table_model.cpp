#include "lazy_table_model.h"

#include "console_session/change_feed.h"
#include "model_roles.h"

#include <algorithm>
#include <utility>

namespace mp {

LazyTableModelBase::LazyTableModelBase(ConsoleSession *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
    // Debounced: a burst of changes (an import, a batch job) becomes one reload.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &LazyTableModelBase::reload);
    // A restored connection may have missed changes.
    connect(session, &ConsoleSession::reconnected, this, [this] {
        if (m_started)
            reload();
    });
}

void LazyTableModelBase::setChangeFeed(ChangeFeed *feed, const QStringList &channels)
{
    connect(feed, &ChangeFeed::changed, this, [this, channels](const QString &channel) {
        if (m_started && channels.contains(channel) && !m_debounce.isActive())
            m_debounce.start();
    });
    connect(feed, &ChangeFeed::listening, this, [this] {
        if (m_started)
            reload();
    });
}

void LazyTableModelBase::setLoading(bool loading)
{
    if (m_inFlight == loading)
        return;
    m_inFlight = loading;
    Q_EMIT loadingChanged(loading);
}

void LazyTableModelBase::refresh()
{
    m_started = true;
    m_reloadPending = false;
    const quint64 generation = ++m_generation;
    m_atEnd = false;
    m_nextCursor.clear();
    setLoading(true);
    startFetch(generation, Mode::Replace, {}, kPageSize);
}

void LazyTableModelBase::reload()
{
    if (!m_started)
        return refresh();
    // Never two queries racing to apply rows: a reload asked for during a query runs after it.
    if (m_inFlight) {
        m_reloadPending = true;
        return;
    }
    const quint64 generation = ++m_generation;
    setLoading(true);
    startFetch(generation, Mode::Reload, {}, reloadTarget(rowCount()));
}

int LazyTableModelBase::reloadTarget(int loadedRows) const
{
    return std::clamp(loadedRows, kPageSize, kMaxReloadRows);
}

bool LazyTableModelBase::canFetchMoreRows() const
{
    return m_started && !m_atEnd && !m_inFlight && !m_nextCursor.isEmpty();
}

void LazyTableModelBase::fetchNextPage()
{
    if (!canFetchMoreRows())
        return;
    setLoading(true);
    startFetch(m_generation, Mode::Append, m_nextCursor, kPageSize);
}

bool LazyTableModelBase::accept(quint64 generation)
{
    return generation == m_generation;
}

void LazyTableModelBase::finished(const QString &nextCursor)
{
    m_nextCursor = nextCursor;
    m_atEnd = nextCursor.isEmpty();
    setLoading(false);
    Q_EMIT rowsLoaded();
    if (std::exchange(m_reloadPending, false))
        reload();
}

void LazyTableModelBase::failed(const Error &error)
{
    setLoading(false);
    Q_EMIT loadFailed(error);
    if (std::exchange(m_reloadPending, false))
        reload();
}

QString LazyTableModelBase::idAt(int row) const
{
    return data(index(row, 0), IdRole).toString();
}

QString LazyTableModelBase::sortName(int) const
{
    return {};
}

void LazyTableModelBase::sort(int column, Qt::SortOrder order)
{
    const QString name = sortName(column);
    if (name.isEmpty())
        return;
    const QString sort = order == Qt::DescendingOrder ? u'-' + name : name;
    if (sort == m_sort && m_started)
        return;
    m_sort = sort;
    if (m_started)
        refresh();
}

} // namespace mp
