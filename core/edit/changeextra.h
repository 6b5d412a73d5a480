#pragma once

#include "model/document.h"

#include <QUndoCommand>

#include <optional>

namespace meetdesk {

// Sets, or removes, one key that is no typed field: in a node's extras (an OpenTrack setting
// Meetdesk has no field for, kept and published as read) or, with no node, in the file's
// "meetdesk" object. Undo puts back the old value where it was; the rest of the object is left
// alone, so what else changes it (the sync state a publish writes) is never rolled back.
class ChangeExtra : public QUndoCommand
{
public:
    ChangeExtra(Document &document, const Node *node, QString key, std::optional<JsonValue> value,
                QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

    // The key's value in a node's extras (or the "meetdesk" object), if it has one.
    static std::optional<JsonValue> valueOf(const Document &document, const Node *node,
                                            QStringView key);

private:
    Document &m_document;
    Node *m_node;
    QString m_key;
    std::optional<JsonValue> m_old;
    std::optional<JsonValue> m_new;
    int m_index = -1;
};

} // namespace meetdesk
