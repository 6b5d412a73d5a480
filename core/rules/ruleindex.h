#pragma once

#include "model/competition.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <utility>

namespace meetdesk {

// The lookups the rules need across records, kept up to date one node at a time so that an
// edit is checked without going through the whole competition: who holds a bib, a team id,
// an event id, an (event code, category) pair or a relay runner's place in an event, and who
// refers to a bib, a team or an event.
class RuleIndex
{
public:
    enum Key {
        Bib, // competitors' competitor_id and relay teams' relay_team_id: one namespace
        Team, // teams' team_id
        EventId, // events' event_id
        EventCode, // events' event code and category, codeKey()
        Runner, // relay teams by event and runner, runnerKey()
        BibRef, // results, trials and relay teams (their runners) by the bib they name
        TeamRef, // competitors and relay teams by team_id
        EventRef, // event entries, relay teams (event_id) and events (parent) by event id
    };
    static constexpr int keyCount = 8;
    using Keys = QList<std::pair<Key, QString>>;

    // Whether nodes will be taken out again (as the FindingsService does after edits): then
    // the index remembers each node's keys, and who refers to what (BibRef, TeamRef,
    // EventRef: what an edit of a key touches); else it is a snapshot for one full check,
    // with the keys the rules look up only.
    enum class Use { Snapshot, FollowEdits };

    RuleIndex() = default;
    // Every node of the competition.
    explicit RuleIndex(const Competition &competition, Use use = Use::FollowEdits);

    // Indexes one node (not its children) under what its fields say now.
    void add(const Node &node);
    // Takes a node out under the keys it was added with, and answers them (not in a
    // snapshot).
    Keys remove(const Node &node);
    // The keys a node is indexed under.
    Keys keysOf(const Node &node) const;

    // The nodes indexed under a key, in the order they were added.
    const QList<const Node *> &holders(Key key, const QString &value) const;
    // Every value of a key that some node holds.
    QList<QString> values(Key key) const { return m_maps[size_t(key)].keys(); }

    static QString codeKey(const QString &eventCode, const QString &category);
    static QString runnerKey(const QString &eventId, const QString &bib);
    // The keys a node's fields give now (what add() would index it under).
    static Keys currentKeys(const Node &node);

private:
    Use m_use = Use::FollowEdits;
    std::array<QHash<QString, QList<const Node *>>, keyCount> m_maps;
    // Results and trials (most of a competition) have one key, their bib.
    QHash<const Node *, QString> m_bibOf;
    QHash<const Node *, Keys> m_keysOf;
};

} // namespace meetdesk
