#pragma once

#include "console_section.h"

class QLabel;
class QStackedWidget;

namespace mp {

class AlertTableModel;
class ChangeFeed;
class ConsoleSession;

// The customer detail's monitoring box: the alerts raised on the customer's services (checks
// staff tied to the customer), open ones first in tone, re-read when monitoring changes.
class CustomerAlertsPart : public DetailPart {
    Q_OBJECT
public:
    CustomerAlertsPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    void showRecord(const QString &customerId) override;
    AlertTableModel *alerts() const { return m_alerts; }
    bool showsEmptyState() const;

Q_SIGNALS:
    void loaded();

private:
    void reload();

    ConsoleSession *m_session;
    QString m_customerId;
    quint64 m_generation = 0;
    AlertTableModel *m_alerts;
    QStackedWidget *m_stack;
    QLabel *m_empty;
};

} // namespace mp
