#pragma once

#include "billing/invoice_status.h"
#include "billing/tax_calculation.h"
#include "money/money.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mp::billing {

// One printed line: tax computed and rounded on this line alone.
struct InvoiceLine {
    explicit InvoiceLine(const Currency &c)
        : unitPrice(Money::zero(c)), amounts{Money::zero(c), Money::zero(c), Money::zero(c)}
    {
    }
    int position = 0;
    QString description;
    qint64 quantity = 1;
    Money unitPrice;
    QString taxName;
    qint64 taxRatePpm = 0;
    LineAmounts amounts;
    QString orderItemId; // empty for manual lines
};

struct Invoice {
    explicit Invoice(const Currency &c)
        : currency(c), net(Money::zero(c)), tax(Money::zero(c)), total(Money::zero(c))
    {
    }
    QString id;
    QString customerId;
    QString orderId;
    InvoiceStatus status = InvoiceStatus::Draft;
    QString number; // empty for a draft
    Currency currency;
    PriceMode priceMode = PriceMode::TaxExclusive;
    QDate issueDate;
    QDate dueDate;
    Money net;
    Money tax;
    Money total;
    bool reverseCharge = false;
    QString taxNote;
    QJsonObject seller;
    QJsonObject buyer;
    QString notes;
    QDateTime createdAt;
    QDateTime issuedAt;
    QDateTime paidAt;
    QString paymentMethod;
    QString paymentReference;
    QList<InvoiceLine> lines; // filled by find(), not by list()

    // Unpaid after its due date, on `today` in the tenant's calendar.
    bool overdueOn(QDate today) const
    {
        return status == InvoiceStatus::Unpaid && dueDate.isValid() && dueDate < today;
    }
};

// A line as a caller asks for it; tax and rounding are the service's job.
struct LineDraft {
    QString description;
    qint64 quantity = 1;
    Money unitPrice;
    QString orderItemId;
};

struct InvoiceDraft {
    explicit InvoiceDraft(const Currency &c) : currency(c) {}
    QString customerId;
    QString orderId;
    Currency currency;
    QList<LineDraft> lines;
    QString notes;
    bool issue = true; // false: stays a draft, without a number, until issued
};

} // namespace mp::billing
