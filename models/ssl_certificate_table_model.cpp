#include "ssl_certificate_table_model.h"

#include "console_session/staff_transaction.h"
#include "core/clock.h"
#include "model_roles.h"
#include "ssl/ssl_certificates.h"

#include <QColor>
#include <QLocale>

namespace mp {

using ssl::SslCertificate;

int SslCertificateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SslCertificateTableModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Being issued");
    if (status == QLatin1String("valid"))
        return tr("Valid");
    if (status == QLatin1String("renewing"))
        return tr("Renewing");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("revoked"))
        return tr("Revoked");
    return status;
}

QVariant SslCertificateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SslCertificate &c = rowAt(index.row());
    const auto column = Column(index.column());
    if (role == IdRole)
        return c.id;
    if (role == Qt::ToolTipRole && (column == Status || column == LastError) && !c.lastError.isEmpty())
        return c.lastError;
    if (role == Qt::ForegroundRole && column == Expires && c.notAfter.isValid() &&
        c.status != QLatin1String("revoked")) {
        const QDateTime now = Clock::current().now();
        if (now.daysTo(c.notAfter) < ssl::kExpiryWarningDays)
            return QVariant::fromValue(QColor(0xb0, 0x20, 0x20));
        if (c.notBefore.isValid() && now.msecsTo(c.notAfter) < c.notBefore.msecsTo(c.notAfter) / 3)
            return QVariant::fromValue(QColor(0xa0, 0x60, 0x00));
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case Names:
        return c.names.join(QStringLiteral(", "));
    case Status:
        return statusTitle(c.status);
    case Issuer:
        return c.issuer;
    case Expires:
        return c.notAfter.isValid() ? locale.toString(c.notAfter.toLocalTime(), QLocale::ShortFormat)
                                    : QString();
    case NextRenewal:
        return c.renewAt.isValid() && c.status == QLatin1String("valid")
                   ? locale.toString(c.renewAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case LastError:
        return c.lastError;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SslCertificateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Names:
        return tr("Names");
    case Status:
        return tr("Status");
    case Issuer:
        return tr("Issuer");
    case Expires:
        return tr("Expires");
    case NextRenewal:
        return tr("Next renewal");
    case LastError:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

SslCertificateTableModel::Fetch SslCertificateTableModel::fetcher() const
{
    // One page: the list is the tenant's newest 1000 certificates.
    return [](StaffSession &session, const QString &, int) -> Result<Page> {
        return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
            auto certs = ssl::SslCertificates::list(tx.db());
            if (!certs)
                return certs.error();
            return Page{*certs, QString()};
        });
    };
}

} // namespace mp
