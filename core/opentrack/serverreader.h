#pragma once

#include "json/jsonvalue.h"

#include <QHash>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <vector>

namespace meetdesk {

class ApiSession;

// What an OpenTrack-style server holds for one competition, as read for a publish or a pull.
// Every record in it was checked: it belongs to the competition, and its natural key is the
// only one of its kind.
struct ServerSnapshot
{
    QUrl apiRoot;
    JsonValue root; // the API root's listing of its collections

    JsonValue competition; // null: the competition is not on the server
    QString competitionId;
    QUrl competitionUrl;

    // Teams, competitors, relay teams and events by natural key ("competitor:101"), and the
    // keys in the order the server listed them.
    QHash<QString, JsonValue> records;
    QStringList order;

    struct Unit
    {
        QUrl url;
        QString id;
        JsonValue listed; // what the event's representation says about the unit
        JsonValue full; // the unit as read from its own URL; null until then
        bool fresh = false; // made by this publish from its event's rounds: nothing on it yet
        const JsonValue &known() const { return full.isObject() ? full : listed; }
    };
    QHash<QString, Unit> units; // "unit:T01/1/2"

    // What makes the server's records ambiguous (two competitions with the slug, a record of
    // another competition among this one's...): a publish stops before any write.
    QStringList problems;
    // Records left alone because they have no natural key.
    QStringList notes;

    // What stops a publish or pull after a read: the read's error, else the problems found.
    QString trouble(const QString &error) const
    {
        return error.isEmpty() ? problems.join(u'\n') : error;
    }

    QUrl collection(const QString &name) const;
    bool offers(const QString &name) const { return collection(name).isValid(); }
    // Whether a record names this competition (by id or URL) in its "competition" field.
    bool belongs(const JsonValue &record) const;

    // A record as a file holds it, from the server's representation: without what only the
    // server has (id, url, its competition, a heat's event, an event's unit links) and without
    // empty values.
    static JsonValue fileRecord(const JsonValue &server, const QStringList &alsoLeaveOut = {});
    // "competitors" + {"competitor_id": "101", ...} -> "competitor:101"; empty without the key.
    static QString keyOf(const QString &collection, const JsonValue &record);
    // The kind word of a natural key's collection: "competitors" -> "competitor".
    static QString kindOf(const QString &collection);
};

// Reads a server into a ServerSnapshot through an ApiSession: the API root, the competition
// (by the id remembered from the last publish or pull, else by listing what the user may see
// and comparing each slug exactly: filters are never trusted), its records by ?competition=
// (every page, every record checked), and units by their URLs. Paging, id extraction and
// natural keys live here once, for the publisher and the puller. The snapshot and the session
// must outlive the reads; answers come only while the session lives.
class ServerReader
{
public:
    using Done = std::function<void(const QString &error)>;
    using Records = std::function<void(std::vector<JsonValue> records, const QString &error)>;

    struct Wanted
    {
        QString slug; // compared exactly; empty to take the id as it is (pull by id)
        QString id; // remembered from the last publish or pull
        QUrl url;
    };

    explicit ServerReader(ApiSession &session)
        : m_session(session)
    { }

    // Told what is being read, for a progress display.
    void setStageReporter(std::function<void(const QString &stage)> stage)
    {
        m_stage = std::move(stage);
    }

    // The whole read of a publish or a pull: the root, the competition, its records, and then
    // the heats units() names (asked once the records are in). done() gets the first error or
    // the problems found; a competition not on the server is no error (snapshot.competition
    // stays null).
    void read(ServerSnapshot &snapshot, const QUrl &apiRoot, const Wanted &wanted,
              std::function<QStringList()> units, Done done);

    // The API root's collections; an error when it lists none of competitions, competitors,
    // teams, events.
    void readRoot(ServerSnapshot &snapshot, const QUrl &apiRoot, Done done);
    // Leaves snapshot.competition null when the server has no such competition; ambiguity goes
    // to snapshot.problems.
    void findCompetition(ServerSnapshot &snapshot, const Wanted &wanted, Done done);
    // Teams, competitors, relay teams (when offered) and events of the snapshot's competition,
    // and the units the events list.
    void readRecords(ServerSnapshot &snapshot, Done done);
    // One collection of the competition, every page; records that do not belong are left out
    // and named in snapshot.problems.
    void readCollection(ServerSnapshot &snapshot, const QString &name, Records done);
    // Reads the units (by key) from their URLs into Unit::full, each checked to be that heat.
    void readUnits(ServerSnapshot &snapshot, const QStringList &keys, Done done);
    // Every page of a list, from its first URL ({"results", "next"} pages, or a plain list).
    // Next links must stay on the same address.
    void readPages(const QUrl &first, const QString &member, Records done);

    // Notes the units an event's representation lists (from a read or a write's answer);
    // units already known keep what was read of them, new ones are fresh if said so. Returns the
    // URLs of those it lists without their round and heat (to be read).
    static std::vector<JsonValue> noteUnits(ServerSnapshot &snapshot, const JsonValue &event,
                                            bool fresh);
    // Whether a unit read from its URL is the heat the key names (and of the event it should be).
    static QString checkUnit(const ServerSnapshot &snapshot, const QString &key,
                             const JsonValue &unit);

private:
    void listCompetitions(ServerSnapshot &snapshot, const QString &slug, Done done);
    void readCompetitionAt(ServerSnapshot &snapshot, const QUrl &url, const Wanted &wanted,
                           Done done);

    void stage(const QString &text) const
    {
        if (m_stage)
            m_stage(text);
    }

    ApiSession &m_session;
    std::function<void(const QString &)> m_stage;
};

} // namespace meetdesk
