#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace mp {

class LazyTableModelBase;

// A table over a LazyTableModel: sorting goes to the model (SQL), scrolling to the end pages in
// more rows (QAbstractItemView calls fetchMore), and a status line says what is loaded, what
// is loading and what failed.
class LazyTableView : public QWidget {
    Q_OBJECT
public:
    explicit LazyTableView(LazyTableModelBase *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // The id (IdRole) of the current row, or empty.
    QString currentId() const;
    // Extra text after the row count: the footer totals.
    void setFooter(const QString &text);

Q_SIGNALS:
    void activated(const QString &id);

private:
    void updateStatus();

    LazyTableModelBase *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QLabel *m_footer;
    QString m_error;
};

} // namespace mp
