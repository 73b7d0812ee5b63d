#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class LazyTableView;
class SslCertificateTableModel;

// The SSL section: the tenant's certificates with their expiry (coloured as it nears), issuer,
// next renewal and last error, live through the change feed. An empty table says what fills it.
class SslPage : public QWidget {
    Q_OBJECT
public:
    SslPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    SslCertificateTableModel *certificates() const { return m_certificates; }
    bool showsEmptyState() const;

private:
    void updateEmptyState();

    SslCertificateTableModel *m_certificates;
    LazyTableView *m_view;
    QStackedWidget *m_stack;
    QLabel *m_empty;
};

} // namespace mp
