#include "resultlistmodel.h"

namespace meetdesk {

ResultListModel::ResultListModel(Document *document, const Node *owner, ListId list,
                                 QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_edit(*document)
    , m_owner(owner)
    , m_list(list)
{
    connect(document, &Document::nodeAboutToBeInserted, this, &ResultListModel::aboutToInsert);
    connect(document, &Document::nodeInserted, this, &ResultListModel::inserted);
    connect(document, &Document::nodeAboutToBeRemoved, this, &ResultListModel::aboutToRemove);
    connect(document, &Document::nodeRemoved, this, &ResultListModel::removed);
    connect(document, &Document::nodeAboutToBeMoved, this, &ResultListModel::aboutToMove);
    connect(document, &Document::nodeMoved, this, &ResultListModel::moved);
    connect(document, &Document::nodeChanged, this, &ResultListModel::changed);
}

int ResultListModel::resultCount() const
{
    return m_owner ? children::count(*m_owner, m_list) : 0;
}

int ResultListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_owner ? 0 : resultCount() + 1;
}

const Result *ResultListModel::result(int row) const
{
    if (!m_owner || row == m_filling)
        return nullptr;
    return static_cast<const Result *>(children::at(*m_owner, m_list, row));
}

int ResultListModel::rowOfBib(const QString &bib) const
{
    for (int row = 0; row < resultCount(); ++row) {
        if (result(row)->bib == bib)
            return row;
    }
    return -1;
}

QString ResultListModel::nameOf(const QString &bib) const
{
    if (bib.isEmpty())
        return {};
    const Competition &c = m_document->competition();
    for (const auto &x : c.competitors) {
        if (x->competitorId == bib)
            return QStringList({x->firstName, x->lastName}).join(u' ').trimmed();
    }
    for (const auto &r : c.relayTeams) {
        if (r->relayTeamId == bib)
            return r->name;
    }
    return {};
}

Qt::ItemFlags ResultListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    const bool editable = isNewRow(index.row()) ? isEditableOnNewRow(index.column())
                                                : isEditableColumn(index.column());
    if (editable)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ResultListModel::setResultField(int row, QLatin1StringView field, const QVariant &value)
{
    if (!m_owner)
        return false;
    if (const Result *r = result(row)) {
        m_edit.setValue(*r, field, value);
        return true;
    }
    const bool empty = !value.isValid() || value.toString().isEmpty();
    if (empty)
        return false;
    auto fresh = std::make_unique<Result>();
    fields::setValue(*fresh, fields::indexOf(NodeKind::Result, field), value);
    m_edit.append(*m_owner, m_list, std::move(fresh));
    return true;
}

bool ResultListModel::isTrialOfOurs(const Node *node) const
{
    return m_owner && node->kind() == NodeKind::Trial && node->parent() == m_owner;
}

void ResultListModel::setVariableColumns(int count)
{
    constexpr int first = 2; // after Bib and Name
    if (count > m_variableColumns) {
        beginInsertColumns({}, first + m_variableColumns, first + count - 1);
        m_variableColumns = count;
        endInsertColumns();
    } else if (count < m_variableColumns) {
        beginRemoveColumns({}, first + count, first + m_variableColumns - 1);
        m_variableColumns = count;
        endRemoveColumns();
    }
}

void ResultListModel::refreshAll()
{
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void ResultListModel::refreshRow(int row)
{
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void ResultListModel::aboutToInsert(Node *parent, ListId list, int index)
{
    if (!ours(parent, list))
        return;
    // An append fills the empty last row, where the user typed, and a fresh empty row
    // appears below it: the view's current cell stays on the result being entered. The
    // filled row shows its result only once the new row is in (rows outside an insertion
    // do not change during it).
    const bool appending = index == resultCount();
    if (appending)
        m_filling = index;
    beginInsertRows({}, appending ? index + 1 : index, appending ? index + 1 : index);
}

void ResultListModel::inserted(Node *node)
{
    if (ours(node->parent(), children::listOf(*node))) {
        endInsertRows();
        const int filled = std::exchange(m_filling, -1);
        refreshRow(filled);
    } else if (isTrialOfOurs(node)) {
        trialChanged(*static_cast<Trial *>(node));
    }
}

void ResultListModel::aboutToRemove(Node *node)
{
    if (!m_owner)
        return;
    if (node->parent() == m_owner && children::listOf(*node) == m_list) {
        const int row = children::indexOf(*node);
        beginRemoveRows({}, row, row);
        return;
    }
    if (isTrialOfOurs(node)) {
        // Refresh after it is gone; remember the bib now.
        const QString bib = static_cast<Trial *>(node)->bib;
        QMetaObject::invokeMethod(
            this, [this, bib] { refreshRow(rowOfBib(bib)); }, Qt::QueuedConnection);
        return;
    }
    for (const Node *p = m_owner; p; p = p->parent()) {
        if (p == node) { // our unit (or its event) is going away
            beginResetModel();
            m_owner = nullptr;
            endResetModel();
            return;
        }
    }
}

void ResultListModel::removed(Node *parent, ListId list, int)
{
    if (ours(parent, list))
        endRemoveRows();
}

void ResultListModel::aboutToMove(Node *node, int to)
{
    m_moving = m_owner && node->parent() == m_owner && children::listOf(*node) == m_list;
    if (m_moving) {
        const int from = children::indexOf(*node);
        m_moving = beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    }
}

void ResultListModel::moved(Node *, int)
{
    if (m_moving)
        endMoveRows();
    m_moving = false;
}

void ResultListModel::changed(Node *node, int field)
{
    if (!m_owner)
        return;
    if (node == m_owner)
        ownerChanged(field);
    else if (node->parent() == m_owner && node->kind() == NodeKind::Result)
        refreshRow(children::indexOf(*node));
    else if (isTrialOfOurs(node))
        trialChanged(*static_cast<Trial *>(node));
    else if (node->kind() == NodeKind::Competitor || node->kind() == NodeKind::RelayTeam)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

} // namespace meetdesk
