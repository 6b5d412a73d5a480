#pragma once

// Reading printed PDFs back with poppler-utils (pdftotext, pdfinfo), for the tests of
// printing. The tools come with Debian's poppler-utils (scripts/setup.sh installs it).

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace meetdesk::pdftext {

// Empty when the tools are there; otherwise what to install.
inline QString missingTools()
{
    for (const char *tool : {"pdftotext", "pdfinfo"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return QStringLiteral("%1 is not installed (poppler-utils)")
                .arg(QLatin1StringView(tool));
    }
    return {};
}

inline QString run(const QString &tool, const QStringList &arguments)
{
    QProcess p;
    p.start(tool, arguments);
    if (!p.waitForFinished(300000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The text of the PDF, one page after another separated by form feeds. With layout, each
// printed line of a table is one line of text, its cells in order; without, the text comes
// in the order it was drawn (a cell's lines one after another).
inline QString text(const QString &pdf, bool layout = true)
{
    QStringList arguments;
    arguments << (layout ? QStringLiteral("-layout") : QStringLiteral("-raw"));
    arguments << pdf << QStringLiteral("-");
    return run(QStringLiteral("pdftotext"), arguments);
}

inline QStringList pages(const QString &pdf)
{
    QStringList pages = text(pdf).split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// A pdfinfo field: "Pages", "Page size" ...
inline QString info(const QString &pdf, const QString &field)
{
    const QRegularExpression line(
        QStringLiteral("^%1:\\s+(.*)$").arg(QRegularExpression::escape(field)),
        QRegularExpression::MultilineOption);
    return line.match(run(QStringLiteral("pdfinfo"), {pdf})).captured(1).trimmed();
}

inline int pageCount(const QString &pdf)
{
    return info(pdf, QStringLiteral("Pages")).toInt();
}

} // namespace meetdesk::pdftext
