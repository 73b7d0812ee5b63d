#pragma once

#include "billing_commands.h"

#include <QDialog>
#include <QUrl>

#include <functional>
#include <optional>

class QLabel;
class QPrinter;
class QPushButton;
class QTableView;
class QTextBrowser;
class QTreeWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class PaymentListModel;

// One invoice as it prints (lines, taxes, totals, payment) with its audit trail, and the moves
// its status allows: issue, mark paid manually, cancel; saving the PDF and printing. Which moves are
// offered comes from the services' transition rules, and the services check them again.
class InvoiceDetailDialog : public QDialog {
    Q_OBJECT
public:
    InvoiceDetailDialog(ConsoleSession *session, const QString &invoiceId, QWidget *parent = nullptr);

    void reload();
    // Re-reads the invoice whenever the feed reports a change of invoices or payments (a payment
    // arriving by webhook, another console marking it paid), so what it offers stays true.
    void followChanges(ChangeFeed *feed);
    void issue();
    void markPaid();
    void cancelInvoice();
    void savePdf();
    // Creates a Checkout Session through the payments services and opens its URL.
    void payOnline();
    // Asks how much to refund (full or partial) and confirms before calling the services.
    void refund();
    // Refunds without asking (tests, scripts); `done` gets the error (or none).
    void requestRefund(qint64 amountMinor, const QString &reason,
                       const std::function<void(const Error *)> &done);
    // What opens a checkout URL (QDesktopServices::openUrl unless replaced, e.g. in tests).
    static void setUrlOpener(std::function<bool(const QUrl &)> opener);
    // Saves the PDF to `path` without asking (tests, scripts).
    void savePdfTo(const QString &path);
    // Asks for a printer, then prints the invoice as the PDF lays it out.
    void print();
    // Prints on `printer` without asking (tests print to a PDF file); false before the invoice
    // has loaded.
    bool printTo(QPrinter &printer);
    // Asks for a status change; `done` gets the error (or none).
    void requestChange(const billing::StatusChange &change, const std::function<void(const Error *)> &done);

    const std::optional<commands::InvoiceDetail> &detail() const { return m_detail; }
    QPushButton *issueButton() const { return m_issue; }
    QPushButton *markPaidButton() const { return m_markPaid; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *payOnlineButton() const { return m_payOnline; }
    QPushButton *refundButton() const { return m_refund; }
    PaymentListModel *payments() const { return m_payments; }
    QString message() const;
    // Where online payment goes, e.g. "Stripe sandbox — no real money moves (...)".
    QString paymentNote() const;

Q_SIGNALS:
    void loaded();
    void pdfSaved(const QString &path, const QString &error);
    // "Pay online" finished: the URL opened, or the error.
    void checkoutOpened(const QUrl &url, const QString &error);
    void refundFinished(const QString &error);

private:
    void display(const commands::InvoiceDetail &detail);

    ConsoleSession *m_session;
    QString m_id;
    std::optional<commands::InvoiceDetail> m_detail;
    QTextBrowser *m_document;
    QTreeWidget *m_audit;
    QLabel *m_message;
    QLabel *m_paymentNote;
    QPushButton *m_issue;
    QPushButton *m_markPaid;
    QPushButton *m_cancel;
    QPushButton *m_pdf;
    QPushButton *m_print;
    QPushButton *m_payOnline;
    QPushButton *m_refund;
    PaymentListModel *m_payments;
    QTableView *m_paymentsView;
};

} // namespace mp
