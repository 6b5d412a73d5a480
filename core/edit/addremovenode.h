#pragma once

#include "model/document.h"

#include <QUndoCommand>

#include <memory>

namespace meetdesk {

// Puts a node into a list. While undone, the command owns the node.
class InsertNode : public QUndoCommand
{
public:
    InsertNode(Document &document, const Node &parent, ListId list, int index,
               std::unique_ptr<Node> node, QUndoCommand *parentCommand = nullptr);

    void undo() override;
    void redo() override;
    Node *node() const { return m_node; }

private:
    Document &m_document;
    Node *m_parent;
    ListId m_list;
    int m_index;
    Node *m_node;
    std::unique_ptr<Node> m_owned;
};

// Takes a node (and its children) out of the tree. While done, the command owns the node.
class RemoveNode : public QUndoCommand
{
public:
    RemoveNode(Document &document, const Node &node, QUndoCommand *parentCommand = nullptr);

    void undo() override;
    void redo() override;

private:
    Document &m_document;
    Node *m_node;
    Node *m_parent;
    ListId m_list;
    int m_index = 0;
    std::unique_ptr<Node> m_owned;
};

// Moves a node within its list.
class MoveNode : public QUndoCommand
{
public:
    MoveNode(Document &document, const Node &node, int to, QUndoCommand *parentCommand = nullptr);

    void undo() override;
    void redo() override;

private:
    Document &m_document;
    Node *m_node;
    int m_from;
    int m_to;
};

} // namespace meetdesk
