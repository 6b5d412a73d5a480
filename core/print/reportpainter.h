#pragma once

#include "report.h"

#include <QList>
#include <QMarginsF>
#include <QPageSize>

#include <memory>
#include <optional>

class QIODevice;
class QLocale;
class QPagedPaintDevice;
class QPainter;
class QPaintDevice;

namespace meetdesk {

// Lays a Report out on pages and paints them, on a PDF writer or a printer (both are paged
// paint devices): the meet's header and the page number on every page; a table kept on one
// page when it fits on one, otherwise continued on the next with its heading and column
// titles repeated; a table too wide for the paper continues its attempts or heights in a
// second table below.
class ReportPainter
{
public:
    // One thing placed on a page, top to bottom.
    struct Part
    {
        enum class Kind { Heading, Rows, Empty };
        Kind kind = Kind::Rows;
        int table = 0;
        int chunk = 0; // which column chunk of a table too wide for the page
        int firstRow = 0;
        int rows = 0;
        bool continued = false; // a heading repeated on a following page
        double top = 0; // in device units from the top of the printable area
    };
    using Page = QList<Part>;

    explicit ReportPainter(const Report &report);
    ~ReportPainter();

    // Lays the report out for the device's printable area and resolution.
    void layout(const QPaintDevice &device);
    const QList<Page> &pages() const { return m_pages; }
    // How many column chunks a table was split into (1 when it fits the width).
    int chunks(int table) const;
    // Lays out and paints every page. False if the device cannot be painted on.
    bool paint(QPagedPaintDevice &device);

    // Writes the report as PDF to out. False, with a message, when it cannot.
    static bool writePdf(const Report &report, const QPageSize &pageSize, QIODevice *out,
                         int *pages, QString *error);
    // Writes the report as a PDF file through a save file, so a failure leaves any earlier
    // file whole. Refuses to replace a file that is not a PDF (the competition file, say).
    static bool writePdfFile(const Report &report, const QPageSize &pageSize, const QString &path,
                             int *pages, QString *error);
    // The margins Meetdesk prints with, in millimetres.
    static QMarginsF margins();
    // The paper a locale uses: Letter in the United States, Canada and Mexico, else A4.
    static QPageSize::PageSizeId paperFor(const QLocale &locale);
    // "A4" or "Letter", any case; nothing for other names.
    static std::optional<QPageSize::PageSizeId> paperNamed(const QString &name);

private:
    struct Layout;
    void paintPage(QPainter &painter, int page) const;

    const Report &m_report;
    std::unique_ptr<Layout> m_layout;
    QList<Page> m_pages;
};

} // namespace meetdesk
