#include "documentfile.h"

#include "opentrackreader.h"

#include <QSaveFile>

namespace meetdesk {

DocumentFile::Loaded DocumentFile::load(const QString &path)
{
    Loaded loaded;
    ReadResult read = OpenTrackReader::readFile(path);
    loaded.findings = std::move(read.findings);
    if (!read.ok()) {
        loaded.error = read.error;
        return loaded;
    }
    if (const JsonValue *version = findMember(read.meetdesk, u"format_version")) {
        if (version->isNumber() && version->text().toInt() > formatVersion) {
            loaded.findings.append(
                {Finding::Severity::Warning, QStringLiteral("meetdesk.format_version"),
                 Document::tr("written by a newer Meetdesk (format %1); what it added is kept "
                              "but not understood")
                     .arg(version->text()),
                 nullptr});
        }
    }
    loaded.document = std::make_unique<Document>(std::move(read.competition));
    loaded.document->setMeetdeskData(std::move(read.meetdesk));
    loaded.document->setFilePath(path);
    return loaded;
}

QByteArray DocumentFile::serialize(const Competition &competition, const JsonObject &meetdeskData)
{
    return serialize(competition, meetdeskData, OpenTrackWriter::Flavor::Current);
}

QByteArray DocumentFile::serialize(const Competition &competition, const JsonObject &meetdeskData,
                                   OpenTrackWriter::Flavor flavor)
{
    if (flavor != OpenTrackWriter::Flavor::Current)
        return OpenTrackWriter::write(competition, flavor);
    JsonObject meta;
    meta.push_back(
        {QStringLiteral("format_version"), JsonValue::number(QString::number(formatVersion))});
    for (const JsonMember &m : meetdeskData) {
        if (m.key != u"format_version")
            meta.push_back(m);
    }
    // A "meetdesk" value that is no object (reported when read) is the file's own: written back
    // as it was while Meetdesk has nothing of its own to keep, else kept inside Meetdesk's object.
    if (const JsonValue *kept = findMember(competition.extras, u"meetdesk")) {
        if (meetdeskData.empty())
            return OpenTrackWriter::write(competition, flavor);
        meta.push_back({QStringLiteral("previous_value"), *kept});
    }
    return OpenTrackWriter::write(competition, flavor, &meta);
}

bool DocumentFile::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool DocumentFile::save(Document &document, const QString &path, QString *error)
{
    const QByteArray data = serialize(document.competition(), document.meetdeskData());
    if (!writeFile(path, data, error))
        return false;
    document.setFilePath(path);
    document.markSaved();
    return true;
}

} // namespace meetdesk
