#pragma once

#include "json/jsonvalue.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace meetdesk {

// What was last published, kept in the document file's "meetdesk" object under "sync": the
// server, and per record (by natural key) its id, URL and the hash of what was sent. It lets a
// re-publish skip what did not change and lets the tree show new/changed/published per node.
class SyncState
{
public:
    struct Record
    {
        QString id;
        QUrl url;
        QString hash;
        QStringList fields; // what was sent, so a field emptied later is cleared there too
    };

    static SyncState fromMeetdesk(const JsonObject &meetdesk);
    // The meetdesk object with this state as its "sync" member (other members kept).
    JsonObject toMeetdesk(JsonObject meetdesk) const;

    QUrl server() const { return m_server; }
    // Switching server forgets the records: they belong to the other server.
    void setServer(const QUrl &server);

    const Record *record(const QString &key) const;
    void setRecord(const QString &key, const Record &record);
    void removeRecord(const QString &key);
    QList<QString> keys() const { return m_records.keys(); }
    bool isEmpty() const { return m_records.isEmpty(); }

private:
    QUrl m_server;
    QHash<QString, Record> m_records;
};

} // namespace meetdesk
