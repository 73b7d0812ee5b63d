#pragma once

#include "console_session/staff_transaction.h"
#include "lazy_table_model.h"

#include <QSqlDatabase>

namespace mp {

// Rows of one mail domain (its mailboxes, its aliases), all in one page since the plan bounds
// them, reloaded when another domain is picked. No domain: no rows. `list` is the service
// function the REST API lists them with.
template<class Row> class MailDomainRowsModel : public LazyTableModel<Row> {
public:
    using List = Result<QList<Row>> (*)(const QSqlDatabase &, const QString &domainId);

    MailDomainRowsModel(ConsoleSession *session, List list, QObject *parent)
        : LazyTableModel<Row>(session, parent), m_list(list)
    {
    }

    void setDomain(const QString &domainId)
    {
        m_domainId = domainId;
        this->refresh();
    }
    const QString &domainId() const { return m_domainId; }

protected:
    typename LazyTableModel<Row>::Fetch fetcher() const override
    {
        using Page = typename LazyTableModel<Row>::Page;
        const QString domainId = m_domainId;
        const List list = m_list;
        return [domainId, list](StaffSession &session, const QString &cursor, int) -> Result<Page> {
            if (domainId.isEmpty() || !cursor.isEmpty())
                return Page{};
            return inStaffTransaction(session, [&](TenantTransaction &tx) -> Result<Page> {
                auto rows = list(tx.db(), domainId);
                if (!rows)
                    return rows.error();
                return Page{*rows, QString()};
            });
        };
    }

private:
    List m_list;
    QString m_domainId;
};

} // namespace mp
