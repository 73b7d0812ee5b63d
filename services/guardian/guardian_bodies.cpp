#include "guardian/guardian_bodies.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "guardian/guardian_errors.h"
#include "guardian/log_parser.h"

#include <QDateTime>
#include <QJsonArray>

namespace mp::guardian {

using api::BodyField;
using api::RequestBody;

namespace {

Status isoTimeField(const QJsonValue &value, const QString &path)
{
    if (!QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid())
        return makeError(errors::InvalidValue, QStringLiteral("an ISO 8601 time is expected"), path);
    return {};
}

Status uuids(const QJsonValue &value, const QString &path)
{
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i)
        if (!isUuid(items.at(i).toString()))
            return makeError(errors::InvalidValue, QStringLiteral("a source id is expected"),
                             api::elementPath(path, i));
    return {};
}

BodyField setting(const char *name, qint64 min, qint64 max)
{
    return BodyField::integer(QLatin1String(name)).minimum(min).maximum(max).outOfRange(errors::InvalidValue);
}

} // namespace

const RequestBody &scanBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("GuardianScanInput"))
            .add(BodyField::string(QStringLiteral("host"))
                     .maxLength(253)
                     .describe(
                         QStringLiteral("only this host's sources (all of them when source_ids is absent)")))
            .add(BodyField::strings(QStringLiteral("source_ids"))
                     .check(&uuids)
                     .describe(QStringLiteral("the log sources to read; absent: every enabled source")))
            .add(BodyField::string(QStringLiteral("from"))
                     .check(&isoTimeField)
                     .format(QStringLiteral("date-time"))
                     .describe(
                         QStringLiteral("with `to`: read the sources whole and keep events in [from, to); "
                                        "without: read what was appended since the last read")))
            .add(BodyField::string(QStringLiteral("to"))
                     .check(&isoTimeField)
                     .format(QStringLiteral("date-time")));
    return body;
}

const RequestBody &sourceBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("GuardianSourceInput"))
            .add(BodyField::string(QStringLiteral("host"))
                     .required()
                     .minLength(1)
                     .maxLength(253)
                     .describe(QStringLiteral("the node or mail/web host whose log it is")))
            .add(BodyField::string(QStringLiteral("path")).required().minLength(2).maxLength(1000))
            .add(BodyField::string(QStringLiteral("format"))
                     .required()
                     .oneOf(formatNames(), errors::InvalidValue, QStringLiteral("GuardianLogFormat")))
            .add(BodyField::string(QStringLiteral("resource"))
                     .maxLength(253)
                     .describe(QStringLiteral("what the log is about: a domain, a pod's host name")));
    return body;
}

const RequestBody &allowlistBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("GuardianAllowlistInput"))
            .add(BodyField::string(QStringLiteral("cidr"))
                     .required()
                     .maxLength(50)
                     .describe(QStringLiteral("an address or a network, e.g. 10.0.0.0/8 or 2001:db8::/32")))
            .add(BodyField::string(QStringLiteral("note")).maxLength(500));
    return body;
}

const RequestBody &settingsBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("GuardianSettingsInput"))
            .add(setting("window_s", 10, 86400))
            .add(setting("brute_force_threshold", 1, 100000))
            .add(setting("spray_accounts", 2, 100000))
            .add(setting("account_addresses", 2, 100000))
            .add(setting("probe_threshold", 1, 100000))
            .add(setting("flood_threshold", 1, 1000000))
            .add(setting("spam_threshold", 1, 1000000))
            .add(setting("spam_window_s", 60, 86400))
            .add(setting("ban_base_s", 60, 31536000))
            .add(setting("ban_factor", 1, 100))
            .add(setting("ban_max_s", 60, 31536000))
            .add(BodyField::boolean(QStringLiteral("auto_remediate")))
            .add(BodyField::string(QStringLiteral("firewall_mode"))
                     .oneOf({QStringLiteral("record"), QStringLiteral("nft")}, errors::InvalidValue));
    return body;
}

const RequestBody &decisionBody()
{
    static const RequestBody body = RequestBody(QStringLiteral("GuardianDecisionInput"))
                                        .add(BodyField::string(QStringLiteral("note")).maxLength(2000));
    return body;
}

} // namespace mp::guardian
