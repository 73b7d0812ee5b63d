#pragma once

#include <QList>
#include <QString>

#include <array>

namespace mp {

// Counts of the requests the router answered, by method, route pattern (not the path: ids
// would make a series per customer) and status, each with a latency histogram. Process-wide
// and thread-safe: handlers run on a thread pool. The monitoring module writes them out on
// /metrics.
class RequestMetrics {
public:
    // Upper bounds of the histogram's buckets, in seconds (the last, +Inf, is implied).
    static constexpr std::array<double, 11> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    struct Series {
        QString method;
        QString route; // the pattern ("/api/customers/{id}"), or "unmatched"
        int status = 0;
        quint64 count = 0;
        double sumSeconds = 0;
        std::array<quint64, kBuckets.size()> buckets{}; // cumulative: at or under each bound
    };

    static void record(const QString &method, const QString &route, int status, double seconds);
    // Every series so far, sorted by route, method and status.
    static QList<Series> snapshot();
};

} // namespace mp
