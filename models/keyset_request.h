#pragma once

#include "api/keyset_page.h"

#include <QUrlQuery>

namespace mp {

// The services' keyset page for a model's query: the same parser the REST API uses, so a
// console list and GET /api/... page and sort identically.
inline Result<api::KeysetPage> keysetRequest(const QList<api::SortOrder> &orders, const QString &sort,
                                             const QString &defaultSort, const QString &cursor, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!sort.isEmpty())
        query.addQueryItem(QStringLiteral("sort"), sort);
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    return api::KeysetPage::parse(query, orders, defaultSort);
}

} // namespace mp
