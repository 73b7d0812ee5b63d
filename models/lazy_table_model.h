#pragma once

#include "console_session/console_session.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace mp {

class ChangeFeed;

// The non-template half of LazyTableModel: state, signals and the live-update timer.
//
// Rows come from the database a page at a time (keyset paging through the services' list
// functions: sort and filter are SQL, never a proxy over every row), on the console session's
// thread; results arrive on the UI thread through a queued signal. Every query carries the
// generation it was started for: a filter or sort change bumps the generation, so replies of
// the old query are dropped (after DB Browser for SQLite's RowLoader and QGIS's query model).
class LazyTableModelBase : public QAbstractTableModel {
    Q_OBJECT
public:
    // Rows per query (the services' keyset pages allow up to 200).
    static constexpr int kPageSize = 200;
    // A live reload re-reads at most this many rows, so a change never costs a full scan of
    // what someone scrolled through; rows beyond it are dropped and paged in again on demand.
    static constexpr int kMaxReloadRows = 5000;

    explicit LazyTableModelBase(ConsoleSession *session, QObject *parent = nullptr);

    // Reloads (debounced) when one of `channels` reports a change of this tenant's rows.
    void setChangeFeed(ChangeFeed *feed, const QStringList &channels);
    void setReloadDelay(int milliseconds) { m_debounce.setInterval(milliseconds); }

    // Forgets the rows and loads the first page under the current filter and sort.
    void refresh();
    // Re-reads the rows already loaded in place (live updates): no reset, so the view keeps
    // its scroll position.
    void reload();

    bool isLoading() const { return m_inFlight; }
    bool atEnd() const { return m_atEnd; }
    const QString &sortParameter() const { return m_sort; }

    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadFailed(const mp::Error &error);
    // A query's rows were applied (first page, next page or reload).
    void rowsLoaded();

protected:
    enum class Mode { Replace, Append, Reload };

    // The services' sort name of `column` ("name", "created_at"); empty: not sortable.
    virtual QString sortName(int column) const;
    // Starts the query; the subclass calls finish() with the result on the UI thread.
    virtual void startFetch(quint64 generation, Mode mode, const QString &cursor, int rows) = 0;
    // Applies rows through the subclass: true when `generation` is still current.
    bool accept(quint64 generation);
    void finished(const QString &nextCursor);
    void failed(const Error &error);
    void setSortParameter(const QString &sort) { m_sort = sort; }
    bool canFetchMoreRows() const;
    void fetchNextPage();
    int reloadTarget(int loadedRows) const;
    // The id (IdRole) of the row at `row` as the model holds it now.
    QString idAt(int row) const;

    ConsoleSession *m_session;

private:
    void setLoading(bool loading);

    QTimer m_debounce;
    QString m_sort;
    QString m_nextCursor;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_atEnd = true;
    bool m_started = false;
    bool m_reloadPending = false;
};

// A table over rows of type Row. A subclass supplies the columns (columnCount, headerData,
// data over rowAt()) and a fetch function: given a cursor and a row count it returns a page,
// and runs on the session thread, so it may only use what it captured by value (the filter and
// the sort), never the model.
template<class Row> class LazyTableModel : public LazyTableModelBase {
public:
    struct Page {
        QList<Row> rows;
        QString nextCursor; // empty: no more rows
    };
    using Fetch = std::function<Result<Page>(StaffSession &, const QString &cursor, int limit)>;

    using LazyTableModelBase::LazyTableModelBase;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && canFetchMoreRows();
    }
    void fetchMore(const QModelIndex &parent) override
    {
        if (!parent.isValid())
            fetchNextPage();
    }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }

protected:
    // The query for the current filter and sort.
    virtual Fetch fetcher() const = 0;

    void startFetch(quint64 generation, Mode mode, const QString &cursor, int rows) override
    {
        Fetch fetch = fetcher();
        m_session->run(
            this,
            [fetch, cursor, rows](StaffSession &session) -> Result<Page> {
                // A reload reads several pages in one go, so it is applied all at once.
                Page all;
                QString next = cursor;
                do {
                    auto page = fetch(session, next, std::min(rows - int(all.rows.size()), kPageSize));
                    if (!page)
                        return page.error();
                    all.rows.append(page->rows);
                    next = page->nextCursor;
                } while (!next.isEmpty() && all.rows.size() < rows);
                all.nextCursor = next;
                return all;
            },
            [this, generation, mode](const Result<Page> &page) {
                if (!accept(generation))
                    return;
                if (!page) {
                    failed(page.error());
                    return;
                }
                apply(mode, page->rows);
                finished(page->nextCursor);
            });
    }

private:
    void apply(Mode mode, const QList<Row> &rows)
    {
        switch (mode) {
        case Mode::Replace:
            beginResetModel();
            m_rows = rows;
            endResetModel();
            return;
        case Mode::Append:
            if (rows.isEmpty())
                return;
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
            m_rows.append(rows);
            endInsertRows();
            return;
        case Mode::Reload:
            reloadKeepingIds(rows);
            return;
        }
    }

    // Installs the re-read rows so that every persistent index (the view's current row and
    // selection) follows its row's id to wherever the row is now, not whichever row took its
    // place: a live reload never moves the highlight to another record. A row that left the
    // table takes its persistent indexes with it (they become invalid). Grows or shrinks at the
    // end, so the view keeps its scroll position instead of jumping back to the top.
    void reloadKeepingIds(const QList<Row> &rows)
    {
        const int oldCount = int(m_rows.size());
        const int newCount = int(rows.size());
        if (newCount > oldCount) {
            beginInsertRows({}, oldCount, newCount - 1);
            m_rows.append(rows.mid(oldCount));
            endInsertRows();
        }
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList from = persistentIndexList();
        QStringList fromIds;
        fromIds.reserve(from.size());
        for (const QModelIndex &index : from)
            fromIds << idAt(index.row());
        for (int i = 0; i < newCount; ++i)
            m_rows[i] = rows.at(i);
        QHash<QString, int> position;
        for (int i = newCount - 1; i >= 0; --i)
            position.insert(idAt(i), i);
        QModelIndexList to;
        to.reserve(from.size());
        for (int i = 0; i < from.size(); ++i) {
            const QString &id = fromIds.at(i);
            // Rows without an id keep their place, as before.
            const int row =
                id.isEmpty() ? (from.at(i).row() < newCount ? from.at(i).row() : -1) : position.value(id, -1);
            to << (row < 0 ? QModelIndex() : index(row, from.at(i).column()));
        }
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged();
        if (newCount < oldCount) {
            beginRemoveRows({}, newCount, oldCount - 1);
            m_rows.erase(m_rows.begin() + newCount, m_rows.end());
            endRemoveRows();
        }
        if (newCount > 0)
            Q_EMIT dataChanged(index(0, 0), index(newCount - 1, columnCount() - 1));
    }

    QList<Row> m_rows;
};

} // namespace mp
