#pragma once

#include "api/keyset_page.h"
#include "core/result.h"
#include "customers/customer.h"

namespace mp {
class TenantTransaction;
}

namespace mp::customers {

struct CustomerPage {
    QList<Customer> items;
    QString nextCursor;
};

// The credentials a sign-in checks, by email.
struct SignInRecord {
    QString customerId;
    QString passwordHash; // empty: the account has no password yet
    QString status;
};

// The tenant's customer accounts, inside the caller's tenant transaction (RLS scopes it).
class Customers {
public:
    static QList<api::SortOrder> sortOrders(); // "name" (default), "email", "created_at"

    // Search ignores case. From three characters on it matches a substring of name, email or
    // company (trigram indexes); one or two characters match the start of the name (a btree
    // range): a one-letter substring matches most of the table and helps nobody.
    static Result<CustomerPage> list(TenantTransaction &tx, const CustomerFilter &filter,
                                     const api::KeysetPage &page);
    static Result<Customer> find(TenantTransaction &tx, const QString &id);
    static Result<Customer> create(TenantTransaction &tx, const CustomerDraft &draft);
    static Result<Customer> update(TenantTransaction &tx, const QString &id, const CustomerDraft &draft);
    static Result<SignInRecord> signInRecord(TenantTransaction &tx, const QString &email);

    static Status validate(const Customer &customer);
    static bool looksLikeEmail(const QString &email);
    // "%q%" or "q%" with LIKE's wildcards escaped, lowercased.
    static QString searchPattern(const QString &query);
};

} // namespace mp::customers
