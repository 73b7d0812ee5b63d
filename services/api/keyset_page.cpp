#include "api/keyset_page.h"

#include "core/errors.h"
#include "core/uuid_text.h"

#include <QJsonDocument>
#include <QUuid>

namespace mp::api {

static Error badParameter(const QString &field, const QString &message)
{
    return makeError(errors::InvalidParameter, message, field);
}

Result<KeysetPage> KeysetPage::parse(const QUrlQuery &query, const QList<SortOrder> &orders,
                                     const QString &defaultSort)
{
    KeysetPage page;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit)
            return badParameter(QStringLiteral("limit"),
                                QStringLiteral("limit must be an integer from 1 to %1").arg(kMaxLimit));
        page.m_limit = limit;
    }

    QString sort = query.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded);
    if (sort.isEmpty())
        sort = defaultSort;
    page.m_descending = sort.startsWith(u'-');
    const QString name = page.m_descending ? sort.mid(1) : sort;
    QStringList names;
    bool found = false;
    for (const SortOrder &order : orders) {
        names << order.name;
        if (order.name == name) {
            page.m_order = order;
            found = true;
        }
    }
    if (!found)
        return badParameter(QStringLiteral("sort"),
                            QStringLiteral("sort must be one of %1, optionally prefixed with '-'")
                                .arg(names.join(QStringLiteral(", "))));

    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        const Error bad =
            badParameter(QStringLiteral("cursor"),
                         QStringLiteral("the cursor is not one this list handed out for this sort"));
        if (cursor.size() > 2048)
            return bad;
        const auto decoded = QByteArray::fromBase64Encoding(
            cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return bad;
        const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
        const QJsonObject o = doc.object();
        const QJsonArray key = o.value(QStringLiteral("k")).toArray();
        const QString id = o.value(QStringLiteral("i")).toString();
        if (o.value(QStringLiteral("s")).toString() != sort ||
            key.size() != page.m_order.expressions.size() || !isUuid(id))
            return bad;
        for (const QJsonValue &v : key) {
            if (!v.isString() || v.toString().contains(QChar(0)))
                return bad;
            page.m_afterKey << v.toString();
        }
        page.m_afterId = id;
    }
    return page;
}

QString KeysetPage::afterCondition(const QString &idExpression) const
{
    if (m_afterId.isEmpty())
        return {};
    QStringList left = m_order.expressions;
    left << idExpression;
    QStringList right;
    for (const QString &cast : m_order.casts)
        right << QStringLiteral("?::") + cast;
    right << QStringLiteral("?::uuid");
    return QStringLiteral("(%1) %2 (%3)")
        .arg(left.join(QStringLiteral(", ")), m_descending ? QStringLiteral("<") : QStringLiteral(">"),
             right.join(QStringLiteral(", ")));
}

QVariantList KeysetPage::afterBinds() const
{
    QVariantList binds;
    if (m_afterId.isEmpty())
        return binds;
    for (const QString &k : m_afterKey)
        binds << k;
    binds << m_afterId;
    return binds;
}

QString KeysetPage::orderBy(const QString &idExpression) const
{
    const QString dir = m_descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList parts;
    for (const QString &e : m_order.expressions)
        parts << e + dir;
    parts << idExpression + dir;
    return parts.join(QStringLiteral(", "));
}

QString KeysetPage::keySelect() const
{
    QStringList parts;
    for (const QString &e : m_order.expressions)
        parts << QStringLiteral("(%1)::text").arg(e);
    return parts.join(QStringLiteral(", "));
}

QStringList KeysetPage::rowKey(const QSqlQuery &row, int firstKeyColumn) const
{
    QStringList key;
    for (int k = 0; k < keyColumns(); ++k)
        key << row.value(firstKeyColumn + k).toString();
    return key;
}

QString KeysetPage::cursorAfter(const QStringList &key, const QString &id) const
{
    const QString sort = (m_descending ? QStringLiteral("-") : QString()) + m_order.name;
    const QJsonObject o{{QStringLiteral("s"), sort},
                        {QStringLiteral("k"), QJsonArray::fromStringList(key)},
                        {QStringLiteral("i"), id}};
    return QString::fromLatin1(QJsonDocument(o)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString searchParameter(const QUrlQuery &query, const QString &name)
{
    QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    text.remove(QChar(0));
    return text.trimmed().left(200);
}

QJsonObject pageBody(const QJsonArray &items, const QString &nextCursor)
{
    return QJsonObject{
        {QStringLiteral("items"), items},
        {QStringLiteral("next_cursor"), nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

} // namespace mp::api
