#pragma once

#include "core/result.h"
#include "providers/provider_overview.h"

#include <QObject>

namespace mp {

class ChangeFeed;
class ConsoleSession;

// Whether what the console does reaches real providers: Stripe (as this console's Pay online
// and Refund reach it) and the tenant's Proxmox clusters, each "sandbox" (an emulator), "test"
// or "live", as the services decide (providers::Providers). Adapts that answer for the status
// bar ("Stripe: sandbox · Proxmox: sandbox", endpoints in the tooltip) and the payment notes.
class ProviderIndicator : public QObject {
    Q_OBJECT
public:
    explicit ProviderIndicator(ConsoleSession *session, QObject *parent = nullptr);

    // Reloads when clusters or nodes change (migrations 0012/0014 notify on one channel).
    void setChangeFeed(ChangeFeed *feed);
    // The channels it listens on, for the feed to listen on besides the sections' ones.
    static QStringList channels();
    void refresh();
    void clear();

    bool isLoaded() const { return m_loaded; }
    const providers::ProviderOverview &overview() const { return m_overview; }
    // "Stripe: sandbox · Proxmox: sandbox"; empty until loaded.
    QString text() const;
    // One line per provider: its mode, endpoint and what that means.
    QString toolTip() const;
    // Some provider is an emulator (the status bar marks it).
    bool anySandbox() const;

    // What online payment means now, for Pay online and Refund: e.g. "Stripe sandbox — no
    // real money moves".
    static QString paymentNote(const providers::ProviderStatus &stripe);

Q_SIGNALS:
    void changed();
    void loadFailed(const mp::Error &error);

private:
    ConsoleSession *m_session;
    providers::ProviderOverview m_overview;
    bool m_loaded = false;
    int m_generation = 0;
};

} // namespace mp
