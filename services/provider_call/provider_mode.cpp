#include "provider_call/provider_mode.h"

namespace mp {

QString providerModeName(ProviderMode mode)
{
    switch (mode) {
    case ProviderMode::Off:
        return QStringLiteral("off");
    case ProviderMode::Sandbox:
        return QStringLiteral("sandbox");
    case ProviderMode::Test:
        return QStringLiteral("test");
    case ProviderMode::Live:
        return QStringLiteral("live");
    }
    return QStringLiteral("off");
}

} // namespace mp
