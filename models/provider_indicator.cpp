#include "provider_indicator.h"

#include "cloudpod_commands.h"
#include "console_session/change_feed.h"
#include "provider_commands.h"

#include <QCoreApplication>

namespace mp {

ProviderIndicator::ProviderIndicator(ConsoleSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

QStringList ProviderIndicator::channels()
{
    return {channels::nodeAllocations};
}

void ProviderIndicator::setChangeFeed(ChangeFeed *feed)
{
    connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
        if (channels().contains(channel) && m_loaded)
            refresh();
    });
    connect(feed, &ChangeFeed::listening, this, [this] {
        if (m_loaded)
            refresh();
    });
}

void ProviderIndicator::refresh()
{
    const int generation = ++m_generation;
    commands::loadProviders(m_session, this,
                            [this, generation](const Result<providers::ProviderOverview> &overview) {
                                if (generation != m_generation)
                                    return;
                                if (!overview) {
                                    Q_EMIT loadFailed(overview.error());
                                    return;
                                }
                                m_overview = *overview;
                                m_loaded = true;
                                Q_EMIT changed();
                            });
}

void ProviderIndicator::clear()
{
    ++m_generation;
    m_overview = {};
    m_loaded = false;
    Q_EMIT changed();
}

namespace {

// The module declared the word in English; the catalogue translates it.
QString noun(const providers::ProviderGroup &group)
{
    return QCoreApplication::translate("mp::ProviderSources", group.itemNoun.toUtf8().constData());
}

} // namespace

QString ProviderIndicator::text() const
{
    if (!m_loaded)
        return {};
    // One entry per provider the modules declared, in their order: "Stripe: sandbox · Proxmox: live".
    QStringList parts;
    for (const providers::ProviderGroup &group : m_overview.groups) {
        const QString mode = group.mode();
        parts << tr("%1: %2").arg(group.label, !group.single && mode == QLatin1String("none")
                                                   ? tr("no %1").arg(noun(group))
                                                   : mode);
    }
    return parts.join(QStringLiteral(" · "));
}

QString ProviderIndicator::toolTip() const
{
    if (!m_loaded)
        return {};
    const auto line = [](const providers::ProviderStatus &s) {
        const QString where = s.endpoint.isEmpty() ? QString() : tr(" at %1").arg(s.endpoint);
        const QString off = s.enabled ? QString() : tr(" (disabled)");
        return tr("%1: %2%3%4 — %5").arg(s.name, s.mode, where, off, s.detail);
    };
    QStringList lines;
    for (const providers::ProviderGroup &group : m_overview.groups) {
        if (group.single) {
            for (const providers::ProviderStatus &s : group.statuses)
                lines << line(s);
            continue;
        }
        for (const providers::ProviderStatus &s : group.statuses)
            lines << tr("%1 %2").arg(group.label, line(s));
        if (group.statuses.isEmpty())
            lines << tr("%1: no %2 connected").arg(group.label, noun(group));
    }
    return lines.join(u'\n');
}

bool ProviderIndicator::anySandbox() const
{
    for (const providers::ProviderGroup &group : m_overview.groups) {
        for (const providers::ProviderStatus &s : group.statuses) {
            if ((group.single || s.enabled) && s.isSandbox())
                return true;
        }
    }
    return false;
}

QString ProviderIndicator::paymentNote(const providers::ProviderStatus &stripe)
{
    if (stripe.mode == QLatin1String("sandbox"))
        return tr("Stripe sandbox — no real money moves (the Stripe emulator at %1)").arg(stripe.endpoint);
    if (stripe.mode == QLatin1String("test"))
        return tr("Stripe test mode — test cards only, no real money moves");
    if (stripe.mode == QLatin1String("live"))
        return tr("Stripe live — real money moves");
    return tr("Online payment is off: %1").arg(stripe.detail);
}

} // namespace mp
