#include "portal/portal_routes.h"

#include "http/router.h"
#include "portal/portal_assets.h"
#include "portal/portal_gateway.h"

#include <memory>

namespace mp::portal {

void registerPortalRoutes(Router &router, ApiContext &context)
{
    // The gateway dispatches into this same router, which outlives every request it answers.
    auto gateway = std::make_shared<PortalGateway>(router, context);
    const auto page = [](const HttpRequest &r) { return PortalAssets::instance().page(r); };
    router.add(QStringLiteral("GET"), QStringLiteral("/portal"), page);
    router.add(QStringLiteral("GET"), QStringLiteral("/payments/success"), page);
    router.add(QStringLiteral("GET"), QStringLiteral("/payments/cancel"), page);
    router.add(QStringLiteral("GET"), QStringLiteral("/portal/assets/{name}"), [](const HttpRequest &r) {
        return PortalAssets::instance().file(r, r.pathParams.value(QStringLiteral("name")));
    });

    // Sign-in and sign-up carry a few fields; the API's own routes apply their limits again.
    constexpr qsizetype kSessionBodyBytes = 16 * 1024;
    router.add(
        QStringLiteral("GET"), QStringLiteral("/portal/session"),
        [gateway](const HttpRequest &r) { return gateway->session(r); }, kSessionBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/portal/session"),
        [gateway](const HttpRequest &r) { return gateway->signIn(r); }, kSessionBodyBytes);
    router.add(
        QStringLiteral("DELETE"), QStringLiteral("/portal/session"),
        [gateway](const HttpRequest &r) { return gateway->signOut(r); }, kSessionBodyBytes);
    router.add(
        QStringLiteral("POST"), QStringLiteral("/portal/signup"),
        [gateway](const HttpRequest &r) { return gateway->signUp(r); }, kSessionBodyBytes);
    for (const QString &method : {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                  QStringLiteral("PATCH"), QStringLiteral("DELETE")})
        router.add(method, QStringLiteral("/portal/api/{path*}"),
                   [gateway](const HttpRequest &r) { return gateway->forward(r); });
}

} // namespace mp::portal
