#pragma once

#include "model/document.h"

#include <QUndoCommand>
#include <QVariant>

#include <optional>

namespace meetdesk {

// Sets one field of one node. Successive changes of the same field merge into one step (typing
// a name is one undo), and a change that ends where it started disappears from the stack.
class ChangeValue : public QUndoCommand
{
public:
    ChangeValue(Document &document, const Node &node, int field, QVariant value,
                QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void updateText();

    Document &m_document;
    Node *m_node;
    int m_field;
    QVariant m_old;
    QVariant m_new;
    int m_rawIndex = -1; // where the reader's raw value for the field was, if any
    std::optional<JsonMember> m_raw;
};

} // namespace meetdesk
