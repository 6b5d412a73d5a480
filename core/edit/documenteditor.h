#pragma once

#include "model/document.h"

#include <QList>

namespace meetdesk {

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
    // Deletes the nodes (children with them) as one undo step. Nodes inside another one of
    // them go with it.
    void remove(const QList<const Node *> &nodes);
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
    // Sets, or removes, a top-level key of the file's "meetdesk" object.
    void setMeetdeskValue(const QString &key, std::optional<JsonValue> value);

    void beginMacro(const QString &text);
    void endMacro();

private:
    void setJson(const Node *node, const QString &key, std::optional<JsonValue> value);
    int createUnits(const Event &event, std::optional<int> onlyRound);

    Document &m_document;
};

} // namespace meetdesk
