#include "reportpainter.h"

#include "format/documentfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <numeric>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::ReportPainter", text);
}

QFont font(qreal points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    // No ligatures: "ff" in a name stays two letters a PDF reader can search for.
    f.setStyleHint(QFont::SansSerif, QFont::PreferNoShaping);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Control characters a file may hold print as spaces; a line break stays one.
QString printable(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.category() == QChar::Other_Control && c != u'\n')
            c = u' ';
    }
    return out;
}

// A font with its metrics on the device.
struct Face
{
    Face(const QFont &f, const QPaintDevice &device)
        : font(f)
        , metrics(f, &device)
        , line(metrics.lineSpacing())
    { }

    qreal width(const QString &text) const { return metrics.horizontalAdvance(text); }

    // The lines a text takes in a width: its own line breaks, then wrapped at word boundaries
    // (or anywhere in a word longer than the width).
    QStringList wrap(const QString &text, qreal width, const QPaintDevice &device) const
    {
        QStringList lines;
        if (text.isEmpty())
            return lines;
        const QStringList paragraphs = printable(text).split(u'\n');
        for (const QString &p : paragraphs) {
            if (this->width(p) <= width * 1.001) { // no wrapping for rounding errors
                lines.append(p);
                continue;
            }
            QTextLayout layout(p, font, &device);
            QTextOption option;
            option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            layout.setTextOption(option);
            layout.beginLayout();
            for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
                l.setLineWidth(width);
                lines.append(p.mid(l.textStart(), l.textLength()).trimmed());
            }
            layout.endLayout();
        }
        return lines;
    }

    QFont font;
    QFontMetricsF metrics;
    qreal line;
};

struct Chunk
{
    QString label;
    std::vector<int> columns; // indexes into the table's columns
    std::vector<qreal> widths;
    std::vector<QStringList> header;
    qreal headerHeight = 0;
    std::vector<std::vector<QStringList>> cells; // row -> column -> lines
    std::vector<qreal> rowHeights;

    qreal labelHeight = 0;
    qreal top() const { return labelHeight + headerHeight; }
    qreal height() const
    {
        return top() + std::accumulate(rowHeights.begin(), rowHeights.end(), qreal(0));
    }
};

struct LaidTable
{
    QStringList heading;
    QStringList subheading;
    QStringList empty;
    std::vector<Chunk> chunks;
};

} // namespace

struct ReportPainter::Layout
{
    Layout(const Report &report, const QPaintDevice &paintDevice)
        : device(paintDevice)
        , mm(paintDevice.logicalDpiY() / 25.4)
        , width(paintDevice.width())
        , height(paintDevice.height())
        , title(font(13, true), paintDevice)
        , heading(font(10.5, true), paintDevice)
        , text(font(8.5), paintDevice)
        , bold(font(8.5, true), paintDevice)
        , small(font(7.5), paintDevice)
        , pad(1.2 * mm)
        , vpad(0.5 * mm)
        , tableGap(5 * mm)
        , chunkGap(2.5 * mm)
    {
        // The page header: the meet's name and venue on the left, its dates on the right.
        const qreal right = report.dates.isEmpty() ? 0 : small.width(report.dates) + 4 * mm;
        titleLines = title.wrap(report.title, width - right, device);
        venueLines = text.wrap(report.venue, width - right, device);
        headerHeight = titleLines.size() * title.line + venueLines.size() * text.line + 1.5 * mm;
        bodyTop = headerHeight + 4 * mm;
        footerTop = height - small.line;
        bodyBottom = footerTop - 3 * mm;
        for (const ReportTable &t : report.tables)
            tables.push_back(lay(t));
    }

    qreal headingHeight(const LaidTable &t) const
    {
        return t.heading.size() * heading.line + t.subheading.size() * text.line + 1.5 * mm;
    }
    qreal emptyHeight(const LaidTable &t) const { return t.empty.size() * text.line + 2 * vpad; }
    qreal rowsHeight(const Chunk &c, int from, int count) const
    {
        return std::accumulate(c.rowHeights.begin() + from, c.rowHeights.begin() + from + count,
                               qreal(0));
    }

    LaidTable lay(const ReportTable &table) const;
    std::vector<std::vector<int>> splitColumns(const ReportTable &table,
                                               std::vector<qreal> &widths) const;
    QList<Page> paginate() const;

    const QPaintDevice &device;
    qreal mm;
    qreal width;
    qreal height;
    Face title, heading, text, bold, small;
    qreal pad, vpad, tableGap, chunkGap;
    QStringList titleLines, venueLines;
    qreal headerHeight = 0, bodyTop = 0, bodyBottom = 0, footerTop = 0;
    std::vector<LaidTable> tables;
};

// Decides the columns' widths and, for a table too wide for the page, which columns go in
// which chunk. widths gets every column's width.
std::vector<std::vector<int>> ReportPainter::Layout::splitColumns(const ReportTable &table,
                                                                  std::vector<qreal> &widths) const
{
    using Role = ReportColumn::Role;
    const int n = int(table.columns.size());
    std::vector<qreal> natural(size_t(n), 0), minimum(size_t(n), 0);
    for (int c = 0; c < n; ++c) {
        const ReportColumn &column = table.columns[c];
        qreal w = bold.width(column.title);
        for (const QStringList &row : table.rows) {
            const QString cell = row.value(c);
            if (cell.contains(u'\n')) {
                for (const QString &line : cell.split(u'\n'))
                    w = std::max(w, text.width(line));
            } else {
                w = std::max(w, text.width(cell));
            }
        }
        natural[size_t(c)] = w + 2 * pad;
        minimum[size_t(c)] = column.stretch
            ? std::min(natural[size_t(c)], std::max(28 * mm, bold.width(column.title) + 2 * pad))
            : natural[size_t(c)];
    }
    widths = natural;
    const qreal total = std::accumulate(natural.begin(), natural.end(), qreal(0));
    std::vector<int> all(static_cast<size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    const auto isStretch = [&](int c) {
        return table.columns[c].stretch;
    };

    if (total <= width) { // room to spare goes to the names
        const auto stretches = std::count_if(all.begin(), all.end(), isStretch);
        for (int c = 0; c < n && stretches > 0; ++c) {
            if (isStretch(c))
                widths[size_t(c)] += (width - total) / qreal(stretches);
        }
        return {all};
    }
    const qreal minTotal = std::accumulate(minimum.begin(), minimum.end(), qreal(0));
    if (minTotal <= width) { // the names give up what is needed, in proportion
        const qreal factor = (total - width) / (total - minTotal);
        for (int c = 0; c < n; ++c)
            widths[size_t(c)] -= (natural[size_t(c)] - minimum[size_t(c)]) * factor;
        return {all};
    }

    // Too wide even so: the repeated columns continue in further chunks.
    widths = minimum;
    std::vector<int> lead, repeated, trail;
    for (int c = 0; c < n; ++c) {
        const Role role = table.columns[c].role;
        (role == Role::Lead ? lead : role == Role::Repeated ? repeated : trail).push_back(c);
    }
    const auto sum = [&](const std::vector<int> &cs) {
        qreal s = 0;
        for (int c : cs)
            s += widths[size_t(c)];
        return s;
    };
    const qreal room = width - sum(lead);
    std::vector<std::vector<int>> groups;
    if (!repeated.empty() && room > 0) {
        std::vector<int> current;
        for (int c : repeated) {
            if (!current.empty() && sum(current) + widths[size_t(c)] > room) {
                groups.push_back(current);
                current.clear();
            }
            current.push_back(c);
        }
        std::vector<int> last;
        while (!current.empty() && sum(current) + sum(trail) > room && current.size() > 1) {
            last.insert(last.begin(), current.back());
            current.pop_back();
        }
        groups.push_back(current);
        if (!last.empty())
            groups.push_back(last);
    } else {
        groups.push_back(repeated);
    }
    std::vector<std::vector<int>> chunks;
    for (size_t g = 0; g < groups.size(); ++g) {
        std::vector<int> columns = lead;
        columns.insert(columns.end(), groups[g].begin(), groups[g].end());
        if (g + 1 == groups.size())
            columns.insert(columns.end(), trail.begin(), trail.end());
        std::sort(columns.begin(), columns.end());
        chunks.push_back(columns);
    }
    return chunks;
}

LaidTable ReportPainter::Layout::lay(const ReportTable &table) const
{
    LaidTable laid;
    laid.heading = heading.wrap(table.heading, width, device);
    laid.subheading = text.wrap(table.subheading, width, device);
    if (table.rows.isEmpty()) {
        laid.empty = text.wrap(table.emptyText, width, device);
        return laid;
    }
    std::vector<qreal> widths;
    const std::vector<std::vector<int>> split = splitColumns(table, widths);
    for (size_t k = 0; k < split.size(); ++k) {
        Chunk chunk;
        chunk.columns = split[k];
        qreal total = 0;
        for (int c : chunk.columns)
            total += widths[size_t(c)];
        const qreal scale = total > width * 1.001 ? width / total : 1.0; // the last resort
        for (int c : chunk.columns)
            chunk.widths.push_back(widths[size_t(c)] * scale);
        if (split.size() > 1) {
            QStringList titles;
            for (int c : chunk.columns) {
                if (table.columns[c].role == ReportColumn::Role::Repeated)
                    titles.append(table.columns[c].title);
            }
            if (!titles.isEmpty()) {
                chunk.label = tr("%1 %2 to %3 (part %4 of %5)")
                                  .arg(table.repeatedName, titles.first(), titles.last())
                                  .arg(k + 1)
                                  .arg(split.size());
            } else {
                chunk.label = tr("(part %1 of %2)").arg(k + 1).arg(split.size());
            }
            chunk.labelHeight = text.line + vpad;
        }
        int headerLines = 1;
        for (size_t i = 0; i < chunk.columns.size(); ++i) {
            chunk.header.push_back(bold.wrap(table.columns[chunk.columns[i]].title,
                                             chunk.widths[i] - 2 * pad, device));
            headerLines = std::max(headerLines, int(chunk.header.back().size()));
        }
        chunk.headerHeight = headerLines * bold.line + 2 * vpad;
        chunk.cells.reserve(size_t(table.rows.size()));
        chunk.rowHeights.reserve(size_t(table.rows.size()));
        for (const QStringList &row : table.rows) {
            std::vector<QStringList> cells;
            cells.reserve(chunk.columns.size());
            int lines = 1;
            for (size_t i = 0; i < chunk.columns.size(); ++i) {
                cells.push_back(
                    text.wrap(row.value(chunk.columns[i]), chunk.widths[i] - 2 * pad, device));
                lines = std::max(lines, int(cells.back().size()));
            }
            chunk.cells.push_back(std::move(cells));
            chunk.rowHeights.push_back(lines * text.line + 2 * vpad);
        }
        laid.chunks.push_back(std::move(chunk));
    }
    return laid;
}

QList<ReportPainter::Page> ReportPainter::Layout::paginate() const
{
    QList<Page> pages(1);
    qreal y = bodyTop;
    const qreal room = bodyBottom - bodyTop;
    const auto place = [&](Part part, qreal partHeight) {
        part.top = y;
        pages.last().append(part);
        y += partHeight;
    };
    for (int t = 0; t < int(tables.size()); ++t) {
        const LaidTable &table = tables[size_t(t)];
        const qreal headingH = headingHeight(table);
        qreal total = headingH;
        if (table.chunks.empty())
            total += emptyHeight(table);
        for (size_t k = 0; k < table.chunks.size(); ++k)
            total += table.chunks[k].height() + (k > 0 ? chunkGap : 0);
        const auto newPage = [&] {
            pages.append(Page());
            y = bodyTop;
            place({Part::Kind::Heading, t, 0, 0, 0, true}, headingH);
        };

        // A table goes whole to the next page if it fits on one; a longer one starts here
        // if its heading, column titles and a few rows fit.
        if (y > bodyTop && y + total > bodyBottom) {
            qreal start = headingH;
            if (!table.chunks.empty()) {
                const Chunk &first = table.chunks.front();
                start += first.top()
                    + rowsHeight(first, 0, std::min(3, int(first.rowHeights.size())));
            }
            if (total <= room || y + start > bodyBottom) {
                pages.append(Page());
                y = bodyTop;
            }
        }
        place({Part::Kind::Heading, t}, headingH);
        if (table.chunks.empty())
            place({Part::Kind::Empty, t}, emptyHeight(table));

        for (int k = 0; k < int(table.chunks.size()); ++k) {
            const Chunk &chunk = table.chunks[size_t(k)];
            if (k > 0) {
                y += chunkGap;
                if (y + chunk.height() > bodyBottom && chunk.height() + headingH <= room)
                    newPage();
            }
            const int rows = int(chunk.rowHeights.size());
            int row = 0;
            while (row < rows) {
                if (y + chunk.top() + chunk.rowHeights[size_t(row)] > bodyBottom
                    && pages.last().size() > 1)
                    newPage();
                Part part {Part::Kind::Rows, t, k, row, 0};
                part.top = y;
                y += chunk.top();
                // At least one row a page, however tall, so nothing is lost.
                do {
                    y += chunk.rowHeights[size_t(row)];
                    ++row;
                    ++part.rows;
                } while (row < rows && y + chunk.rowHeights[size_t(row)] <= bodyBottom);
                pages.last().append(part);
            }
        }
        y += tableGap;
    }
    return pages;
}

ReportPainter::ReportPainter(const Report &report)
    : m_report(report)
{ }

ReportPainter::~ReportPainter() = default;

void ReportPainter::layout(const QPaintDevice &device)
{
    m_layout = std::make_unique<Layout>(m_report, device);
    m_pages = m_layout->paginate();
}

int ReportPainter::chunks(int table) const
{
    return m_layout ? std::max(1, int(m_layout->tables[size_t(table)].chunks.size())) : 1;
}

bool ReportPainter::paint(QPagedPaintDevice &device)
{
    layout(device);
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    for (int p = 0; p < m_pages.size(); ++p) {
        if (p > 0)
            device.newPage();
        paintPage(painter, p);
    }
    return painter.end();
}

void ReportPainter::paintPage(QPainter &painter, int page) const
{
    const Layout &l = *m_layout;
    const auto lines
        = [&](const Face &face, const QStringList &text, qreal x, qreal y, qreal w, bool right) {
              painter.setFont(face.font);
              for (const QString &line : text) {
                  const qreal left = right ? x + w - face.width(line) : x;
                  painter.drawText(QPointF(left, y + face.metrics.ascent()), line);
                  y += face.line;
              }
              return y;
          };
    QPen rule(Qt::black);
    rule.setWidthF(0.25 * l.mm);
    QPen hairline(QColor(0x99, 0x99, 0x99));
    hairline.setWidthF(0.12 * l.mm);
    painter.setPen(Qt::black);

    // The meet's header and the page number, on every page.
    qreal y = lines(l.title, l.titleLines, 0, 0, l.width, false);
    lines(l.text, l.venueLines, 0, y, l.width, false);
    lines(l.small, {m_report.dates}, 0, 0, l.width, true);
    painter.setPen(rule);
    painter.drawLine(QPointF(0, l.headerHeight), QPointF(l.width, l.headerHeight));
    painter.drawLine(QPointF(0, l.footerTop - 1 * l.mm), QPointF(l.width, l.footerTop - 1 * l.mm));
    lines(l.small, {m_report.subject}, 0, l.footerTop, l.width, false);
    lines(l.small, {tr("Page %1 of %2").arg(page + 1).arg(m_pages.size())}, 0, l.footerTop, l.width,
          true);

    for (const Part &part : m_pages[page]) {
        const LaidTable &table = l.tables[size_t(part.table)];
        const ReportTable &source = m_report.tables[part.table];
        y = part.top;
        switch (part.kind) {
        case Part::Kind::Heading: {
            QStringList heading = table.heading;
            if (part.continued && !heading.isEmpty())
                heading.last() = tr("%1 (continued)").arg(heading.last());
            y = lines(l.heading, heading, 0, y, l.width, false);
            lines(l.text, table.subheading, 0, y, l.width, false);
            break;
        }
        case Part::Kind::Empty:
            lines(l.text, table.empty, l.pad, y + l.vpad, l.width, false);
            break;
        case Part::Kind::Rows: {
            const Chunk &chunk = table.chunks[size_t(part.chunk)];
            if (!chunk.label.isEmpty())
                y = lines(l.text, {chunk.label}, 0, y, l.width, false) + l.vpad;
            const qreal tableWidth
                = std::accumulate(chunk.widths.begin(), chunk.widths.end(), qreal(0));
            const auto cells = [&](const Face &face, const std::vector<QStringList> &texts) {
                qreal x = 0;
                for (size_t i = 0; i < texts.size(); ++i) {
                    const bool right = source.columns[chunk.columns[i]].alignRight;
                    lines(face, texts[i], x + l.pad, y + l.vpad, chunk.widths[i] - 2 * l.pad,
                          right);
                    x += chunk.widths[i];
                }
            };
            cells(l.bold, chunk.header);
            y += chunk.headerHeight;
            painter.setPen(rule);
            painter.drawLine(QPointF(0, y), QPointF(tableWidth, y));
            for (int r = part.firstRow; r < part.firstRow + part.rows; ++r) {
                const qreal h = chunk.rowHeights[size_t(r)];
                if (r % 2 == 1)
                    painter.fillRect(QRectF(0, y, tableWidth, h), QColor(0xee, 0xee, 0xee));
                painter.setPen(Qt::black);
                cells(l.text, chunk.cells[size_t(r)]);
                y += h;
            }
            painter.setPen(hairline);
            painter.drawLine(QPointF(0, y), QPointF(tableWidth, y));
            painter.setPen(Qt::black);
            break;
        }
        }
    }
}

QMarginsF ReportPainter::margins()
{
    return {15, 12, 15, 12};
}

bool ReportPainter::writePdf(const Report &report, const QPageSize &pageSize, QIODevice *out,
                             int *pages, QString *error)
{
    QPdfWriter writer(out);
    writer.setPageSize(pageSize);
    writer.setPageMargins(margins(), QPageLayout::Millimeter);
    writer.setTitle(report.title.isEmpty() ? report.subject
                                           : report.title + u" – " + report.subject);
    writer.setCreator(QStringLiteral("Meetdesk"));
    ReportPainter painter(report);
    if (!painter.paint(writer)) {
        if (error)
            *error = tr("the PDF could not be drawn");
        return false;
    }
    if (pages)
        *pages = int(painter.pages().size());
    return true;
}

bool ReportPainter::writePdfFile(const Report &report, const QPageSize &pageSize,
                                 const QString &path, int *pages, QString *error)
{
    QFile existing(path);
    if (QFileInfo(path).isFile() && existing.size() > 0
        && (!existing.open(QIODevice::ReadOnly) || !existing.read(5).startsWith("%PDF-"))) {
        if (error)
            *error = tr("it exists and is not a PDF, so it is left alone (remove it or choose "
                        "another name)");
        return false;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    return writePdf(report, pageSize, &buffer, pages, error)
        && DocumentFile::writeFile(path, bytes, error);
}

QPageSize::PageSizeId ReportPainter::paperFor(const QLocale &locale)
{
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

std::optional<QPageSize::PageSizeId> ReportPainter::paperNamed(const QString &name)
{
    if (name.compare(u"A4", Qt::CaseInsensitive) == 0)
        return QPageSize::A4;
    if (name.compare(u"Letter", Qt::CaseInsensitive) == 0)
        return QPageSize::Letter;
    return std::nullopt;
}

} // namespace meetdesk
