#pragma once

#include <QAbstractListModel>

#include <array>

namespace mp {

// The console's sections, in navigation order: one row per section. Each section knows its
// title and the sentence its empty state shows until a module fills it.
class NavigationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Section {
        Dashboard,
        Catalog,
        Customers,
        Billing,
        Subscriptions,
        Provisioning,
        Domains,
        Dns,
        Email,
        Ssl,
        Guardian,
        Monitoring,
        Count
    };
    Q_ENUM(Section)

    enum Role {
        SectionRole = Qt::UserRole + 1, // the Section, as int
        SummaryRole,                    // what the section will hold
    };

    static constexpr int sectionCount = int(Section::Count);
    static std::array<Section, sectionCount> allSections();
    static QString title(Section section);
    static QString summary(Section section);

    explicit NavigationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QModelIndex indexOf(Section section) const;
    static Section sectionAt(const QModelIndex &index);
};

} // namespace mp
