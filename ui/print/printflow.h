#pragma once

#include <QObject>
#include <QPageSize>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace meetdesk {

class Document;
class Node;
struct Report;
struct ReportRequest;

// File > Print Preview..., Print... and Export PDF...: the chooser (what and for which part
// of the meet), then Qt's print preview, print dialog or a PDF file. Every dialog is opened
// with open(); the report is built once, when the chooser is accepted.
class PrintFlow : public QObject
{
    Q_OBJECT

public:
    // document and current say, when asked, what the window shows and has selected.
    PrintFlow(QWidget *window, std::function<Document *()> document,
              std::function<const Node *()> current);
    ~PrintFlow() override;

    QAction *previewAction() const { return m_preview; }
    QAction *printAction() const { return m_print; }
    QAction *exportAction() const { return m_export; }

    void preview();
    void print();
    void exportPdf();

Q_SIGNALS:
    // For the status bar.
    void message(const QString &text);

private:
    using Chosen = std::function<void(std::shared_ptr<const Report>, QPageSize::PageSizeId,
                                      const ReportRequest &)>;
    void choose(const QString &action, Chosen then);

    QWidget *m_window;
    std::function<Document *()> m_document;
    std::function<const Node *()> m_current;
    QAction *m_preview;
    QAction *m_print;
    QAction *m_export;
};

} // namespace meetdesk
