#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <QVariantList>

#include <type_traits>
#include <utility>

namespace mp::api {

// One way a list can be ordered: the SQL expressions of the key, most significant first, and
// the cast each cursor value needs. The row id always breaks ties, so every order is total.
struct SortOrder {
    QString name;            // as the client writes it: "name", "created_at"
    QStringList expressions; // "lower(c.name)"
    QStringList casts;       // "text", "timestamptz"
};

// limit + opaque cursor + sort for keyset pagination: the next page continues after the last
// row's key, so page 10,000 costs what page 1 costs. The cursor is base64url JSON holding the
// sort it was made for and the last key; a cursor from another sort, or garbage, is a 400.
class KeysetPage {
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;

    // Reads ?limit=, ?cursor= and ?sort= ("name", "-name" for descending).
    static Result<KeysetPage> parse(const QUrlQuery &query, const QList<SortOrder> &orders,
                                    const QString &defaultSort);

    int limit() const { return m_limit; }
    // The SQL to add: "(k1, k2, id) > (?::text, ?::text, ?::uuid)" (empty without a cursor),
    // its bind values, and "k1 ASC, k2 ASC, id ASC". `idExpression` is the row's uuid column.
    QString afterCondition(const QString &idExpression) const;
    QVariantList afterBinds() const;
    QString orderBy(const QString &idExpression) const;
    // The SELECT list items that return the key as text for the next cursor: "k1::text, k2::text".
    QString keySelect() const;
    int keyColumns() const { return int(m_order.expressions.size()); }
    // The parts of the page for SQL that takes them as values rather than as text to splice.
    const QString &sortName() const { return m_order.name; }
    bool descending() const { return m_descending; }
    const QStringList &afterKey() const { return m_afterKey; }
    const QString &afterId() const { return m_afterId; }

    // The cursor that continues after a row with these key texts and id.
    QString cursorAfter(const QStringList &key, const QString &id) const;
    // The key texts of the current row, selected by keySelect() from column `firstKeyColumn` on.
    QStringList rowKey(const QSqlQuery &row, int firstKeyColumn) const;

private:
    SortOrder m_order;
    bool m_descending = false;
    int m_limit = kDefaultLimit;
    QStringList m_afterKey;
    QString m_afterId;
};

// A free-text filter (?q=): trimmed, at most 200 characters, without NULs (which PostgreSQL text
// cannot hold).
QString searchParameter(const QUrlQuery &query, const QString &name = QStringLiteral("q"));

namespace detail {
template<class T> struct IsResult : std::false_type {
};
template<class T> struct IsResult<Result<T>> : std::true_type {
};
inline QString itemId(const QJsonValue &item)
{
    return item.toObject().value(QStringLiteral("id")).toString();
}
template<class Item> QString itemId(const Item &item)
{
    return item.id;
}
} // namespace detail

// Reads a page from `rows`, selected as "<columns>, keySelect()" with LIMIT limit() + 1: the extra
// row is not an item, it only says a next page exists. `fromRow` makes an item of a row, or an
// error that ends the read. `Page` has `items` (each with an `id`) and `nextCursor`.
template<class Page, class FromRow>
Result<Page> readPage(QSqlQuery &rows, const KeysetPage &page, int firstKeyColumn, FromRow &&fromRow)
{
    Page result;
    QStringList lastKey;
    while (rows.next()) {
        if (result.items.size() == page.limit()) {
            result.nextCursor = page.cursorAfter(lastKey, detail::itemId(std::as_const(result.items).last()));
            break;
        }
        if constexpr (detail::IsResult<std::invoke_result_t<FromRow &, QSqlQuery &>>::value) {
            auto item = fromRow(rows);
            if (!item)
                return item.error();
            result.items.append(std::move(*item));
        } else {
            result.items.append(fromRow(rows));
        }
        lastKey = page.rowKey(rows, firstKeyColumn);
    }
    return result;
}

// {"items": [...], "next_cursor": "..." | null}
QJsonObject pageBody(const QJsonArray &items, const QString &nextCursor);

} // namespace mp::api
