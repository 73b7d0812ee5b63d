// The example module plugs in with one line (main() below) and nothing else outside its folder:
// its product type is sold by the unchanged catalog and checkout, paying for it reaches its
// provisioner through billing and subscriptions, its job kind runs in the real engine, its route
// and OpenAPI part are served.

#include "example_module.h"

#include "jobs/job_engine.h"
#include "module/module_registry.h"
#include "service/service_modules.h"
#include "support/service_fixture.h"

#include <QTest>

using namespace mp;
using namespace mp::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestExampleModule : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant, m_admin, m_customer;
    std::unique_ptr<JobEngine> m_engine;

    QString createWidgetProduct()
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/products"), m_admin,
                                  jsonObject(R"({"type": "widget", "name": "Blue widget", "prices":
                                      [{"cycle": "monthly", "currency": "EUR", "amount": "3.00"}]})"));
        if (r.status != 201)
            qFatal("product: %d %s", r.status, r.body.constData());
        return str(r.json(), "id");
    }

    // Orders the product for the customer and marks the invoice paid; returns the subscription.
    QString buyAndPay(const QString &product)
    {
        auto r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin,
                            {{QStringLiteral("product_id"), product},
                             {QStringLiteral("customer_id"), m_customer},
                             {QStringLiteral("cycle"), QStringLiteral("monthly")}});
        if (r.status != 201)
            qFatal("checkout: %d %s", r.status, r.body.constData());
        const QString invoice = str(r.json(), "invoice_id");
        r = m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoice), m_admin,
                       {{QStringLiteral("status"), QStringLiteral("paid")},
                        {QStringLiteral("reason"), QStringLiteral("bank transfer")}});
        if (r.status != 200)
            qFatal("paid: %d %s", r.status, r.body.constData());
        auto q = sql::exec(m_api.db(),
                           QStringLiteral("SELECT s.id::text FROM subscriptions s JOIN invoices i ON "
                                          "i.order_id = (SELECT order_id FROM order_items WHERE id = "
                                          "s.order_item_id) WHERE i.id = ?::uuid"),
                           {invoice});
        return q && q->next() ? q->value(0).toString() : QString();
    }

    QJsonObject widgetOf(const QString &subscription)
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/example/widgets"), m_admin);
        for (const auto &item : r.json().value(QStringLiteral("items")).toArray()) {
            if (str(item.toObject(), "subscription_id") == subscription)
                return item.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_api.start(QStringLiteral("example"));
        m_tenant = m_api.tenant(QStringLiteral("Widgets Ltd"));
        m_admin = m_api.staffToken(m_tenant);
        const auto r = m_api.call("POST", QStringLiteral("/api/customers"), m_admin,
                                  jsonObject(R"({"name": "Grace Hopper", "email": "grace@example.com",
                                                 "country": "US"})"));
        QCOMPARE(r.status, 201);
        m_customer = str(r.json(), "id");

        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = 2;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        m_engine = std::make_unique<JobEngine>(o);
        QVERIFY(m_engine->start());
    }

    void cleanupTestCase() { m_engine.reset(); }

    void declaredOnce()
    {
        const auto &registry = ModuleRegistry::global();
        QVERIFY(registry.contains(QStringLiteral("example")));
        QCOMPARE(registry.ownerOf(QStringLiteral("product_type:widget")), QStringLiteral("example"));
        QCOMPARE(registry.ownerOf(QStringLiteral("job:example.widget")), QStringLiteral("example"));
        // A second declaration is refused and changes nothing.
        QVERIFY(!ModuleRegistry::global().add(example::exampleModule()));
    }

    void catalogSellsTheNewType()
    {
        const QString product = createWidgetProduct();
        QVERIFY(!product.isEmpty());
        // The type's declaration takes no template and no host name: the catalog and checkout say
        // so from it, naming the types that do.
        auto r = m_api.call("POST", QStringLiteral("/api/products"), m_admin,
                            jsonObject(R"({"type": "widget", "name": "Templated widget",
                                           "template_id": "4b1c8c4e-44c8-4b7a-9f7e-2d7b5a0c1e11"})"));
        QCOMPARE(r.status, 422);
        QCOMPARE(errorCode(r), QStringLiteral("template_not_allowed"));
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("CloudPod")));
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin,
                       {{QStringLiteral("product_id"), product},
                        {QStringLiteral("customer_id"), m_customer},
                        {QStringLiteral("cycle"), QStringLiteral("monthly")},
                        {QStringLiteral("hostname"), QStringLiteral("widget1")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("hostname"));
        // Its provisioner makes one widget per subscription (no provisionsQuantity): more than one
        // per line is refused, naming the field, and nothing is ordered; nor does it take options.
        const qint64 orders = m_api.scalar(QStringLiteral("SELECT count(*) FROM orders"));
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin,
                       {{QStringLiteral("product_id"), product},
                        {QStringLiteral("customer_id"), m_customer},
                        {QStringLiteral("cycle"), QStringLiteral("monthly")},
                        {QStringLiteral("quantity"), 2}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorCode(r), QStringLiteral("invalid_quantity"));
        QCOMPARE(errorField(r), QStringLiteral("quantity"));
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin,
                       {{QStringLiteral("product_id"), product},
                        {QStringLiteral("customer_id"), m_customer},
                        {QStringLiteral("cycle"), QStringLiteral("monthly")},
                        {QStringLiteral("options"), QJsonObject{{QStringLiteral("root_password"), true}}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("options.root_password"));
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM orders")), orders);
        // A type nothing provisions is only billed: any quantity.
        const QString other =
            str(m_api
                    .call("POST", QStringLiteral("/api/products"), m_admin,
                          jsonObject(R"({"type": "other", "name": "Consulting hour", "prices":
                                                  [{"cycle": "monthly", "currency": "EUR", "amount": "10.00"}]})"))
                    .json(),
                "id");
        r = m_api.call("POST", QStringLiteral("/api/checkout"), m_admin,
                       {{QStringLiteral("product_id"), other},
                        {QStringLiteral("customer_id"), m_customer},
                        {QStringLiteral("cycle"), QStringLiteral("monthly")},
                        {QStringLiteral("quantity"), 3}});
        QCOMPARE(r.status, 201);
        // A type no module declares is still refused.
        r = m_api.call("POST", QStringLiteral("/api/products"), m_admin,
                       jsonObject(R"({"type": "gadget", "name": "Gadget"})"));
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("type"));
    }

    void paidWidgetIsBuiltByItsJob()
    {
        const QString subscription = buyAndPay(createWidgetProduct());
        QVERIFY(!subscription.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(str(widgetOf(subscription), "job_status"), QStringLiteral("completed"),
                                  20000);
        QCOMPARE(str(widgetOf(subscription), "last_action"), QStringLiteral("build"));
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'example.widget' AND "
                                             "related_id = ?"),
                              {subscription}),
                 1);
        const auto detail =
            m_api.call("GET", QStringLiteral("/api/subscriptions/%1").arg(subscription), m_admin);
        QCOMPARE(str(detail.json().value(QStringLiteral("provisioning")).toObject(), "status"),
                 QStringLiteral("widget build: completed"));

        // Suspend and terminate reach the provisioner too, each once.
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/subscriptions/%1/suspend").arg(subscription), m_admin)
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(str(widgetOf(subscription), "last_action"), QStringLiteral("pause"), 20000);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/subscriptions/%1/cancel").arg(subscription), m_admin,
                           {{QStringLiteral("mode"), QStringLiteral("now")}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(str(widgetOf(subscription), "last_action"), QStringLiteral("scrap"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(str(widgetOf(subscription), "job_status"), QStringLiteral("completed"),
                                  20000);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'example.widget' AND "
                                             "related_id = ?"),
                              {subscription}),
                 3);
    }

    void openApiDescribesIt()
    {
        const auto doc = m_api.call("GET", QStringLiteral("/api/openapi.json"), {}).json();
        QVERIFY(
            doc.value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/api/example/widgets")));
        const QJsonArray types = doc.value(QStringLiteral("components"))
                                     .toObject()
                                     .value(QStringLiteral("schemas"))
                                     .toObject()
                                     .value(QStringLiteral("ProductType"))
                                     .toObject()
                                     .value(QStringLiteral("enum"))
                                     .toArray();
        QVERIFY(types.contains(QStringLiteral("widget")));
        QVERIFY(types.contains(QStringLiteral("cloudpod")));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    installServiceModules();
    // The one registration line a new module needs on the service side.
    if (!ModuleRegistry::global().add(example::exampleModule()))
        return 1;
    TestExampleModule test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_example_module.moc"
