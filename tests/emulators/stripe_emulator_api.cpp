// The Stripe objects the emulator serves: Checkout Sessions, PaymentIntents, Charges, Refunds,
// and the events their changes produce (stripe.md sections 2 to 6).
#include "emulators/stripe_emulator.h"

#include "emulators/stripe_emulator_errors.h"
#include "emulators/stripe_emulator_replies.h"
#include "stripe/stripe_form.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace mp::test {

namespace reply = stripe_reply;
using stripe::FormParams;

namespace {

const QJsonValue null = QJsonValue(QJsonValue::Null);

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? null : QJsonValue(s);
}

bool isWebUrl(const QString &s)
{
    // The {CHECKOUT_SESSION_ID} template is allowed in success_url (stripe.md section 3).
    const QUrl url(QString(s).replace(QLatin1String("{CHECKOUT_SESSION_ID}"), QLatin1String("x")),
                   QUrl::StrictMode);
    return url.isValid() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty();
}

// The parameters POST /v1/checkout/sessions knows here; anything else is parameter_unknown, as
// Stripe answers a misspelt key.
bool knownSessionParam(const QString &key)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(mode|success_url|cancel_url|client_reference_id|customer_email|expires_at|currency|"
                       "customer|customer_creation|payment_intent_data\\[setup_future_usage\\]|"
                       "metadata\\[[^\\[\\]]*\\]|payment_intent_data\\[metadata\\]\\[[^\\[\\]]*\\]|payment_"
                       "method_types\\[\\d+\\]|"
                       "line_items\\[\\d+\\]\\[(quantity|price_data\\]\\[(currency|unit_amount|product_"
                       "data\\]\\[(name|description)"
                       "))\\])$"));
    return pattern.match(key).hasMatch();
}

// metadata[...] pairs under `prefix`, checked against Stripe's limits.
std::optional<HttpResponse> collectMetadata(const FormParams &form, const QString &prefix, QJsonObject *out)
{
    for (const auto &[key, value] : form.pairs()) {
        if (!key.startsWith(prefix + u'['))
            continue;
        const QString name = key.mid(prefix.size() + 1).chopped(1);
        if (name.isEmpty() || name.size() > 40)
            return reply::invalid(key, QStringLiteral("parameter_invalid_string"),
                                  QStringLiteral("Metadata keys must be 1 to 40 characters."));
        if (value.size() > 500)
            return reply::invalid(key, QStringLiteral("parameter_invalid_string"),
                                  QStringLiteral("Metadata values can have up to 500 characters."));
        out->insert(name, value);
    }
    if (out->size() > 50)
        return reply::invalid(prefix, QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("You can specify up to 50 metadata keys."));
    return std::nullopt;
}

struct TestCard {
    bool succeeds;
    bool needsAuthentication;
    QString declineCode;
    QString message;
};

// Keyed on the last four digits (stripe.md section 6).
std::optional<TestCard> testCard(const QString &last4)
{
    if (last4 == QLatin1String("4242"))
        return TestCard{true, false, {}, {}};
    // On the checkout page the customer is there to authenticate: the cards that need it
    // off-session (3155, 3184, 0446) pass after 3D Secure (stripe.md sections 6 and 8.5).
    if (last4 == QLatin1String("3155") || last4 == QLatin1String("3184") || last4 == QLatin1String("0446"))
        return TestCard{true, true, {}, {}};
    if (last4 == QLatin1String("0341"))
        return TestCard{false, false, QStringLiteral("card_declined"),
                        QStringLiteral("Your card was declined.")};
    if (last4 == QLatin1String("3178"))
        return TestCard{false, false, QStringLiteral("insufficient_funds"),
                        QStringLiteral("Your card has insufficient funds.")};
    if (last4 == QLatin1String("0002"))
        return TestCard{false, false, QStringLiteral("generic_decline"),
                        QStringLiteral("Your card was declined.")};
    if (last4 == QLatin1String("9995"))
        return TestCard{false, false, QStringLiteral("insufficient_funds"),
                        QStringLiteral("Your card has insufficient funds.")};
    return std::nullopt;
}

} // namespace

HttpResponse StripeEmulator::createSession(const HttpRequest &request)
{
    const FormParams form = FormParams::decode(request.body);
    for (const auto &pair : form.pairs()) {
        if (!knownSessionParam(pair.first))
            return reply::invalid(pair.first, QStringLiteral("parameter_unknown"),
                                  QStringLiteral("Received unknown parameter: %1").arg(pair.first));
    }
    if (!form.contains(QStringLiteral("mode")))
        return reply::missing(QStringLiteral("mode"));
    if (form.value(QStringLiteral("mode")) != QLatin1String("payment"))
        return reply::invalid(QStringLiteral("mode"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("The emulator supports mode=payment only."));

    // line_items[i][...]: indices must run 0, 1, 2...
    static const QRegularExpression itemKey(QStringLiteral("^line_items\\[(\\d+)\\]"));
    int items = 0;
    for (const auto &pair : form.pairs()) {
        const auto m = itemKey.match(pair.first);
        if (m.hasMatch())
            items = qMax(items, m.captured(1).toInt() + 1);
    }
    if (items == 0)
        return reply::missing(QStringLiteral("line_items"));
    QString currency;
    qint64 total = 0;
    for (int i = 0; i < items; ++i) {
        const QString p = QStringLiteral("line_items[%1]").arg(i);
        const QString currencyKey = p + QStringLiteral("[price_data][currency]");
        const QString amountKey = p + QStringLiteral("[price_data][unit_amount]");
        const QString nameKey = p + QStringLiteral("[price_data][product_data][name]");
        const QString quantityKey = p + QStringLiteral("[quantity]");
        for (const QString &key : {currencyKey, amountKey, nameKey, quantityKey}) {
            if (!form.contains(key) || form.value(key).isEmpty())
                return reply::missing(key);
        }
        const QString itemCurrency = form.value(currencyKey).toLower();
        static const QRegularExpression iso(QStringLiteral("^[a-z]{3}$"));
        if (!iso.match(itemCurrency).hasMatch())
            return reply::invalid(currencyKey, QStringLiteral("parameter_invalid_string"),
                                  QStringLiteral("Invalid currency: %1.").arg(form.value(currencyKey)));
        if (!currency.isEmpty() && currency != itemCurrency)
            return reply::invalid(currencyKey, QStringLiteral("parameter_invalid_string"),
                                  QStringLiteral("All line items must use the same currency."));
        currency = itemCurrency;
        const auto amount = reply::parseInteger(form.value(amountKey));
        if (!amount || *amount < 0)
            return reply::invalid(amountKey, QStringLiteral("parameter_invalid_integer"),
                                  QStringLiteral("Invalid non-negative integer"));
        const auto quantity = reply::parseInteger(form.value(quantityKey));
        if (!quantity || *quantity < 1)
            return reply::invalid(quantityKey, QStringLiteral("parameter_invalid_integer"),
                                  QStringLiteral("Invalid positive integer"));
        total += *amount * *quantity;
    }

    if (!form.contains(QStringLiteral("success_url")))
        return reply::missing(QStringLiteral("success_url"));
    for (const QString &key : {QStringLiteral("success_url"), QStringLiteral("cancel_url")}) {
        if (form.contains(key) && !isWebUrl(form.value(key)))
            return reply::invalid(key, QStringLiteral("url_invalid"), QStringLiteral("Not a valid URL"));
    }
    const QString email = form.value(QStringLiteral("customer_email"));
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (form.contains(QStringLiteral("customer_email")) && !emailShape.match(email).hasMatch())
        return reply::invalid(QStringLiteral("customer_email"), QStringLiteral("email_invalid"),
                              QStringLiteral("Invalid email address: %1").arg(email));
    qint64 expiresAt = now() + 24 * 3600;
    if (form.contains(QStringLiteral("expires_at"))) {
        const auto at = reply::parseInteger(form.value(QStringLiteral("expires_at")));
        // Between 30 minutes and 24 hours ahead.
        if (!at || *at < now() + 30 * 60 || *at > now() + 24 * 3600)
            return reply::invalid(QStringLiteral("expires_at"), QStringLiteral("parameter_invalid_integer"),
                                  QStringLiteral("expires_at must be 30 minutes to 24 hours from now."));
        expiresAt = *at;
    }
    const QString customer = form.value(QStringLiteral("customer"));
    if (form.contains(QStringLiteral("customer")) && !m_customers.contains(customer))
        return reply::noSuch(QStringLiteral("customer"), customer, QStringLiteral("customer"));
    const QString futureUsage = form.value(QStringLiteral("payment_intent_data[setup_future_usage]"));
    if (form.contains(QStringLiteral("payment_intent_data[setup_future_usage]")) &&
        futureUsage != QLatin1String("off_session") && futureUsage != QLatin1String("on_session"))
        return reply::invalid(
            QStringLiteral("payment_intent_data[setup_future_usage]"),
            QStringLiteral("parameter_invalid_string"),
            QStringLiteral("Invalid setup_future_usage: must be on_session or off_session"));
    const QString creation = form.value(QStringLiteral("customer_creation"));
    if (form.contains(QStringLiteral("customer_creation")) && creation != QLatin1String("always") &&
        creation != QLatin1String("if_required"))
        return reply::invalid(QStringLiteral("customer_creation"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("Invalid customer_creation: must be always or if_required"));
    QJsonObject metadata;
    QJsonObject intentMetadata;
    if (auto bad = collectMetadata(form, QStringLiteral("metadata"), &metadata))
        return *bad;
    if (auto bad = collectMetadata(form, QStringLiteral("payment_intent_data[metadata]"), &intentMetadata))
        return *bad;

    const QString id = newId(QStringLiteral("cs_test_"));
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/c/pay/") + id);
    const QJsonObject session{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("checkout.session")},
        {QStringLiteral("amount_subtotal"), total},
        {QStringLiteral("amount_total"), total},
        {QStringLiteral("cancel_url"), stringOrNull(form.value(QStringLiteral("cancel_url")))},
        {QStringLiteral("client_reference_id"),
         stringOrNull(form.value(QStringLiteral("client_reference_id")))},
        {QStringLiteral("created"), now()},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("customer"), stringOrNull(customer)},
        {QStringLiteral("customer_details"), null},
        {QStringLiteral("customer_email"), stringOrNull(email)},
        {QStringLiteral("expires_at"), expiresAt},
        {QStringLiteral("invoice"), null},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("mode"), QStringLiteral("payment")},
        // Created when the customer pays, as in API versions since 2022-08-01.
        {QStringLiteral("payment_intent"), null},
        {QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("card")}},
        {QStringLiteral("payment_status"), QStringLiteral("unpaid")},
        {QStringLiteral("status"), QStringLiteral("open")},
        {QStringLiteral("success_url"), form.value(QStringLiteral("success_url"))},
        {QStringLiteral("ui_mode"), QStringLiteral("hosted")},
        {QStringLiteral("url"), url.toString()}};
    m_sessions.insert(id, session);
    m_sessionExtras.insert(id, SessionExtras{intentMetadata, futureUsage, creation});
    return HttpResponse::json(200, session);
}

HttpResponse StripeEmulator::retrieveSession(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    if (!m_sessions.contains(id))
        return reply::noSuch(QStringLiteral("checkout.session"), id, QStringLiteral("session"));
    return HttpResponse::json(200, m_sessions.value(id));
}

HttpResponse StripeEmulator::retrievePaymentIntent(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    if (!m_paymentIntents.contains(id))
        return reply::noSuch(QStringLiteral("payment_intent"), id, QStringLiteral("intent"));
    return HttpResponse::json(200, m_paymentIntents.value(id));
}

Result<QJsonObject> StripeEmulator::pay(const QString &sessionId, const QString &cardNumber,
                                        Authentication authentication)
{
    if (!m_sessions.contains(sessionId))
        return makeError(stripe_errors::ResourceMissing,
                         QStringLiteral("No such checkout.session: '%1'").arg(sessionId));
    QJsonObject session = m_sessions.value(sessionId);
    if (session.value(QStringLiteral("status")).toString() != QLatin1String("open"))
        return makeError(stripe_errors::SessionNotOpen,
                         QStringLiteral("This Checkout Session is %1.")
                             .arg(session.value(QStringLiteral("status")).toString()));
    const QString digits = QString(cardNumber).remove(QRegularExpression(QStringLiteral("[\\s-]")));
    const auto card = testCard(digits.right(4));
    if (digits.size() < 12 || !card)
        return makeError(stripe_errors::CardNumberUnsupported,
                         QStringLiteral("Use a Stripe test card: 4242 4242 4242 4242, 4000 0000 0000 0002, "
                                        "4000 0000 0000 9995 or 4000 0025 0000 3155."),
                         QStringLiteral("card"));

    const qint64 amount = session.value(QStringLiteral("amount_total")).toInteger();
    const QString currency = session.value(QStringLiteral("currency")).toString();
    const QJsonObject noRequest{{QStringLiteral("id"), null}, {QStringLiteral("idempotency_key"), null}};
    QList<QJsonObject> events;

    // One PaymentIntent per session, made on the first attempt to pay and reused by the next.
    QString piId = session.value(QStringLiteral("payment_intent")).toString();
    QJsonObject pi;
    if (piId.isEmpty()) {
        piId = newId(QStringLiteral("pi_"));
        pi = QJsonObject{
            {QStringLiteral("id"), piId},
            {QStringLiteral("object"), QStringLiteral("payment_intent")},
            {QStringLiteral("amount"), amount},
            {QStringLiteral("amount_capturable"), 0},
            {QStringLiteral("amount_received"), 0},
            {QStringLiteral("capture_method"), QStringLiteral("automatic")},
            {QStringLiteral("client_secret"), piId + QStringLiteral("_secret_") + newId(QString())},
            {QStringLiteral("created"), now()},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("customer"), null},
            {QStringLiteral("description"), null},
            {QStringLiteral("last_payment_error"), null},
            {QStringLiteral("latest_charge"), null},
            {QStringLiteral("livemode"), false},
            {QStringLiteral("metadata"), m_sessionExtras.value(sessionId).paymentIntentMetadata},
            {QStringLiteral("payment_method"), null},
            {QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("card")}},
            {QStringLiteral("receipt_email"), null},
            {QStringLiteral("status"), QStringLiteral("requires_payment_method")}};
        session.insert(QStringLiteral("payment_intent"), piId);
        events.append(makeEvent(QStringLiteral("payment_intent.created"), pi, noRequest));
    } else {
        pi = m_paymentIntents.value(piId);
    }

    const QString last4 = digits.right(4);
    QString pmId = newId(QStringLiteral("pm_"));
    if (card->needsAuthentication && authentication == Authentication::Fail) {
        // 3D Secure failed: no charge is made, the PaymentIntent wants another payment method
        // and says why (stripe.md section 6).
        pi.insert(
            QStringLiteral("last_payment_error"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("invalid_request_error")},
                        {QStringLiteral("code"), QStringLiteral("payment_intent_authentication_failure")},
                        {QStringLiteral("message"),
                         QStringLiteral("The provided PaymentMethod has failed authentication.")},
                        {QStringLiteral("payment_method"),
                         QJsonObject{{QStringLiteral("id"), pmId},
                                     {QStringLiteral("object"), QStringLiteral("payment_method")},
                                     {QStringLiteral("type"), QStringLiteral("card")}}}});
        pi.insert(QStringLiteral("status"), QStringLiteral("requires_payment_method"));
        m_paymentIntents.insert(piId, pi);
        m_sessions.insert(sessionId, session);
        events.append(makeEvent(QStringLiteral("payment_intent.payment_failed"), pi, noRequest));
        emitEvents(events);
        return makeError(stripe_errors::PaymentIntentAuthenticationFailure,
                         QStringLiteral("The provided PaymentMethod has failed authentication."),
                         QStringLiteral("card"));
    }
    const QJsonObject cardDetails{{QStringLiteral("brand"), QStringLiteral("visa")},
                                  {QStringLiteral("last4"), last4},
                                  {QStringLiteral("exp_month"), 12},
                                  {QStringLiteral("exp_year"), 2034}};
    const QString chargeId = newId(QStringLiteral("ch_"));
    QJsonObject charge{
        {QStringLiteral("id"), chargeId},
        {QStringLiteral("object"), QStringLiteral("charge")},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("amount_captured"), card->succeeds ? amount : 0},
        {QStringLiteral("amount_refunded"), 0},
        {QStringLiteral("balance_transaction"),
         card->succeeds ? QJsonValue(newId(QStringLiteral("txn_"))) : null},
        {QStringLiteral("captured"), card->succeeds},
        {QStringLiteral("created"), now()},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("customer"), null},
        {QStringLiteral("disputed"), false},
        {QStringLiteral("failure_code"), card->succeeds ? null : QJsonValue(QStringLiteral("card_declined"))},
        {QStringLiteral("failure_message"), card->succeeds ? null : QJsonValue(card->message)},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), pi.value(QStringLiteral("metadata"))},
        {QStringLiteral("paid"), card->succeeds},
        {QStringLiteral("payment_intent"), piId},
        {QStringLiteral("payment_method"), pmId},
        {QStringLiteral("payment_method_details"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("card")},
                     {QStringLiteral("card"), QJsonObject{{QStringLiteral("brand"), QStringLiteral("visa")},
                                                          {QStringLiteral("last4"), last4}}}}},
        {QStringLiteral("receipt_url"),
         QStringLiteral("https://pay.stripe.com/receipts/payment/") + chargeId},
        {QStringLiteral("refunded"), false},
        {QStringLiteral("status"), card->succeeds ? QStringLiteral("succeeded") : QStringLiteral("failed")}};
    m_charges.insert(chargeId, charge);
    pi.insert(QStringLiteral("latest_charge"), chargeId);

    if (!card->succeeds) {
        // A decline keeps the session open for another card; Stripe reports it on the
        // PaymentIntent (stripe.md sections 2 and 6).
        const QJsonObject lastError{
            {QStringLiteral("type"), QStringLiteral("card_error")},
            {QStringLiteral("code"), QStringLiteral("card_declined")},
            {QStringLiteral("decline_code"), card->declineCode},
            {QStringLiteral("message"), card->message},
            {QStringLiteral("charge"), chargeId},
            {QStringLiteral("doc_url"), QStringLiteral("https://stripe.com/docs/error-codes/card-declined")},
            {QStringLiteral("payment_method"),
             QJsonObject{{QStringLiteral("id"), pmId},
                         {QStringLiteral("object"), QStringLiteral("payment_method")},
                         {QStringLiteral("type"), QStringLiteral("card")},
                         {QStringLiteral("card"), cardDetails}}}};
        pi.insert(QStringLiteral("last_payment_error"), lastError);
        pi.insert(QStringLiteral("status"), QStringLiteral("requires_payment_method"));
        m_paymentIntents.insert(piId, pi);
        m_sessions.insert(sessionId, session);
        events.append(makeEvent(QStringLiteral("charge.failed"), charge, noRequest));
        events.append(makeEvent(QStringLiteral("payment_intent.payment_failed"), pi, noRequest));
        emitEvents(events);
        return makeError(stripe_errors::CardDeclined,
                         QStringLiteral("%1 (%2)").arg(card->message, card->declineCode),
                         QStringLiteral("card"));
    }

    // Saving the card (stripe.md section 8.2): with setup_future_usage the card is attached to
    // the session's Customer (one made now with customer_creation=always), set up for later
    // off-session charges.
    const SessionExtras extras = m_sessionExtras.value(sessionId);
    QString customerId = session.value(QStringLiteral("customer")).toString();
    if (customerId.isEmpty() && extras.customerCreation == QLatin1String("always"))
        customerId = newCustomerObject(session.value(QStringLiteral("customer_email")).toString(), {}, {});
    if (!customerId.isEmpty()) {
        session.insert(QStringLiteral("customer"), customerId);
        pi.insert(QStringLiteral("customer"), customerId);
        charge.insert(QStringLiteral("customer"), customerId);
    }
    if (!extras.setupFutureUsage.isEmpty()) {
        pi.insert(QStringLiteral("setup_future_usage"), extras.setupFutureUsage);
        if (!customerId.isEmpty()) {
            const QJsonObject pm =
                newCard(last4, customerId, extras.setupFutureUsage == QLatin1String("off_session"));
            pmId = pm.value(QStringLiteral("id")).toString();
            charge.insert(QStringLiteral("payment_method"), pmId);
            events.append(makeEvent(QStringLiteral("payment_method.attached"), pm, noRequest));
        }
    }
    m_charges.insert(chargeId, charge);
    pi.insert(QStringLiteral("amount_received"), amount);
    pi.insert(QStringLiteral("last_payment_error"), null);
    pi.insert(QStringLiteral("payment_method"), pmId);
    pi.insert(QStringLiteral("status"), QStringLiteral("succeeded"));
    m_paymentIntents.insert(piId, pi);
    const QString email = session.value(QStringLiteral("customer_email")).toString();
    session.insert(
        QStringLiteral("customer_details"),
        QJsonObject{{QStringLiteral("email"), email.isEmpty() ? QStringLiteral("buyer@example.com") : email},
                    {QStringLiteral("name"), QStringLiteral("Jenny Rosen")}});
    session.insert(QStringLiteral("payment_status"), QStringLiteral("paid"));
    session.insert(QStringLiteral("status"), QStringLiteral("complete"));
    session.insert(QStringLiteral("url"), null); // only an open session has a URL
    m_sessions.insert(sessionId, session);
    // The set Stripe sends for a card payment in Checkout (order not guaranteed: stripe.md
    // section 2).
    events.append(makeEvent(QStringLiteral("charge.succeeded"), charge, noRequest));
    events.append(makeEvent(QStringLiteral("payment_intent.succeeded"), pi, noRequest));
    events.append(makeEvent(QStringLiteral("checkout.session.completed"), session, noRequest));
    emitEvents(events);
    return session;
}

Result<QJsonObject> StripeEmulator::expire(const QString &sessionId)
{
    if (!m_sessions.contains(sessionId))
        return makeError(stripe_errors::ResourceMissing,
                         QStringLiteral("No such checkout.session: '%1'").arg(sessionId));
    QJsonObject session = m_sessions.value(sessionId);
    if (session.value(QStringLiteral("status")).toString() != QLatin1String("open"))
        return makeError(stripe_errors::SessionNotOpen, QStringLiteral("Only an open session can expire."));
    session.insert(QStringLiteral("status"), QStringLiteral("expired"));
    session.insert(QStringLiteral("url"), null);
    m_sessions.insert(sessionId, session);
    emitEvents(
        {makeEvent(QStringLiteral("checkout.session.expired"), session,
                   QJsonObject{{QStringLiteral("id"), null}, {QStringLiteral("idempotency_key"), null}})});
    return session;
}

HttpResponse StripeEmulator::createRefund(const HttpRequest &request)
{
    const FormParams form = FormParams::decode(request.body);
    static const QRegularExpression known(
        QStringLiteral("^(payment_intent|charge|amount|reason|metadata\\[[^\\[\\]]*\\])$"));
    for (const auto &pair : form.pairs()) {
        if (!known.match(pair.first).hasMatch())
            return reply::invalid(pair.first, QStringLiteral("parameter_unknown"),
                                  QStringLiteral("Received unknown parameter: %1").arg(pair.first));
    }
    const QString piId = form.value(QStringLiteral("payment_intent"));
    QString chargeId = form.value(QStringLiteral("charge"));
    if (piId.isEmpty() == chargeId.isEmpty())
        return reply::invalid(
            QStringLiteral("payment_intent"), QStringLiteral("parameter_missing"),
            QStringLiteral("One of the following params should be provided for this request: "
                           "payment_intent or charge."));
    if (!piId.isEmpty()) {
        if (!m_paymentIntents.contains(piId))
            return reply::noSuch(QStringLiteral("payment_intent"), piId, QStringLiteral("payment_intent"));
        const QJsonObject pi = m_paymentIntents.value(piId);
        if (pi.value(QStringLiteral("status")).toString() != QLatin1String("succeeded"))
            return reply::invalid(
                QStringLiteral("payment_intent"), QStringLiteral("charge_not_refundable"),
                QStringLiteral("This PaymentIntent does not have a successful charge to refund."));
        chargeId = pi.value(QStringLiteral("latest_charge")).toString();
    } else if (!m_charges.contains(chargeId)) {
        return reply::noSuch(QStringLiteral("charge"), chargeId, QStringLiteral("charge"));
    }
    QJsonObject charge = m_charges.value(chargeId);
    if (!charge.value(QStringLiteral("paid")).toBool())
        return reply::invalid(QStringLiteral("charge"), QStringLiteral("charge_not_refundable"),
                              QStringLiteral("This charge has not succeeded and cannot be refunded."));
    const qint64 chargeAmount = charge.value(QStringLiteral("amount")).toInteger();
    const qint64 refunded = charge.value(QStringLiteral("amount_refunded")).toInteger();
    const qint64 remaining = chargeAmount - refunded;
    if (remaining <= 0)
        return reply::invalid(QStringLiteral("charge"), QStringLiteral("charge_already_refunded"),
                              QStringLiteral("Charge %1 has already been refunded.").arg(chargeId));
    qint64 amount = remaining;
    if (form.contains(QStringLiteral("amount"))) {
        const auto requested = reply::parseInteger(form.value(QStringLiteral("amount")));
        if (!requested || *requested < 1)
            return reply::invalid(QStringLiteral("amount"), QStringLiteral("parameter_invalid_integer"),
                                  QStringLiteral("Invalid positive integer"));
        if (*requested > remaining)
            return reply::invalid(
                QStringLiteral("amount"), QStringLiteral("amount_too_large"),
                QStringLiteral("Refund amount (%1) is greater than unrefunded amount on charge (%2)")
                    .arg(*requested)
                    .arg(remaining));
        amount = *requested;
    }
    const QString reason = form.value(QStringLiteral("reason"));
    static const QSet<QString> reasons{QStringLiteral("duplicate"), QStringLiteral("fraudulent"),
                                       QStringLiteral("requested_by_customer")};
    if (form.contains(QStringLiteral("reason")) && !reasons.contains(reason))
        return reply::invalid(QStringLiteral("reason"), QStringLiteral("parameter_invalid_string"),
                              QStringLiteral("Invalid reason: must be one of duplicate, fraudulent, or "
                                             "requested_by_customer"));
    QJsonObject metadata;
    if (auto bad = collectMetadata(form, QStringLiteral("metadata"), &metadata))
        return *bad;

    const QJsonObject previous{{QStringLiteral("amount_refunded"), refunded},
                               {QStringLiteral("refunded"), false}};
    charge.insert(QStringLiteral("amount_refunded"), refunded + amount);
    charge.insert(QStringLiteral("refunded"), refunded + amount == chargeAmount);
    m_charges.insert(chargeId, charge);

    const QString id = newId(QStringLiteral("re_"));
    const QJsonObject refund{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("refund")},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("balance_transaction"), newId(QStringLiteral("txn_"))},
        {QStringLiteral("charge"), chargeId},
        {QStringLiteral("created"), now()},
        {QStringLiteral("currency"), charge.value(QStringLiteral("currency"))},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("payment_intent"), charge.value(QStringLiteral("payment_intent"))},
        {QStringLiteral("reason"), stringOrNull(reason)},
        {QStringLiteral("status"), QStringLiteral("succeeded")}};
    m_refunds.insert(id, refund);
    const QJsonObject origin{{QStringLiteral("id"), m_currentRequestId},
                             {QStringLiteral("idempotency_key"), stringOrNull(m_currentIdempotencyKey)}};
    // charge.refunded fires for partial refunds too; `refunded` turns true only when all of it
    // is back (stripe.md section 2).
    emitEvents({makeEvent(QStringLiteral("charge.refunded"), charge, origin, previous),
                makeEvent(QStringLiteral("refund.created"), refund, origin)});
    return HttpResponse::json(200, refund);
}

HttpResponse StripeEmulator::checkoutPage(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    const QJsonObject session = m_sessions.value(id);
    HttpResponse r;
    r.contentType = "text/html; charset=utf-8";
    if (session.isEmpty()) {
        r.status = 404;
        r.body = "<!doctype html><title>Not found</title><p>No such Checkout Session.</p>";
        return r;
    }
    r.body = QStringLiteral("<!doctype html><title>Stripe emulator checkout</title>"
                            "<p>Pay %1 %2 (sandbox)</p>"
                            "<form method=post><input name=card value=\"4242 4242 4242 4242\">"
                            "<button>Pay</button></form>")
                 .arg(double(session.value(QStringLiteral("amount_total")).toInteger()) / 100.0, 0, 'f', 2)
                 .arg(session.value(QStringLiteral("currency")).toString().toUpper())
                 .toUtf8();
    return r;
}

// A browser posting the checkout form (Accept: text/html) is sent on as Stripe's hosted page
// sends it: to success_url after paying; a decline stays on the page with the reason and a way
// back to cancel_url. Programs posting the form get JSON, as before.
static bool fromBrowser(const HttpRequest &request)
{
    return request.header("Accept").contains("text/html");
}

static QString htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

HttpResponse StripeEmulator::checkoutPay(const HttpRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    auto paid = pay(id, FormParams::decode(request.body).value(QStringLiteral("card")));
    const QJsonObject session = m_sessions.value(id);
    if (paid && fromBrowser(request)) {
        HttpResponse r;
        r.status = 303;
        r.contentType = "text/html; charset=utf-8";
        const QString to = session.value(QStringLiteral("success_url"))
                               .toString()
                               .replace(QLatin1String("{CHECKOUT_SESSION_ID}"), id);
        r.headers.append({"Location", to.toUtf8()});
        return r;
    }
    if (paid)
        return HttpResponse::json(200, paid.value());
    if (paid.error().code == stripe_errors::CardDeclined) {
        const QString piId = m_sessions.value(id).value(QStringLiteral("payment_intent")).toString();
        const QJsonObject lastError =
            m_paymentIntents.value(piId).value(QStringLiteral("last_payment_error")).toObject();
        if (fromBrowser(request)) {
            HttpResponse r;
            r.status = 402;
            r.contentType = "text/html; charset=utf-8";
            r.body =
                QStringLiteral(
                    "<!doctype html><html lang=en><title>Stripe emulator checkout</title>"
                    "<p role=alert id=decline>%1</p>"
                    "<form method=post><label>Card <input name=card value=\"4242 4242 4242 4242\"></label>"
                    "<button>Pay</button></form><p><a id=back href=\"%2\">Back</a></p></html>")
                    .arg(htmlEscaped(lastError.value(QStringLiteral("message")).toString()),
                         htmlEscaped(session.value(QStringLiteral("cancel_url")).toString()))
                    .toUtf8();
            return r;
        }
        return reply::error(
            402, QStringLiteral("card_error"), lastError.value(QStringLiteral("message")).toString(),
            QStringLiteral("card_declined"), {},
            QJsonObject{{QStringLiteral("decline_code"), lastError.value(QStringLiteral("decline_code"))},
                        {QStringLiteral("charge"), lastError.value(QStringLiteral("charge"))}});
    }
    return reply::error(paid.error().code == stripe_errors::ResourceMissing ? 404 : 400,
                        QStringLiteral("invalid_request_error"), paid.error().message, paid.error().code);
}

} // namespace mp::test
