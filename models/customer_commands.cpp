#include "customer_commands.h"

#include "customers/customers.h"

namespace mp::commands {

void saveCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  const customers::CustomerDraft &draft, Reply<customers::Customer> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageCustomers,
        [id, draft](TenantTransaction &tx) {
            return id.isEmpty() ? customers::Customers::create(tx, draft)
                                : customers::Customers::update(tx, id, draft);
        },
        std::move(reply));
}

void loadCustomer(ConsoleSession *session, QObject *context, const QString &id,
                  Reply<customers::Customer> reply)
{
    runStaffCommand(
        session, context, [id](TenantTransaction &tx) { return customers::Customers::find(tx, id); },
        std::move(reply));
}

} // namespace mp::commands
