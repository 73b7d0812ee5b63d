// The customer portal's serving side: embedded files with cache headers and a strict CSP, the
// HttpOnly session cookie that carries the customer's own API tokens, CSRF on every unsafe
// method, renewal and expiry, sign-out, and sign-in throttled by the API's own throttle.

#include "core/clock.h"
#include "portal/portal_assets.h"
#include "portal/portal_gateway.h"
#include "support/service_fixture.h"

#include <QRegularExpression>

using namespace mp;
using namespace mp::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

// What a browser keeps between calls: the session cookie, and the CSRF token the page read.
struct Browser {
    QByteArray cookie; // "mp_session=..."
    QString csrf;
};

QByteArray setCookieOf(const HttpResult &r)
{
    return r.header("Set-Cookie");
}

} // namespace

class TestPortal : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ScopedClock> m_scope;

    static ServiceFixture::Headers fromPage(const Browser &b = {}, bool withCsrf = true)
    {
        ServiceFixture::Headers h{{"Content-Type", "application/json"},
                                  {"X-Requested-With", "mpanel-portal"}};
        if (!b.cookie.isEmpty())
            h.append({"Cookie", b.cookie});
        if (withCsrf && !b.csrf.isEmpty())
            h.append({"X-CSRF-Token", b.csrf.toLatin1()});
        return h;
    }
    HttpResult send(const QByteArray &method, const QString &path, const QJsonObject &body,
                    const ServiceFixture::Headers &headers)
    {
        return m_api.raw(method, path, {}, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                         headers);
    }
    static Browser browserFrom(const HttpResult &r)
    {
        Browser b;
        b.cookie = setCookieOf(r).split(';').first();
        b.csrf = r.json().value(QStringLiteral("csrf_token")).toString();
        return b;
    }
    Browser signUp(const QString &email)
    {
        const HttpResult r = send("POST", QStringLiteral("/portal/signup"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Portal User")},
                                              {QStringLiteral("email"), email},
                                              {QStringLiteral("country"), QStringLiteral("DE")},
                                              {QStringLiteral("password"), kPassword}},
                                  fromPage());
        if (r.status != 201)
            qFatal("portal signup: %d %s", r.status, r.body.constData());
        return browserFrom(r);
    }
    HttpResult signIn(const QString &email, const QString &password)
    {
        return send("POST", QStringLiteral("/portal/session"),
                    QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}},
                    fromPage());
    }
    HttpResult get(const QString &path, const Browser &b)
    {
        return m_api.raw("GET", path, {}, {}, {{"Cookie", b.cookie}});
    }
    qint64 orders() { return m_api.scalar(QStringLiteral("SELECT count(*) FROM orders")); }

private Q_SLOTS:
    void initTestCase()
    {
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
        m_scope = std::make_unique<ScopedClock>(*m_clock);
        m_api.start(QStringLiteral("portal"));
        m_tenant = m_api.tenant(QStringLiteral("Portal Hosting"));
    }

    void cleanupTestCase() { m_scope.reset(); }

    void thePageIsServedWithAStrictPolicy()
    {
        for (const QString &path :
             {QStringLiteral("/portal"), QStringLiteral("/portal/"),
              QStringLiteral("/payments/success?session_id=cs_x"), QStringLiteral("/payments/cancel")}) {
            const HttpResult r = m_api.raw("GET", path, {});
            QCOMPARE(r.status, 200);
            QVERIFY(r.header("Content-Type").startsWith("text/html"));
            const QByteArray csp = r.header("Content-Security-Policy");
            QVERIFY2(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") &&
                         csp.contains("frame-ancestors 'none'"),
                     csp.constData());
            QVERIFY(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains("*"));
            QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(r.header("Cache-Control"), QByteArray("no-cache"));
        }
    }

    // The policy only holds if no page needs inline script or style: none has any.
    void noPageHasInlineScriptOrStyle()
    {
        const auto &assets = portal::PortalAssets::instance();
        const QByteArray page = m_api.raw("GET", QStringLiteral("/portal"), {}).body;
        QVERIFY(page.contains("<script src=\"/portal/assets/app.js?v="));
        const QRegularExpression inlineScript(QStringLiteral("<script(?![^>]*\\bsrc=)[^>]*>"));
        const QRegularExpression handler(QStringLiteral("<[^>]+\\son[a-z]+\\s*="),
                                         QRegularExpression::CaseInsensitiveOption);
        const QRegularExpression styleAttr(QStringLiteral("<[^>]+\\sstyle\\s*="),
                                           QRegularExpression::CaseInsensitiveOption);
        for (const QString &text : {QString::fromUtf8(page)}) {
            QVERIFY2(!inlineScript.match(text).hasMatch(), "inline <script>");
            QVERIFY2(!handler.match(text).hasMatch(), "inline event handler");
            QVERIFY2(!styleAttr.match(text).hasMatch(), "inline style");
            QVERIFY(!text.contains(QLatin1String("<style")));
            QVERIFY(!text.contains(QLatin1String("http://")) && !text.contains(QLatin1String("https://")));
        }
        // Scripts never parse strings as HTML or code.
        for (const QString &name : assets.names()) {
            if (!name.endsWith(QLatin1String(".js")))
                continue;
            const QByteArray js = assets.content(name);
            for (const char *sink :
                 {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"})
                QVERIFY2(!js.contains(sink), qPrintable(name + QStringLiteral(": ") + QLatin1String(sink)));
        }
    }

    void assetsAreCachedUnderTheirVersion()
    {
        const QByteArray page = m_api.raw("GET", QStringLiteral("/portal"), {}).body;
        const QRegularExpression link(QStringLiteral("/portal/assets/app\\.js\\?v=([0-9a-f]{16})"));
        const auto m = link.match(QString::fromUtf8(page));
        QVERIFY(m.hasMatch());
        const HttpResult versioned = m_api.raw("GET", m.captured(0), {});
        QCOMPARE(versioned.status, 200);
        QVERIFY(versioned.header("Content-Type").startsWith("text/javascript"));
        QCOMPARE(versioned.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable"));
        const QByteArray etag = versioned.header("ETag");
        QCOMPARE(etag, '"' + m.captured(1).toLatin1() + '"');
        // Without (or with an old) version the file is revalidated, so a new binary's is seen.
        const HttpResult stale =
            m_api.raw("GET", QStringLiteral("/portal/assets/app.js?v=0000000000000000"), {});
        QCOMPARE(stale.header("Cache-Control"), QByteArray("no-cache"));
        const HttpResult again =
            m_api.raw("GET", QStringLiteral("/portal/assets/app.js"), {}, {}, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(m_api.raw("GET", QStringLiteral("/portal/assets/nope.js"), {}).status, 404);
        QCOMPARE(m_api.raw("GET", QStringLiteral("/portal/assets/index.html"), {}).status, 404);
    }

    void signUpNeedsAPageOfOurs()
    {
        const qint64 before = m_api.scalar(QStringLiteral("SELECT count(*) FROM customers"));
        const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Forged")},
                               {QStringLiteral("email"), QStringLiteral("forged@example.com")},
                               {QStringLiteral("password"), kPassword}};
        // A cross-site form: no JSON, no X-Requested-With.
        HttpResult r = send("POST", QStringLiteral("/portal/signup"), body, {{"Content-Type", "text/plain"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QStringLiteral("csrf_rejected"));
        // A fetch from another origin.
        ServiceFixture::Headers other = fromPage();
        other.append({QByteArray("Origin"), QByteArray("https://evil.example")});
        r = send("POST", QStringLiteral("/portal/signup"), body, other);
        QCOMPARE(r.status, 403);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM customers")), before);
        // The API's own checks name the field.
        r = send("POST", QStringLiteral("/portal/signup"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Short")},
                             {QStringLiteral("email"), QStringLiteral("short@example.com")},
                             {QStringLiteral("password"), QStringLiteral("short")}},
                 fromPage());
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("password"));
        QVERIFY(setCookieOf(r).isEmpty());
    }

    void signUpSetsAnHttpOnlyCookieWithTheCustomersTokens()
    {
        const HttpResult r = send("POST", QStringLiteral("/portal/signup"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Ada")},
                                              {QStringLiteral("email"), QStringLiteral("ada@example.com")},
                                              {QStringLiteral("password"), kPassword}},
                                  fromPage());
        QCOMPARE(r.status, 201);
        const QByteArray cookie = setCookieOf(r);
        QVERIFY2(cookie.startsWith("mp_session=v1."), cookie.constData());
        QVERIFY(cookie.contains("; HttpOnly"));
        QVERIFY(cookie.contains("; SameSite=Lax"));
        QVERIFY(cookie.contains("; Path=/"));
        QVERIFY(!cookie.contains("Secure")); // plain HTTP on loopback
        // The page gets the CSRF token, never the tokens in the cookie.
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("signed_in")).toBool(), true);
        QCOMPARE(body.value(QStringLiteral("csrf_token")).toString().size(), 43);
        QVERIFY(!r.body.contains("mpc_") && !r.body.contains("mpr_"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        // The customer is the portal's tenant's (the first one).
        QCOMPARE(m_api.text(
                     QStringLiteral("SELECT tenant_id::text FROM customers WHERE email = 'ada@example.com'")),
                 m_tenant);
        const Browser ada = browserFrom(r);
        const HttpResult session = get(QStringLiteral("/portal/session"), ada);
        QCOMPARE(session.status, 200);
        QCOMPARE(session.json().value(QStringLiteral("csrf_token")).toString(), ada.csrf);
        QCOMPARE(session.json()[QStringLiteral("customer")][QStringLiteral("email")].toString(),
                 QStringLiteral("ada@example.com"));
    }

    void behindTlsTheCookieIsSecureAndHostBound()
    {
        ServiceFixture::Headers h = fromPage();
        h.append({QByteArray("X-Forwarded-Proto"), QByteArray("https")});
        const HttpResult r = send("POST", QStringLiteral("/portal/signup"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Tls")},
                                              {QStringLiteral("email"), QStringLiteral("tls@example.com")},
                                              {QStringLiteral("password"), kPassword}},
                                  h);
        QCOMPARE(r.status, 201);
        const QByteArray cookie = setCookieOf(r);
        QVERIFY2(cookie.startsWith("__Host-mp_session=v1.") && cookie.contains("; Secure") &&
                     cookie.contains("; HttpOnly") && cookie.contains("; Path=/") &&
                     !cookie.contains("Domain"),
                 cookie.constData());
    }

    void everyUnsafeCallNeedsTheSessionsCsrfToken()
    {
        Browser b = signUp(QStringLiteral("csrf@example.com"));
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), b).status, 200);
        const qint64 before = orders();
        const QJsonObject order{
            {QStringLiteral("product_id"), QStringLiteral("00000000-0000-0000-0000-000000000000")}};
        for (const QByteArray &method :
             {QByteArray("POST"), QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE")}) {
            // No token, a wrong one, the right one from another site: refused before the API sees it.
            HttpResult r = send(method, QStringLiteral("/portal/api/checkout"), order, fromPage(b, false));
            QCOMPARE(r.status, 403);
            QCOMPARE(errorCode(r), QStringLiteral("csrf_rejected"));
            Browser wrong = b;
            wrong.csrf = QString(b.csrf).replace(0, 1, b.csrf.startsWith(u'A') ? u'B' : u'A');
            QCOMPARE(send(method, QStringLiteral("/portal/api/checkout"), order, fromPage(wrong)).status,
                     403);
            ServiceFixture::Headers foreign = fromPage(b);
            foreign.append({QByteArray("Origin"), QByteArray("https://evil.example")});
            QCOMPARE(send(method, QStringLiteral("/portal/api/checkout"), order, foreign).status, 403);
        }
        QCOMPARE(orders(), before);
        // With the token the call reaches the API, which answers as it would the customer.
        const HttpResult r = send("POST", QStringLiteral("/portal/api/checkout"), order, fromPage(b));
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("product_id"));
        // Another session's token is not this session's.
        const Browser other = signUp(QStringLiteral("csrf-other@example.com"));
        Browser mixed = b;
        mixed.csrf = other.csrf;
        QCOMPARE(send("POST", QStringLiteral("/portal/api/checkout"), order, fromPage(mixed)).status, 403);
        // Sign-out is unsafe too: without the token the session survives.
        QCOMPARE(send("DELETE", QStringLiteral("/portal/session"), {}, fromPage(b, false)).status, 403);
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), b).status, 200);
    }

    // The session is the customer's API identity and nothing more: the API's scoping applies, and
    // nothing the browser sends can make it someone else.
    void theSessionIsTheCustomersOwnApiIdentity()
    {
        const Browser eve = signUp(QStringLiteral("eve@example.com"));
        const QString adaId = m_api.customerId(QStringLiteral("ada@example.com"));
        const QString eveId = m_api.customerId(QStringLiteral("eve@example.com"));
        QCOMPARE(get(QStringLiteral("/portal/api/customers/") + eveId, eve).status, 200);
        QCOMPARE(get(QStringLiteral("/portal/api/customers/") + adaId, eve).status, 404);
        // A staff token sent along is dropped: the customer list stays staff-only.
        const QString staff = m_api.staffToken(m_tenant);
        const HttpResult list =
            m_api.raw("GET", QStringLiteral("/portal/api/customers"), staff, {}, {{"Cookie", eve.cookie}});
        QCOMPARE(list.status, 403);
        QCOMPARE(m_api.raw("GET", QStringLiteral("/api/customers"), staff).status, 200);
        // No session, no API; the session endpoints are not reachable through the pass-through.
        QCOMPARE(m_api.raw("GET", QStringLiteral("/portal/api/invoices"), staff).status, 401);
        QCOMPARE(send("POST", QStringLiteral("/portal/api/auth/logout"), {}, fromPage(eve)).status, 404);
        // A tampered cookie is no session.
        Browser forged = eve;
        forged.cookie.replace("mp_session=v1.mpc_", "mp_session=v1.mpc_x");
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), forged).status, 401);
    }

    void theAccessTokenIsRenewedAndARefreshTokenSpentOnce()
    {
        const Browser b = signUp(QStringLiteral("renew@example.com"));
        m_clock->advance((portal::PortalGateway::kRefreshMarginSeconds - 1) * 1000);
        QCOMPARE(get(QStringLiteral("/portal/session"), b).header("Set-Cookie"), QByteArray()); // still fresh
        m_clock->advance(15 * 60 * 1000);
        // Expired: the pass-through says so, and the session endpoint renews it.
        HttpResult r = get(QStringLiteral("/portal/api/invoices"), b);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("session_expired"));
        r = get(QStringLiteral("/portal/session"), b);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("signed_in")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("csrf_token")).toString(), b.csrf); // one token per session
        Browser renewed = b;
        renewed.cookie = setCookieOf(r).split(';').first();
        QVERIFY(renewed.cookie.startsWith("mp_session=v1.") && renewed.cookie != b.cookie);
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), renewed).status, 200);
        // The old cookie's refresh token was spent: presenting it again (a stolen copy) ends the
        // whole session, the renewed cookie included.
        r = get(QStringLiteral("/portal/session"), b);
        QCOMPARE(r.json().value(QStringLiteral("signed_in")).toBool(), false);
        QVERIFY(setCookieOf(r).contains("Max-Age=0"));
        r = get(QStringLiteral("/portal/session"), renewed);
        QCOMPARE(r.json().value(QStringLiteral("signed_in")).toBool(), false);
    }

    void aSessionEndsWithItsRefreshToken()
    {
        const Browser b = signUp(QStringLiteral("idle@example.com"));
        m_clock->advanceDays(31);
        const HttpResult r = get(QStringLiteral("/portal/session"), b);
        QCOMPARE(r.json().value(QStringLiteral("signed_in")).toBool(), false);
        QVERIFY(setCookieOf(r).contains("Max-Age=0"));
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), b).status, 401);
    }

    void signOutEndsTheSession()
    {
        const Browser b = signUp(QStringLiteral("bye@example.com"));
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), b).status, 200);
        const HttpResult out = send("DELETE", QStringLiteral("/portal/session"), {}, fromPage(b));
        QCOMPARE(out.status, 200);
        QVERIFY(setCookieOf(out).startsWith("mp_session=;"));
        QVERIFY(setCookieOf(out).contains("Max-Age=0"));
        // A copy of the old cookie is worth nothing: the customer session is revoked at the API.
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), b).status, 401);
        QCOMPARE(get(QStringLiteral("/portal/session"), b).json().value(QStringLiteral("signed_in")).toBool(),
                 false);
        QCOMPARE(send("DELETE", QStringLiteral("/portal/session"), {}, fromPage(b)).status, 200);
        // Signing in again works, and a new sign-in from a browser that had a session ends that one.
        const HttpResult again = signIn(QStringLiteral("bye@example.com"), kPassword);
        QCOMPARE(again.status, 200);
        const Browser second = browserFrom(again);
        ServiceFixture::Headers h = fromPage(second);
        const HttpResult third =
            send("POST", QStringLiteral("/portal/session"),
                 QJsonObject{{QStringLiteral("email"), QStringLiteral("bye@example.com")},
                             {QStringLiteral("password"), kPassword}},
                 h);
        QCOMPARE(third.status, 200);
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), second).status, 401);
        QCOMPARE(get(QStringLiteral("/portal/api/invoices"), browserFrom(third)).status, 200);
    }

    // The portal's sign-in is the API's: failures through either count against the same limit.
    void signInIsThrottledLikeTheApi()
    {
        signUp(QStringLiteral("guess@example.com"));
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = m_api.call(
                "POST", QStringLiteral("/api/auth/login"), {},
                QJsonObject{{QStringLiteral("tenant_id"), m_tenant},
                            {QStringLiteral("email"), QStringLiteral("guess@example.com")},
                            {QStringLiteral("password"), QStringLiteral("wrong password %1").arg(i)}});
            QCOMPARE(r.status, 401);
        }
        for (int i = 0; i < 2; ++i) {
            const HttpResult r =
                signIn(QStringLiteral("guess@example.com"), QStringLiteral("still wrong %1").arg(i));
            QCOMPARE(r.status, 401);
            QCOMPARE(errorCode(r), QStringLiteral("invalid_credentials"));
        }
        // Now even the right password waits, through the portal and the API alike.
        const HttpResult r = signIn(QStringLiteral("guess@example.com"), kPassword);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 0);
        QVERIFY(setCookieOf(r).isEmpty());
        m_clock->advance(16 * 60 * 1000);
        QCOMPARE(signIn(QStringLiteral("guess@example.com"), kPassword).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPortal)
#include "tst_portal.moc"
