#pragma once

#include "api/request_body.h"
#include "core/result.h"

#include <QJsonObject>

#include <QString>

#include <functional>
#include <memory>

namespace mp {
class TenantTransaction;
}

namespace mp::provisioning {

class Provisioner;

// An order line as checkout wrote it, for a type's lineOrdered hook.
struct OrderedLine {
    QString customerId;
    QString orderItemId;
    qint64 quantity = 1;
    api::BodyValues options; // decoded with the type's lineOptions; empty when none were given
};

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

    // The provisioner makes one service per unit of an order line's quantity (a CloudPod line
    // of quantity 3 is three pods). A type whose provisioner makes one service per line is sold
    // one at a time: checkout refuses a quantity above 1. A type nothing provisions takes any
    // quantity (it is only billed).
    bool provisionsQuantity = false;

    // An order line of this type takes `options` (a CloudPod's SSH keys and root password): the
    // fields it accepts, decoded by checkout under the path "options". Null: none.
    std::shared_ptr<const api::RequestBody> lineOptions;
    // Runs in the checkout's transaction once the line is written: stores what the options
    // need beyond the line and answers what the customer is shown once in the checkout's
    // response ("access": a generated root password). Null: nothing to do.
    std::function<Result<QJsonObject>(TenantTransaction &tx, const OrderedLine &line)> lineOrdered;

    bool takesTemplate() const { return bool(checkTemplate); }
    bool takesQuantity() const { return !provisioner || provisionsQuantity; }
    bool takesHostname() const { return bool(hostname); }
};

} // namespace mp::provisioning
