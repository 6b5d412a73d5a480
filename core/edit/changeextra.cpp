#include "changeextra.h"

#include "model/describe.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {
const JsonObject &objectOf(const Document &document, const Node *node)
{
    return node ? node->extras : document.meetdeskData();
}
} // namespace

ChangeExtra::ChangeExtra(Document &document, const Node *node, QString key,
                         std::optional<JsonValue> value, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_node(const_cast<Node *>(node)) // the Document owns it; this command changes it
    , m_key(std::move(key))
    , m_new(std::move(value))
{
    const JsonObject &object = objectOf(document, node);
    for (size_t i = 0; i < object.size(); ++i) {
        if (object[i].key == m_key) {
            m_old = object[i].value;
            m_index = int(i);
            break;
        }
    }
    const QString where = node
        ? describe::label(*node)
        : QCoreApplication::translate("meetdesk::ChangeExtra", "Meetdesk's settings");
    setText(
        m_new
            ? QCoreApplication::translate("meetdesk::ChangeExtra", "Set %1 of %2").arg(m_key, where)
            : QCoreApplication::translate("meetdesk::ChangeExtra", "Clear %1 of %2")
                  .arg(m_key, where));
}

std::optional<JsonValue> ChangeExtra::valueOf(const Document &document, const Node *node,
                                              QStringView key)
{
    const JsonValue *found = findMember(objectOf(document, node), key);
    return found ? std::optional<JsonValue>(*found) : std::nullopt;
}

void ChangeExtra::redo()
{
    m_document.setJsonMember(m_node, m_key, m_new, m_index);
}

void ChangeExtra::undo()
{
    m_document.setJsonMember(m_node, m_key, m_old, m_index);
}

} // namespace meetdesk
