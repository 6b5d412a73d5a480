#pragma once

#include "competition.h"

#include <QVariant>

#include <vector>

namespace meetdesk {

// The child lists of the tree, named, so that the Document, the undo commands and the models
// can handle any of them without knowing its type.
enum class ListId {
    Competitors,
    Teams,
    RelayTeams,
    Events,
    EventsEntered, // of a competitor
    Units, // of an event
    EventResults, // of a combined event
    UnitResults,
    Trials,
};

namespace children {

// The lists a node kind holds, in the order the tree shows them.
const std::vector<ListId> &listsOf(NodeKind kind);
NodeKind kindIn(ListId list);
int count(const Node &parent, ListId list);
Node *at(const Node &parent, ListId list, int index);
// The list a child lives in within its parent, and its position there.
ListId listOf(const Node &child);
int indexOf(const Node &child);
// All children of a node across its lists, in tree order.
int totalCount(const Node &parent);

void insert(Node &parent, ListId list, int index, std::unique_ptr<Node> child);
std::unique_ptr<Node> take(Node &parent, ListId list, int index);
void move(Node &parent, ListId list, int from, int to);

// A node of the kind a list holds, empty.
std::unique_ptr<Node> create(ListId list);
// A deep copy, children included, without a parent.
std::unique_ptr<Node> clone(const Node &node);
bool sameContent(const Node &a, const Node &b);

// Calls f on the node, then on everything under it, depth first in list order.
template<class F> void forEach(const Node &node, F &&f)
{
    f(node);
    for (const ListId list : listsOf(node.kind())) {
        const int n = count(node, list);
        for (int i = 0; i < n; ++i)
            forEach(*at(node, list, i), f);
    }
}

} // namespace children

// Fields by position in the node kind's schema, for code that works on any kind.
namespace fields {

int count(NodeKind kind);
QLatin1StringView name(NodeKind kind, int field);
int indexOf(NodeKind kind, QLatin1StringView name); // -1 if the kind has no such field
// The typed value (QString, int, double, QDate or QStringList), or an invalid QVariant when
// the field is absent or only kept raw.
QVariant value(const Node &node, int field);
// Sets the typed value; an invalid QVariant (or an empty string) makes the field absent.
void setValue(Node &node, int field, const QVariant &value);
// The index in node.extras of the value the reader kept raw for this field, or -1.
int rawIndex(const Node &node, int field);

} // namespace fields

} // namespace meetdesk
