#include "billing/billing_routes.h"

#include "api/json_fields.h"
#include "api/responses.h"
#include "billing/checkout.h"
#include "billing/credit_notes.h"
#include "billing/invoice_detail_parts.h"
#include "billing/invoice_json.h"
#include "billing/invoice_pdf.h"
#include "billing/invoices.h"
#include "core/clock.h"
#include "db/statement_cache.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QJsonArray>
#include <QUuid>

namespace mp::billing {

namespace {

using api::errorResponse;

HttpResponse invoiceNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no such invoice"),
                               QStringLiteral("id"));
}

Result<QDate> localToday(TenantTransaction &tx)
{
    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    return Invoices::localDate(*settings, Clock::current().now());
}

// An invoice the caller may see: staff any of the tenant's, a customer only its own; anything
// else is the same 404 as an id that does not exist.
Result<Invoice> visibleInvoice(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return makeError(QStringLiteral("not_found"), QStringLiteral("no such invoice"),
                         QStringLiteral("id"));
    auto inv = Invoices::find(tx, *id);
    if (!inv)
        return inv.error();
    if (!isStaff(caller) && inv->customerId != caller.customerId)
        return makeError(QStringLiteral("not_found"), QStringLiteral("no such invoice"),
                         QStringLiteral("id"));
    return inv;
}

// Without a (valid) token the portal needs to know where to sign in and where to come back.
HttpResponse signInFirst(const Error &error)
{
    return HttpResponse::json(
        401, QJsonObject{{QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), QStringLiteral("unauthenticated")},
                                      {QStringLiteral("message"), error.message}}},
                         {QStringLiteral("sign_in"),
                          QJsonObject{{QStringLiteral("url"), QStringLiteral("/api/auth/login")},
                                      {QStringLiteral("return_to"), QStringLiteral("/api/checkout")}}}});
}

HttpResponse checkout(const HttpRequest &request, const ApiContext &ctx)
{
    auto caller = ctx.authenticate(request);
    if (!caller) {
        if (caller.error().code == QLatin1String("database_error"))
            return api::internalError(caller.error());
        return signInFirst(caller.error());
    }
    if (isStaff(*caller) && !canWrite(caller->role))
        return HttpResponse::error(403, QStringLiteral("forbidden"),
                                   QStringLiteral("this token is read-only"));
    auto body = parseJsonBody(request, {QStringLiteral("customer_id"), QStringLiteral("product_id"),
                                        QStringLiteral("cycle"), QStringLiteral("quantity"),
                                        QStringLiteral("domain"), QStringLiteral("years"),
                                        QStringLiteral("currency"), QStringLiteral("hostname")});
    if (!body)
        return errorResponse(body.error());
    const api::JsonFields f(*body);
    CheckoutRequest r;
    auto productId = f.requiredString(QStringLiteral("product_id"));
    if (!productId)
        return errorResponse(productId.error());
    r.productId = *productId;
    auto customerId = f.optionalString(QStringLiteral("customer_id"));
    auto cycle = f.optionalString(QStringLiteral("cycle"));
    auto quantity = f.optionalInteger(QStringLiteral("quantity"));
    auto domain = f.optionalString(QStringLiteral("domain"));
    auto years = f.optionalInteger(QStringLiteral("years"));
    auto currency = f.optionalString(QStringLiteral("currency"));
    auto hostname = f.optionalString(QStringLiteral("hostname"));
    if (!hostname)
        return errorResponse(hostname.error());
    r.hostname = hostname->value_or(QString());
    for (const Error *e : {customerId ? nullptr : &customerId.error(), cycle ? nullptr : &cycle.error(),
                           quantity ? nullptr : &quantity.error(), domain ? nullptr : &domain.error(),
                           years ? nullptr : &years.error(), currency ? nullptr : &currency.error()}) {
        if (e)
            return errorResponse(*e);
    }
    if (isStaff(*caller)) {
        if (!customerId->has_value())
            return HttpResponse::error(
                422, QStringLiteral("missing_field"),
                QStringLiteral("staff order on behalf of a customer: send customer_id"),
                QStringLiteral("customer_id"));
        r.customerId = **customerId;
        r.byStaff = true;
    } else {
        if (customerId->has_value() && **customerId != caller->customerId)
            return HttpResponse::error(403, QStringLiteral("forbidden"),
                                       QStringLiteral("customers order for themselves"),
                                       QStringLiteral("customer_id"));
        r.customerId = caller->customerId;
    }
    r.cycle = cycle->value_or(QString());
    r.quantity = quantity->value_or(1);
    r.domain = domain->value_or(QString());
    r.years = years->value_or(0);
    if (domain->has_value() && !years->has_value())
        r.years = 1;
    r.currency = currency->value_or(QString());
    r.placedBy = actorOf(*caller);
    return ctx.inTenant(*caller, [&r](TenantTransaction &tx, const Caller &) {
        const QDateTime now = Clock::current().now();
        auto placed = Checkout::place(tx, r, now);
        if (!placed)
            return errorResponse(placed.error());
        auto today = localToday(tx);
        if (!today)
            return errorResponse(today.error());
        QJsonObject body{{QStringLiteral("order_id"), placed->orderId},
                         {QStringLiteral("invoice_id"), placed->invoice.id},
                         {QStringLiteral("invoice_number"), placed->invoice.number},
                         {QStringLiteral("currency"), placed->invoice.currency.code()},
                         {QStringLiteral("amount_due"), placed->invoice.total.toDecimalString()},
                         {QStringLiteral("amount_due_minor"), placed->invoice.total.minorAmount()},
                         {QStringLiteral("invoice"), InvoiceJson::toJson(placed->invoice, *today, true)}};
        HttpResponse response = HttpResponse::json(201, body);
        response.headers.append(
            {"Location", QStringLiteral("/api/invoices/%1").arg(placed->invoice.id).toLatin1()});
        return response;
    });
}

Result<QDate> dateParam(const HttpRequest &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name, QUrl::FullyDecoded);
    if (text.isEmpty())
        return QDate();
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        return makeError(QStringLiteral("invalid_parameter"),
                         QStringLiteral("%1 must be a date, YYYY-MM-DD").arg(name), name);
    return d;
}

HttpResponse listInvoices(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto page = api::KeysetPage::parse(request.query, Invoices::sortOrders(), QStringLiteral("-created_at"));
    if (!page)
        return errorResponse(page.error());
    InvoiceFilter filter;
    filter.status = request.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (!filter.status.isEmpty() && !InvoiceStatuses::fromString(filter.status))
        return HttpResponse::error(
            400, QStringLiteral("invalid_parameter"),
            QStringLiteral("status must be one of %1").arg(InvoiceStatuses::all().join(QStringLiteral(", "))),
            QStringLiteral("status"));
    if (isStaff(caller)) {
        const QString customer =
            request.query.queryItemValue(QStringLiteral("customer_id"), QUrl::FullyDecoded);
        if (!customer.isEmpty() && QUuid::fromString(customer).isNull())
            return HttpResponse::error(400, QStringLiteral("invalid_parameter"),
                                       QStringLiteral("customer_id must be a uuid"),
                                       QStringLiteral("customer_id"));
        filter.customerId = customer;
    } else {
        filter.customerId = caller.customerId;
    }
    const QString overdue = request.query.queryItemValue(QStringLiteral("overdue"));
    if (overdue == QLatin1String("true"))
        filter.overdue = true;
    else if (overdue == QLatin1String("false"))
        filter.overdue = false;
    else if (!overdue.isEmpty())
        return HttpResponse::error(400, QStringLiteral("invalid_parameter"),
                                   QStringLiteral("overdue is true or false"), QStringLiteral("overdue"));
    auto from = dateParam(request, QStringLiteral("from"));
    if (!from)
        return errorResponse(from.error());
    auto to = dateParam(request, QStringLiteral("to"));
    if (!to)
        return errorResponse(to.error());
    filter.issuedFrom = *from;
    filter.issuedTo = *to;
    auto today = localToday(tx);
    if (!today)
        return errorResponse(today.error());
    auto result = Invoices::list(tx, filter, *page, *today);
    if (!result)
        return errorResponse(result.error());
    QJsonArray items;
    for (const Invoice &inv : std::as_const(result->items))
        items.append(InvoiceJson::toJson(inv, *today, false));
    return HttpResponse::json(200, api::pageBody(items, result->nextCursor));
}

// One invoice as the detail routes answer it, with what other modules add (InvoiceDetailParts:
// the payments module's Stripe payments).
HttpResponse invoiceDetail(TenantTransaction &tx, const Invoice &inv, QDate today)
{
    QJsonObject json = InvoiceJson::toJson(inv, today, true);
    if (auto st = InvoiceDetailParts::apply(tx, inv, json); !st)
        return errorResponse(st.error());
    return HttpResponse::json(200, json);
}

HttpResponse getInvoice(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto inv = visibleInvoice(request, tx, caller);
    if (!inv)
        return errorResponse(inv.error());
    auto today = localToday(tx);
    if (!today)
        return errorResponse(today.error());
    return invoiceDetail(tx, *inv, *today);
}

HttpResponse createInvoice(const HttpRequest &request, TenantTransaction &tx)
{
    auto body =
        parseJsonBody(request, {QStringLiteral("customer_id"), QStringLiteral("currency"),
                                QStringLiteral("items"), QStringLiteral("notes"), QStringLiteral("status")});
    if (!body)
        return errorResponse(body.error());
    const api::JsonFields f(*body);
    auto customerId = f.requiredString(QStringLiteral("customer_id"));
    if (!customerId)
        return errorResponse(customerId.error());
    auto currencyCode = f.optionalString(QStringLiteral("currency"));
    if (!currencyCode)
        return errorResponse(currencyCode.error());
    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return errorResponse(settings.error());
    const auto currency = Currency::fromCode(currencyCode->value_or(settings->defaultCurrency));
    if (!currency)
        return HttpResponse::error(422, QStringLiteral("invalid_currency"),
                                   QStringLiteral("not an ISO 4217 currency code"),
                                   QStringLiteral("currency"));
    auto status = f.optionalString(QStringLiteral("status"));
    if (!status)
        return errorResponse(status.error());
    const QString wanted = status->value_or(QStringLiteral("unpaid"));
    if (wanted != QLatin1String("unpaid") && wanted != QLatin1String("draft"))
        return HttpResponse::error(422, QStringLiteral("invalid_status"),
                                   QStringLiteral("a new invoice is a draft or issued (unpaid)"),
                                   QStringLiteral("status"));
    auto notes = f.optionalString(QStringLiteral("notes"));
    if (!notes)
        return errorResponse(notes.error());
    auto items = f.optionalArray(QStringLiteral("items"));
    if (!items)
        return errorResponse(items.error());
    InvoiceDraft draft(*currency);
    draft.customerId = QUuid::fromString(*customerId).isNull() ? QString() : *customerId;
    draft.notes = notes->value_or(QString()).left(2000);
    draft.issue = wanted == QLatin1String("unpaid");
    const QJsonArray lines = items->value_or(QJsonArray());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString path = api::elementPath(QStringLiteral("items"), i);
        if (!lines.at(i).isObject())
            return HttpResponse::error(400, QStringLiteral("invalid_type"),
                                       QStringLiteral("an item is an object"), path);
        const api::JsonFields item(lines.at(i).toObject(), path);
        if (auto s = item.onlyKnown(
                {QStringLiteral("description"), QStringLiteral("quantity"), QStringLiteral("unit_price")});
            !s)
            return errorResponse(s.error());
        auto description = item.requiredString(QStringLiteral("description"));
        if (!description)
            return errorResponse(description.error());
        auto quantity = item.optionalInteger(QStringLiteral("quantity"));
        if (!quantity)
            return errorResponse(quantity.error());
        auto priceText = item.requiredString(QStringLiteral("unit_price"));
        if (!priceText)
            return errorResponse(priceText.error());
        auto price = Money::parse(*priceText, *currency);
        if (!price)
            return HttpResponse::error(422, QStringLiteral("invalid_amount"), price.error().message,
                                       item.path(QStringLiteral("unit_price")));
        draft.lines.append(LineDraft{*description, quantity->value_or(1), *price, {}});
    }
    auto inv = Invoices::create(tx, draft, Clock::current().now());
    if (!inv) {
        if (inv.error().field == QLatin1String("customer_id"))
            return HttpResponse::error(422, QStringLiteral("unknown_customer"), inv.error().message,
                                       QStringLiteral("customer_id"));
        return errorResponse(inv.error());
    }
    HttpResponse r = HttpResponse::json(
        201, InvoiceJson::toJson(*inv, Invoices::localDate(*settings, Clock::current().now()), true));
    r.headers.append({"Location", QStringLiteral("/api/invoices/%1").arg(inv->id).toLatin1()});
    return r;
}

HttpResponse patchInvoice(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return invoiceNotFound();
    auto body =
        parseJsonBody(request, {QStringLiteral("status"), QStringLiteral("reason"),
                                QStringLiteral("payment_method"), QStringLiteral("payment_reference")});
    if (!body)
        return errorResponse(body.error());
    const api::JsonFields f(*body);
    auto status = f.requiredString(QStringLiteral("status"));
    if (!status)
        return errorResponse(status.error());
    const auto to = InvoiceStatuses::fromString(*status);
    if (!to)
        return HttpResponse::error(
            422, QStringLiteral("invalid_status"),
            QStringLiteral("status must be one of %1").arg(InvoiceStatuses::all().join(QStringLiteral(", "))),
            QStringLiteral("status"));
    StatusChange change;
    change.to = *to;
    change.actor = actorOf(caller);
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("reason"), &change.reason},
          std::pair{QStringLiteral("payment_method"), &change.paymentMethod},
          std::pair{QStringLiteral("payment_reference"), &change.paymentReference}}) {
        auto v = f.optionalString(key);
        if (!v)
            return errorResponse(v.error());
        *target = v->value_or(QString()).trimmed().left(200);
    }
    if (change.to == InvoiceStatus::Paid && change.paymentMethod.isEmpty())
        change.paymentMethod = QStringLiteral("manual");
    auto inv = Invoices::changeStatus(tx, *id, change, Clock::current().now());
    if (!inv) {
        if (inv.error().code == QLatin1String("invalid_transition")) {
            auto current = Invoices::find(tx, *id);
            QJsonObject body{
                {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), inv.error().code},
                                                      {QStringLiteral("message"), inv.error().message},
                                                      {QStringLiteral("field"), inv.error().field}}}};
            if (current)
                body.insert(QStringLiteral("current_status"), InvoiceStatuses::toString(current->status));
            return HttpResponse::json(409, body);
        }
        return errorResponse(inv.error());
    }
    auto today = localToday(tx);
    if (!today)
        return errorResponse(today.error());
    return invoiceDetail(tx, *inv, *today);
}

HttpResponse creditInvoice(const HttpRequest &request, TenantTransaction &tx)
{
    const auto id = api::uuidParam(request);
    if (!id)
        return invoiceNotFound();
    auto body = parseJsonBody(request, {QStringLiteral("reason"), QStringLiteral("items")});
    if (!body)
        return errorResponse(body.error());
    const api::JsonFields f(*body);
    auto reason = f.requiredString(QStringLiteral("reason"));
    if (!reason)
        return errorResponse(reason.error());
    auto items = f.optionalArray(QStringLiteral("items"));
    if (!items)
        return errorResponse(items.error());
    auto invoice = Invoices::find(tx, *id);
    if (!invoice)
        return errorResponse(invoice.error());
    QList<LineDraft> lines;
    const QJsonArray array = items->value_or(QJsonArray());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = api::elementPath(QStringLiteral("items"), i);
        const api::JsonFields item(array.at(i).toObject(), path);
        auto description = item.requiredString(QStringLiteral("description"));
        if (!description)
            return errorResponse(description.error());
        auto quantity = item.optionalInteger(QStringLiteral("quantity"));
        if (!quantity)
            return errorResponse(quantity.error());
        auto priceText = item.requiredString(QStringLiteral("unit_price"));
        if (!priceText)
            return errorResponse(priceText.error());
        auto price = Money::parse(*priceText, invoice->currency);
        if (!price)
            return HttpResponse::error(422, QStringLiteral("invalid_amount"), price.error().message,
                                       item.path(QStringLiteral("unit_price")));
        lines.append(LineDraft{*description, quantity->value_or(1), *price, {}});
    }
    auto note = CreditNotes::issue(tx, *id, *reason, lines, Clock::current().now());
    if (!note)
        return errorResponse(note.error());
    return HttpResponse::json(201, InvoiceJson::creditNoteToJson(*note));
}

HttpResponse invoicePdf(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto inv = visibleInvoice(request, tx, caller);
    if (!inv)
        return errorResponse(inv.error());
    auto today = localToday(tx);
    if (!today)
        return errorResponse(today.error());
    auto pdf = InvoicePdf::render(*inv, *today);
    if (!pdf)
        return errorResponse(pdf.error());
    HttpResponse r;
    r.status = 200;
    r.contentType = "application/pdf";
    r.body = *pdf;
    const QString name = inv->number.isEmpty() ? QStringLiteral("draft-%1").arg(inv->id) : inv->number;
    r.headers.append(
        {"Content-Disposition", QStringLiteral("inline; filename=\"%1.pdf\"").arg(name).toLatin1()});
    return r;
}

} // namespace

void registerBillingRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    // The two routes that issue invoices run the same statements every time on their thread's
    // own connection: keep them prepared (one round trip each instead of three), as the Stripe
    // webhook does. bench/run-invoices-bench measures this path.
    router.add(QStringLiteral("POST"), QStringLiteral("/api/checkout"), [ctx](const HttpRequest &r) {
        const sql::ScopedStatementCache statements;
        return checkout(r, *ctx);
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/invoices"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return listInvoices(r, tx, c); });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/invoices"), [ctx](const HttpRequest &r) {
        const sql::ScopedStatementCache statements;
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return createInvoice(r, tx); });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/invoices/{id}"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return getInvoice(r, tx, c); });
    });
    router.add(QStringLiteral("PATCH"), QStringLiteral("/api/invoices/{id}"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &c) { return patchInvoice(r, tx, c); });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/invoices/{id}/credit-notes"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, true, [&r](TenantTransaction &tx, const Caller &) { return creditInvoice(r, tx); });
               });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/invoices/{id}/pdf"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return invoicePdf(r, tx, c); });
    });
}

} // namespace mp::billing
