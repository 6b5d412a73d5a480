#include "competitiontreemodel.h"

#include "findingsmodel.h"

#include "model/describe.h"

namespace meetdesk {

namespace {

QString groupTitle(ListId list)
{
    switch (list) {
    case ListId::Competitors:
        return CompetitionTreeModel::tr("Competitors");
    case ListId::Teams:
        return CompetitionTreeModel::tr("Teams");
    case ListId::RelayTeams:
        return CompetitionTreeModel::tr("Relay teams");
    default:
        return CompetitionTreeModel::tr("Events");
    }
}

} // namespace

CompetitionTreeModel::CompetitionTreeModel(Document *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_groups {{{ListId::Competitors}, {ListId::Teams}, {ListId::RelayTeams}, {ListId::Events}}}
{
    connect(document, &Document::nodeAboutToBeInserted, this, &CompetitionTreeModel::aboutToInsert);
    connect(document, &Document::nodeInserted, this, &CompetitionTreeModel::inserted);
    connect(document, &Document::nodeAboutToBeRemoved, this, &CompetitionTreeModel::aboutToRemove);
    connect(document, &Document::nodeRemoved, this, &CompetitionTreeModel::removed);
    connect(document, &Document::nodeAboutToBeMoved, this, &CompetitionTreeModel::aboutToMove);
    connect(document, &Document::nodeMoved, this, &CompetitionTreeModel::moved);
    connect(document, &Document::nodeChanged, this, &CompetitionTreeModel::changed);
}

bool CompetitionTreeModel::isGroup(const void *pointer) const
{
    return pointer >= static_cast<const void *>(m_groups.data())
        && pointer < static_cast<const void *>(m_groups.data() + m_groups.size());
}

const Node *CompetitionTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || isGroup(index.internalPointer()))
        return nullptr;
    return static_cast<const Node *>(index.internalPointer());
}

std::optional<ListId> CompetitionTreeModel::group(const QModelIndex &index) const
{
    if (!index.isValid() || !isGroup(index.internalPointer()))
        return std::nullopt;
    return static_cast<const Group *>(index.internalPointer())->list;
}

int CompetitionTreeModel::listOffset(const Node &parent, ListId list) const
{
    if (parent.kind() == NodeKind::Competition)
        return 0; // each list has a group row of its own
    int offset = 0;
    for (ListId l : children::listsOf(parent.kind())) {
        if (l == list)
            break;
        offset += children::count(parent, l);
    }
    return offset;
}

QModelIndex CompetitionTreeModel::listParent(const Node &parent, ListId list) const
{
    return parent.kind() == NodeKind::Competition ? groupIndex(list) : indexOf(&parent);
}

int CompetitionTreeModel::rowOf(const Node &node) const
{
    const Node *parent = node.parent();
    if (!parent)
        return 0;
    return listOffset(*parent, children::listOf(node)) + children::indexOf(node);
}

QModelIndex CompetitionTreeModel::indexOf(const Node *node, int column) const
{
    if (!node)
        return {};
    return createIndex(rowOf(*node), column, const_cast<Node *>(node));
}

QModelIndex CompetitionTreeModel::groupIndex(ListId list, int column) const
{
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].list == list)
            return createIndex(int(i), column, const_cast<Group *>(&m_groups[i]));
    }
    return {};
}

QModelIndex CompetitionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0
            ? createIndex(0, column, const_cast<Competition *>(&m_document->competition()))
            : QModelIndex();
    if (parent.column() != 0)
        return {};
    if (const auto list = group(parent)) {
        Node *child = children::at(m_document->competition(), *list, row);
        return child ? createIndex(row, column, child) : QModelIndex();
    }
    const Node *parentNode = node(parent);
    if (parentNode->kind() == NodeKind::Competition)
        return row < int(m_groups.size())
            ? createIndex(row, column, const_cast<Group *>(&m_groups[size_t(row)]))
            : QModelIndex();
    int rest = row;
    for (ListId list : children::listsOf(parentNode->kind())) {
        const int count = children::count(*parentNode, list);
        if (rest < count)
            return createIndex(row, column, children::at(*parentNode, list, rest));
        rest -= count;
    }
    return {};
}

QModelIndex CompetitionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    if (isGroup(child.internalPointer()))
        return indexOf(&m_document->competition());
    const Node *n = node(child);
    const Node *parentNode = n->parent();
    if (!parentNode)
        return {};
    if (parentNode->kind() == NodeKind::Competition)
        return groupIndex(children::listOf(*n));
    return indexOf(parentNode);
}

int CompetitionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    if (const auto list = group(parent))
        return children::count(m_document->competition(), *list);
    const Node *n = node(parent);
    if (n->kind() == NodeKind::Competition)
        return int(m_groups.size());
    return children::totalCount(*n);
}

int CompetitionTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString CompetitionTreeModel::competitorName(const QString &bib) const
{
    if (!m_bibsValid) {
        m_bibs.clear();
        for (const auto &c : m_document->competition().competitors)
            m_bibs.insert(c->competitorId, c.get());
        m_bibsValid = true;
    }
    const Competitor *c = m_bibs.value(bib);
    return c ? c->firstName + u' ' + c->lastName : QString();
}

QVariant CompetitionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (const auto list = group(index)) {
        if (role == Qt::DisplayRole && index.column() == LabelColumn)
            return tr("%1 (%2)")
                .arg(groupTitle(*list))
                .arg(children::count(m_document->competition(), *list));
        if (role == FilterRole)
            return groupTitle(*list);
        return {};
    }
    const Node *n = node(index);
    if (index.column() == StatusColumn) {
        if (!m_status)
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return m_status(*n).text;
        case Qt::ForegroundRole:
            if (const QColor colour = m_status(*n).colour; colour.isValid())
                return colour;
            return {};
        case Qt::ToolTipRole:
            if (const QString tip = m_status(*n).toolTip; !tip.isEmpty())
                return tip;
            return {};
        case Qt::DecorationRole:
            if (const QIcon icon = m_status(*n).icon; !icon.isNull())
                return icon;
            return {};
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == LabelColumn ? describe::label(*n) : describe::details(*n);
    case Qt::DecorationRole:
        if (m_findings && index.column() == LabelColumn) {
            if (const auto worst = m_findings->worstWithin(*n))
                return FindingsModel::icon(*worst);
        }
        return {};
    case Qt::ToolTipRole: {
        if (!m_findings || index.column() != LabelColumn)
            return {};
        const FindingsService::Counts within = m_findings->countsWithin(*n);
        if (within.isEmpty())
            return {};
        QStringList parts;
        if (within.errors > 0)
            parts.append(within.errors == 1 ? tr("1 error") : tr("%1 errors").arg(within.errors));
        if (within.warnings > 0)
            parts.append(within.warnings == 1 ? tr("1 warning")
                                              : tr("%1 warnings").arg(within.warnings));
        const FindingsService::Counts own = m_findings->countsAbout(*n);
        const int under = within.errors + within.warnings - own.errors - own.warnings;
        return under == 0
            ? parts.join(QStringLiteral(", "))
            : tr("%1 (%n under it)", nullptr, under).arg(parts.join(QStringLiteral(", ")));
    }
    case FilterRole: {
        QString text = describe::label(*n) + u' ' + describe::details(*n);
        if (n->kind() == NodeKind::Result)
            text += u' ' + competitorName(static_cast<const Result *>(n)->bib);
        else if (n->kind() == NodeKind::Trial)
            text += u' ' + competitorName(static_cast<const Trial *>(n)->bib);
        return text;
    }
    default:
        return {};
    }
}

QVariant CompetitionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Competition");
    case DetailsColumn:
        return tr("Details");
    default:
        return tr("Published");
    }
}

void CompetitionTreeModel::setFindings(const FindingsService *findings)
{
    if (m_findings)
        disconnect(m_findings, nullptr, this, nullptr);
    m_findings = findings;
    if (findings) {
        connect(findings, &FindingsService::findingsChanged, this, [this](const Node *node) {
            const QModelIndex index = indexOf(node, LabelColumn);
            Q_EMIT dataChanged(index, index, {Qt::DecorationRole, Qt::ToolTipRole});
        });
    }
}

void CompetitionTreeModel::aboutToInsert(Node *parent, ListId list, int index)
{
    const int row = listOffset(*parent, list) + index;
    beginInsertRows(listParent(*parent, list), row, row);
}

void CompetitionTreeModel::inserted(Node *node)
{
    endInsertRows();
    if (node->kind() == NodeKind::Competitor)
        m_bibsValid = false;
    updateGroupCount(node->parent(), children::listOf(*node));
}

void CompetitionTreeModel::aboutToRemove(Node *node)
{
    const int row = rowOf(*node);
    beginRemoveRows(parent(indexOf(node)), row, row);
}

void CompetitionTreeModel::removed(Node *parent, ListId list, int)
{
    endRemoveRows();
    if (list == ListId::Competitors)
        m_bibsValid = false;
    updateGroupCount(parent, list);
}

void CompetitionTreeModel::aboutToMove(Node *node, int to)
{
    const int from = children::indexOf(*node);
    const int offset = listOffset(*node->parent(), children::listOf(*node));
    const QModelIndex parentIndex = parent(indexOf(node));
    // Qt counts the destination before the move: moving down lands before row to + 1.
    const int destination = offset + (to > from ? to + 1 : to);
    m_moveAccepted
        = beginMoveRows(parentIndex, offset + from, offset + from, parentIndex, destination);
}

void CompetitionTreeModel::moved(Node *, int)
{
    if (m_moveAccepted)
        endMoveRows();
}

void CompetitionTreeModel::changed(Node *node, int)
{
    if (node->kind() == NodeKind::Competitor)
        m_bibsValid = false;
    Q_EMIT dataChanged(indexOf(node, LabelColumn), indexOf(node, StatusColumn));
    // A unit is published whole: a change to one of its results changes the unit.
    if (node->parent() && node->parent()->kind() == NodeKind::Unit)
        Q_EMIT dataChanged(indexOf(node->parent(), StatusColumn),
                           indexOf(node->parent(), StatusColumn));
}

void CompetitionTreeModel::updateGroupCount(const Node *parent, ListId list)
{
    if (parent && parent->kind() == NodeKind::Competition) {
        const QModelIndex group = groupIndex(list);
        Q_EMIT dataChanged(group, group);
    }
}

} // namespace meetdesk
