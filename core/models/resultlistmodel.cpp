#include "resultlistmodel.h"

#include <QRegularExpression>
#include <QSet>

namespace meetdesk {

namespace {

constexpr int bibColumn = 0; // every grid starts with Bib and Name
constexpr int nameColumn = 1;

QList<QStringList> splitRows(const QString &text)
{
    QList<QStringList> rows;
    for (QString line : text.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            rows.append(line.split(u'\t'));
    }
    return rows;
}

bool oneOf(const QString &key, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(),
                       [&key](const char *n) { return key == QLatin1StringView(n); });
}

} // namespace

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

QString ResultListModel::headerKey(const QString &name)
{
    QString text = name.trimmed().toLower();
    if (text == u"#")
        return QStringLiteral("no");
    static const QRegularExpression bracketed(QStringLiteral("\\(.*\\)"));
    text.remove(bracketed);
    text.replace(u',', u'.');
    QString key;
    for (const QChar c : std::as_const(text)) {
        if (c.isLetterOrNumber() || c == u'.')
            key += c;
    }
    while (key.startsWith(u'.'))
        key.remove(0, 1);
    while (key.endsWith(u'.'))
        key.chop(1);
    return key;
}

int ResultListModel::columnForHeader(const QString &name) const
{
    const QString key = headerKey(name);
    if (key.isEmpty())
        return -1;
    for (int c = 0; c < columnCount(); ++c) {
        if (headerKey(headerData(c, Qt::Horizontal).toString()) == key)
            return c;
    }
    if (oneOf(key,
              {"bib", "no", "number", "num", "bibno", "bibnumber", "competitorid", "competitor",
               "startno", "startnumber"}))
        return bibColumn;
    if (oneOf(key,
              {"name", "athlete", "athletename", "competitorname", "fullname", "firstname",
               "lastname", "surname", "forename", "givenname", "team", "teamname"}))
        return nameColumn;
    return -1;
}

QList<int> ResultListModel::headerlessColumns(int column, int cells) const
{
    QList<int> columns;
    for (int c = column; c < column + cells; ++c)
        columns.append(c < columnCount() ? c : -1);
    return columns;
}

ResultListModel::PasteReport ResultListModel::paste(int row, int column, const QString &text)
{
    PasteReport report;
    QList<QStringList> rows = splitRows(text);
    if (rows.isEmpty() || !m_owner)
        return report;

    // Column names in the first row? Enough of them must be known, so a row of data is
    // never taken for names.
    QList<int> named;
    const QStringList &first = rows.first();
    int known = 0;
    int filled = 0;
    QSet<int> taken;
    for (const QString &cell : first) {
        int c = cell.trimmed().isEmpty() ? -1 : columnForHeader(cell);
        if (taken.contains(c))
            c = -1; // a second "Time": the first one counts
        named.append(c);
        taken.insert(c);
        filled += !cell.trimmed().isEmpty();
        known += c >= 0;
    }
    const int firstDataRow = known > 0 && known >= std::min(2, filled) ? 1 : 0;
    if (firstDataRow == 1) {
        for (qsizetype i = 0; i < first.size(); ++i) {
            const QString title = first[i].trimmed();
            if (title.isEmpty())
                continue;
            report.columns.append(named[i] >= 0 ? tr("%1 → %2").arg(
                                      title, headerData(named[i], Qt::Horizontal).toString())
                                                : tr("%1 left out").arg(title));
        }
    } else {
        named.clear();
    }

    m_edit.beginMacro(tr("Paste %n row(s)", nullptr, int(rows.size() - firstDataRow)));
    int target = row;
    for (qsizetype i = firstDataRow; i < rows.size(); ++i) {
        const QStringList &cells = rows[i];
        const QList<int> columns
            = named.isEmpty() ? headerlessColumns(column, int(cells.size())) : named;
        QList<std::pair<int, QString>> todo;
        for (qsizetype k = 0; k < cells.size() && k < columns.size(); ++k) {
            const QString value = cells[k].trimmed();
            if (columns[k] >= 0 && !value.isEmpty())
                todo.append({columns[k], value});
        }
        // The bib first: on the empty last row it is what starts an athlete's result.
        std::stable_sort(todo.begin(), todo.end(), [](const auto &a, const auto &b) {
            return a.first == bibColumn && b.first != bibColumn;
        });
        const int pastedRow = int(i) + 1; // as the spreadsheet numbers it
        target = std::min(target, resultCount());
        const bool existing = !isNewRow(target);
        if (!todo.isEmpty() && !existing && !isEditableOnNewRow(todo.first().first)) {
            report.leftOut.append(
                tr("Pasted row %1: no bib, so no athlete to put it on; left out").arg(pastedRow));
            continue;
        }
        bool any = false;
        for (const auto &[c, value] : std::as_const(todo)) {
            if (!isEditableColumn(c))
                continue; // the name shown beside the bib, or a total: nothing to take
            if (pasteable(c, value) && setData(index(target, c), value)) {
                any = true;
                continue;
            }
            report.leftOut.append(tr("Pasted row %1, %2: \"%3\" does not fit there; left out")
                                      .arg(pastedRow)
                                      .arg(headerData(c, Qt::Horizontal).toString(), value));
        }
        report.rows += any;
        if (any || existing) // a row of the grid per pasted row, but no gaps in new ones
            ++target;
    }
    m_edit.endMacro();
    return report;
}

int ResultListModel::deleteRows(const QList<int> &rows)
{
    QList<const Node *> nodes;
    QSet<int> chosen;
    for (const int row : rows) {
        const Result *r = result(row);
        if (r && !chosen.contains(row)) {
            nodes.append(r);
            chosen.insert(row);
        }
    }
    if (nodes.isEmpty())
        return 0;
    if (m_owner->kind() == NodeKind::Unit) {
        // An athlete's trials go with their row, unless another row keeps the athlete.
        QSet<QString> kept;
        for (int row = 0; row < resultCount(); ++row) {
            if (!chosen.contains(row))
                kept.insert(result(row)->bib);
        }
        QSet<QString> going;
        for (const Node *n : std::as_const(nodes)) {
            const QString &bib = static_cast<const Result *>(n)->bib;
            if (!bib.isEmpty() && !kept.contains(bib))
                going.insert(bib);
        }
        for (const auto &t : static_cast<const Unit *>(m_owner)->trials) {
            if (going.contains(t->bib))
                nodes.append(t.get());
        }
    }
    const int count = int(chosen.size());
    m_edit.remove(nodes, tr("Delete %n row(s)", nullptr, count));
    Q_EMIT edited();
    return count;
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
        Q_EMIT edited();
        return true;
    }
    const bool empty = !value.isValid() || value.toString().isEmpty();
    if (empty)
        return false;
    auto fresh = std::make_unique<Result>();
    fields::setValue(*fresh, fields::indexOf(NodeKind::Result, field), value);
    m_edit.append(*m_owner, m_list, std::move(fresh));
    Q_EMIT edited();
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
