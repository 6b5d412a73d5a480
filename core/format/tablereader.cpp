#include "tablereader.h"

#include "csv.h"
#include "textencoding.h"
#include "xlsxreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::TableReader", text);
}

QString delimiterName(QChar delimiter)
{
    if (delimiter == u';')
        return tr("semicolon");
    if (delimiter == u'\t')
        return tr("tab");
    if (delimiter == u',')
        return tr("comma");
    return QString(delimiter);
}

bool allEmpty(const QStringList &cells)
{
    for (const QString &c : cells) {
        if (!c.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

TableRead TableReader::readFile(const QString &path, const Options &options)
{
    const QString source = QFileInfo(path).fileName();
    TableRead result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = source + u": " + file.errorString();
        return result;
    }
    const QByteArray head = file.peek(4);
    if (head.startsWith("PK\x03\x04") || path.endsWith(u".xlsx", Qt::CaseInsensitive)) {
        file.close();
        return XlsxReader::read(path, options.sheet);
    }
    if (!file.isSequential() && file.size() > maxFileSize) {
        result.error = source + u": " + tr("the file is larger than %1 MB").arg(maxFileSize >> 20);
        return result;
    }
    const QByteArray bytes = file.read(maxFileSize + 1);
    if (bytes.size() > maxFileSize) {
        result.error = source + u": " + tr("the file is larger than %1 MB").arg(maxFileSize >> 20);
        return result;
    }
    return readText(bytes, source, options);
}

TableRead TableReader::readText(QByteArrayView bytes, const QString &source, const Options &options)
{
    TableRead result;
    result.table.source = source;
    const TextEncoding::Decoded decoded = options.encoding
        ? TextEncoding::Decoded {TextEncoding::decode(bytes, *options.encoding), *options.encoding}
        : TextEncoding::decode(bytes);
    const QChar delimiter
        = options.delimiter.isNull() ? Csv::detectDelimiter(decoded.text) : options.delimiter;
    Csv::Parsed parsed = Csv::parse(decoded.text, delimiter);
    if (!parsed.error.isEmpty()) {
        result.error = source + u", " + parsed.error;
        return result;
    }
    result.table.description
        = tr("text, %1, %2").arg(delimiterName(delimiter), TextEncoding::name(decoded.encoding));
    result.table.encoding = decoded.encoding;
    result.table.delimiter = delimiter;
    for (Csv::Record &record : parsed.records) {
        if (!allEmpty(record.fields))
            result.table.rows.append({record.row, std::move(record.fields)});
    }
    return result;
}

} // namespace meetdesk
