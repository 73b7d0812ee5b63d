#include "dashboard_tile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mp {

DashboardTile::DashboardTile(const QString &objectName, const QString &title, QWidget *parent)
    : QPushButton(parent), m_value(new QLabel(QStringLiteral("…"), this)), m_title(new QLabel(title, this)),
      m_detail(new QLabel(this))
{
    setObjectName(objectName);
    setAccessibleName(title);
    setCursor(Qt::PointingHandCursor);
    setMinimumHeight(82);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_value->setFont(big);
    QFont small = m_detail->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_detail->setFont(small);
    for (QLabel *l : {m_value, m_title, m_detail}) {
        l->setAlignment(Qt::AlignCenter);
        // Clicks on the labels are the button's.
        l->setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(1);
    layout->addWidget(m_value);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
}

void DashboardTile::setFigures(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setToolTip(detail.isEmpty() ? QString() : detail);
}

void DashboardTile::setAttention(bool attention)
{
    m_value->setStyleSheet(attention ? QStringLiteral("color: #b25d00;") : QString());
}

QString DashboardTile::value() const
{
    return m_value->text();
}

QString DashboardTile::detail() const
{
    return m_detail->text();
}

} // namespace mp
