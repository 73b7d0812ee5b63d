#pragma once

#include "core/result.h"
#include "tenancy/staff_role.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp {

// What staff may change, by kind of work. Reading is open to every role (read_only included);
// every change is one of these.
enum class StaffAction {
    ManageCatalog,       // products, CloudPod templates
    ManageCustomers,     // create and edit customer records
    PlaceOrders,         // checkout on a customer's behalf
    ManageInvoices,      // write invoices, change their status, issue credit notes
    CollectPayments,     // send an invoice's online payment link
    Refund,              // refund money, resolve payments under review
    ManageSubscriptions, // cancel, change, suspend, unsuspend, renew now
    OperatePods,         // create pods by hand, retry/suspend/terminate them, run checks
    ManageProviders,     // register and edit provider endpoints: Proxmox clusters, nodes, IP pools
    ManageJobs,          // retry or cancel background jobs
    ManageDns,           // create and delete zones, change their records and DNSSEC
    ManageDomains,       // domains at the registrar: name servers, lock, auth code, DNSSEC, retry
    ManageCertificates,  // issue, renew and revoke SSL certificates
    ManageMail,          // mail domains, mailboxes, aliases, DKIM rotation, DNS checks of mail domains
    ManageStaff,         // API tokens and staff members
    ManageSettings,      // company and tax settings: seller details, logo, numbering, tax rates
};

// One row of the role matrix: an action, the roles that may take it, and the API routes
// ("METHOD /pattern", as the router knows them) that take it. The console asks for the same
// action before it runs the same service function.
struct RoleRule {
    StaffAction action;
    QString name;        // "refund"
    QString description; // "refund payments and resolve payments under review"
    QList<StaffRole> roles;
    QStringList apiRoutes;
};

// The role matrix: which staff role may do what, in the API and in the console alike, in one
// table (docs/roles.md prints it). ApiContext enforces it for every staff write; console
// commands call allows() or require().
class RoleMatrix {
public:
    static QList<RoleRule> rules();
    static RoleRule rule(StaffAction action);
    // A module's write routes join an action's row, so a module declares them where it declares
    // its routes (ModuleContext::staffWrites) and the table stays the one place that decides.
    static void addRoutes(StaffAction action, const QStringList &routes);
    static bool allows(StaffRole role, StaffAction action);
    // A forbidden error naming the action when `role` may not take it.
    static Status require(StaffRole role, StaffAction action);
    // The action a write route takes; nullopt for a route the matrix does not list.
    static std::optional<StaffAction> actionForRoute(const QString &method, const QString &pattern);
};

} // namespace mp
