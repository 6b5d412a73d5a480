#pragma once

#include <QStringList>
#include <QTextStream>

namespace meetdesk {

// meetdesk import FILE SOURCE [--mapping SPEC] [--preset opentrack] [--sheet NAME] [--accept]
//                 [--dry-run]
// Entries (.csv, .tsv, .txt, .xlsx) or a FinishLynx .lif into a competition file: the clean
// rows are applied and saved, the rows held for review listed. Exit 0: all applied, 1: rows
// held (with --accept: rows that cannot be applied at all), 2: could not start.
class ImportCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace meetdesk
