#pragma once

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
    static const QStringList &fields();

    static Result<QList<CloudPodTemplate>> list(TenantTransaction &tx);
    static Result<CloudPodTemplate> find(TenantTransaction &tx, const QString &id);
    // `body` was checked against fields(); on update, absent fields keep their value.
    static Result<CloudPodTemplate> create(TenantTransaction &tx, const QJsonObject &body);
    static Result<CloudPodTemplate> update(TenantTransaction &tx, const QString &id, const QJsonObject &body);

    // Applies a body to a template: wrong JSON types are "invalid_type", values out of range
    // a 422 naming the field.
    static Status apply(CloudPodTemplate &t, const QJsonObject &body);
    static Status validate(const CloudPodTemplate &t);
    static QJsonObject toJson(const CloudPodTemplate &t);
};

} // namespace mp::catalog
