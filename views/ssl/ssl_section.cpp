#include "ssl_section.h"

#include "ssl_channels.h"
#include "ssl_page.h"

namespace mp {

ConsoleSection sslSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("ssl"), QT_TRANSLATE_NOOP("mp::NavigationModel", "SSL"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "SSL certificates, their issuance and expiry."), 1000);
    s.page = [](const SectionContext &c) { return new SslPage(c.session, c.feed); };
    s.channels = {channels::sslCertificates};
    return s;
}

} // namespace mp
