#include "guardian/guardian_json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlField>
#include <QSqlRecord>

namespace mp::guardian {

QJsonObject rowJson(const QSqlQuery &q)
{
    const QSqlRecord record = q.record();
    QJsonObject row;
    for (int i = 0; i < record.count(); ++i) {
        QString name = record.fieldName(i);
        const QVariant v = q.value(i);
        if (name.endsWith(QLatin1String("_json"))) {
            name.chop(5);
            const QJsonDocument d = QJsonDocument::fromJson(v.toByteArray());
            row.insert(name, v.isNull()    ? QJsonValue()
                             : d.isArray() ? QJsonValue(d.array())
                                           : QJsonValue(d.object()));
            continue;
        }
        if (v.isNull()) {
            row.insert(name, QJsonValue());
        } else if (v.metaType().id() == QMetaType::QDateTime) {
            row.insert(name, v.toDateTime().toUTC().toString(Qt::ISODateWithMs));
        } else {
            row.insert(name, QJsonValue::fromVariant(v));
        }
    }
    return row;
}

QJsonArray rowsJson(QSqlQuery &q)
{
    QJsonArray rows;
    while (q.next())
        rows.append(rowJson(q));
    return rows;
}

} // namespace mp::guardian
