#include "billing/billing_routes.h"

#include "api/responses.h"
#include "billing/billing_bodies.h"
#include "billing/billing_errors.h"
#include "billing/checkout.h"
#include "billing/credit_notes.h"
#include "billing/invoice_detail_parts.h"
#include "billing/invoice_json.h"
#include "billing/invoice_pdf.h"
#include "billing/invoices.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/statement_cache.h"
#include "http/api_context.h"
#include "http/router.h"
#include "money/money_errors.h"

#include <QJsonArray>
#include <QUuid>

namespace mp::billing {

namespace {

using api::errorResponse;

// Invoice or credit note lines decoded by the line table; prices in the document's currency.
Result<QList<LineDraft>> linesFrom(const QList<api::BodyValues> &items, const Currency &currency)
{
    QList<LineDraft> lines;
    for (const api::BodyValues &item : items) {
        auto price = Money::parse(item.string(QStringLiteral("unit_price"), QString()), currency);
        if (!price)
            return makeError(errors::InvalidAmount, price.error().message,
                             item.path(QStringLiteral("unit_price")));
        lines.append(LineDraft{item.string(QStringLiteral("description"), QString()),
                               item.integer(QStringLiteral("quantity")).value_or(1),
                               *price,
                               {}});
    }
    return lines;
}

HttpResponse invoiceNotFound()
{
    return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such invoice"),
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
        return makeError(errors::NotFound, QStringLiteral("no such invoice"), QStringLiteral("id"));
    auto inv = Invoices::find(tx, *id);
    if (!inv)
        return inv.error();
    if (!isStaff(caller) && inv->customerId != caller.customerId)
        return makeError(errors::NotFound, QStringLiteral("no such invoice"), QStringLiteral("id"));
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
        if (caller.error().code == errors::DatabaseError)
            return api::internalError(caller.error());
        return signInFirst(caller.error());
    }
    if (auto allowed = ApiContext::mayChange(*caller, request); !allowed)
        return HttpResponse::error(403, allowed.error());
    auto body = checkoutBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    CheckoutRequest r;
    r.productId = body->string(QStringLiteral("product_id"), QString());
    r.hostname = body->string(QStringLiteral("hostname"), QString());
    const auto customerId = body->string(QStringLiteral("customer_id"));
    const auto domain = body->string(QStringLiteral("domain"));
    const auto years = body->integer(QStringLiteral("years"));
    if (isStaff(*caller)) {
        if (!customerId)
            return HttpResponse::error(
                422, errors::MissingField,
                QStringLiteral("staff order on behalf of a customer: send customer_id"),
                QStringLiteral("customer_id"));
        r.customerId = *customerId;
        r.byStaff = true;
    } else {
        if (customerId && *customerId != caller->customerId)
            return HttpResponse::error(403, errors::Forbidden,
                                       QStringLiteral("customers order for themselves"),
                                       QStringLiteral("customer_id"));
        r.customerId = caller->customerId;
    }
    r.cycle = body->string(QStringLiteral("cycle"), QString());
    r.quantity = body->integer(QStringLiteral("quantity")).value_or(1);
    r.domain = domain.value_or(QString());
    r.domainAction = body->string(QStringLiteral("domain_action"), QString());
    r.years = years.value_or(0);
    if (domain && !years)
        r.years = 1;
    r.currency = body->string(QStringLiteral("currency"), QString());
    if (const auto options = body->object(QStringLiteral("options")))
        r.options = options->json();
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
        // Shown once: nothing keeps it after this answer (a generated root password).
        if (!placed->shownOnce.isEmpty())
            body.insert(QStringLiteral("access"), placed->shownOnce);
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
        return makeError(errors::InvalidParameter, QStringLiteral("%1 must be a date, YYYY-MM-DD").arg(name),
                         name);
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
            400, errors::InvalidParameter,
            QStringLiteral("status must be one of %1").arg(InvoiceStatuses::all().join(QStringLiteral(", "))),
            QStringLiteral("status"));
    if (isStaff(caller)) {
        const QString customer =
            request.query.queryItemValue(QStringLiteral("customer_id"), QUrl::FullyDecoded);
        if (!customer.isEmpty() && !isUuid(customer))
            return HttpResponse::error(400, errors::InvalidParameter,
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
        return HttpResponse::error(400, errors::InvalidParameter, QStringLiteral("overdue is true or false"),
                                   QStringLiteral("overdue"));
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
    auto body = invoiceBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return errorResponse(settings.error());
    const auto currency =
        Currency::fromCode(body->string(QStringLiteral("currency"), settings->defaultCurrency));
    if (!currency)
        return HttpResponse::error(422, errors::InvalidCurrency,
                                   QStringLiteral("not an ISO 4217 currency code"),
                                   QStringLiteral("currency"));
    const QString customerId = body->string(QStringLiteral("customer_id"), QString());
    InvoiceDraft draft(*currency);
    draft.customerId = !isUuid(customerId) ? QString() : customerId;
    draft.notes = body->string(QStringLiteral("notes"), QString()).left(2000);
    draft.issue = body->string(QStringLiteral("status"), QStringLiteral("unpaid")) == QLatin1String("unpaid");
    auto lines = linesFrom(body->objects(QStringLiteral("items")), *currency);
    if (!lines)
        return errorResponse(lines.error());
    draft.lines = *lines;
    auto inv = Invoices::create(tx, draft, Clock::current().now());
    if (!inv) {
        if (inv.error().field == QLatin1String("customer_id"))
            return HttpResponse::error(422, errors::UnknownCustomer, inv.error().message,
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
    auto body = invoiceStatusBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    StatusChange change;
    change.to = *InvoiceStatuses::fromString(body->string(QStringLiteral("status"), QString()));
    change.actor = actorOf(caller);
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("reason"), &change.reason},
          std::pair{QStringLiteral("payment_method"), &change.paymentMethod},
          std::pair{QStringLiteral("payment_reference"), &change.paymentReference}})
        *target = body->string(key, QString()).trimmed().left(200);
    if (change.to == InvoiceStatus::Paid && change.paymentMethod.isEmpty())
        change.paymentMethod = QStringLiteral("manual");
    auto inv = Invoices::changeStatus(tx, *id, change, Clock::current().now());
    if (!inv) {
        if (inv.error().code == errors::InvalidTransition) {
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
    auto body = creditNoteBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto invoice = Invoices::find(tx, *id);
    if (!invoice)
        return errorResponse(invoice.error());
    auto lines = linesFrom(body->objects(QStringLiteral("items")), invoice->currency);
    if (!lines)
        return errorResponse(lines.error());
    const QString reason = body->string(QStringLiteral("reason"), QString());
    auto note = CreditNotes::issue(tx, *id, reason, *lines, Clock::current().now());
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
    auto pdf = InvoicePdf::renderFor(tx, *inv, *today);
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
