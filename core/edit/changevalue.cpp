#include "changevalue.h"

#include "model/describe.h"

#include <QCoreApplication>

namespace meetdesk {

ChangeValue::ChangeValue(Document &document, const Node &node, int field, QVariant value,
                         QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_node(const_cast<Node *>(&node)) // the Document owns it; this command changes it
    , m_field(field)
    , m_old(fields::value(node, field))
    , m_new(std::move(value))
    , m_rawIndex(fields::rawIndex(node, field))
{
    if (m_rawIndex >= 0)
        m_raw = node.extras[size_t(m_rawIndex)];
    updateText();
}

void ChangeValue::updateText()
{
    const QString field = describe::fieldTitle(fields::name(m_node->kind(), m_field));
    const QString value = m_new.typeId() == QMetaType::QStringList
        ? m_new.toStringList().join(QStringLiteral(", "))
        : m_new.toString();
    setText(value.isEmpty()
                ? QCoreApplication::translate("meetdesk::ChangeValue", "Clear %1 of %2")
                      .arg(field, describe::label(*m_node))
                : QCoreApplication::translate("meetdesk::ChangeValue", "Set %1 of %2 to \"%3\"")
                      .arg(field, describe::label(*m_node), value.left(40)));
}

void ChangeValue::redo()
{
    m_document.setField(*m_node, m_field, m_new);
}

void ChangeValue::undo()
{
    m_document.setField(*m_node, m_field, m_old);
    if (m_raw)
        m_document.insertExtra(*m_node, m_rawIndex, *m_raw);
}

bool ChangeValue::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeValue *>(other);
    if (next->m_node != m_node || next->m_field != m_field)
        return false;
    m_new = next->m_new;
    updateText();
    const bool same = m_new == m_old || (!m_new.isValid() && !m_old.isValid());
    setObsolete(same && !m_raw);
    return true;
}

} // namespace meetdesk
