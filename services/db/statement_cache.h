#pragma once

namespace mp::sql {

// While one of these lives on a thread, sql::exec on that thread keeps each parameterised
// statement prepared on its connection and reuses it: one round trip per statement instead of
// three (QPSQL otherwise sends PREPARE, EXECUTE and DEALLOCATE every time). For hot paths with a
// thread of their own and its own connection, such as the Stripe webhook on an HTTP worker
// thread. A caller must be done with a query's rows before running the same SQL text again.
class ScopedStatementCache {
public:
    ScopedStatementCache();
    ~ScopedStatementCache();
    ScopedStatementCache(const ScopedStatementCache &) = delete;
    ScopedStatementCache &operator=(const ScopedStatementCache &) = delete;

private:
    bool m_wasEnabled;
};

} // namespace mp::sql
