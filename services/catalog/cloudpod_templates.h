#pragma once

#include "api/request_body.h"
#include "catalog/cloudpod_template.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace mp {
class TenantTransaction;
}

namespace mp::catalog {

// The tenant's CloudPod templates (four starters are seeded with every tenant) and their API
// shape. A template in use by a product cannot be deleted, only edited.
class CloudPodTemplates {
public:
    // POST and PUT /api/cloudpod-templates: one body, every field optional (create checks the
    // whole template with validate()).
    static const api::RequestBody &body();

    static Result<QList<CloudPodTemplate>> list(TenantTransaction &tx);
    static Result<CloudPodTemplate> find(TenantTransaction &tx, const QString &id);
    // `values` were decoded with body(); on update, absent fields keep their value.
    static Result<CloudPodTemplate> create(TenantTransaction &tx, const api::BodyValues &values);
    static Result<CloudPodTemplate> update(TenantTransaction &tx, const QString &id,
                                           const api::BodyValues &values);

    // Applies decoded values to a template (null clears); validate() then names a value out of range.
    static void apply(CloudPodTemplate &t, const api::BodyValues &values);
    static Status validate(const CloudPodTemplate &t);
    static QJsonObject toJson(const CloudPodTemplate &t);
};

} // namespace mp::catalog
