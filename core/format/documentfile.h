#pragma once

#include "model/document.h"
#include "opentrackwriter.h"
#include "rules/finding.h"

#include <memory>

namespace meetdesk {

// Meetdesk's own files: nested OpenTrack JSON with the current API's names plus a top-level
// "meetdesk" object. Loading and saving whole documents; writing always goes through
// QSaveFile so a failed save never leaves half a file behind.
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
    static bool writeFile(const QString &path, const QByteArray &data, QString *error);
};

} // namespace meetdesk
