#pragma once

#include "core/result.h"

#include <QString>

#include <functional>
#include <memory>

namespace mp {
class TenantTransaction;
}

namespace mp::provisioning {

class Provisioner;

// How a product of a type is priced: per billing cycle (monthly, annual...), or per registration
// year for register / renew / transfer, as registrars price domains.
enum class Pricing { Cycle, RegistrarYears };

// A kind of product the catalog sells, declared by the module that delivers it. The catalog,
// checkout and the console ask this declaration instead of testing type names, so a new module
// adds its type without touching them.
struct ProductType {
    QString id;      // stored in products.type: lower case, e.g. "cloudpod"
    QString label;   // for people: "CloudPod"
    int order = 100; // where lists (API enum, console pickers) put it: lower first
    Pricing pricing = Pricing::Cycle;

    // A product of this type names a template (products.template_id): the check that the id is
    // one of the tenant's templates, run in the product's transaction. Null: no template allowed.
    std::function<Status(TenantTransaction &tx, const QString &templateId)> checkTemplate;

    // An order line of this type carries a host name: the name to use for what the customer
    // asked ("" generates one), or an error naming the field. Null: no host name allowed.
    std::function<Result<QString>(const QString &requested)> hostname;

    // What happens to a paid service of this type. Null: nothing is provisioned.
    std::shared_ptr<Provisioner> provisioner;

    bool takesTemplate() const { return bool(checkTemplate); }
    bool takesHostname() const { return bool(hostname); }
};

} // namespace mp::provisioning
