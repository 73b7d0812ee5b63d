#pragma once

#include <QPushButton>

class QLabel;

namespace mp {

// One figure of the Dashboard: a big value, its title and a detail line; clicking it opens the
// section that lists what it counts, filtered to those rows.
class DashboardTile : public QPushButton {
    Q_OBJECT
public:
    DashboardTile(const QString &objectName, const QString &title, QWidget *parent = nullptr);

    void setFigures(const QString &value, const QString &detail = {});
    // Amber when the figure asks for attention (overdue invoices, failed jobs).
    void setAttention(bool attention);
    QString value() const;
    QString detail() const;

private:
    QLabel *m_value;
    QLabel *m_title;
    QLabel *m_detail;
};

} // namespace mp
