#include "mail/mail_module.h"

#include "mail/mail_jobs.h"
#include "mail/mail_openapi.h"
#include "mail/mail_provisioner.h"
#include "mail/mail_routes.h"
#include "mail/mail_rows.h"
#include "mail/mail_send_holds.h"
#include "module/module_context.h"

namespace mp::mail {

Module mailModule()
{
    // Domains belong to customers and are sold as subscriptions; their records go to DNS.
    return Module(
        QStringLiteral("mail"),
        QStringList{QStringLiteral("customers"), QStringLiteral("subscriptions"), QStringLiteral("dns")},
        [](ModuleContext &module) {
            module.routes(&registerMailRoutes);
            module.staffWrites(StaffAction::ManageMail,
                               {QStringLiteral("POST /api/mail/domains"),
                                QStringLiteral("PATCH /api/mail/domains/{domain}"),
                                QStringLiteral("DELETE /api/mail/domains/{domain}"),
                                QStringLiteral("POST /api/mail/domains/{domain}/dkim/rotate"),
                                QStringLiteral("POST /api/mail/domains/{domain}/dns-check"),
                                QStringLiteral("POST /api/mail/domains/{domain}/mailboxes"),
                                QStringLiteral("PATCH /api/mail/mailboxes/{id}"),
                                QStringLiteral("DELETE /api/mail/mailboxes/{id}"),
                                QStringLiteral("POST /api/mail/domains/{domain}/aliases"),
                                QStringLiteral("DELETE /api/mail/aliases/{id}")});
            module.staffWrites(StaffAction::ManageProviders, {QStringLiteral("POST /api/mail/hosts")});
            module.staffWrites(StaffAction::ManageCatalog,
                               {QStringLiteral("PUT /api/mail/plans/{product_id}")});
            module.openApi(openApiFragment());
            module.jobKind(kinds::removeMailbox, &removeMailboxJob);
            module.jobKind(kinds::removeDomain, &removeDomainJob);
            module.jobKind(kinds::rotateDkim, &rotateDkimJob);
            module.jobKind(kinds::announceSendHold, &announceSendHoldJob);
            module.productType(emailProductType());
        });
}

} // namespace mp::mail
