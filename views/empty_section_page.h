#pragma once

#include <QWidget>

class QLabel;

namespace mp {

// What a section shows while no module fills it: its title, what will appear there, and
// plainly that there is nothing yet. Never sample rows.
class EmptySectionPage : public QWidget {
    Q_OBJECT
public:
    EmptySectionPage(const QString &title, const QString &summary, QWidget *parent = nullptr);

    QString title() const;
    QString summary() const;
    QString emptyStateText() const;

private:
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_empty;
};

} // namespace mp
