#pragma once

#include "model/competition.h"
#include "rules/finding.h"

#include <QByteArrayView>

#include <memory>

namespace meetdesk {

struct ReadResult
{
    std::unique_ptr<Competition> competition; // null when the file could not be read at all
    QString error; // why not, e.g. "line 3, column 7: ..."
    QList<Finding> findings; // values that could not be typed, and where
    JsonObject meetdesk; // the file's "meetdesk" object, if any

    bool ok() const { return competition != nullptr; }
};

// Reads a competition from OpenTrack JSON in any of the shapes Meetdesk meets: its own
// files, nested documents with the v1 or the current API's names, and the public camelCase
// /json/ download. Invalid JSON is fatal (with line and column); a wrong value in one field
// is a finding with its JSON path, is kept as written, and the rest of the file still opens.
class OpenTrackReader
{
public:
    static constexpr qint64 maxFileSize = qint64(512) * 1024 * 1024;

    static ReadResult read(QByteArrayView json);
    static ReadResult readFile(const QString &path);
};

} // namespace meetdesk
