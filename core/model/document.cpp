#include "document.h"

#include <QFileInfo>

#include <algorithm>

namespace meetdesk {

Document::Document(std::unique_ptr<Competition> competition, QObject *parent)
    : QObject(parent)
    , m_competition(competition ? std::move(competition) : std::make_unique<Competition>())
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document()
{
    // Emptying the stack as it goes announces nothing: this document is gone.
    m_undoStack.disconnect(this);
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void Document::insertNode(Node &parent, ListId list, int index, std::unique_ptr<Node> node)
{
    Node *raw = node.get();
    Q_EMIT nodeAboutToBeInserted(&parent, list, index);
    children::insert(parent, list, index, std::move(node));
    Q_EMIT nodeInserted(raw);
}

std::unique_ptr<Node> Document::takeNode(Node &node)
{
    Node *parent = node.parent();
    const ListId list = children::listOf(node);
    const int index = children::indexOf(node);
    Q_EMIT nodeAboutToBeRemoved(&node);
    std::unique_ptr<Node> taken = children::take(*parent, list, index);
    Q_EMIT nodeRemoved(parent, list, index);
    return taken;
}

void Document::moveNode(Node &node, int to)
{
    const int from = children::indexOf(node);
    if (from == to)
        return;
    Q_EMIT nodeAboutToBeMoved(&node, to);
    children::move(*node.parent(), children::listOf(node), from, to);
    Q_EMIT nodeMoved(&node, from);
}

void Document::setField(Node &node, int field, const QVariant &value)
{
    fields::setValue(node, field, value);
    const int raw = fields::rawIndex(node, field);
    if (raw >= 0)
        node.extras.erase(node.extras.begin() + raw);
    Q_EMIT nodeChanged(&node, field);
}

void Document::insertExtra(Node &node, int index, JsonMember member)
{
    node.extras.insert(node.extras.begin() + index, std::move(member));
    Q_EMIT nodeChanged(&node, -1);
}

void Document::setJsonMember(Node *node, const QString &key, std::optional<JsonValue> value,
                             int index)
{
    JsonObject &object = node ? node->extras : m_meetdeskData;
    const auto it = std::find_if(object.begin(), object.end(),
                                 [&key](const JsonMember &m) { return m.key == key; });
    if (!value) {
        if (it != object.end())
            object.erase(it);
    } else if (it != object.end()) {
        it->value = std::move(*value);
    } else {
        const auto at = index < 0 ? object.size() : std::min(size_t(index), object.size());
        object.insert(object.begin() + qsizetype(at), JsonMember {key, std::move(*value)});
    }
    if (node)
        Q_EMIT nodeChanged(node, -1);
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

} // namespace meetdesk
