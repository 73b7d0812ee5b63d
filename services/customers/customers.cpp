#include "customers/customers.h"

#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "customers/countries.h"
#include "customers/customer_errors.h"
#include "customers/password_hasher.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QRegularExpression>
#include <QUuid>

namespace mp::customers {

namespace {

const QString kColumns = QStringLiteral(
    "c.id, c.name, c.email, c.company, c.address_line1, c.address_line2, c.city, c.postal_code, c.region, "
    "coalesce(c.country, ''), c.tax_id, c.status, c.notes, c.has_password, c.created_at, "
    "c.updated_at, coalesce(c.language, '')");
constexpr int kColumnCount = 17;

Customer customerFrom(const QSqlQuery &q)
{
    Customer c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.email = q.value(2).toString();
    c.company = q.value(3).toString();
    c.address = PostalAddress{q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                              q.value(7).toString(), q.value(8).toString()};
    c.country = q.value(9).toString();
    c.taxId = q.value(10).toString();
    c.status = q.value(11).toString();
    c.notes = q.value(12).toString();
    c.hasPassword = q.value(13).toBool();
    c.createdAt = q.value(14).toDateTime();
    c.updatedAt = q.value(15).toDateTime();
    c.language = q.value(16).toString();
    return c;
}

Error notFound(const QString &id)
{
    return makeError(errors::NotFound, QStringLiteral("no customer %1").arg(id), QStringLiteral("id"));
}

Error invalid(const QString &field, const QString &message, const ErrorCode &code = errors::InvalidValue)
{
    return makeError(code, message, field);
}

void apply(Customer &c, const CustomerDraft &d)
{
    auto set = [](QString &target, const std::optional<QString> &v) {
        if (v)
            target = v->trimmed();
    };
    set(c.name, d.name);
    set(c.email, d.email);
    set(c.company, d.company);
    set(c.address.line1, d.line1);
    set(c.address.line2, d.line2);
    set(c.address.city, d.city);
    set(c.address.postalCode, d.postalCode);
    set(c.address.region, d.region);
    set(c.country, d.country);
    set(c.language, d.language);
    set(c.taxId, d.taxId);
    set(c.status, d.status);
    if (d.notes)
        c.notes = *d.notes;
}

Error emailTaken()
{
    return makeError(errors::EmailTaken, QStringLiteral("another customer already uses this email"),
                     QStringLiteral("email"));
}

// An update that takes another customer's address still meets the unique index.
Error writeError(const Error &e)
{
    return sql::hasSqlState(e, sql::UniqueViolation) ? emailTaken() : e;
}

QVariantList profileValues(const Customer &c)
{
    return {c.name,
            c.email,
            c.company,
            c.address.line1,
            c.address.line2,
            c.address.city,
            c.address.postalCode,
            c.address.region,
            c.country,
            c.taxId,
            c.status,
            c.notes,
            c.language};
}

} // namespace

QList<api::SortOrder> Customers::sortOrders()
{
    return {
        {QStringLiteral("name"), {QStringLiteral("lower(c.name)")}, {QStringLiteral("text")}},
        {QStringLiteral("email"), {QStringLiteral("lower(c.email)")}, {QStringLiteral("text")}},
        {QStringLiteral("created_at"), {QStringLiteral("c.created_at")}, {QStringLiteral("timestamptz")}},
    };
}

bool Customers::looksLikeEmail(const QString &email)
{
    // Deliberately loose: one @, something on each side, a dot in the domain, no spaces. The
    // real check is the mail that arrives.
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.size() <= 254 && pattern.match(email).hasMatch();
}

QString Customers::searchPattern(const QString &query)
{
    QString q = query.trimmed().toLower();
    q.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return query.trimmed().size() >= 3 ? u'%' + q + u'%' : q + u'%';
}

Status Customers::validate(const Customer &c)
{
    if (c.name.isEmpty() || c.name.size() > 200)
        return invalid(QStringLiteral("name"), QStringLiteral("a name is 1 to 200 characters"));
    if (!looksLikeEmail(c.email))
        return invalid(QStringLiteral("email"), QStringLiteral("'%1' is not an email address").arg(c.email),
                       errors::InvalidEmail);
    if (c.company.size() > 200)
        return invalid(QStringLiteral("company"), QStringLiteral("a company name is at most 200 characters"));
    const struct {
        const QString &value;
        const char *field;
        int max;
    } lines[] = {{c.address.line1, "address.line1", 200},   {c.address.line2, "address.line2", 200},
                 {c.address.city, "address.city", 100},     {c.address.postalCode, "address.postal_code", 20},
                 {c.address.region, "address.region", 100}, {c.taxId, "tax_id", 50}};
    for (const auto &line : lines) {
        if (line.value.size() > line.max)
            return invalid(
                QLatin1String(line.field),
                QStringLiteral("%1 is at most %2 characters").arg(QLatin1String(line.field)).arg(line.max));
    }
    if (!c.country.isEmpty() && !isIso3166Alpha2(c.country))
        return invalid(
            QStringLiteral("country"),
            QStringLiteral("'%1' is not an ISO 3166-1 alpha-2 country code such as \"DE\"").arg(c.country),
            errors::InvalidCountry);
    if (!c.language.isEmpty() && c.language != QLatin1String("en") && c.language != QLatin1String("de"))
        return invalid(QStringLiteral("language"), QStringLiteral("language must be en or de"),
                       errors::InvalidValue);
    if (c.status != QLatin1String("active") && c.status != QLatin1String("suspended") &&
        c.status != QLatin1String("closed"))
        return invalid(QStringLiteral("status"), QStringLiteral("status must be active, suspended or closed"),
                       errors::UnknownStatus);
    if (c.notes.size() > 10000)
        return invalid(QStringLiteral("notes"), QStringLiteral("notes are at most 10,000 characters"));
    return {};
}

Result<CustomerPage> Customers::list(TenantTransaction &tx, const CustomerFilter &filter,
                                     const api::KeysetPage &page)
{
    QStringList where;
    QVariantList binds;
    const QString search = filter.search.trimmed().toLower();
    if (!search.isEmpty()) {
        // Row-level security keeps lower() and LIKE (not leakproof) out of index conditions, so
        // the search runs in mpanel_customer_search() (migration 0009), which applies the
        // tenant itself and hands back the page's ids; the rows are read here through RLS.
        // Three characters or more match anywhere in name, email or company (trigrams); one or
        // two letters match the start of the name (a range on the name btree): a one-letter
        // substring would match most of the table and help nobody.
        const bool prefix = search.size() < 3;
        const QStringList afterKey = page.afterKey();
        where << QStringLiteral("c.id IN (SELECT mpanel_customer_search(?, ?, ?, ?, ?, ?, ?::uuid, ?))");
        binds << searchPattern(filter.search)
              << (prefix ? QVariant(search) : QVariant(QMetaType::fromType<QString>())) << filter.status
              << page.sortName() << page.descending()
              << (afterKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(afterKey.first()))
              << (page.afterId().isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                           : QVariant(page.afterId()))
              << page.limit() + 1;
    } else {
        if (!filter.status.isEmpty()) {
            where << QStringLiteral("c.status = ?");
            binds << filter.status;
        }
        if (const QString after = page.afterCondition(QStringLiteral("c.id")); !after.isEmpty()) {
            where << after;
            binds << page.afterBinds();
        }
    }
    QString sql = QStringLiteral("SELECT %1, %2 FROM customers c ").arg(kColumns, page.keySelect());
    if (!where.isEmpty())
        sql += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + u' ';
    sql += QStringLiteral("ORDER BY %1 LIMIT %2")
               .arg(page.orderBy(QStringLiteral("c.id")))
               .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), sql, binds);
    if (!q)
        return q.error();
    return api::readPage<CustomerPage>(*q, page, kColumnCount, customerFrom);
}

Result<Customer> Customers::find(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound(id);
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM customers c WHERE c.id = ?::uuid").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(id);
    return customerFrom(*q);
}

Result<Customer> Customers::create(TenantTransaction &tx, const CustomerDraft &draft)
{
    if (!draft.name)
        return invalid(QStringLiteral("name"), QStringLiteral("'name' is required"), errors::Required);
    if (!draft.email)
        return invalid(QStringLiteral("email"), QStringLiteral("'email' is required"), errors::Required);
    Customer c;
    c.status = QStringLiteral("active");
    apply(c, draft);
    if (auto s = validate(c); !s)
        return s.error();
    QString hash;
    if (draft.password && !draft.password->isEmpty()) {
        if (auto s = PasswordHasher::checkStrength(*draft.password); !s)
            return s.error();
        auto h = PasswordHasher::hash(*draft.password);
        if (!h)
            return h.error();
        hash = *h;
    }
    const QDateTime now = Clock::current().now();
    QVariantList binds{tx.tenantId()};
    binds << profileValues(c) << hash << now << now;
    auto q = sql::exec(
        tx.db(),
        QStringLiteral(
            "INSERT INTO customers (tenant_id, name, email, company, address_line1, "
            "  address_line2, city, postal_code, region, country, tax_id, status, notes, language, "
            "  password_hash, created_at, updated_at) "
            "VALUES (?::uuid, ?, ?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), "
            "        coalesce(?, ''), coalesce(?, ''), NULLIF(?, ''), coalesce(?, ''), ?, "
            "        coalesce(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, ?) "
            // A taken address is an answer, not an error: the caller's transaction stays usable.
            "ON CONFLICT (tenant_id, lower(email)) DO NOTHING RETURNING id"),
        binds);
    if (!q)
        return writeError(q.error());
    if (!q->next())
        return emailTaken();
    const QString id = q->value(0).toString();
    q->finish();
    return find(tx, id);
}

Result<Customer> Customers::update(TenantTransaction &tx, const QString &id, const CustomerDraft &draft)
{
    auto existing = find(tx, id);
    if (!existing)
        return existing.error();
    Customer c = *existing;
    apply(c, draft);
    if (auto s = validate(c); !s)
        return s.error();
    QString hash;
    if (draft.password && !draft.password->isEmpty()) {
        if (auto s = PasswordHasher::checkStrength(*draft.password); !s)
            return s.error();
        auto h = PasswordHasher::hash(*draft.password);
        if (!h)
            return h.error();
        hash = *h;
    }
    QVariantList binds = profileValues(c);
    // The hash is only named when it changes: staff logins may not touch the column at all.
    if (!hash.isEmpty())
        binds << hash;
    binds << Clock::current().now() << id;
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE customers SET name = ?, email = ?, company = coalesce(?, ''), "
                       "  address_line1 = coalesce(?, ''), address_line2 = coalesce(?, ''), "
                       "  city = coalesce(?, ''), postal_code = coalesce(?, ''), region = coalesce(?, ''), "
                       "  country = NULLIF(?, ''), tax_id = coalesce(?, ''), status = ?, "
                       "  notes = coalesce(?, ''), language = NULLIF(?, ''), %1 updated_at = ? "
                       "WHERE id = ?::uuid")
            .arg(hash.isEmpty() ? QString() : QStringLiteral("password_hash = ?,")),
        binds);
    if (!q)
        return writeError(q.error());
    return find(tx, id);
}

Result<SignInRecord> Customers::signInRecord(TenantTransaction &tx, const QString &email)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT id, coalesce(password_hash, ''), status FROM customers "
                                      "WHERE lower(email) = lower(?)"),
                       {email.trimmed()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such account"), QStringLiteral("email"));
    return SignInRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
}

} // namespace mp::customers
