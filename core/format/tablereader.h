#pragma once

#include "table.h"

#include <QByteArrayView>

namespace meetdesk {

// Entries tables from any of the files a secretary is sent: .xlsx workbooks, and CSV or TSV
// text in UTF-8 (with or without a BOM), UTF-16 or Windows-1252, delimited by commas,
// semicolons or tabs. Encoding and delimiter are detected; the header row is the mapping's
// business (EntriesMapping).
class TableReader
{
public:
    static constexpr qint64 maxFileSize = qint64(64) * 1024 * 1024;

    struct Options
    {
        QString sheet; // .xlsx: the sheet's name; empty for the first
        QChar delimiter; // text: null to detect
        std::optional<TextEncoding::Encoding> encoding; // text: none to detect
    };

    static TableRead readFile(const QString &path, const Options &options = {});
    static TableRead readText(QByteArrayView bytes, const QString &source,
                              const Options &options = {});
};

} // namespace meetdesk
