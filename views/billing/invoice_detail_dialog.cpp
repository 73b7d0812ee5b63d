#include "invoice_detail_dialog.h"

#include "billing/invoice_pdf.h"
#include "billing/invoice_status.h"
#include "change_follower.h"
#include "mark_paid_dialog.h"
#include "money/currency.h"
#include "payment_commands.h"
#include "payment_list_model.h"
#include "provider_indicator.h"
#include "refund_dialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mp {

using billing::InvoiceStatus;

namespace {

std::function<bool(const QUrl &)> &urlOpener()
{
    static std::function<bool(const QUrl &)> opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    return opener;
}

// What the payment that paid the invoice has left to refund (the services refund only that
// one); none when no online payment succeeded.
std::optional<Money> refundable(const QList<payments::Payment> &payments)
{
    for (const payments::Payment &p : payments) {
        if (!p.succeeded || !p.invoiceApplied || p.refundedMinor >= p.amountMinor)
            continue;
        if (const auto currency = Currency::fromCode(p.currency))
            return Money(p.amountMinor - p.refundedMinor, *currency);
    }
    return std::nullopt;
}

} // namespace

void InvoiceDetailDialog::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    urlOpener() = std::move(opener);
}

InvoiceDetailDialog::InvoiceDetailDialog(ConsoleSession *session, const QString &invoiceId, QWidget *parent)
    : QDialog(parent), m_session(session), m_id(invoiceId), m_document(new QTextBrowser(this)),
      m_audit(new QTreeWidget(this)), m_message(new QLabel(this)), m_paymentNote(new QLabel(this)),
      m_issue(new QPushButton(tr("&Issue"), this)), m_markPaid(new QPushButton(tr("Mark &paid…"), this)),
      m_cancel(new QPushButton(tr("&Cancel invoice…"), this)), m_pdf(new QPushButton(tr("&Save PDF…"), this)),
      m_print(new QPushButton(tr("P&rint…"), this)), m_payOnline(new QPushButton(tr("Pay &online"), this)),
      m_refund(new QPushButton(tr("&Refund…"), this)), m_payments(new PaymentListModel(this)),
      m_paymentsView(new QTableView(this))
{
    setObjectName(QStringLiteral("invoiceDetailDialog"));
    setWindowTitle(tr("Invoice"));
    m_audit->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_audit->setRootIsDecorated(false);
    m_audit->header()->setStretchLastSection(true);
    m_message->setWordWrap(true);
    m_paymentNote->setObjectName(QStringLiteral("paymentNote"));
    m_paymentNote->setWordWrap(true);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_document);
    m_paymentsView->setObjectName(QStringLiteral("invoicePayments"));
    m_paymentsView->setModel(m_payments);
    m_paymentsView->verticalHeader()->hide();
    m_paymentsView->horizontalHeader()->setStretchLastSection(true);
    m_paymentsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_paymentsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    splitter->addWidget(m_paymentsView);
    splitter->addWidget(m_audit);
    splitter->setSizes({440, 90, 110});
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_issue, m_markPaid, m_payOnline, m_refund, m_cancel, m_pdf, m_print}) {
        b->setEnabled(false);
        actions->addWidget(b);
    }
    actions->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    actions->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_paymentNote);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_issue, &QPushButton::clicked, this, &InvoiceDetailDialog::issue);
    connect(m_markPaid, &QPushButton::clicked, this, &InvoiceDetailDialog::markPaid);
    connect(m_cancel, &QPushButton::clicked, this, &InvoiceDetailDialog::cancelInvoice);
    connect(m_pdf, &QPushButton::clicked, this, &InvoiceDetailDialog::savePdf);
    connect(m_print, &QPushButton::clicked, this, &InvoiceDetailDialog::print);
    connect(m_payOnline, &QPushButton::clicked, this, &InvoiceDetailDialog::payOnline);
    connect(m_refund, &QPushButton::clicked, this, &InvoiceDetailDialog::refund);
    resize(760, 720);
    reload();
}

void InvoiceDetailDialog::reload()
{
    commands::loadInvoice(m_session, this, m_id, [this](const Result<commands::InvoiceDetail> &detail) {
        if (!detail) {
            m_message->setText(detail.error().message);
            return;
        }
        display(*detail);
        Q_EMIT loaded();
    });
}

void InvoiceDetailDialog::followChanges(ChangeFeed *feed)
{
    new ChangeFollower(
        feed, {channels::invoices, channels::payments}, [this] { reload(); }, this);
}

void InvoiceDetailDialog::display(const commands::InvoiceDetail &detail)
{
    m_detail = detail;
    const billing::Invoice &inv = detail.invoice;
    setWindowTitle(inv.number.isEmpty() ? tr("Draft invoice") : tr("Invoice %1").arg(inv.number));
    // The same layout the PDF prints, so what staff check is what the customer gets.
    billing::InvoicePdf::setUp(*m_document->document(), inv, detail.today, detail.print);
    m_audit->clear();
    for (const billing::AuditEntry &e : detail.audit) {
        auto *item = new QTreeWidgetItem(m_audit);
        item->setText(0, QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, e.actor);
        item->setText(2, e.action + u' ' + e.details);
    }
    const QList<InvoiceStatus> allowed = billing::InvoiceStatuses::allowedFrom(inv.status);
    m_issue->setEnabled(inv.status == InvoiceStatus::Draft && allowed.contains(InvoiceStatus::Unpaid));
    m_markPaid->setEnabled(allowed.contains(InvoiceStatus::Paid));
    m_cancel->setEnabled(allowed.contains(InvoiceStatus::Cancelled));
    m_pdf->setEnabled(true);
    m_print->setEnabled(true);
    m_payments->setPayments(detail.payments);
    // Said before anyone pays or refunds: whether real money moves.
    const QString note = ProviderIndicator::paymentNote(detail.stripe);
    m_paymentNote->setText(note);
    m_paymentNote->setStyleSheet(
        detail.stripe.isSandbox()
            ? QStringLiteral("QLabel { background: #f6d77a; color: #3a2a00; padding: 4px; }")
            : QString());
    m_payOnline->setToolTip(note);
    m_refund->setToolTip(note);
    m_payOnline->setEnabled(inv.status == InvoiceStatus::Unpaid && detail.stripe.enabled);
    m_refund->setEnabled(refundable(detail.payments).has_value() && detail.stripe.enabled);
}

QString InvoiceDetailDialog::paymentNote() const
{
    return m_paymentNote->text();
}

QString InvoiceDetailDialog::message() const
{
    return m_message->text();
}

void InvoiceDetailDialog::payOnline()
{
    m_message->setText(tr("Starting the online payment…"));
    m_payOnline->setEnabled(false);
    commands::payInvoice(m_session, this, m_id, [this](const Result<payments::CheckoutStarted> &started) {
        if (m_detail)
            m_payOnline->setEnabled(m_detail->invoice.status == InvoiceStatus::Unpaid &&
                                    m_detail->stripe.enabled);
        if (!started) {
            m_message->setText(tr("Could not start the payment: %1").arg(started.error().message));
            Q_EMIT checkoutOpened({}, started.error().message);
            return;
        }
        const QUrl url(started->url);
        if (!urlOpener()(url)) {
            m_message->setText(tr("Could not open %1; give the customer this link.").arg(started->url));
            Q_EMIT checkoutOpened(url, tr("could not open the browser"));
            return;
        }
        m_message->setText(
            m_detail && m_detail->stripe.isSandbox()
                ? tr("Checkout opened on the Stripe sandbox (no real money moves): %1").arg(started->url)
                : tr("Checkout opened: %1").arg(started->url));
        Q_EMIT checkoutOpened(url, QString());
    });
}

void InvoiceDetailDialog::refund()
{
    if (!m_detail)
        return;
    const auto left = refundable(m_detail->payments);
    if (!left)
        return;
    auto *dialog = new RefundDialog(m_detail->invoice.number, *left, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RefundDialog::confirmed, this, [this, dialog] {
        const auto amount = dialog->amountMinor();
        if (!amount)
            return;
        requestRefund(*amount, dialog->reason(), [dialog](const Error *error) {
            if (error)
                dialog->showError(*error);
            else
                dialog->accept();
        });
    });
    dialog->open();
}

void InvoiceDetailDialog::requestRefund(qint64 amountMinor, const QString &reason,
                                        const std::function<void(const Error *)> &done)
{
    m_message->setText(tr("Refunding…"));
    commands::refundInvoice(m_session, this, m_id, amountMinor, reason,
                            [this, done](const Result<QJsonObject> &result) {
                                if (!result) {
                                    m_message->setText(tr("Refund failed: %1").arg(result.error().message));
                                    done(&result.error());
                                    Q_EMIT refundFinished(result.error().message);
                                    return;
                                }
                                m_message->setText(tr("Refunded."));
                                reload();
                                done(nullptr);
                                Q_EMIT refundFinished(QString());
                            });
}

void InvoiceDetailDialog::requestChange(const billing::StatusChange &change,
                                        const std::function<void(const Error *)> &done)
{
    m_message->clear();
    commands::changeInvoiceStatus(m_session, this, m_id, change,
                                  [this, done](const Result<billing::Invoice> &result) {
                                      if (!result) {
                                          m_message->setText(result.error().message);
                                          done(&result.error());
                                          return;
                                      }
                                      reload();
                                      done(nullptr);
                                  });
}

void InvoiceDetailDialog::issue()
{
    billing::StatusChange change;
    change.to = InvoiceStatus::Unpaid;
    change.reason = tr("Issued from the console");
    requestChange(change, [](const Error *) {});
}

void InvoiceDetailDialog::markPaid()
{
    if (!m_detail)
        return;
    auto *dialog = new MarkPaidDialog(m_detail->invoice.number, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MarkPaidDialog::confirmed, this, [this, dialog] {
        billing::StatusChange change;
        change.to = InvoiceStatus::Paid;
        change.paymentMethod = dialog->method();
        change.paymentReference = dialog->reference();
        change.reason = dialog->reason();
        requestChange(change, [dialog](const Error *error) {
            if (error)
                dialog->showError(*error);
            else
                dialog->accept();
        });
    });
    dialog->open();
}

void InvoiceDetailDialog::cancelInvoice()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Cancel invoice"), tr("Why is it cancelled?"),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    billing::StatusChange change;
    change.to = InvoiceStatus::Cancelled;
    change.reason = reason;
    requestChange(change, [](const Error *) {});
}

void InvoiceDetailDialog::savePdf()
{
    const QString name = m_detail && !m_detail->invoice.number.isEmpty() ? m_detail->invoice.number
                                                                         : QStringLiteral("invoice");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save invoice PDF"),
                                                      name + QStringLiteral(".pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        savePdfTo(path);
}

void InvoiceDetailDialog::print()
{
    if (!m_detail)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(windowTitle());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(windowTitle()));
    if (dialog.exec() == QDialog::Accepted)
        printTo(printer);
}

bool InvoiceDetailDialog::printTo(QPrinter &printer)
{
    if (!m_detail)
        return false;
    billing::InvoicePdf::paint(m_detail->invoice, m_detail->today, printer, m_detail->print);
    m_message->setText(printer.outputFileName().isEmpty()
                           ? tr("Sent to %1.").arg(printer.printerName())
                           : tr("Printed to %1.").arg(printer.outputFileName()));
    return true;
}

void InvoiceDetailDialog::savePdfTo(const QString &path)
{
    m_message->setText(tr("Rendering the PDF…"));
    commands::invoicePdf(m_session, this, m_id, [this, path](const Result<QByteArray> &pdf) {
        QString error;
        if (!pdf) {
            error = pdf.error().message;
        } else {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size())
                error = file.errorString();
        }
        m_message->setText(error.isEmpty() ? tr("Saved %1.").arg(path)
                                           : tr("Could not save the PDF: %1").arg(error));
        Q_EMIT pdfSaved(path, error);
    });
}

} // namespace mp
