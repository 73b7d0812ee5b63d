#include "monitoring/monitoring_bodies.h"

#include "core/errors.h"
#include "monitoring/dns_probe.h"
#include "monitoring/monitoring_errors.h"
#include "monitoring/probes.h"

#include <QUrl>

namespace mp::monitoring {

using api::BodyField;
using api::RequestBody;

namespace {

Status httpUrl(const QJsonValue &value, const QString &path)
{
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return makeError(errors::InvalidTarget, QStringLiteral("an http:// or https:// URL is expected"),
                         path);
    return {};
}

} // namespace

const RequestBody &nodeBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("MonitoringNodeInput"))
            .add(BodyField::string(QStringLiteral("name")).required().minLength(1).maxLength(100))
            .add(BodyField::string(QStringLiteral("exporter_url"))
                     .required()
                     .maxLength(500)
                     .check(&httpUrl)
                     .describe(
                         QStringLiteral("node_exporter's metrics page, e.g. http://10.0.0.5:9100/metrics")))
            .add(BodyField::integer(QStringLiteral("interval_s"))
                     .minimum(10)
                     .maximum(3600)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(30))
            .add(BodyField::integer(QStringLiteral("disk_alert_percent"))
                     .minimum(1)
                     .maximum(100)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(90)
                     .describe(
                         QStringLiteral("a disk alert is raised when the fullest filesystem passes this")));
    return body;
}

const RequestBody &checkBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("MonitoringCheckInput"))
            .add(BodyField::string(QStringLiteral("name")).required().minLength(1).maxLength(100))
            .add(BodyField::string(QStringLiteral("kind"))
                     .required()
                     .oneOf({QStringLiteral("http"), QStringLiteral("tcp"), QStringLiteral("tls"),
                             QStringLiteral("dns")},
                            errors::InvalidValue, QStringLiteral("MonitoringCheckKind")))
            .add(BodyField::string(QStringLiteral("target"))
                     .required()
                     .maxLength(500)
                     .describe(
                         QStringLiteral("http: a URL; tcp and tls: host:port; dns: the server, host:port")))
            .add(BodyField::integer(QStringLiteral("expect_status"))
                     .nullable()
                     .minimum(100)
                     .maximum(599)
                     .outOfRange(errors::InvalidValue)
                     .describe(QStringLiteral("http: the status that means up; absent: any 2xx or 3xx")))
            .add(BodyField::string(QStringLiteral("expect_keyword"))
                     .nullable()
                     .minLength(1)
                     .maxLength(200)
                     .describe(QStringLiteral("http: text the answer must contain; dns: a record the answer "
                                              "must hold (203.0.113.5, \"10 mx.example.com.\")")))
            .add(BodyField::string(QStringLiteral("query_name"))
                     .nullable()
                     .minLength(1)
                     .maxLength(253)
                     .describe(QStringLiteral("dns (required): the name asked for")))
            .add(BodyField::string(QStringLiteral("query_type"))
                     .oneOf(DnsProbe::types(), errors::InvalidValue, QStringLiteral("MonitoringDnsType"))
                     .defaultValue(QStringLiteral("A"))
                     .describe(QStringLiteral("dns: the record type asked for")))
            .add(BodyField::integer(QStringLiteral("timeout_ms"))
                     .minimum(100)
                     .maximum(60000)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(5000))
            .add(BodyField::integer(QStringLiteral("interval_s"))
                     .minimum(10)
                     .maximum(86400)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(60))
            .add(BodyField::integer(QStringLiteral("down_interval_s"))
                     .minimum(10)
                     .maximum(86400)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(15)
                     .describe(QStringLiteral("how often a check that is down is probed")))
            .add(BodyField::integer(QStringLiteral("degraded_ms"))
                     .minimum(1)
                     .maximum(60000)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(2000))
            .add(BodyField::integer(QStringLiteral("tls_warn_days"))
                     .minimum(0)
                     .maximum(365)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(14))
            .add(BodyField::integer(QStringLiteral("fail_threshold"))
                     .minimum(1)
                     .maximum(20)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(2)
                     .describe(QStringLiteral("failed probes in a row before the check is down")))
            .add(BodyField::integer(QStringLiteral("recover_threshold"))
                     .minimum(1)
                     .maximum(20)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(2))
            .add(BodyField::string(QStringLiteral("node_id"))
                     .nullable()
                     .format(QStringLiteral("uuid"))
                     .describe(
                         QStringLiteral("the node the service runs on: no alert while that node is down")))
            .add(BodyField::string(QStringLiteral("customer_id")).nullable().format(QStringLiteral("uuid")))
            .add(BodyField::boolean(QStringLiteral("enabled")).defaultValue(true));
    return body;
}

} // namespace mp::monitoring
