#include "empty_section_page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mp {

EmptySectionPage::EmptySectionPage(const QString &title, const QString &summary, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_summary(new QLabel(summary, this)),
      m_empty(new QLabel(tr("Nothing is here yet."), this))
{
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_summary->setObjectName(QStringLiteral("sectionSummary"));
    m_empty->setObjectName(QStringLiteral("sectionEmptyState"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setWordWrap(true);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_empty);
    layout->addStretch(1);
}

QString EmptySectionPage::title() const
{
    return m_title->text();
}

QString EmptySectionPage::summary() const
{
    return m_summary->text();
}

QString EmptySectionPage::emptyStateText() const
{
    return m_empty->text();
}

} // namespace mp
