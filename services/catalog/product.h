#pragma once

#include "money/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mp::catalog {

// The price of one billing cycle in one currency; the setup fee is charged once, on the first order.
struct CyclePrice {
    QString cycle;
    Money amount;
    Money setupFee;
};

// A TLD's price for registering, renewing or transferring for a number of years (1-10).
struct DomainPrice {
    QString action;
    int years = 1;
    Money amount;
};

struct Product {
    QString id;
    QString type;
    QString name;
    QString description;
    QString visibility;
    QString templateId; // cloudpod only
    QString tld;        // domain only, lowercase without the leading dot: "com", "co.uk"
    QList<CyclePrice> prices;
    QList<DomainPrice> domainPrices;
    bool everOrdered = false;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// What a create or an update supplies; absent fields keep their current value on update. A
// present `templateId`/`tld` holding an empty string clears it.
struct ProductDraft {
    std::optional<QString> type;
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> visibility;
    std::optional<QString> templateId;
    std::optional<QString> tld;
    std::optional<QList<CyclePrice>> prices;
    std::optional<QList<DomainPrice>> domainPrices;
};

// Which products a list shows.
struct ProductFilter {
    QString type;       // empty: all
    QString visibility; // empty: all
    QString search;     // case-insensitive substring of the name
};

} // namespace mp::catalog
