#pragma once

#include "textencoding.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace meetdesk {

// A sheet of text cells as read from a CSV, TSV or .xlsx file, with the row numbers a
// spreadsheet program shows (a text file's records counted as Excel counts them), so every
// message can name its place.
struct Table
{
    struct Row
    {
        int number = 0;
        QStringList cells;
    };

    QString source; // the file's name, for messages
    QString description; // how it was read: "CSV, semicolon, Windows-1252", "sheet Entries"
    // Text: how the bytes were read (detected, unless the reader was told).
    std::optional<TextEncoding::Encoding> encoding;
    QChar delimiter;
    // Workbooks: the sheet read, and every sheet's name in the workbook's order.
    QString sheet;
    QStringList sheets;
    QList<Row> rows; // rows with every cell empty are left out

    QString cell(qsizetype row, qsizetype column) const
    {
        return rows.value(row).cells.value(column);
    }
    qsizetype columnCount() const
    {
        qsizetype n = 0;
        for (const Row &r : rows)
            n = std::max(n, r.cells.size());
        return n;
    }
    // 0 -> "A", 25 -> "Z", 26 -> "AA": how spreadsheets name columns.
    static QString columnName(qsizetype column)
    {
        QString name;
        for (qsizetype n = column + 1; n > 0; n = (n - 1) / 26)
            name.prepend(QChar(u'A' + char16_t((n - 1) % 26)));
        return name;
    }
};

// A table, or why there is none ("entries.xlsx: not a zip archive").
struct TableRead
{
    Table table;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

} // namespace meetdesk
