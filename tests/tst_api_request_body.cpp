// Every request body the OpenAPI document describes comes from a declaration (api::RequestBody)
// that also decodes it. This holds each declaration's decoder to the schema the document
// publishes: the fields the schema requires are exactly those whose absence the decoder refuses,
// its enums are the values the decoder accepts, its types are the types the decoder checks, and
// an object the schema closes (additionalProperties: false) refuses unknown fields.

#include "api/openapi.h"
#include "api/request_body.h"
#include "core/errors.h"
#include "http/api_context.h"
#include "http/router.h"
#include "service/api_modules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QTest>

using namespace mp;
using namespace mp::api;

namespace {

// A schema with $ref followed and allOf merged: what a validator would apply.
struct Resolved {
    QJsonObject properties;
    QSet<QString> required;
    bool closed = false;
};

QJsonObject follow(const QJsonObject &doc, QJsonObject schema)
{
    while (schema.contains(QStringLiteral("$ref"))) {
        QJsonValue at = doc;
        for (const QString &part : schema.value(QStringLiteral("$ref")).toString().mid(2).split(u'/'))
            at = at.toObject().value(part);
        schema = at.toObject();
    }
    return schema;
}

Resolved resolve(const QJsonObject &doc, const QJsonObject &schemaOrRef)
{
    const QJsonObject schema = follow(doc, schemaOrRef);
    Resolved r;
    if (schema.contains(QStringLiteral("allOf"))) {
        for (const QJsonValue &part : schema.value(QStringLiteral("allOf")).toArray()) {
            const Resolved p = resolve(doc, part.toObject());
            for (auto it = p.properties.begin(); it != p.properties.end(); ++it)
                r.properties.insert(it.key(), it.value());
            r.required.unite(p.required);
            r.closed = r.closed || p.closed;
        }
        return r;
    }
    r.properties = schema.value(QStringLiteral("properties")).toObject();
    for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray())
        r.required.insert(name.toString());
    r.closed = schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false);
    return r;
}

// A value of the property's type that passes its enum and bounds.
QJsonValue sample(const QJsonObject &doc, const QJsonObject &property)
{
    const QJsonObject p = follow(doc, property);
    if (p.contains(QStringLiteral("enum")))
        return p.value(QStringLiteral("enum")).toArray().first();
    const QString type = p.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("integer"))
        return p.contains(QStringLiteral("minimum")) ? p.value(QStringLiteral("minimum")) : QJsonValue(1);
    if (type == QLatin1String("boolean"))
        return true;
    if (type == QLatin1String("array"))
        return QJsonArray();
    if (type == QLatin1String("object") || p.contains(QStringLiteral("allOf")))
        return QJsonObject();
    if (p.contains(QStringLiteral("pattern")))
        return QStringLiteral("1.00");
    return QString(std::max(1, p.value(QStringLiteral("minLength")).toInt()), u'x');
}

// A value of another JSON type than the property's.
QJsonValue wrongType(const QJsonObject &doc, const QJsonObject &property)
{
    const QString type = follow(doc, property).value(QStringLiteral("type")).toString();
    if (type == QLatin1String("string"))
        return 12345;
    if (type == QLatin1String("integer"))
        return 1.5;
    if (type == QLatin1String("boolean"))
        return QStringLiteral("yes");
    if (type == QLatin1String("array"))
        return QJsonObject();
    return QStringLiteral("not an object");
}

bool hasErrorAt(const QList<Error> &errors, const QString &field, const QString &code = {})
{
    return std::any_of(errors.begin(), errors.end(), [&](const Error &e) {
        return e.field == field && (code.isEmpty() || e.code == code);
    });
}

QString describe(const QList<Error> &errors)
{
    QStringList out;
    for (const Error &e : errors)
        out << e.code + u'@' + e.field;
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestApiRequestBody : public QObject {
    Q_OBJECT

    Router m_router;
    ApiContext m_context{[] { return QSqlDatabase(); }};
    QJsonObject m_doc;

    // The checks for one table against its schema; recurses into nested tables.
    void agree(const QString &where, const RequestBody &body, const QJsonObject &schemaOrRef)
    {
        const Resolved schema = resolve(m_doc, schemaOrRef);
        QVERIFY2(schema.closed, qPrintable(where + QStringLiteral(": additionalProperties is not false")));
        QVERIFY2(hasErrorAt(body.problems({{QStringLiteral("no_such_field"), 1}}),
                            QStringLiteral("no_such_field"), QStringLiteral("unknown_field")),
                 qPrintable(where + QStringLiteral(": an unknown field is accepted")));

        QJsonObject full;
        for (auto it = schema.properties.begin(); it != schema.properties.end(); ++it) {
            if (!follow(m_doc, it.value().toObject()).value(QStringLiteral("readOnly")).toBool())
                full.insert(it.key(), sample(m_doc, it.value().toObject()));
        }
        QVERIFY2(!full.isEmpty() || schema.properties.isEmpty(), qPrintable(where));

        for (auto it = schema.properties.begin(); it != schema.properties.end(); ++it) {
            const QString name = it.key();
            const QString at = where + u'.' + name;
            const QJsonObject property = follow(m_doc, it.value().toObject());
            if (property.value(QStringLiteral("readOnly")).toBool()) {
                QVERIFY2(hasErrorAt(body.problems({{name, sample(m_doc, property)}}), name,
                                    QStringLiteral("unknown_field")),
                         qPrintable(at + QStringLiteral(": a readOnly field is accepted in a request")));
                continue;
            }
            QJsonObject without = full;
            without.remove(name);
            const QList<Error> absent = body.problems(without);
            QVERIFY2(hasErrorAt(absent, name) == schema.required.contains(name),
                     qPrintable(at + QStringLiteral(": schema required=%1, decoder on absence: [%2]")
                                         .arg(schema.required.contains(name))
                                         .arg(describe(absent))));

            QJsonObject wrong = full;
            wrong.insert(name, wrongType(m_doc, property));
            QVERIFY2(hasErrorAt(body.problems(wrong), name, QStringLiteral("invalid_type")),
                     qPrintable(at + QStringLiteral(": a value of another JSON type is accepted")));

            if (property.contains(QStringLiteral("enum"))) {
                for (const QJsonValue &allowed : property.value(QStringLiteral("enum")).toArray()) {
                    QJsonObject ok = full;
                    ok.insert(name, allowed);
                    QVERIFY2(!hasErrorAt(body.problems(ok), name),
                             qPrintable(
                                 at + QStringLiteral(": enum value %1 is refused").arg(allowed.toString())));
                }
                QJsonObject bad = full;
                bad.insert(name, QStringLiteral("no-such-value"));
                QVERIFY2(hasErrorAt(body.problems(bad), name),
                         qPrintable(at + QStringLiteral(": a value outside the enum is accepted")));
            }
        }

        // Nested tables: each field's table against the schema of its property (or its items).
        for (const BodyField &field : body.fields()) {
            if (!field.table())
                continue;
            QJsonObject nested = follow(m_doc, schema.properties.value(field.name()).toObject());
            if (field.kind() == BodyField::Kind::ObjectArray) {
                QCOMPARE(nested.value(QStringLiteral("type")).toString(), QStringLiteral("array"));
                nested = nested.value(QStringLiteral("items")).toObject();
                QJsonObject withScalar = full;
                withScalar.insert(field.name(), QJsonArray{1});
                QVERIFY2(
                    hasErrorAt(body.problems(withScalar), field.name() + QStringLiteral("[0]"),
                               QStringLiteral("invalid_type")),
                    qPrintable(where + u'.' + field.name() + QStringLiteral(": an element is not checked")));
            }
            agree(where + u'.' + field.name(), *field.table(), nested);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerApiModules(m_router, m_context);
        m_doc = OpenApi::document();
    }

    void everyBodyAgreesWithItsSchema()
    {
        const QList<DescribedBody> bodies = OpenApi::describedBodies();
        QVERIFY(bodies.size() >= 20);
        for (const DescribedBody &d : bodies) {
            const QString where = d.method.toUpper() + u' ' + d.path;
            const QJsonObject documented = m_doc.value(QStringLiteral("paths"))
                                               .toObject()
                                               .value(d.path)
                                               .toObject()
                                               .value(d.method)
                                               .toObject()
                                               .value(QStringLiteral("requestBody"))
                                               .toObject()
                                               .value(QStringLiteral("content"))
                                               .toObject()
                                               .value(QStringLiteral("application/json"))
                                               .toObject()
                                               .value(QStringLiteral("schema"))
                                               .toObject();
            QVERIFY2(documented == d.body->schemaOrRef(),
                     qPrintable(where + QStringLiteral(": the document's schema is not the declaration's")));
            agree(where, *d.body, documented);
        }
    }

    // Every route that takes a JSON body has it described (and so decoded by a declaration).
    void everyWritingRouteHasADescribedBody()
    {
        QSet<QString> described;
        for (const DescribedBody &d : OpenApi::describedBodies())
            described.insert(d.method.toUpper() + u' ' + d.path);
        const QSet<QString> exempt{
            // A Stripe Event, checked by its signature, not by a table.
            QStringLiteral("POST /webhooks/stripe"),
        };
        const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
        QStringList missing;
        for (const QString &route : m_router.routes()) {
            const QString method = route.section(u' ', 0, 0);
            const QString path = route.section(u' ', 1);
            if (method == QLatin1String("GET") || method == QLatin1String("DELETE") || exempt.contains(route))
                continue;
            const QJsonObject op = paths.value(path).toObject().value(method.toLower()).toObject();
            if (op.contains(QStringLiteral("requestBody")) && !described.contains(route))
                missing << route;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("hand-written request bodies: ") +
                                               missing.join(QStringLiteral(", "))));
    }

    // Decoding answers the API's errors: paths into nested objects and arrays.
    // An array of strings: each element is checked and named by its index.
    void stringArraysCheckEachElement()
    {
        const RequestBody body = RequestBody().add(BodyField::strings(QStringLiteral("records")));
        auto v =
            body.decode({{QStringLiteral("records"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}});
        QVERIFY(v.ok());
        QCOMPARE(v->strings(QStringLiteral("records")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        auto e = body.decode({{QStringLiteral("records"), QJsonArray{QStringLiteral("a"), 2}}});
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("invalid_type"));
        QCOMPARE(e.error().field, QStringLiteral("records[1]"));
        e = body.decode({{QStringLiteral("records"), QJsonArray{QString(QChar(0))}}});
        QCOMPARE(e.error().field, QStringLiteral("records[0]"));
        e = body.decode({{QStringLiteral("records"), QStringLiteral("a")}});
        QCOMPARE(e.error().field, QStringLiteral("records"));
        QCOMPARE(body.schema()
                     .value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("records"))
                     .toObject()
                     .value(QStringLiteral("items"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("string"));
    }

    void errorsNameTheFieldByItsPath()
    {
        const RequestBody line = RequestBody().add(BodyField::integer(QStringLiteral("n")).required());
        const RequestBody body = RequestBody()
                                     .add(BodyField::string(QStringLiteral("name")).required())
                                     .add(BodyField::objects(QStringLiteral("lines"), line));
        const QJsonObject ok{{QStringLiteral("name"), QStringLiteral("a")},
                             {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1}}}}};
        auto v = body.decode(ok);
        QVERIFY(v.ok());
        QCOMPARE(v->objects(QStringLiteral("lines")).value(0).integer(QStringLiteral("n")), 1);
        QCOMPARE(v->objects(QStringLiteral("lines")).value(0).path(QStringLiteral("n")),
                 QStringLiteral("lines[0].n"));

        QJsonObject bad = ok;
        bad.insert(QStringLiteral("lines"),
                   QJsonArray{QJsonObject{{QStringLiteral("n"), 1}},
                              QJsonObject{{QStringLiteral("n"), QStringLiteral("2")}}});
        auto e = body.decode(bad);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("invalid_type"));
        QCOMPARE(e.error().field, QStringLiteral("lines[1].n"));
        QCOMPARE(e.error().message, QStringLiteral("'lines[1].n' must be an integer"));

        e = body.decode({{QStringLiteral("lines"), QJsonArray()}});
        QCOMPARE(e.error().code, QStringLiteral("required"));
        QCOMPARE(e.error().message, QStringLiteral("'name' is required"));
        e = body.decode({{QStringLiteral("name"), QStringLiteral("a")}, {QStringLiteral("extra"), 1}});
        QCOMPARE(e.error().code, QStringLiteral("unknown_field"));
        QCOMPARE(e.error().message, QStringLiteral("unknown field 'extra'"));
        e = body.decode({{QStringLiteral("name"), QString(QChar(0))}});
        QCOMPARE(e.error().code, QStringLiteral("invalid_text"));
        // Shape before values: the type fault of a later field is answered before an earlier
        // field's value fault.
        const RequestBody twoPass = RequestBody()
                                        .add(BodyField::string(QStringLiteral("kind"))
                                                 .oneOf({QStringLiteral("a")}, errors::InvalidValue))
                                        .add(BodyField::boolean(QStringLiteral("on")));
        e = twoPass.decode({{QStringLiteral("kind"), QStringLiteral("b")}, {QStringLiteral("on"), 1}});
        QCOMPARE(e.error().field, QStringLiteral("on"));
        QCOMPARE(twoPass.problems({{QStringLiteral("kind"), QStringLiteral("b")}, {QStringLiteral("on"), 1}})
                     .size(),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestApiRequestBody)
#include "tst_api_request_body.moc"
