#include "addremovenode.h"

#include "model/describe.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::AddRemoveNode", text);
}
} // namespace

InsertNode::InsertNode(Document &document, const Node &parent, ListId list, int index,
                       std::unique_ptr<Node> node, QUndoCommand *parentCommand)
    : QUndoCommand(parentCommand)
    , m_document(document)
    , m_parent(const_cast<Node *>(&parent))
    , m_list(list)
    , m_index(index)
    , m_node(node.get())
    , m_owned(std::move(node))
{
    setText(tr("Add %1").arg(describe::kindName(m_node->kind())));
}

void InsertNode::redo()
{
    m_document.insertNode(*m_parent, m_list, m_index, std::move(m_owned));
}

void InsertNode::undo()
{
    m_owned = m_document.takeNode(*m_node);
}

RemoveNode::RemoveNode(Document &document, const Node &node, QUndoCommand *parentCommand)
    : QUndoCommand(parentCommand)
    , m_document(document)
    , m_node(const_cast<Node *>(&node))
    , m_parent(node.parent())
    , m_list(children::listOf(node))
{
    setText(tr("Delete %1 %2").arg(describe::kindName(node.kind()), describe::label(node)));
}

void RemoveNode::redo()
{
    m_index = children::indexOf(*m_node);
    m_owned = m_document.takeNode(*m_node);
}

void RemoveNode::undo()
{
    m_document.insertNode(*m_parent, m_list, m_index, std::move(m_owned));
}

MoveNode::MoveNode(Document &document, const Node &node, int to, QUndoCommand *parentCommand)
    : QUndoCommand(parentCommand)
    , m_document(document)
    , m_node(const_cast<Node *>(&node))
    , m_from(children::indexOf(node))
    , m_to(to)
{
    setText(tr("Move %1 %2").arg(describe::kindName(node.kind()), describe::label(node)));
}

void MoveNode::redo()
{
    m_document.moveNode(*m_node, m_to);
}

void MoveNode::undo()
{
    m_document.moveNode(*m_node, m_from);
}

} // namespace meetdesk
