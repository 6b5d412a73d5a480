#include "xlsxreader.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>

#include <cmath>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::XlsxReader", text);
}

// Reads one part of the package; a missing part is an empty array with no error when
// optional (a workbook without shared strings or styles is valid).
bool readPart(QuaZip &zip, const QString &name, bool optional, QByteArray *bytes, QString *error)
{
    bytes->clear();
    if (!zip.setCurrentFile(name, QuaZip::csInsensitive)) {
        if (!optional)
            *error = tr("the workbook has no %1").arg(name);
        return optional;
    }
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot unpack %1 (zip error %2)").arg(name).arg(file.getZipError());
        return false;
    }
    if (file.usize() > XlsxReader::maxPartSize) {
        *error
            = tr("%1 is larger than %2 MB unpacked").arg(name).arg(XlsxReader::maxPartSize >> 20);
        return false;
    }
    *bytes = file.read(XlsxReader::maxPartSize + 1);
    file.close();
    if (bytes->size() > XlsxReader::maxPartSize || file.getZipError() != UNZ_OK) {
        *error = tr("%1 is damaged (zip error %2)").arg(name).arg(file.getZipError());
        return false;
    }
    return true;
}

QString xmlError(const QString &part, const QXmlStreamReader &xml)
{
    return tr("%1, line %2, column %3: %4")
        .arg(part)
        .arg(xml.lineNumber())
        .arg(xml.columnNumber())
        .arg(xml.errorString());
}

// The attribute of that local name, whatever its namespace prefix (r:id in transitional
// files, another namespace in strict ones).
QString attribute(const QXmlStreamReader &xml, QLatin1StringView localName)
{
    for (const QXmlStreamAttribute &a : xml.attributes()) {
        if (a.name() == localName)
            return a.value().toString();
    }
    return {};
}

struct Workbook
{
    QString sheetPart; // "xl/worksheets/sheet1.xml"
    QString sheetName;
    QStringList sheetNames;
    bool base1904 = false;
    QStringList sharedStrings;
    QList<bool> dateStyles; // by cell style index (the s attribute)
    QList<int> decimals; // by cell style index: XlsxReader::decimalsOf its format
};

bool readWorkbook(QuaZip &zip, const QString &wanted, Workbook *book, QString *error)
{
    QByteArray bytes;
    if (!readPart(zip, QStringLiteral("xl/workbook.xml"), false, &bytes, error))
        return false;
    QList<std::pair<QString, QString>> sheets; // name, relationship id
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"workbookPr") {
            const QString v = attribute(xml, QLatin1StringView("date1904"));
            book->base1904 = v == u"1" || v == u"true";
        } else if (xml.name() == u"sheet") {
            sheets.append({attribute(xml, QLatin1StringView("name")),
                           attribute(xml, QLatin1StringView("id"))});
        }
    }
    if (xml.hasError()) {
        *error = xmlError(QStringLiteral("xl/workbook.xml"), xml);
        return false;
    }
    if (sheets.isEmpty()) {
        *error = tr("the workbook has no sheets");
        return false;
    }
    for (const auto &[name, id] : std::as_const(sheets))
        book->sheetNames.append(name);
    QString relationship;
    if (wanted.isEmpty()) {
        book->sheetName = sheets.first().first;
        relationship = sheets.first().second;
    } else {
        for (const auto &[name, id] : std::as_const(sheets)) {
            if (name.compare(wanted, Qt::CaseInsensitive) == 0) {
                book->sheetName = name;
                relationship = id;
            }
        }
        if (relationship.isEmpty()) {
            *error = tr("no sheet is called \"%1\" (the sheets: %2)")
                         .arg(wanted, book->sheetNames.join(QStringLiteral(", ")));
            return false;
        }
    }

    if (!readPart(zip, QStringLiteral("xl/_rels/workbook.xml.rels"), false, &bytes, error))
        return false;
    QXmlStreamReader rels(bytes);
    while (!rels.atEnd()) {
        if (rels.readNext() == QXmlStreamReader::StartElement && rels.name() == u"Relationship"
            && attribute(rels, QLatin1StringView("Id")) == relationship) {
            const QString target = attribute(rels, QLatin1StringView("Target"));
            book->sheetPart = target.startsWith(u'/') ? target.mid(1) : u"xl/" + target;
        }
    }
    if (rels.hasError()) {
        *error = xmlError(QStringLiteral("xl/_rels/workbook.xml.rels"), rels);
        return false;
    }
    if (book->sheetPart.isEmpty()) {
        *error = tr("the workbook does not say where sheet \"%1\" is").arg(book->sheetName);
        return false;
    }
    return true;
}

bool readSharedStrings(QuaZip &zip, Workbook *book, QString *error)
{
    QByteArray bytes;
    const QString part = QStringLiteral("xl/sharedStrings.xml");
    if (!readPart(zip, part, true, &bytes, error))
        return false;
    if (bytes.isEmpty())
        return true;
    QXmlStreamReader xml(bytes);
    QString current;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"si")
                current.clear();
            else if (xml.name() == u"t")
                current += xml.readElementText();
            else if (xml.name() == u"rPh") // phonetic guide, not the text
                xml.skipCurrentElement();
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"si") {
            book->sharedStrings.append(current);
        }
    }
    if (xml.hasError()) {
        *error = xmlError(part, xml);
        return false;
    }
    return true;
}

bool readStyles(QuaZip &zip, Workbook *book, QString *error)
{
    QByteArray bytes;
    const QString part = QStringLiteral("xl/styles.xml");
    if (!readPart(zip, part, true, &bytes, error))
        return false;
    if (bytes.isEmpty())
        return true;
    QHash<int, QString> custom;
    QXmlStreamReader xml(bytes);
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"numFmt") {
                custom.insert(attribute(xml, QLatin1StringView("numFmtId")).toInt(),
                              attribute(xml, QLatin1StringView("formatCode")));
            } else if (xml.name() == u"cellXfs") {
                inCellXfs = true;
            } else if (inCellXfs && xml.name() == u"xf") {
                const int id = attribute(xml, QLatin1StringView("numFmtId")).toInt();
                // Built-in formats that show a number as it is: 1 "0", 2 "0.00", 3 "#,##0",
                // 4 "#,##0.00".
                static const QHash<int, int> builtInDecimals {{1, 0}, {2, 2}, {3, 0}, {4, 2}};
                if (custom.contains(id)) {
                    book->dateStyles.append(XlsxReader::isDateFormat(custom.value(id)));
                    book->decimals.append(XlsxReader::decimalsOf(custom.value(id)));
                } else {
                    book->dateStyles.append(XlsxReader::isBuiltInDateFormat(id));
                    book->decimals.append(builtInDecimals.value(id, -1));
                }
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs") {
            inCellXfs = false;
        }
    }
    if (xml.hasError()) {
        *error = xmlError(part, xml);
        return false;
    }
    return true;
}

QString numberText(const QString &raw, int decimals)
{
    bool ok = false;
    const double v = raw.toDouble(&ok);
    if (!ok)
        return raw;
    return decimals >= 0 ? QString::number(v, 'f', decimals) : QString::number(v, 'g', 15);
}

// The text inside <is> or <si>: plain <t>, or runs of <r><t>, without phonetic guides.
QString inlineText(QXmlStreamReader &xml)
{
    QString text;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"t")
            text += xml.readElementText();
        else if (xml.name() == u"r")
            text += inlineText(xml);
        else
            xml.skipCurrentElement();
    }
    return text;
}

bool readSheet(QuaZip &zip, const Workbook &book, Table *table, QString *error)
{
    QByteArray bytes;
    if (!readPart(zip, book.sheetPart, false, &bytes, error))
        return false;
    QXmlStreamReader xml(bytes);
    int rowNumber = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"row")
            continue;
        const QString r = attribute(xml, QLatin1StringView("r"));
        rowNumber = r.isEmpty() ? rowNumber + 1 : r.toInt();
        Table::Row row {rowNumber, {}};
        int column = -1;
        while (xml.readNextStartElement()) {
            if (xml.name() != u"c") {
                xml.skipCurrentElement();
                continue;
            }
            const int at = XlsxReader::columnIndex(attribute(xml, QLatin1StringView("r")));
            column = at >= 0 ? at : column + 1;
            const QString type = attribute(xml, QLatin1StringView("t"));
            const int style = attribute(xml, QLatin1StringView("s")).toInt();
            QString value;
            bool hasValue = false;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"v") {
                    value = xml.readElementText();
                    hasValue = true;
                } else if (xml.name() == u"is") {
                    value = inlineText(xml);
                    hasValue = true;
                } else {
                    xml.skipCurrentElement();
                }
            }
            if (!hasValue)
                continue;
            QString text;
            if (type == u"s") {
                const int index = value.toInt();
                if (index < 0 || index >= book.sharedStrings.size()) {
                    *error = tr("%1, cell %2%3: no shared string %4")
                                 .arg(book.sheetName, Table::columnName(column))
                                 .arg(rowNumber)
                                 .arg(value);
                    return false;
                }
                text = book.sharedStrings[index];
            } else if (type == u"inlineStr" || type == u"str" || type == u"e" || type == u"d") {
                text = value;
            } else if (type == u"b") {
                text = value.trimmed() == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            } else if (book.dateStyles.value(style)) {
                bool ok = false;
                const double serial = value.toDouble(&ok);
                text = ok ? XlsxReader::dateText(serial, book.base1904) : value;
            } else {
                text = numberText(value, book.decimals.value(style, -1));
            }
            if (column >= 0 && column < 16384) {
                while (row.cells.size() <= column)
                    row.cells.append(QString());
                row.cells[column] = text;
            }
        }
        bool empty = true;
        for (const QString &c : std::as_const(row.cells))
            empty = empty && c.trimmed().isEmpty();
        if (!empty)
            table->rows.append(std::move(row));
    }
    if (xml.hasError()) {
        *error = xmlError(book.sheetPart, xml);
        return false;
    }
    return true;
}

} // namespace

TableRead XlsxReader::read(const QString &path, const QString &sheet)
{
    TableRead result;
    result.table.source = QFileInfo(path).fileName();
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip)) {
        result.error = result.table.source + u": "
            + tr("not an .xlsx workbook (it cannot be opened as a zip archive)");
        return result;
    }
    Workbook book;
    QString error;
    if (!readWorkbook(zip, sheet, &book, &error) || !readSharedStrings(zip, &book, &error)
        || !readStyles(zip, &book, &error) || !readSheet(zip, book, &result.table, &error)) {
        result.error = result.table.source + u": " + error;
        result.table.rows.clear();
        return result;
    }
    result.table.description = tr("workbook, sheet %1").arg(book.sheetName);
    result.table.sheet = book.sheetName;
    result.table.sheets = book.sheetNames;
    return result;
}

int XlsxReader::columnIndex(QStringView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size() && i < 4; ++i) {
        const QChar c = reference[i].toUpper();
        if (c < u'A' || c > u'Z')
            break;
        column = column * 26 + (c.unicode() - u'A' + 1);
    }
    return i == 0 ? -1 : column - 1;
}

bool XlsxReader::isBuiltInDateFormat(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
        || (id >= 50 && id <= 58);
}

bool XlsxReader::isDateFormat(QStringView code)
{
    // Only the first section counts (positive numbers); quoted text, escaped characters
    // and bracketed colours or conditions are not date parts, but [h], [m], [s] are.
    bool quoted = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (quoted) {
            quoted = c != u'"';
            continue;
        }
        if (c == u'"') {
            quoted = true;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u';') {
            return false;
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i);
            if (end < 0)
                return false;
            const QStringView inside = code.mid(i + 1, end - i - 1);
            if (!inside.isEmpty() && QStringLiteral("hHmMsS").contains(inside[0])
                && inside.count(inside[0]) == inside.size())
                return true;
            i = end;
        } else if (QStringLiteral("dDmMyYhHsS").contains(c)) {
            return true;
        }
    }
    return false;
}

int XlsxReader::decimalsOf(QStringView code)
{
    // The first section, without quoted text and escapes: digits, separators and a point only.
    QString plain;
    bool quoted = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (quoted) {
            quoted = c != u'"';
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u';') {
            break;
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i);
            i = end < 0 ? code.size() : end;
        } else {
            plain.append(c);
        }
    }
    plain = plain.trimmed();
    if (plain.isEmpty())
        return -1;
    for (const QChar c : std::as_const(plain)) {
        if (!QStringLiteral("0#?,.").contains(c))
            return -1;
    }
    const qsizetype point = plain.indexOf(u'.');
    return point < 0 ? 0 : int(plain.size() - point - 1 - plain.mid(point + 1).count(u','));
}

QDateTime XlsxReader::fromSerial(double serial, bool base1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958466) // 9999-12-31
        return {};
    const auto days = qint64(std::floor(serial));
    // The 1900 system counts a 29 February 1900 that never was (Lotus 1-2-3's mistake, kept for
    // compatibility): serials from 61 are one day ahead of the count from 31 December 1899.
    QDate date;
    if (base1904)
        date = QDate(1904, 1, 1).addDays(days);
    else
        date = QDate(1899, 12, days < 61 ? 31 : 30).addDays(days);
    const qint64 ms = std::llround((serial - double(days)) * 86400000.0);
    return QDateTime(date, QTime(0, 0), Qt::UTC).addMSecs(ms);
}

QString XlsxReader::dateText(double serial, bool base1904)
{
    const QDateTime dt = fromSerial(serial, base1904);
    if (!dt.isValid())
        return QString::number(serial, 'g', 15);
    const QTime time = dt.time();
    const QString timeText = time.msec() != 0 ? time.toString(QStringLiteral("HH:mm:ss.zzz"))
                                              : time.toString(QStringLiteral("HH:mm:ss"));
    if (serial < 1)
        return timeText;
    if (time == QTime(0, 0))
        return dt.date().toString(Qt::ISODate);
    return dt.date().toString(Qt::ISODate) + u'T' + timeText;
}

} // namespace meetdesk
