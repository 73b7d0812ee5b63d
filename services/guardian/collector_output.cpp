#include "guardian/collector_output.h"

#include "guardian/ip_address.h"

#include <algorithm>

namespace mp::guardian {

void CollectorOutput::add(EventKind kind, std::string_view address, std::string_view account, int times)
{
    auto canonical = canonicalAddress(address);
    if (!canonical)
        return;
    // A line cannot stand for more attempts than this, whatever it claims.
    const int count = std::clamp(times, 1, 100) * m_repeat;
    for (int i = 0; i < count; ++i) {
        LogEvent e;
        e.kind = kind;
        e.address = *canonical;
        e.account = std::string(account);
        e.time = m_time;
        e.line = m_line;
        e.text = m_text;
        m_events.push_back(std::move(e));
        ++m_added;
    }
}

} // namespace mp::guardian
