#include "tenancy/role_matrix.h"

#include "core/errors.h"

#include <QMutex>

namespace mp {

namespace {

using R = StaffRole;

QList<RoleRule> buildRules()
{
    // clang-format off
    return {
        {StaffAction::ManageCatalog, QStringLiteral("manage_catalog"),
         QStringLiteral("create, edit and delete products and CloudPod templates"),
         {R::Owner, R::Admin},
         {QStringLiteral("POST /api/products"), QStringLiteral("PUT /api/products/{id}"),
          QStringLiteral("DELETE /api/products/{id}"), QStringLiteral("POST /api/cloudpod-templates"),
          QStringLiteral("PUT /api/cloudpod-templates/{id}")}},
        {StaffAction::ManageCustomers, QStringLiteral("manage_customers"),
         QStringLiteral("create and edit customers"),
         {R::Owner, R::Admin, R::Billing, R::Support},
         {QStringLiteral("POST /api/customers"), QStringLiteral("PUT /api/customers/{id}")}},
        {StaffAction::PlaceOrders, QStringLiteral("place_orders"),
         QStringLiteral("place orders for customers"),
         {R::Owner, R::Admin, R::Billing, R::Support},
         {QStringLiteral("POST /api/checkout")}},
        {StaffAction::ManageInvoices, QStringLiteral("manage_invoices"),
         QStringLiteral("write invoices, change their status and issue credit notes"),
         {R::Owner, R::Admin, R::Billing},
         {QStringLiteral("POST /api/invoices"), QStringLiteral("PATCH /api/invoices/{id}"),
          QStringLiteral("POST /api/invoices/{id}/credit-notes")}},
        {StaffAction::CollectPayments, QStringLiteral("collect_payments"),
         QStringLiteral("start an invoice's online payment"),
         {R::Owner, R::Admin, R::Billing, R::Support},
         {QStringLiteral("POST /api/invoices/{id}/pay")}},
        {StaffAction::Refund, QStringLiteral("refund"),
         QStringLiteral("refund payments and resolve payments under review"),
         {R::Owner, R::Admin, R::Billing},
         {QStringLiteral("POST /api/invoices/{id}/refund"), QStringLiteral("POST /api/payments/{id}/resolve")}},
        {StaffAction::ManageSubscriptions, QStringLiteral("manage_subscriptions"),
         QStringLiteral("cancel, change, suspend, unsuspend and renew subscriptions"),
         {R::Owner, R::Admin, R::Billing},
         {QStringLiteral("POST /api/subscriptions/{id}/cancel"), QStringLiteral("POST /api/subscriptions/{id}/change"),
          QStringLiteral("POST /api/subscriptions/{id}/suspend"),
          QStringLiteral("POST /api/subscriptions/{id}/unsuspend"),
          QStringLiteral("POST /api/subscriptions/{id}/renew-now")}},
        {StaffAction::OperatePods, QStringLiteral("operate_pods"),
         QStringLiteral("create CloudPods by hand, retry, suspend, unsuspend and terminate them, run checks"),
         {R::Owner, R::Admin, R::Support},
         {QStringLiteral("POST /api/cloudpods"), QStringLiteral("POST /api/cloudpods/{id}/retry"),
          QStringLiteral("POST /api/cloudpods/{id}/suspend"), QStringLiteral("POST /api/cloudpods/{id}/unsuspend"),
          QStringLiteral("POST /api/cloudpods/{id}/terminate"), QStringLiteral("POST /api/cloudpod-findings/check")}},
        {StaffAction::ManageProviders, QStringLiteral("manage_providers"),
         QStringLiteral("register and edit provider endpoints and settings (Proxmox clusters, nodes, IP pools, DNS servers, the mail relay)"),
         {R::Owner, R::Admin},
         {QStringLiteral("POST /api/proxmox/clusters"), QStringLiteral("PATCH /api/proxmox/clusters/{id}"),
          QStringLiteral("POST /api/proxmox/clusters/{id}/nodes"), QStringLiteral("POST /api/ip-pools")}},
        {StaffAction::ManageJobs, QStringLiteral("manage_jobs"),
         QStringLiteral("retry and cancel background jobs"),
         {R::Owner, R::Admin, R::Support},
         {QStringLiteral("POST /api/jobs/{id}/retry"), QStringLiteral("POST /api/jobs/{id}/cancel")}},
        {StaffAction::ManageDns, QStringLiteral("manage_dns"),
         QStringLiteral("create and delete DNS zones, change their records and DNSSEC"),
         {R::Owner, R::Admin, R::Support},
         {}},
        {StaffAction::ManageDomains, QStringLiteral("manage_domains"),
         QStringLiteral("change a domain at the registrar: name servers, lock, auth code, DNSSEC, retry a failed "
                        "registration"),
         {R::Owner, R::Admin, R::Support},
         {}},
        {StaffAction::ManageCertificates, QStringLiteral("manage_certificates"),
         QStringLiteral("issue, renew and revoke SSL certificates"),
         {R::Owner, R::Admin, R::Support},
         {}},
        {StaffAction::ManageMail, QStringLiteral("manage_mail"),
         QStringLiteral("put domains on mail hosts, manage their mailboxes and aliases, rotate DKIM keys, check "
                        "their DNS"),
         {R::Owner, R::Admin, R::Support},
         {}},
        {StaffAction::ManageStaff, QStringLiteral("manage_staff"),
         QStringLiteral("create and revoke API tokens, deactivate staff members"),
         {R::Owner, R::Admin},
         {QStringLiteral("POST /api/tokens/{id}/revoke")}},
        {StaffAction::ManageSettings, QStringLiteral("manage_settings"),
         QStringLiteral("change the company and tax settings"),
         {R::Owner, R::Admin},
         {}},
    };
    // clang-format on
}

struct Table {
    QMutex mutex;
    QList<RoleRule> rules = buildRules();
};

Table &table()
{
    static Table t;
    return t;
}

} // namespace

QList<RoleRule> RoleMatrix::rules()
{
    Table &t = table();
    QMutexLocker lock(&t.mutex);
    return t.rules;
}

RoleRule RoleMatrix::rule(StaffAction action)
{
    for (const RoleRule &r : rules()) {
        if (r.action == action)
            return r;
    }
    Q_UNREACHABLE();
}

void RoleMatrix::addRoutes(StaffAction action, const QStringList &routes)
{
    Table &t = table();
    QMutexLocker lock(&t.mutex);
    for (RoleRule &r : t.rules) {
        if (r.action != action)
            continue;
        for (const QString &route : routes) {
            if (!r.apiRoutes.contains(route))
                r.apiRoutes << route;
        }
    }
}

bool RoleMatrix::allows(StaffRole role, StaffAction action)
{
    return rule(action).roles.contains(role);
}

Status RoleMatrix::require(StaffRole role, StaffAction action)
{
    if (allows(role, action))
        return {};
    return makeError(errors::Forbidden,
                     QStringLiteral("the %1 role may not %2").arg(toString(role), rule(action).description));
}

std::optional<StaffAction> RoleMatrix::actionForRoute(const QString &method, const QString &pattern)
{
    const QString route = method + u' ' + pattern;
    for (const RoleRule &r : rules()) {
        if (r.apiRoutes.contains(route))
            return r.action;
    }
    return std::nullopt;
}

} // namespace mp
