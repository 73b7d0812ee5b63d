#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class DnsRecordTableModel;
class DnsZoneTableModel;
class LazyTableView;

// The DNS section: the tenant's zones (status, DNSSEC, serial, pending changes) and the record
// sets of the selected zone, both live through the change feed, so a change queued through the
// API shows as pending and turns served when its job has run. Empty states say what fills them.
class DnsPage : public QWidget {
    Q_OBJECT
public:
    DnsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    DnsZoneTableModel *zones() const { return m_zones; }
    DnsRecordTableModel *records() const { return m_records; }
    LazyTableView *zoneView() const { return m_zoneView; }
    bool showsEmptyState() const;
    // The last inline edit's refusal, shown under the records; empty once an edit went through.
    QString recordMessage() const;

private:
    void updateEmptyStates();
    void showZone();

    DnsZoneTableModel *m_zones;
    DnsRecordTableModel *m_records;
    LazyTableView *m_zoneView;
    LazyTableView *m_recordView;
    QStackedWidget *m_zoneStack;
    QStackedWidget *m_recordStack;
    QLabel *m_zoneEmpty;
    QLabel *m_recordEmpty;
    QLabel *m_zoneTitle;
    QLabel *m_recordMessage;
};

} // namespace mp
