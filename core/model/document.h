#pragma once

#include "children.h"
#include "competition.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace meetdesk {

// One open competition: the tree of nodes (which it owns), the file it came from, its
// undo stack and whether it has unsaved changes. Views read it; only undo commands change it.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(std::unique_ptr<Competition> competition = {}, QObject *parent = nullptr);
    ~Document() override;

    const Competition &competition() const { return *m_competition; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    // The name to show: the file's name, or "Untitled".
    QString displayName() const;

    bool isModified() const { return !m_undoStack.isClean(); }
    // Call after the document was written to its file.
    void markSaved() { m_undoStack.setClean(); }

    QUndoStack *undoStack() { return &m_undoStack; }

    // The file's "meetdesk" object (format version, and later the sync state), kept whole.
    const JsonObject &meetdeskData() const { return m_meetdeskData; }
    void setMeetdeskData(JsonObject data) { m_meetdeskData = std::move(data); }

    // For undo commands only (core/edit): the one way to reach the nodes to change them.
    Competition &mutableCompetition() { return *m_competition; }

    // The changes themselves, for the undo commands of core/edit only. Each is announced
    // before and after, so models can follow with row signals instead of resets.
    void insertNode(Node &parent, ListId list, int index, std::unique_ptr<Node> node);
    std::unique_ptr<Node> takeNode(Node &node);
    void moveNode(Node &node, int to);
    // Sets a field's typed value and drops the raw value the reader kept for it, if any.
    void setField(Node &node, int field, const QVariant &value);
    // Puts back a raw value (undo of setField).
    void insertExtra(Node &node, int index, JsonMember member);
    // Sets one key of a node's extras, or with no node of the file's "meetdesk" object: the
    // value replaces the key's where it is, or goes in at index (at the end when -1); no value
    // removes the key. A node's change is announced.
    void setJsonMember(Node *node, const QString &key, std::optional<JsonValue> value,
                       int index = -1);

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

    void nodeAboutToBeInserted(meetdesk::Node *parent, meetdesk::ListId list, int index);
    void nodeInserted(meetdesk::Node *node);
    void nodeAboutToBeRemoved(meetdesk::Node *node);
    void nodeRemoved(meetdesk::Node *parent, meetdesk::ListId list, int index);
    void nodeAboutToBeMoved(meetdesk::Node *node, int to);
    void nodeMoved(meetdesk::Node *node, int from);
    // field is the schema index, or -1 when more than one field (or the extras) changed.
    void nodeChanged(meetdesk::Node *node, int field);

private:
    std::unique_ptr<Competition> m_competition;
    QString m_filePath;
    QUndoStack m_undoStack;
    JsonObject m_meetdeskData;
};

} // namespace meetdesk
