#include "lifreader.h"

#include "csv.h"
#include "textencoding.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::LifReader", text);
}

bool readNumber(const QString &text, int *value)
{
    bool ok = false;
    *value = text.trimmed().toInt(&ok);
    return ok && *value > 0;
}

} // namespace

LifRead LifReader::read(QByteArrayView bytes, const QString &source)
{
    LifRead result;
    LifFile &lif = result.file;
    lif.source = source;
    const Csv::Parsed parsed = Csv::parse(TextEncoding::decode(bytes).text, u',');
    if (!parsed.error.isEmpty()) {
        result.error = source + u", " + parsed.error;
        return result;
    }
    if (parsed.records.isEmpty()) {
        result.error = source + u": " + tr("the file is empty");
        return result;
    }
    const Csv::Record &header = parsed.records.first();
    const QStringList &h = header.fields;
    const char *names[] = {QT_TRANSLATE_NOOP("meetdesk::LifReader", "event number"),
                           QT_TRANSLATE_NOOP("meetdesk::LifReader", "round number"),
                           QT_TRANSLATE_NOOP("meetdesk::LifReader", "heat number")};
    int *numbers[] = {&lif.event, &lif.round, &lif.heat};
    for (int i = 0; i < 3; ++i) {
        if (!readNumber(h.value(i), numbers[i])) {
            result.error = tr("%1, line %2, field %3: the %4 is \"%5\", not a number")
                               .arg(source)
                               .arg(header.line)
                               .arg(i + 1)
                               .arg(tr(names[i]), h.value(i));
            return result;
        }
    }
    lif.eventName = h.value(3).trimmed();
    lif.wind = h.value(4).trimmed();
    lif.windUnit = h.value(5).trimmed();

    for (qsizetype i = 1; i < parsed.records.size(); ++i) {
        const Csv::Record &record = parsed.records[i];
        const QStringList &f = record.fields;
        LifFile::Row row;
        row.line = record.line;
        row.place = f.value(0).trimmed();
        row.id = f.value(1).trimmed();
        row.lane = f.value(2).trimmed();
        row.lastName = f.value(3).trimmed();
        row.firstName = f.value(4).trimmed();
        row.affiliation = f.value(5).trimmed();
        row.time = f.value(6).trimmed();
        row.reactionTime = f.value(9).trimmed();
        if (row.place.isEmpty() && row.id.isEmpty() && row.time.isEmpty())
            continue; // a line of empty fields
        lif.rows.append(row);
    }
    return result;
}

LifRead LifReader::readFile(const QString &path)
{
    const QString source = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LifRead result;
        result.error = source + u": " + file.errorString();
        return result;
    }
    const QByteArray bytes = file.read(maxFileSize + 1);
    if (bytes.size() > maxFileSize) {
        LifRead result;
        result.error = source + u": " + tr("the file is larger than %1 MB").arg(maxFileSize >> 20);
        return result;
    }
    return read(bytes, source);
}

} // namespace meetdesk
