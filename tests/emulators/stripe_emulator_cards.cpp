// Saved cards and off-session charges (stripe.md section 8): Customers, card PaymentMethods,
// PaymentIntents created and confirmed without the customer, the webhook endpoint list, and
// Stripe's test cards for each outcome (section 8.5, keyed on the last four digits).
#include "emulators/stripe_emulator.h"

#include "emulators/stripe_emulator_errors.h"
#include "emulators/stripe_emulator_replies.h"
#include "http/router.h"
#include "stripe/stripe_form.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace mp::test {

namespace reply = stripe_reply;
using stripe::FormParams;

namespace {

const QJsonValue null = QJsonValue(QJsonValue::Null);

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? null : QJsonValue(s);
}

// Stripe's test PaymentMethods and the card behind each (stripe.md section 8.5).
QString last4OfToken(const QString &token)
{
    static const QHash<QString, QString> tokens{
        {QStringLiteral("pm_card_visa"), QStringLiteral("4242")},
        {QStringLiteral("pm_card_authenticationRequired"), QStringLiteral("3184")},
        {QStringLiteral("pm_card_authenticationRequiredOnSetup"), QStringLiteral("3155")},
        {QStringLiteral("pm_card_authenticationRequiredSetupForOffSession"), QStringLiteral("0446")},
        {QStringLiteral("pm_card_chargeCustomerFail"), QStringLiteral("0341")},
        {QStringLiteral("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds"),
         QStringLiteral("3178")},
        {QStringLiteral("pm_card_visa_chargeDeclinedInsufficientFunds"), QStringLiteral("9995")},
        {QStringLiteral("pm_card_chargeDeclined"), QStringLiteral("0002")}};
    return tokens.value(token);
}

struct OffSessionOutcome {
    bool succeeds = true;
    QString code;        // authentication_required, card_declined
    QString declineCode; // may be empty
    QString message;
};

// What an off-session charge does with the card: "always authenticate" and "authenticate
// unless set up" (when it was not) need the customer, 0341 and 3178 decline.
OffSessionOutcome offSessionOutcome(const QString &last4, bool setUp)
{
    if (last4 == QLatin1String("3184") || (last4 == QLatin1String("3155") && !setUp))
        return {false, QStringLiteral("authentication_required"), QStringLiteral("authentication_required"),
                QStringLiteral("Your card was declined. This transaction requires authentication.")};
    if (last4 == QLatin1String("0341"))
        return {false, QStringLiteral("card_declined"), {}, QStringLiteral("Your card was declined.")};
    if (last4 == QLatin1String("3178") || last4 == QLatin1String("9995"))
        return {false, QStringLiteral("card_declined"), QStringLiteral("insufficient_funds"),
                QStringLiteral("Your card has insufficient funds.")};
    if (last4 == QLatin1String("0002"))
        return {false, QStringLiteral("card_declined"), QStringLiteral("generic_decline"),
                QStringLiteral("Your card was declined.")};
    return {};
}

std::optional<HttpResponse> unknownParam(const FormParams &form, const QRegularExpression &known)
{
    for (const auto &pair : form.pairs()) {
        if (!known.match(pair.first).hasMatch())
            return reply::invalid(pair.first, QStringLiteral("parameter_unknown"),
                                  QStringLiteral("Received unknown parameter: %1").arg(pair.first));
    }
    return std::nullopt;
}

QJsonObject metadataOf(const FormParams &form)
{
    QJsonObject metadata;
    for (const auto &[key, value] : form.pairs()) {
        if (key.startsWith(QLatin1String("metadata[")) && key.endsWith(u']'))
            metadata.insert(key.mid(9).chopped(1), value);
    }
    return metadata;
}

const QJsonObject noRequest{{QStringLiteral("id"), null}, {QStringLiteral("idempotency_key"), null}};

} // namespace

void StripeEmulator::addCardRoutes(Router &r)
{
    const auto api = [this](HttpResponse (StripeEmulator::*handler)(const HttpRequest &)) {
        return [this, handler](const HttpRequest &request) {
            return handleApi(request, [this, handler, &request] { return (this->*handler)(request); });
        };
    };
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/customers"), api(&StripeEmulator::createCustomer));
    r.add(QStringLiteral("GET"), QStringLiteral("/v1/customers/{id}"),
          api(&StripeEmulator::retrieveCustomer));
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/customers/{id}"), api(&StripeEmulator::updateCustomer));
    r.add(QStringLiteral("GET"), QStringLiteral("/v1/customers/{id}/payment_methods"),
          api(&StripeEmulator::listCustomerPaymentMethods));
    r.add(QStringLiteral("GET"), QStringLiteral("/v1/payment_methods"),
          api(&StripeEmulator::listPaymentMethods));
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/payment_methods/{id}/attach"),
          api(&StripeEmulator::attachPaymentMethod));
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/payment_methods/{id}/detach"),
          api(&StripeEmulator::detachPaymentMethod));
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/payment_intents"),
          api(&StripeEmulator::createPaymentIntent));
    r.add(QStringLiteral("GET"), QStringLiteral("/v1/webhook_endpoints"),
          api(&StripeEmulator::listWebhookEndpoints));
}

QString StripeEmulator::newCustomerObject(const QString &email, const QString &name,
                                          const QJsonObject &metadata)
{
    const QString id = newId(QStringLiteral("cus_"));
    m_customers.insert(id, QJsonObject{{QStringLiteral("id"), id},
                                       {QStringLiteral("object"), QStringLiteral("customer")},
                                       {QStringLiteral("address"), null},
                                       {QStringLiteral("balance"), 0},
                                       {QStringLiteral("created"), now()},
                                       {QStringLiteral("default_source"), null},
                                       {QStringLiteral("description"), null},
                                       {QStringLiteral("email"), stringOrNull(email)},
                                       {QStringLiteral("invoice_settings"),
                                        QJsonObject{{QStringLiteral("custom_fields"), null},
                                                    {QStringLiteral("default_payment_method"), null},
                                                    {QStringLiteral("footer"), null}}},
                                       {QStringLiteral("livemode"), false},
                                       {QStringLiteral("metadata"), metadata},
                                       {QStringLiteral("name"), stringOrNull(name)},
                                       {QStringLiteral("phone"), null}});
    return id;
}

QJsonObject StripeEmulator::newCard(const QString &last4, const QString &customerId, bool setUp)
{
    const QString id = newId(QStringLiteral("pm_"));
    const QJsonObject pm{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("payment_method")},
        {QStringLiteral("allow_redisplay"), QStringLiteral("unspecified")},
        {QStringLiteral("billing_details"), QJsonObject{{QStringLiteral("address"), null},
                                                        {QStringLiteral("email"), null},
                                                        {QStringLiteral("name"), null},
                                                        {QStringLiteral("phone"), null}}},
        {QStringLiteral("card"), QJsonObject{{QStringLiteral("brand"), QStringLiteral("visa")},
                                             {QStringLiteral("country"), QStringLiteral("US")},
                                             {QStringLiteral("exp_month"), 12},
                                             {QStringLiteral("exp_year"), 2034},
                                             {QStringLiteral("fingerprint"), QStringLiteral("fp") + last4},
                                             {QStringLiteral("funding"), QStringLiteral("credit")},
                                             {QStringLiteral("last4"), last4}}},
        {QStringLiteral("created"), now()},
        {QStringLiteral("customer"), stringOrNull(customerId)},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("type"), QStringLiteral("card")}};
    m_paymentMethods.insert(id, pm);
    m_paymentMethodOrder.append(id);
    if (setUp)
        m_setUpForOffSession.insert(id);
    return pm;
}

HttpResponse StripeEmulator::createCustomer(const HttpRequest &request)
{
    const FormParams form = FormParams::decode(request.body);
    static const QRegularExpression known(
        QStringLiteral("^(email|name|description|phone|metadata\\[[^\\[\\]]*\\])$"));
    if (auto bad = unknownParam(form, known))
        return *bad;
    const QString email = form.value(QStringLiteral("email"));
    if (email.size() > 512)
        return reply::invalid(QStringLiteral("email"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("email is at most 512 characters"));
    const QString id = newCustomerObject(email, form.value(QStringLiteral("name")), metadataOf(form));
    const QJsonObject origin{{QStringLiteral("id"), m_currentRequestId},
                             {QStringLiteral("idempotency_key"), stringOrNull(m_currentIdempotencyKey)}};
    emitEvents({makeEvent(QStringLiteral("customer.created"), m_customers.value(id), origin)});
    return HttpResponse::json(200, m_customers.value(id));
}

HttpResponse StripeEmulator::retrieveCustomer(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    if (!m_customers.contains(id))
        return reply::noSuch(QStringLiteral("customer"), id, QStringLiteral("id"));
    return HttpResponse::json(200, m_customers.value(id));
}

HttpResponse StripeEmulator::updateCustomer(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    if (!m_customers.contains(id))
        return reply::noSuch(QStringLiteral("customer"), id, QStringLiteral("id"));
    const FormParams form = FormParams::decode(request.body);
    static const QRegularExpression known(
        QStringLiteral("^(email|name|description|phone|invoice_settings\\[default_payment_method\\]|"
                       "metadata\\[[^\\[\\]]*\\])$"));
    if (auto bad = unknownParam(form, known))
        return *bad;
    QJsonObject customer = m_customers.value(id);
    const QString defaultKey = QStringLiteral("invoice_settings[default_payment_method]");
    if (form.contains(defaultKey)) {
        const QString pm = form.value(defaultKey);
        if (m_paymentMethods.value(pm).value(QStringLiteral("customer")).toString() != id)
            return reply::invalid(
                defaultKey, QStringLiteral("resource_missing"),
                QStringLiteral("No such PaymentMethod: '%1' attached to this customer").arg(pm));
        QJsonObject settings = customer.value(QStringLiteral("invoice_settings")).toObject();
        settings.insert(QStringLiteral("default_payment_method"), pm);
        customer.insert(QStringLiteral("invoice_settings"), settings);
    }
    for (const char *field : {"email", "name", "description", "phone"}) {
        if (form.contains(QLatin1String(field)))
            customer.insert(QLatin1String(field), stringOrNull(form.value(QLatin1String(field))));
    }
    QJsonObject metadata = customer.value(QStringLiteral("metadata")).toObject();
    const QJsonObject added = metadataOf(form);
    for (auto it = added.begin(); it != added.end(); ++it)
        metadata.insert(it.key(), it.value());
    customer.insert(QStringLiteral("metadata"), metadata);
    m_customers.insert(id, customer);
    return HttpResponse::json(200, customer);
}

HttpResponse StripeEmulator::cardList(const QString &url, const QString &customerId, const QUrlQuery &query)
{
    const QString type = query.queryItemValue(QStringLiteral("type"), QUrl::FullyDecoded);
    if (!type.isEmpty() && type != QLatin1String("card"))
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                   {QStringLiteral("url"), url},
                                                   {QStringLiteral("has_more"), false},
                                                   {QStringLiteral("data"), QJsonArray()}});
    int limit = 10;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const auto parsed = reply::parseInteger(query.queryItemValue(QStringLiteral("limit")));
        if (!parsed || *parsed < 1 || *parsed > 100)
            return reply::invalid(QStringLiteral("limit"), QStringLiteral("parameter_invalid_integer"),
                                  QStringLiteral("limit must be between 1 and 100"));
        limit = int(*parsed);
    }
    const QString after = query.queryItemValue(QStringLiteral("starting_after"), QUrl::FullyDecoded);
    // Newest first, as Stripe lists.
    QJsonArray data;
    bool skipping = !after.isEmpty();
    bool more = false;
    for (auto it = m_paymentMethodOrder.crbegin(); it != m_paymentMethodOrder.crend(); ++it) {
        const QJsonObject pm = m_paymentMethods.value(*it);
        if (pm.value(QStringLiteral("customer")).toString() != customerId)
            continue;
        if (skipping) {
            skipping = *it != after;
            continue;
        }
        if (data.size() == limit) {
            more = true;
            break;
        }
        data.append(pm);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                               {QStringLiteral("url"), url},
                                               {QStringLiteral("has_more"), more},
                                               {QStringLiteral("data"), data}});
}

HttpResponse StripeEmulator::listCustomerPaymentMethods(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    if (!m_customers.contains(id))
        return reply::noSuch(QStringLiteral("customer"), id, QStringLiteral("customer"));
    return cardList(QStringLiteral("/v1/customers/%1/payment_methods").arg(id), id, request.query);
}

HttpResponse StripeEmulator::listPaymentMethods(const HttpRequest &request)
{
    const QString id = request.query.queryItemValue(QStringLiteral("customer"), QUrl::FullyDecoded);
    if (id.isEmpty())
        return reply::missing(QStringLiteral("customer"));
    if (!m_customers.contains(id))
        return reply::noSuch(QStringLiteral("customer"), id, QStringLiteral("customer"));
    return cardList(QStringLiteral("/v1/payment_methods"), id, request.query);
}

Result<QJsonObject> StripeEmulator::attachTestCard(const QString &customerId, const QString &token)
{
    if (!m_customers.contains(customerId))
        return makeError(stripe_errors::ResourceMissing,
                         QStringLiteral("No such customer: '%1'").arg(customerId));
    const QString last4 = last4OfToken(token);
    if (last4.isEmpty())
        return makeError(stripe_errors::ResourceMissing,
                         QStringLiteral("No such PaymentMethod: '%1'").arg(token));
    // The cards of the decline table cannot be attached (stripe.md section 8.5).
    if (last4 == QLatin1String("9995") || last4 == QLatin1String("0002"))
        return makeError(stripe_errors::CardDeclined, QStringLiteral("Your card was declined."));
    const QJsonObject pm = newCard(last4, customerId, false);
    emitEvents({makeEvent(QStringLiteral("payment_method.attached"), pm, noRequest)});
    return pm;
}

HttpResponse StripeEmulator::attachPaymentMethod(const HttpRequest &request)
{
    const FormParams form = FormParams::decode(request.body);
    static const QRegularExpression known(QStringLiteral("^customer$"));
    if (auto bad = unknownParam(form, known))
        return *bad;
    const QString customerId = form.value(QStringLiteral("customer"));
    if (customerId.isEmpty())
        return reply::missing(QStringLiteral("customer"));
    if (!m_customers.contains(customerId))
        return reply::noSuch(QStringLiteral("customer"), customerId, QStringLiteral("customer"));
    const QString id = request.pathParams.value(QStringLiteral("id"));
    if (m_paymentMethods.contains(id)) {
        // A detached PaymentMethod cannot be used again.
        QJsonObject pm = m_paymentMethods.value(id);
        if (!pm.value(QStringLiteral("customer")).isNull() || pm.value(QStringLiteral("detached")).toBool())
            return reply::invalid(QStringLiteral("payment_method"),
                                  QStringLiteral("payment_method_unexpected_state"),
                                  QStringLiteral("This PaymentMethod was previously used or is attached."));
        pm.insert(QStringLiteral("customer"), customerId);
        m_paymentMethods.insert(id, pm);
        emitEvents({makeEvent(QStringLiteral("payment_method.attached"), pm, noRequest)});
        return HttpResponse::json(200, pm);
    }
    auto attached = attachTestCard(customerId, id);
    if (attached)
        return HttpResponse::json(200, *attached);
    if (attached.error().code == stripe_errors::CardDeclined)
        return reply::error(402, QStringLiteral("card_error"), attached.error().message,
                            QStringLiteral("card_declined"), {},
                            QJsonObject{{QStringLiteral("decline_code"), QStringLiteral("generic_decline")}});
    return reply::noSuch(QStringLiteral("PaymentMethod"), id, QStringLiteral("payment_method"));
}

HttpResponse StripeEmulator::detachPaymentMethod(const HttpRequest &request)
{
    const FormParams form = FormParams::decode(request.body);
    if (!form.pairs().isEmpty())
        return reply::invalid(
            form.pairs().first().first, QStringLiteral("parameter_unknown"),
            QStringLiteral("Received unknown parameter: %1").arg(form.pairs().first().first));
    const QString id = request.pathParams.value(QStringLiteral("id"));
    QJsonObject pm = m_paymentMethods.value(id);
    if (pm.isEmpty() || pm.value(QStringLiteral("customer")).isNull())
        return reply::noSuch(QStringLiteral("PaymentMethod"), id, QStringLiteral("payment_method"));
    pm.insert(QStringLiteral("customer"), null);
    pm.insert(QStringLiteral("detached"), true);
    m_paymentMethods.insert(id, pm);
    m_setUpForOffSession.remove(id);
    pm.remove(QStringLiteral("detached"));
    emitEvents({makeEvent(QStringLiteral("payment_method.detached"), pm, noRequest)});
    return HttpResponse::json(200, pm);
}

HttpResponse StripeEmulator::createPaymentIntent(const HttpRequest &request)
{
    const FormParams form = FormParams::decode(request.body);
    static const QRegularExpression known(
        QStringLiteral("^(amount|currency|customer|payment_method|off_session|confirm|description|"
                       "error_on_requires_action|metadata\\[[^\\[\\]]*\\])$"));
    if (auto bad = unknownParam(form, known))
        return *bad;
    for (const QString &key : {QStringLiteral("amount"), QStringLiteral("currency")}) {
        if (!form.contains(key))
            return reply::missing(key);
    }
    const auto amount = reply::parseInteger(form.value(QStringLiteral("amount")));
    if (!amount || *amount < 1)
        return reply::invalid(QStringLiteral("amount"), QStringLiteral("parameter_invalid_integer"),
                              QStringLiteral("Invalid positive integer"));
    const QString currency = form.value(QStringLiteral("currency")).toLower();
    static const QRegularExpression iso(QStringLiteral("^[a-z]{3}$"));
    if (!iso.match(currency).hasMatch())
        return reply::invalid(QStringLiteral("currency"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("Invalid currency: %1.").arg(currency));
    const QString offSessionText = form.value(QStringLiteral("off_session"));
    const QString confirmText = form.value(QStringLiteral("confirm"));
    // Booleans are the words true/false; off_session also takes one_off/recurring.
    static const QStringList offSessionValues{QStringLiteral("true"), QStringLiteral("false"),
                                              QStringLiteral("one_off"), QStringLiteral("recurring")};
    if (form.contains(QStringLiteral("off_session")) && !offSessionValues.contains(offSessionText))
        return reply::invalid(QStringLiteral("off_session"), QStringLiteral("parameter_invalid_boolean"),
                              QStringLiteral("Invalid boolean: %1").arg(offSessionText));
    const bool offSession =
        form.contains(QStringLiteral("off_session")) && offSessionText != QLatin1String("false");
    const bool confirm = confirmText == QLatin1String("true");
    if (offSession && !confirm)
        return reply::invalid(QStringLiteral("off_session"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("off_session can only be used with confirm=true."));
    if (!confirm)
        return reply::invalid(QStringLiteral("confirm"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("The emulator creates PaymentIntents with confirm=true only."));
    const QString customerId = form.value(QStringLiteral("customer"));
    if (form.contains(QStringLiteral("customer")) && !m_customers.contains(customerId))
        return reply::noSuch(QStringLiteral("customer"), customerId, QStringLiteral("customer"));
    const QString pmId = form.value(QStringLiteral("payment_method"));
    if (pmId.isEmpty())
        return reply::missing(QStringLiteral("payment_method"));
    QJsonObject pm = m_paymentMethods.value(pmId);
    if (pm.isEmpty())
        return reply::noSuch(QStringLiteral("PaymentMethod"), pmId, QStringLiteral("payment_method"));
    const QString owner = pm.value(QStringLiteral("customer")).toString();
    if (!owner.isEmpty() && owner != customerId)
        return reply::invalid(
            QStringLiteral("payment_method"), QStringLiteral("parameter_invalid_string"),
            QStringLiteral("The provided PaymentMethod belongs to another Customer; pass it as "
                           "`customer`."));
    if (owner.isEmpty() && pm.value(QStringLiteral("detached")).toBool())
        return reply::invalid(QStringLiteral("payment_method"),
                              QStringLiteral("payment_method_unexpected_state"),
                              QStringLiteral("This PaymentMethod was detached and cannot be used again."));
    pm.remove(QStringLiteral("detached"));

    const QString last4 =
        pm.value(QStringLiteral("card")).toObject().value(QStringLiteral("last4")).toString();
    const OffSessionOutcome outcome =
        offSession ? offSessionOutcome(last4, m_setUpForOffSession.contains(pmId)) : OffSessionOutcome{};
    const QJsonObject origin{{QStringLiteral("id"), m_currentRequestId},
                             {QStringLiteral("idempotency_key"), stringOrNull(m_currentIdempotencyKey)}};
    const QString piId = newId(QStringLiteral("pi_"));
    const QString chargeId = newId(QStringLiteral("ch_"));
    const QJsonObject metadata = metadataOf(form);
    QJsonObject charge{
        {QStringLiteral("id"), chargeId},
        {QStringLiteral("object"), QStringLiteral("charge")},
        {QStringLiteral("amount"), *amount},
        {QStringLiteral("amount_captured"), outcome.succeeds ? *amount : 0},
        {QStringLiteral("amount_refunded"), 0},
        {QStringLiteral("captured"), outcome.succeeds},
        {QStringLiteral("created"), now()},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("customer"), stringOrNull(customerId)},
        {QStringLiteral("disputed"), false},
        {QStringLiteral("failure_code"), outcome.succeeds ? null : QJsonValue(outcome.code)},
        {QStringLiteral("failure_message"), outcome.succeeds ? null : QJsonValue(outcome.message)},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("paid"), outcome.succeeds},
        {QStringLiteral("payment_intent"), piId},
        {QStringLiteral("payment_method"), pmId},
        {QStringLiteral("refunded"), false},
        {QStringLiteral("status"),
         outcome.succeeds ? QStringLiteral("succeeded") : QStringLiteral("failed")}};
    m_charges.insert(chargeId, charge);
    QJsonObject pi{{QStringLiteral("id"), piId},
                   {QStringLiteral("object"), QStringLiteral("payment_intent")},
                   {QStringLiteral("amount"), *amount},
                   {QStringLiteral("amount_received"), outcome.succeeds ? *amount : 0},
                   {QStringLiteral("capture_method"), QStringLiteral("automatic")},
                   {QStringLiteral("client_secret"), piId + QStringLiteral("_secret_") + newId(QString())},
                   {QStringLiteral("confirmation_method"), QStringLiteral("automatic")},
                   {QStringLiteral("created"), now()},
                   {QStringLiteral("currency"), currency},
                   {QStringLiteral("customer"), stringOrNull(customerId)},
                   {QStringLiteral("description"), stringOrNull(form.value(QStringLiteral("description")))},
                   {QStringLiteral("last_payment_error"), null},
                   {QStringLiteral("latest_charge"), chargeId},
                   {QStringLiteral("livemode"), false},
                   {QStringLiteral("metadata"), metadata},
                   {QStringLiteral("next_action"), null},
                   {QStringLiteral("payment_method"), pmId},
                   {QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("card")}},
                   {QStringLiteral("setup_future_usage"), null},
                   {QStringLiteral("status"), QStringLiteral("succeeded")}};
    QList<QJsonObject> events{makeEvent(QStringLiteral("payment_intent.created"), pi, origin)};
    if (outcome.succeeds) {
        m_paymentIntents.insert(piId, pi);
        events.append(makeEvent(QStringLiteral("charge.succeeded"), charge, origin));
        events.append(makeEvent(QStringLiteral("payment_intent.succeeded"), pi, origin));
        emitEvents(events);
        return HttpResponse::json(200, pi);
    }
    // Off-session, a card that needs its holder is a decline, not requires_action: 402 and the
    // PaymentIntent back in requires_payment_method (stripe.md section 8.4).
    QJsonObject lastError{{QStringLiteral("type"), QStringLiteral("card_error")},
                          {QStringLiteral("code"), outcome.code},
                          {QStringLiteral("message"), outcome.message},
                          {QStringLiteral("charge"), chargeId},
                          {QStringLiteral("payment_method"), pm}};
    if (!outcome.declineCode.isEmpty())
        lastError.insert(QStringLiteral("decline_code"), outcome.declineCode);
    pi.insert(QStringLiteral("amount_received"), 0);
    pi.insert(QStringLiteral("last_payment_error"), lastError);
    pi.insert(QStringLiteral("status"), QStringLiteral("requires_payment_method"));
    m_paymentIntents.insert(piId, pi);
    events.append(makeEvent(QStringLiteral("charge.failed"), charge, origin));
    events.append(makeEvent(QStringLiteral("payment_intent.payment_failed"), pi, origin));
    emitEvents(events);
    QJsonObject extra{{QStringLiteral("charge"), chargeId},
                      {QStringLiteral("payment_intent"), pi},
                      {QStringLiteral("payment_method"), pm}};
    if (!outcome.declineCode.isEmpty())
        extra.insert(QStringLiteral("decline_code"), outcome.declineCode);
    return reply::error(402, QStringLiteral("card_error"), outcome.message, outcome.code, {}, extra);
}

void StripeEmulator::addWebhookEndpoint(const QString &url, const QStringList &enabledEvents,
                                        const QString &status)
{
    m_webhookEndpoints.append(
        QJsonObject{{QStringLiteral("id"), newId(QStringLiteral("we_"))},
                    {QStringLiteral("object"), QStringLiteral("webhook_endpoint")},
                    {QStringLiteral("api_version"), null},
                    {QStringLiteral("application"), null},
                    {QStringLiteral("created"), now()},
                    {QStringLiteral("description"), null},
                    {QStringLiteral("enabled_events"), QJsonArray::fromStringList(enabledEvents)},
                    {QStringLiteral("livemode"), false},
                    {QStringLiteral("metadata"), QJsonObject()},
                    {QStringLiteral("status"), status},
                    {QStringLiteral("url"), url}});
}

HttpResponse StripeEmulator::listWebhookEndpoints(const HttpRequest &request)
{
    int limit = 10;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        const auto parsed = reply::parseInteger(request.query.queryItemValue(QStringLiteral("limit")));
        if (!parsed || *parsed < 1 || *parsed > 100)
            return reply::invalid(QStringLiteral("limit"), QStringLiteral("parameter_invalid_integer"),
                                  QStringLiteral("limit must be between 1 and 100"));
        limit = int(*parsed);
    }
    QJsonArray data;
    for (const QJsonObject &endpoint : std::as_const(m_webhookEndpoints)) {
        if (data.size() == limit)
            break;
        data.append(endpoint);
    }
    return HttpResponse::json(200,
                              QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                          {QStringLiteral("url"), QStringLiteral("/v1/webhook_endpoints")},
                                          {QStringLiteral("has_more"), m_webhookEndpoints.size() > limit},
                                          {QStringLiteral("data"), data}});
}

} // namespace mp::test
