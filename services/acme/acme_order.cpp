#include "acme/acme_order.h"

#include <QJsonArray>

namespace mp {

AcmeAuthorization AcmeAuthorization::fromJson(const QUrl &url, const QJsonObject &json)
{
    AcmeAuthorization a;
    a.url = url;
    a.status = json.value(QLatin1String("status")).toString();
    a.identifier =
        json.value(QLatin1String("identifier")).toObject().value(QLatin1String("value")).toString();
    a.wildcard = json.value(QLatin1String("wildcard")).toBool();
    for (const QJsonValue &v : json.value(QLatin1String("challenges")).toArray()) {
        const QJsonObject c = v.toObject();
        a.challenges.append(
            {c.value(QLatin1String("type")).toString(), QUrl(c.value(QLatin1String("url")).toString()),
             c.value(QLatin1String("token")).toString(), c.value(QLatin1String("status")).toString(),
             c.value(QLatin1String("error")).toObject()});
    }
    return a;
}

AcmeOrder AcmeOrder::fromJson(const QUrl &url, const QJsonObject &json)
{
    AcmeOrder o;
    o.url = url;
    o.status = json.value(QLatin1String("status")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("identifiers")).toArray())
        o.identifiers << v.toObject().value(QLatin1String("value")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("authorizations")).toArray())
        o.authorizations << QUrl(v.toString());
    o.finalize = QUrl(json.value(QLatin1String("finalize")).toString());
    o.certificate = QUrl(json.value(QLatin1String("certificate")).toString());
    o.error = json.value(QLatin1String("error")).toObject();
    return o;
}

} // namespace mp
