#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace mp::customers {

struct PostalAddress {
    QString line1;
    QString line2;
    QString city;
    QString postalCode;
    QString region;
};

struct Customer {
    QString id;
    QString name;
    QString email; // as entered; unique per tenant ignoring case
    QString company;
    PostalAddress address;
    QString country;  // ISO 3166-1 alpha-2, or empty
    QString language; // "en", "de" (the mail they get), or empty: from the country
    QString taxId;
    QString status; // active, suspended, closed
    QString notes;  // staff only
    bool hasPassword = false;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A create or update: absent fields keep their value on update.
struct CustomerDraft {
    std::optional<QString> name;
    std::optional<QString> email;
    std::optional<QString> company;
    std::optional<QString> line1;
    std::optional<QString> line2;
    std::optional<QString> city;
    std::optional<QString> postalCode;
    std::optional<QString> region;
    std::optional<QString> country;
    std::optional<QString> language;
    std::optional<QString> taxId;
    std::optional<QString> status;
    std::optional<QString> notes;
    std::optional<QString> password; // plain text on its way to the hasher; never stored
};

struct CustomerFilter {
    QString search; // name, email or company; case-insensitive
    QString status; // empty: all
};

} // namespace mp::customers
