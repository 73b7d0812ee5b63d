#include "core/clock.h"

#include <atomic>

namespace mp {

namespace {
const SystemClock s_system;
std::atomic<const Clock *> s_current{&s_system};
} // namespace

const Clock &Clock::current()
{
    return *s_current.load(std::memory_order_acquire);
}

void Clock::setCurrent(const Clock *clock)
{
    s_current.store(clock ? clock : &s_system, std::memory_order_release);
}

ManualClock::ManualClock(QDateTime start) : m_msecs(start.toMSecsSinceEpoch()) {}

QDateTime ManualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC);
}

void ManualClock::set(const QDateTime &t)
{
    m_msecs.store(t.toMSecsSinceEpoch());
}

void ManualClock::advance(qint64 msecs)
{
    m_msecs.fetch_add(msecs);
}

void ManualClock::advanceDays(int days)
{
    // Calendar days in UTC: a day is not always 86400 s in local time, but the clock is UTC.
    set(now().addDays(days));
}

ScopedClock::ScopedClock(const Clock &clock) : m_previous(&Clock::current())
{
    Clock::setCurrent(&clock);
}

ScopedClock::~ScopedClock()
{
    Clock::setCurrent(m_previous);
}

} // namespace mp
