#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::mail {

// /api/mail/...: hosts and plans (staff), domains, mailboxes and aliases (staff, or the customer
// who owns the domain: another customer's answers exactly as a missing one).
void registerMailRoutes(Router &router, ApiContext &context);

} // namespace mp::mail
