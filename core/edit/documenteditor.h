#pragma once

#include "model/document.h"

#include <QList>

#include <functional>
#include <optional>

namespace meetdesk {

struct Proposal;

// Why a verb changed nothing: the field it concerns and a message naming the place.
struct Refusal
{
    QLatin1StringView field;
    QString message;
};

// The verbs that change a competition. Each pushes undo commands on the document's stack;
// nothing else writes to nodes. Nodes are passed as const: the Document owns them, and this
// is the one place that may change them.
class DocumentEditor
{
public:
    explicit DocumentEditor(Document &document)
        : m_document(document)
    { }

    Document &document() const { return m_document; }

    void setValue(const Node &node, int field, const QVariant &value);
    void setValue(const Node &node, QLatin1StringView field, const QVariant &value);

    // Inserts node (or a new empty node of the list's kind) and returns it.
    Node *insert(const Node &parent, ListId list, int index, std::unique_ptr<Node> node = {});
    Node *append(const Node &parent, ListId list, std::unique_ptr<Node> node = {});
    // Deletes the nodes (children with them) as one undo step, called text if one is given.
    // Nodes inside another one of them go with it.
    void remove(const QList<const Node *> &nodes, const QString &text = {});
    // A copy of the node, children included, right after it.
    Node *duplicate(const Node &node);
    void move(const Node &node, int to);

    // Creates the units that the event's rounds ("8,3,1") call for and it does not have yet.
    // Returns how many were created.
    int createUnits(const Event &event);
    // The same for one round (from 1) only.
    int createUnits(const Event &event, int round);

    // Sets, or with no value removes, a key that is no typed field of the node: kept in its
    // extras and published as read (OpenTrack's "qual_by_place", say).
    void setExtra(const Node &node, const QString &key, std::optional<JsonValue> value);
    // Sets one key of the file's "meetdesk" object (nothing: removes it), as one undo step
    // (called text, if given); the other keys (the sync state among them) are left alone. No
    // step when it holds that already.
    void setMeetdeskValue(const QString &key, std::optional<JsonValue> value,
                          const QString &text = {});

    // Gives the competitor another bib, and with it every result, trial and relay runner that
    // names the old one (events entered live under the competitor and go with it): one undo
    // step. Refused when the new bib is empty or names another competitor or a relay team.
    std::optional<Refusal> renameBib(const Competitor &competitor, const QString &bib);
    // The same for a relay team's id, followed into the results of relay events.
    std::optional<Refusal> renameRelayTeam(const RelayTeam &team, const QString &id);

    // Enters the competitor in the event: an events_entered row with the event's id and code.
    // Returns that row, or the one the competitor already had (no duplicate, no undo step);
    // nullptr when the event has no id to enter by.
    const EventEntry *enterInEvent(const Competitor &competitor, const Event &event);

    // What an importer adds in one go. Entries are for competitors already in the document;
    // new competitors bring their own.
    struct Bulk
    {
        NodeList<Team> teams;
        NodeList<Competitor> competitors;
        NodeList<RelayTeam> relayTeams;
        NodeList<Event> events;
        std::vector<std::pair<const Competitor *, std::unique_ptr<EventEntry>>> entries;
    };
    // Appends everything as one undo step with this text, each list after what it already
    // holds; an entry for an event the competitor is already entered in is left out. Returns
    // how many nodes were added (children brought along not counted).
    int insertBulk(Bulk bulk, const QString &text);

    // Writes what compute worked out (core/compute): the rows it adds, then every change, as
    // one undo step called text. A proposal with nothing in it leaves no step.
    void apply(const Proposal &proposal, const QString &text);

    // Changes between these are one undo step; a step that changed nothing leaves no trace.
    void beginMacro(const QString &text);
    void endMacro();

private:
    // Adds to the step what else names the old id.
    using Follow = std::function<void(const QString &old, const QString &id, QUndoCommand *step)>;
    // Gives node's id field the typed id as one step, or says why not: empty, or another
    // competitor's bib or relay team's id (results could not tell them apart).
    std::optional<Refusal> rename(const Node &node, QLatin1StringView field, const QString &typed,
                                  const QString &needsOne, const Follow &follow);
    void setJson(const Node *node, const QString &key, std::optional<JsonValue> value,
                 const QString &text = {});
    int createUnits(const Event &event, std::optional<int> onlyRound);

    Document &m_document;
};

} // namespace meetdesk
