#pragma once

#include "json/jsonvalue.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace meetdesk {

// What was last published, kept in the document file's "meetdesk" object under "sync": the
// server, and per record (by natural key) its id and URL there and the base of the next
// three-way comparison: the record's payload as the file had it when it was last published
// or pulled, and where the server kept something else. It lets a publish tell a change made in
// the file from one made on the server, and lets the tree show new/changed/published per node.
class SyncState
{
public:
    struct Record
    {
        QString id;
        QUrl url;
        // The record as sent (or pulled): its payload as compact JSON text (payload::toBytes),
        // kept as text because a whole meet's bases are as big as the meet; empty when the base
        // is unknown (an older file).
        QByteArray payload;
        // Top-level keys whose value the server kept in another form (a list it trimmed, a value
        // it normalised): the value it held then.
        JsonObject held;
        // Top-level keys the server did not keep at all: a change there cannot be seen.
        QStringList dropped;

        bool hasBase() const { return !payload.isEmpty(); }
        // The payload as a value (an object; null without a base).
        JsonValue base() const;
        // What the server held for key after the last publish: the held value, else the
        // base's (nullptr when it had none). base: this record's base().
        const JsonValue *serverValue(const JsonValue &base, QStringView key) const;
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

    // Records whose last write failed, with the server's message: kept (and saved with the
    // file) until a later publish stores the record or finds both sides agree.
    QString failure(const QString &key) const { return m_failures.value(key); }
    void setFailure(const QString &key, const QString &message) { m_failures.insert(key, message); }
    void clearFailure(const QString &key) { m_failures.remove(key); }
    QList<QString> failedKeys() const { return m_failures.keys(); }

private:
    QUrl m_server;
    QHash<QString, Record> m_records;
    QHash<QString, QString> m_failures;
};

} // namespace meetdesk
