#include "printflow.h"

#include "model/document.h"
#include "print/reportpainter.h"
#include "printchooser.h"
#include "prompts.h"

#include <QAction>
#include <QFileInfo>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace meetdesk {

PrintFlow::PrintFlow(QWidget *window, std::function<Document *()> document,
                     std::function<const Node *()> current)
    : QObject(window)
    , m_window(window)
    , m_document(std::move(document))
    , m_current(std::move(current))
    , m_preview(new QAction(tr("Print Pre&view..."), this))
    , m_print(new QAction(tr("&Print..."), this))
    , m_export(new QAction(tr("E&xport PDF..."), this))
{
    m_preview->setObjectName(QStringLiteral("printPreviewAction"));
    m_print->setObjectName(QStringLiteral("printAction"));
    m_print->setShortcut(QKeySequence::Print);
    m_export->setObjectName(QStringLiteral("exportPdfAction"));
    connect(m_preview, &QAction::triggered, this, &PrintFlow::preview);
    connect(m_print, &QAction::triggered, this, &PrintFlow::print);
    connect(m_export, &QAction::triggered, this, &PrintFlow::exportPdf);
}

PrintFlow::~PrintFlow() = default;

void PrintFlow::choose(const QString &action, Chosen then)
{
    const Document *document = m_document();
    auto *chooser = new PrintChooser(document->competition(), m_current(), action, m_window);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser, document, then] {
        if (document != m_document())
            return; // another file was opened meanwhile
        const ReportRequest request = chooser->request();
        auto report
            = std::make_shared<const Report>(ReportBuilder(document->competition()).build(request));
        then(report, chooser->paper(), request);
    });
    chooser->open();
}

namespace {

// One of Qt's print dialogs over a printer set up for the report; the printer goes with it.
template<class Dialog>
Dialog *overPrinter(QWidget *parent, QPageSize::PageSizeId paper, const Report &report,
                    const char *name)
{
    auto *printer = new QPrinter(QPrinter::HighResolution);
    printer->setPageSize(QPageSize(paper));
    printer->setPageMargins(ReportPainter::margins(), QPageLayout::Millimeter);
    printer->setDocName(report.title + u" – " + report.subject);
    auto *dialog = new Dialog(printer, parent);
    dialog->setObjectName(QLatin1StringView(name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    return dialog;
}

} // namespace

void PrintFlow::preview()
{
    choose(tr("Preview"),
           [this](std::shared_ptr<const Report> report, auto paper, const ReportRequest &) {
               auto *dialog
                   = overPrinter<QPrintPreviewDialog>(m_window, paper, *report, "printPreview");
               dialog->setWindowTitle(tr("Print Preview: %1").arg(report->subject));
               connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                       [report](QPrinter *p) { ReportPainter(*report).paint(*p); });
               dialog->resize(m_window->size() * 0.9);
               dialog->open();
           });
}

void PrintFlow::print()
{
    choose(tr("Print..."),
           [this](std::shared_ptr<const Report> report, auto paper, const ReportRequest &) {
               auto *dialog = overPrinter<QPrintDialog>(m_window, paper, *report, "printDialog");
               QPrinter *printer = dialog->printer();
               connect(dialog, &QDialog::accepted, this, [this, report, printer] {
                   ReportPainter painter(*report);
                   if (!painter.paint(*printer)) {
                       Prompts::warn(
                           m_window, tr("Cannot print"),
                           tr("The printer %1 could not be used.").arg(printer->printerName()));
                       return;
                   }
                   Q_EMIT message(tr("Sent %n page(s) to %1", nullptr, int(painter.pages().size()))
                                      .arg(printer->outputFileName().isEmpty()
                                               ? printer->printerName()
                                               : printer->outputFileName()));
               });
               dialog->open();
           });
}

void PrintFlow::exportPdf()
{
    choose(tr("Export PDF..."),
           [this](std::shared_ptr<const Report> report, auto paper, const ReportRequest &request) {
               // "riverside-open-2026-results-t01.pdf"
               const QString base = QFileInfo(m_document()->filePath()).completeBaseName();
               QStringList name {base.isEmpty() ? tr("meet") : base};
               if (int(request.content) & int(ReportRequest::Content::StartLists))
                   name.append(tr("start-lists"));
               if (int(request.content) & int(ReportRequest::Content::Results))
                   name.append(tr("results"));
               if (request.scope == ReportRequest::Scope::Events)
                   name.append(request.event.toLower());
               else if (request.scope == ReportRequest::Scope::Day)
                   name.append(tr("day-%1").arg(request.day));
               const QString suggested = name.join(u'-') + QStringLiteral(".pdf");
               QString path = Prompts::saveFileName(m_window, tr("Export PDF"), suggested,
                                                    tr("PDF files (*.pdf)"));
               if (path.isEmpty())
                   return;
               if (QFileInfo(path).suffix().isEmpty())
                   path += QStringLiteral(".pdf");
               int pages = 0;
               QString error;
               if (!ReportPainter::writePdfFile(*report, QPageSize(paper), path, &pages, &error)) {
                   Prompts::warn(m_window, tr("Cannot export PDF"),
                                 tr("%1 could not be written:\n%2").arg(path, error));
                   return;
               }
               Q_EMIT message(tr("Exported %n page(s) to %1", nullptr, pages).arg(path));
           });
}

} // namespace meetdesk
