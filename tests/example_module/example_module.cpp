#include "example_module.h"

#include "api/openapi.h"
#include "api/responses.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "http/api_context.h"
#include "http/router.h"
#include "jobs/jobs.h"
#include "module/module_context.h"
#include "module/provisioner.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace mp::example {

namespace {

// Every step of a widget's life is one job (unique per subscription and action, so a repeated
// call queues nothing twice), the way a real module leaves provider work to its jobs.
Status queue(TenantTransaction &tx, const provisioning::ServiceRequest &request, const QString &action)
{
    JobSpec spec;
    spec.tenantId = tx.tenantId();
    spec.kind = widgetJobKind();
    spec.payload = {{QStringLiteral("subscription_id"), request.subscriptionId},
                    {QStringLiteral("action"), action}};
    spec.uniqueKey = QStringLiteral("example.widget:%1:%2").arg(request.subscriptionId, action);
    spec.relatedType = QStringLiteral("subscription");
    spec.relatedId = request.subscriptionId;
    auto job = Jobs::enqueue(tx.db(), spec);
    if (!job)
        return job.error();
    return {};
}

const QString kLastJob = QStringLiteral(
    "SELECT payload->>'action', status FROM jobs WHERE kind = ? AND related_type = 'subscription' "
    "AND related_id = ? ORDER BY id DESC LIMIT 1");

class WidgetProvisioner final : public provisioning::Provisioner {
public:
    Status activated(TenantTransaction &tx, const provisioning::ServiceRequest &r, const QDateTime &) override
    {
        return queue(tx, r, QStringLiteral("build"));
    }
    Status suspended(TenantTransaction &tx, const provisioning::ServiceRequest &r, const QDateTime &) override
    {
        return queue(tx, r, QStringLiteral("pause"));
    }
    Status unsuspended(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                       const QDateTime &) override
    {
        return queue(tx, r, QStringLiteral("resume"));
    }
    Status terminated(TenantTransaction &tx, const provisioning::ServiceRequest &r,
                      const QDateTime &) override
    {
        return queue(tx, r, QStringLiteral("scrap"));
    }
    Result<QString> status(TenantTransaction &tx, const provisioning::ServiceRequest &r) override
    {
        auto q = sql::exec(tx.db(), kLastJob, {widgetJobKind(), r.subscriptionId});
        if (!q)
            return q.error();
        if (!q->next())
            return QStringLiteral("no widget yet");
        return QStringLiteral("widget %1: %2").arg(q->value(0).toString(), q->value(1).toString());
    }
};

Status widgetJob(JobContext &ctx)
{
    const QString action = ctx.payload().value(QStringLiteral("action")).toString();
    const QString subscription = ctx.payload().value(QStringLiteral("subscription_id")).toString();
    if (action.isEmpty() || subscription.isEmpty())
        return JobContext::permanent(QStringLiteral("payload needs action and subscription_id"));
    ctx.log(QStringLiteral("widget %1 done for subscription %2").arg(action, subscription));
    return {};
}

const QString kWidgets = QStringLiteral(R"(
SELECT s.id::text, s.status,
       (SELECT payload->>'action' FROM jobs j WHERE j.kind = ? AND j.related_type = 'subscription'
           AND j.related_id = s.id::text ORDER BY j.id DESC LIMIT 1),
       (SELECT j.status FROM jobs j WHERE j.kind = ? AND j.related_type = 'subscription'
           AND j.related_id = s.id::text ORDER BY j.id DESC LIMIT 1)
  FROM subscriptions s
 WHERE s.product_type = ?
 ORDER BY s.created_at, s.id
)");

void registerRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/example/widgets"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [](TenantTransaction &tx, const Caller &) {
            auto q = sql::exec(tx.db(), kWidgets, {widgetJobKind(), widgetJobKind(), widgetProductType()});
            if (!q)
                return api::errorResponse(q.error());
            QJsonArray items;
            while (q->next())
                items.append(QJsonObject{{QStringLiteral("subscription_id"), q->value(0).toString()},
                                         {QStringLiteral("subscription_status"), q->value(1).toString()},
                                         {QStringLiteral("last_action"), q->value(2).toString()},
                                         {QStringLiteral("job_status"), q->value(3).toString()}});
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
        });
    });
}

const char *kOpenApi = R"json({
  "paths": {
    "/api/example/widgets": {"get": {"summary": "Widget subscriptions with their last job (staff)",
      "tags": ["example"],
      "responses": {"200": {"description": "The widgets", "content": {"application/json": {"schema":
        {"$ref": "#/components/schemas/ExampleWidgetList"}}}}, "401": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "ExampleWidgetList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array",
      "items": {"type": "object", "properties": {
        "subscription_id": {"type": "string", "format": "uuid"}, "subscription_status": {"type": "string"},
        "last_action": {"type": "string"}, "job_status": {"type": "string"}}}}}}
  }}
})json";

} // namespace

Module exampleModule()
{
    return Module(QStringLiteral("example"), {QStringLiteral("catalog"), QStringLiteral("subscriptions")},
                  [](ModuleContext &module) {
                      module.routes(&registerRoutes);
                      module.openApi(api::OpenApi::fragment(kOpenApi));
                      module.jobKind(widgetJobKind(), &widgetJob);

                      provisioning::ProductType widget;
                      widget.id = widgetProductType();
                      widget.label = QStringLiteral("Widget");
                      widget.order = 60;
                      widget.provisioner = std::make_shared<WidgetProvisioner>();
                      module.productType(widget);
                  });
}

} // namespace mp::example
