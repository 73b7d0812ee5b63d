#include "invoice_detail_dialog.h"

#include "billing/invoice_pdf.h"
#include "billing/invoice_status.h"
#include "mark_paid_dialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mp {

using billing::InvoiceStatus;

InvoiceDetailDialog::InvoiceDetailDialog(ConsoleSession *session, const QString &invoiceId, QWidget *parent)
    : QDialog(parent), m_session(session), m_id(invoiceId), m_document(new QTextBrowser(this)),
      m_audit(new QTreeWidget(this)), m_message(new QLabel(this)),
      m_issue(new QPushButton(tr("&Issue"), this)), m_markPaid(new QPushButton(tr("Mark &paid…"), this)),
      m_cancel(new QPushButton(tr("&Cancel invoice…"), this)), m_pdf(new QPushButton(tr("&Save PDF…"), this))
{
    setObjectName(QStringLiteral("invoiceDetailDialog"));
    setWindowTitle(tr("Invoice"));
    m_audit->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_audit->setRootIsDecorated(false);
    m_audit->header()->setStretchLastSection(true);
    m_message->setWordWrap(true);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_document);
    splitter->addWidget(m_audit);
    splitter->setSizes({480, 120});
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_issue, m_markPaid, m_cancel, m_pdf}) {
        b->setEnabled(false);
        actions->addWidget(b);
    }
    actions->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    actions->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_issue, &QPushButton::clicked, this, &InvoiceDetailDialog::issue);
    connect(m_markPaid, &QPushButton::clicked, this, &InvoiceDetailDialog::markPaid);
    connect(m_cancel, &QPushButton::clicked, this, &InvoiceDetailDialog::cancelInvoice);
    connect(m_pdf, &QPushButton::clicked, this, &InvoiceDetailDialog::savePdf);
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

void InvoiceDetailDialog::display(const commands::InvoiceDetail &detail)
{
    m_detail = detail;
    const billing::Invoice &inv = detail.invoice;
    setWindowTitle(inv.number.isEmpty() ? tr("Draft invoice") : tr("Invoice %1").arg(inv.number));
    // The same layout the PDF prints, so what staff check is what the customer gets.
    m_document->setHtml(billing::InvoicePdf::html(inv, detail.today));
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
