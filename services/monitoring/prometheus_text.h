#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace mp::monitoring {

// One sample of the Prometheus text exposition format (version 0.0.4): a metric name, its
// labels and a value. Timestamps, when a line has one, are read and dropped: a scrape's time is
// the time mPanel took it.
struct PromSample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;

    QString label(const QString &key) const { return labels.value(key); }
};

// The samples of one exposition, with the type each metric family declared (# TYPE).
struct PromExposition {
    QList<PromSample> samples;
    QMap<QString, QString> types; // family name -> counter, gauge, histogram, summary, untyped

    // Every sample named `name` (in the order they came).
    QList<PromSample> named(const QString &name) const;
    // The value of the first sample named `name` whose labels include `labels`; nullopt if none.
    std::optional<double> value(const QString &name, const QMap<QString, QString> &labels = {}) const;
};

// Parses the text format strictly: a line that is neither a comment nor a well-formed sample is
// an error naming its line number, so a page that is not an exporter's (an HTML login page, a
// proxy's error) is not read as an empty node.
Result<PromExposition> parsePrometheusText(const QByteArray &text);

// Writes one sample line in the text format, escaping label values.
QByteArray promLine(const QString &name, const QMap<QString, QString> &labels, double value);

} // namespace mp::monitoring
