#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <atomic>

namespace mp {

// Every piece of logic that asks "what time is it" asks a Clock, so billing, renewal and
// overdue tests can move a month ahead in a millisecond (after KeePassXC's Clock/MockClock).
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // always UTC

    // The process-wide clock. Services take it from here unless one is passed explicitly.
    static const Clock &current();
    static void setCurrent(const Clock *clock); // nullptr restores the system clock
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock tests set and move by hand. Thread-safe, since workers read it from their threads.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start);
    QDateTime now() const override;
    void set(const QDateTime &t);
    void advance(qint64 msecs);
    void advanceDays(int days);

private:
    std::atomic<qint64> m_msecs;
};

// Installs a clock for the lifetime of a scope and restores the previous one.
class ScopedClock {
public:
    explicit ScopedClock(const Clock &clock);
    ~ScopedClock();
    ScopedClock(const ScopedClock &) = delete;
    ScopedClock &operator=(const ScopedClock &) = delete;

private:
    const Clock *m_previous;
};

} // namespace mp
