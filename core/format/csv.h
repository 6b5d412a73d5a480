#pragma once

#include <QList>
#include <QStringList>

namespace meetdesk {

// Delimited text as spreadsheets and timing systems write it (RFC 4180 and its relatives):
// fields quoted with ", quotes doubled inside, delimiters and line breaks allowed inside
// quotes, CRLF or LF line ends.
class Csv
{
public:
    struct Record
    {
        int line = 0; // the line of the file the record starts on, from 1
        // The row a spreadsheet program shows it on: records before it, blank lines included,
        // plus one. Differs from line after a field with a line break.
        int row = 0;
        QStringList fields;
    };

    struct Parsed
    {
        QList<Record> records;
        QString error; // empty, or "line N: ..." naming where the problem starts
    };

    // Blank lines are skipped. An unclosed quote is an error naming the line it opened on;
    // the records before it are still returned.
    static Parsed parse(QStringView text, QChar delimiter);
    // Comma, semicolon or tab: the one that splits the first lines into the same number of
    // fields, more than one.
    static QChar detectDelimiter(QStringView text);
    // One field, quoted only when it has to be.
    static QString field(const QString &value, QChar delimiter);
    static QString line(const QStringList &fields, QChar delimiter);
};

} // namespace meetdesk
