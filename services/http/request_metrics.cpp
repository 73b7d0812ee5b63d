#include "http/request_metrics.h"

#include <QHash>
#include <QMutex>

#include <algorithm>

namespace mp {

namespace {

struct Registry {
    QMutex lock;
    QHash<QString, RequestMetrics::Series> series;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void RequestMetrics::record(const QString &method, const QString &route, int status, double seconds)
{
    const QString key = method + u' ' + route + u' ' + QString::number(status);
    Registry &r = registry();
    QMutexLocker locker(&r.lock);
    auto it = r.series.find(key);
    if (it == r.series.end())
        it = r.series.insert(key, Series{method, route, status});
    ++it->count;
    it->sumSeconds += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++it->buckets[i];
    }
}

QList<RequestMetrics::Series> RequestMetrics::snapshot()
{
    Registry &r = registry();
    QList<Series> out;
    {
        QMutexLocker locker(&r.lock);
        out = r.series.values();
    }
    std::sort(out.begin(), out.end(), [](const Series &a, const Series &b) {
        return std::tie(a.route, a.method, a.status) < std::tie(b.route, b.method, b.status);
    });
    return out;
}

} // namespace mp
