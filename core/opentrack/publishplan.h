#pragma once

#include "serverreader.h"
#include "syncstate.h"

#include "model/competition.h"

#include <QList>
#include <QSet>

namespace meetdesk {

// One field (a top-level key of a record's payload) where the file and the server part ways:
// its value at the last publish (the base), in the file and on the server. Null stands for
// absent or empty.
struct FieldChange
{
    QString field;
    JsonValue base;
    JsonValue file;
    JsonValue server;
};

// One record of a publish: what will be (or was) done with it, and why.
struct PublishItem
{
    enum class Action {
        Create, // not on the server: sent whole
        Update, // changed in the file: the changed fields are sent
        Delete, // gone from the file: deleted on the server (forgotten if gone there too)
        Unchanged,
        ServerChange, // changed on OpenTrack since the last publish, not in the file: left there
        Conflict, // changed in the file and on OpenTrack: nothing sent until the user chooses
    };

    Action action = Action::Unchanged;
    QString key; // natural key: "competitor:101"
    QString label; // "competitor 101 Tom Adeyemi"
    const Node *node = nullptr; // the file's record; nullptr for deletes
    JsonValue body; // what is sent: the whole record (Create) or the fields that changed (Update)
    QList<FieldChange> serverChanges; // only on OpenTrack (an Update may have these too)
    QList<FieldChange> conflicts; // on both sides, differently
    QList<FieldChange> replaced; // never published from this file: OpenTrack's values replaced
    QString note; // e.g. "deleted on OpenTrack since the last publish: created again"
    bool overwrite = false; // the user chose the file's version over OpenTrack's changes
    bool remember = false; // nothing to send; the sync state learns that both sides agree
    bool checkFirst = false; // a heat on the server: read again just before it is written
    bool fresh = false; // a heat its event's create makes: settled against the event's answer
};

// The pure middle of a publish: the file, the base (the sync state: what was last published,
// per record) and the server's snapshot go in; the list of operations comes out, in the order
// they can be carried out (competition, teams, events, competitors, relay teams, heats,
// deletes). Per field of each record:
//   changed only in the file -> sent;
//   changed only on the server -> a server change: reported, not overwritten;
//   changed on both sides, differently -> a conflict: nothing of that record is sent;
//   changed on both sides to the same value -> nothing to send; the base moves on.
// A record without a base (never published from this file, or its parent re-created on the
// server) is the file's: what it sends replaces what the server holds, and the review lists
// what that replaces. Fields the server drops never count as changed there.
class PublishPlan
{
public:
    struct Options
    {
        bool verify = false; // every heat is read, not only those that changed
        QSet<QString> overwrite; // keys whose file version goes over OpenTrack's changes
        bool overwriteAll = false; // the file's version goes over every change on OpenTrack

        bool overwrites(const QString &key) const
        {
            return overwriteAll || overwrite.contains(key);
        }
    };

    struct Decision
    {
        JsonObject send; // fields to send, with the file's values (clears as empty values)
        QList<FieldChange> serverChanges;
        QList<FieldChange> conflicts;
        QList<FieldChange> replaced;
        bool converged = false; // some field changed on both sides to the same value
    };

    // One record's fields. base: nullptr (or without a payload) when there is none. server:
    // its representation; keys it lacks are not known there.
    static Decision decide(const SyncState::Record *base, const JsonValue &file,
                           const JsonValue &server, bool overwrite = false);

    // The heats to read from their URLs before the plan is made: all of them when verifying,
    // else those the file changed, those without a base, and those whose listing in their
    // event already shows a change on the server.
    static QStringList unitsToRead(const Competition &file, const SyncState &sync,
                                   const ServerSnapshot &server, bool verify);

    static QList<PublishItem> make(const Competition &file, const SyncState &sync,
                                   const ServerSnapshot &server, const Options &options);

    // A heat's item against what the server holds for it now (nullptr: not there, or made by
    // this publish: fresh).
    static PublishItem unitItem(const Unit &unit, const SyncState &sync,
                                const ServerSnapshot::Unit *server, bool overwrite);

    // The sync record once the record's fields in confirmed are known to be on the server as
    // server shows them (the echo of a write, or its representation when both sides agree):
    // the file's payload becomes the base; what the server kept otherwise is noted.
    static SyncState::Record advance(const SyncState::Record *base, const JsonValue &file,
                                     const QStringList &confirmed, const JsonValue &server,
                                     const QString &id, const QUrl &url);

    // The same, with every field of the file's record confirmed: both sides agree.
    static SyncState::Record agreed(const SyncState::Record *base, const JsonValue &file,
                                    const JsonValue &server, const QString &id, const QUrl &url);

    // "competitor 101 Tom Adeyemi", "heat Final (T01 100m Men)".
    static QString label(const Node &node);
};

} // namespace meetdesk
