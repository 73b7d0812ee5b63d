#pragma once

#include "console_section.h"

namespace mp {

// The Subscriptions section: subscriptions with their detail and actions. It offers
// openSubscriptionCommand().
ConsoleSection subscriptionsSection();

// Shows one subscription (argument: its id) in the Subscriptions section.
inline QString openSubscriptionCommand()
{
    return QStringLiteral("subscriptions.open");
}

} // namespace mp
