#pragma once

#include "json/jsonvalue.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace meetdesk {

enum class NodeKind {
    Competition,
    Competitor,
    EventEntry,
    Team,
    RelayTeam,
    Event,
    Unit,
    Result,
    Trial,
};

// A field's value as the file wrote it, where the typed value does not say it all: a text
// field written as a JSON number, a number with more digits than a double keeps or in another
// form (12345678901234567890, 1.50, 1e3), a number written as text, a list with numbers in it.
// spelledValue (schema.h) says what to write (or send) for the field while its value is
// still the one read.
struct FieldSpelling
{
    int field; // its position in the kind's schema
    JsonValue value; // as read
};

// Base of every record in a competition. Nodes are records with public fields (like
// QStyleOption), owned by their parent's NodeList, so their addresses never change while
// they are in the tree; edits go through undo commands that own removed nodes.
//
// A field's three states: set (a typed value), absent (null QString, invalid QDate, empty
// optional), or kept raw: a value the reader could not type (null, "", "1st") is stored in
// extras under its own key, written back where the field belongs, and reported as a finding.
class Node
{
public:
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;
    virtual ~Node() = default;

    NodeKind kind() const { return m_kind; }
    Node *parent() const { return m_parent; }
    void setParent(Node *parent) { m_parent = parent; }

    // Where the node last was in its parent's list; children::indexOf checks and repairs it.
    int cachedIndex() const { return m_index; }
    void setCachedIndex(int index) const { m_index = index; }

    // Keys this version of Meetdesk does not know, in the order they were read.
    JsonObject extras;
    // How the file spelled fields whose typed value would lose it; usually empty.
    std::vector<FieldSpelling> spellings;

protected:
    explicit Node(NodeKind kind)
        : m_kind(kind)
    { }

private:
    const NodeKind m_kind;
    Node *m_parent = nullptr;
    mutable int m_index = 0;
};

template<class T> using NodeList = std::vector<std::unique_ptr<T>>;

// Typed content and extras equal, children included. Parent links are not compared.
template<class T> bool sameContent(const NodeList<T> &a, const NodeList<T> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (!sameContent(*a[i], *b[i]))
            return false;
    }
    return true;
}

} // namespace meetdesk
