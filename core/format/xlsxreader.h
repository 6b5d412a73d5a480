#pragma once

#include "table.h"

#include <QDateTime>

namespace meetdesk {

// The first (or a named) sheet of an Office Open XML workbook (.xlsx), read through QuaZip
// and QXmlStreamReader: shared and inline strings, numbers, booleans, and dates, which the
// file stores as serial day numbers (1900 or 1904 based) marked only by their cell's style.
// Date cells come out as ISO text ("2009-04-17"), numbers with the decimals their format shows
// ("5.40" under "0.00", so a seed mark reads as the user typed it) or else as the shortest text
// that reads back the same ("10.85", "101"), booleans as TRUE/FALSE.
class XlsxReader
{
public:
    // A part bigger than this, unpacked, is refused rather than read into memory.
    static constexpr qint64 maxPartSize = qint64(256) * 1024 * 1024;

    static TableRead read(const QString &path, const QString &sheet = {});

    // The pure parts, tested with data rows.
    // "C7" -> 2, "AA1" -> 26; -1 when the reference has no column letters.
    static int columnIndex(QStringView cellReference);
    // Whether a number format shows a date or a time ("dd/mm/yyyy", "[h]:mm", not "0.00").
    static bool isDateFormat(QStringView formatCode);
    static bool isBuiltInDateFormat(int numFmtId);
    // The decimals a fixed-point format shows ("0.00" -> 2, "0" -> 0); -1 for General,
    // percentages, scientific and other formats that do not show a number as it is.
    static int decimalsOf(QStringView formatCode);
    // A serial day number as a date and time in the workbook's date system.
    static QDateTime fromSerial(double serial, bool base1904);
    // A date cell's text: ISO date, with the time when there is one; a time alone for serials
    // under one day.
    static QString dateText(double serial, bool base1904);
};

} // namespace meetdesk
