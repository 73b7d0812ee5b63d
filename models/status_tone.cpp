#include "status_tone.h"

#include <QStringList>

namespace mp {

StatusTone statusTone(QStringView status)
{
    static const QStringList good{QStringLiteral("paid"),      QStringLiteral("active"),
                                  QStringLiteral("succeeded"), QStringLiteral("completed"),
                                  QStringLiteral("trialing"),  QStringLiteral("up")};
    static const QStringList waiting{QStringLiteral("unpaid"),       QStringLiteral("pending"),
                                     QStringLiteral("queued"),       QStringLiteral("draft"),
                                     QStringLiteral("provisioning"), QStringLiteral("running"),
                                     QStringLiteral("open"),         QStringLiteral("degraded")};
    static const QStringList trouble{QStringLiteral("overdue"),  QStringLiteral("past_due"),
                                     QStringLiteral("failed"),   QStringLiteral("error"),
                                     QStringLiteral("disputed"), QStringLiteral("held"),
                                     QStringLiteral("dead"),     QStringLiteral("down")};
    static const QStringList ended{QStringLiteral("refunded"),   QStringLiteral("partially_refunded"),
                                   QStringLiteral("cancelled"),  QStringLiteral("suspended"),
                                   QStringLiteral("terminated"), QStringLiteral("closed"),
                                   QStringLiteral("retired"),    QStringLiteral("expired")};
    const QString s = status.toString();
    if (good.contains(s))
        return StatusTone::Good;
    if (waiting.contains(s))
        return StatusTone::Waiting;
    if (trouble.contains(s))
        return StatusTone::Trouble;
    if (ended.contains(s))
        return StatusTone::Ended;
    return StatusTone::Neutral;
}

QColor statusColor(StatusTone tone)
{
    switch (tone) {
    case StatusTone::Good:
        return QColor(0x20, 0x80, 0x3a);
    case StatusTone::Waiting:
        return QColor(0x1f, 0x5f, 0xa8);
    case StatusTone::Trouble:
        return QColor(0xb0, 0x20, 0x20);
    case StatusTone::Ended:
        return QColor(0x8a, 0x6a, 0x10);
    case StatusTone::Neutral:
        break;
    }
    return {};
}

QVariant statusForeground(QStringView status)
{
    const StatusTone tone = statusTone(status);
    return tone == StatusTone::Neutral ? QVariant() : QVariant::fromValue(statusColor(tone));
}

} // namespace mp
