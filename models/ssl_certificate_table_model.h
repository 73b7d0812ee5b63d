#pragma once

#include "lazy_table_model.h"
#include "ssl/ssl_certificate.h"

namespace mp {

// The tenant's SSL certificates, newest first, live through the certificates' change channel:
// names, status, issuer, expiry (amber in the last third of the lifetime, red in the last week),
// the next renewal and the last error.
class SslCertificateTableModel : public LazyTableModel<ssl::SslCertificate> {
    Q_OBJECT
public:
    enum Column { Names, Status, Issuer, Expires, NextRenewal, LastError, ColumnCount };
    Q_ENUM(Column)

    using LazyTableModel::LazyTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);

protected:
    Fetch fetcher() const override;
};

} // namespace mp
