#pragma once

#include "namesilo/namesilo_client.h"

#include <functional>

namespace mp {

// For job-engine workers and pooled request handlers (plain threads without an event loop):
// makes one Namesilo call on a client built on the calling thread and waits for it. Refused
// (namesilo_blocking_not_allowed) on the main thread and inside an event loop; `stopRequested`
// aborts the call; `replyCode` receives Namesilo's reply code (0 when no reply was read).
NamesiloResult runNamesiloCall(const NamesiloSettings &settings,
                               const std::function<NamesiloCall *(NamesiloClient &)> &call,
                               const std::function<bool()> &stopRequested = {}, int *replyCode = nullptr);

} // namespace mp
