#pragma once

#include "model/document.h"
#include "json/jsonvalue.h"

#include <QList>
#include <QStringList>

namespace meetdesk {

// Takes OpenTrack's version of records into a document, as one undo step through the
// DocumentEditor: the fields that changed there, or the whole record where the file deleted it.
// A record other than the competition is replaced by one read (by the file reader) from its
// file payload with the server's fields in it, so unknown keys and lists come along exactly as
// a file would bring them; an event keeps its heats. The competition stays: its typed fields
// are set one by one, and its unknown keys cannot be taken.
class ServerVersion
{
public:
    struct Take
    {
        QString key; // natural key: "competitor:101"
        QString label; // for messages
        const Node *node = nullptr; // the file's record; nullptr where the file deleted it
        QStringList fields; // top-level payload fields to take
        JsonValue server; // the server's representation of the record
    };

    // Returns what could not be taken, a line each (empty when all was).
    static QString take(Document &document, const QList<Take> &takes);
};

} // namespace meetdesk
