#pragma once

#include "model/document.h"
#include "opentrackwriter.h"
#include "rules/finding.h"

#include <memory>

namespace meetdesk {

// Meetdesk's own files: nested OpenTrack JSON with the current API's names plus a top-level
// "meetdesk" object. Loading and saving whole documents; writing always goes through
// QSaveFile so a failed save never leaves half a file behind, and only to a regular file.
// Reading takes regular files, and pipes and devices with a bound on size and on waiting.
class DocumentFile
{
public:
    static constexpr int formatVersion = 1;

    struct Loaded
    {
        std::unique_ptr<Document> document; // null when the file could not be read
        QString error;
        QList<Finding> findings;
    };

    static Loaded load(const QString &path);
    // Writes the document to path and, on success, makes it the document's file.
    static bool save(Document &document, const QString &path, QString *error);

    // The bytes of a Meetdesk file for this competition.
    static QByteArray serialize(const Competition &competition, const JsonObject &meetdeskData);
    // Writes any flavour: meetdeskData is used (and the format version set) for Current only.
    static QByteArray serialize(const Competition &competition, const JsonObject &meetdeskData,
                                OpenTrackWriter::Flavor flavor);
    // Writes data to path through QSaveFile. A path that is there and is no regular file (a
    // folder, a named pipe, a device) is refused and left as it was.
    static bool writeFile(const QString &path, const QByteArray &data, QString *error);

    // How much is read from a path that is not a regular file (a pipe, a device), and how long
    // to wait for its next bytes.
    struct ReadLimits
    {
        qint64 maxBytes = qint64(512) * 1024 * 1024;
        int idleMs = 10000;
    };
    struct Bytes
    {
        QByteArray data;
        QString error; // why not, in the user's terms (the caller names the path)
        bool ok() const { return error.isEmpty(); }
    };
    // The bytes at path: a regular file whole (up to maxBytes); a named pipe or a device until
    // it ends, while it stays within maxBytes and no wait for more lasts longer than idleMs.
    static Bytes readBytes(const QString &path, const ReadLimits &limits);
    static Bytes readBytes(const QString &path) { return readBytes(path, ReadLimits()); }
};

} // namespace meetdesk
