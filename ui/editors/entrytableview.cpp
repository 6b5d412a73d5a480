#include "entrytableview.h"

#include "models/resultlistmodel.h"
#include "prompts.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QStatusTipEvent>

#include <set>

namespace meetdesk {

EntryTableView::EntryTableView(QWidget *parent)
    : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked
                    | QAbstractItemView::EditKeyPressed);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setTabKeyNavigation(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // A row header clicked chooses the row; Delete then goes to the grid.
    connect(verticalHeader(), &QHeaderView::sectionPressed, this,
            [this] { setFocus(Qt::MouseFocusReason); });
    verticalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(verticalHeader(), &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        const int row = verticalHeader()->logicalIndexAt(pos);
        if (row >= 0 && !selectionModel()->isRowSelected(row, {}))
            selectRow(row);
        showMenu(verticalHeader()->viewport()->mapToGlobal(pos));
    });
}

void EntryTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (!model)
        return;
    // A seventh attempt or a new height comes in as narrow as the others.
    connect(model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                for (int c = first; c <= last; ++c)
                    setColumnWidth(c, narrowWidth());
            });
    // What is typed widens its column when it would not show whole ("6.01 +0.4" with its wind).
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                for (int c = from.column(); c <= to.column(); ++c)
                    setColumnWidth(c, std::max(columnWidth(c), sizeHintForColumn(c)));
            });
}

int EntryTableView::narrowWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("0:00.00")) + 12;
}

void EntryTableView::fitColumns(int nameColumn)
{
    if (!model())
        return;
    for (int c = 0; c < model()->columnCount(); ++c) {
        const int wanted = c == nameColumn ? fontMetrics().averageCharWidth() * 24 : narrowWidth();
        setColumnWidth(
            c, std::max({wanted, horizontalHeader()->sectionSizeHint(c), sizeHintForColumn(c)}));
    }
}

void EntryTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    if (current.isValid() && (!previous.isValid() || current.row() != previous.row()))
        m_rowStartColumn = current.column();
}

void EntryTableView::moveDown()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid() || !model())
        return;
    const int row = std::min(current.row() + 1, model()->rowCount() - 1);
    const QModelIndex next = model()->index(row, m_rowStartColumn);
    const int start = m_rowStartColumn;
    setCurrentIndex(next);
    m_rowStartColumn = start;
}

void EntryTableView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    QTableView::closeEditor(editor, hint);
    if (hint == QAbstractItemDelegate::SubmitModelCache) // Enter or Return in the editor
        moveDown();
}

QModelIndex EntryTableView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    if ((action != MoveNext && action != MovePrevious) || !model() || !currentIndex().isValid())
        return QTableView::moveCursor(action, modifiers);
    // Tab goes to the next cell that can be typed into, skipping names and totals.
    const int columns = model()->columnCount();
    const int rows = model()->rowCount();
    const int step = action == MoveNext ? 1 : -1;
    int position = currentIndex().row() * columns + currentIndex().column();
    for (int guard = 0; guard < rows * columns; ++guard) {
        position += step;
        if (position < 0 || position >= rows * columns)
            break;
        const QModelIndex candidate = model()->index(position / columns, position % columns);
        if (candidate.flags() & Qt::ItemIsEditable)
            return candidate;
    }
    return currentIndex();
}

void EntryTableView::keyPressEvent(QKeyEvent *event)
{
    if (state() != EditingState) {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            moveDown();
            return;
        }
        if (event->matches(QKeySequence::Paste)) {
            paste();
            return;
        }
        if (event->key() == Qt::Key_Delete && !selectionModel()->selectedRows().isEmpty()) {
            deleteRows();
            return;
        }
        if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
            const QModelIndex current = currentIndex();
            if (current.isValid() && (current.flags() & Qt::ItemIsEditable))
                model()->setData(current, QString());
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

void EntryTableView::paste()
{
    const QString text = QApplication::clipboard()->text();
    const QModelIndex current = currentIndex();
    auto *grid = qobject_cast<ResultListModel *>(model());
    if (text.isEmpty() || !current.isValid() || !grid)
        return;
    const ResultListModel::PasteReport report = grid->paste(current.row(), current.column(), text);
    QString message = tr("Pasted %n row(s)", nullptr, report.rows);
    if (!report.columns.isEmpty())
        message += tr(" by column names: %1").arg(report.columns.join(QStringLiteral(", ")));
    QStatusTipEvent tip(message);
    QCoreApplication::sendEvent(window(), &tip);
    if (report.leftOut.isEmpty())
        return;
    constexpr qsizetype shown = 12;
    QStringList lines = report.leftOut.mid(0, shown);
    if (report.leftOut.size() > shown)
        lines.append(tr("... and %n more", nullptr, int(report.leftOut.size() - shown)));
    Prompts::warn(this, tr("Some cells were not pasted"),
                  tr("%n cell(s) did not fit their column and were left out; everything else "
                     "was pasted (Edit > Undo takes the whole paste back).",
                     nullptr, int(report.leftOut.size()))
                      + QStringLiteral("\n\n") + lines.join(u'\n'));
}

QList<int> EntryTableView::chosenRows() const
{
    std::set<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedIndexes())
        rows.insert(index.row());
    if (rows.empty() && currentIndex().isValid())
        rows.insert(currentIndex().row());
    return QList<int>(rows.begin(), rows.end());
}

void EntryTableView::deleteRows()
{
    auto *grid = qobject_cast<ResultListModel *>(model());
    if (!grid)
        return;
    const int row = currentIndex().row();
    const int column = std::max(0, currentIndex().column());
    const int deleted = grid->deleteRows(chosenRows());
    if (deleted == 0)
        return;
    clearSelection();
    setCurrentIndex(grid->index(std::min(row, grid->rowCount() - 1), column));
    QStatusTipEvent tip(tr("Deleted %n row(s)", nullptr, deleted));
    QCoreApplication::sendEvent(window(), &tip);
}

void EntryTableView::contextMenuEvent(QContextMenuEvent *event)
{
    showMenu(event->globalPos());
}

void EntryTableView::showMenu(const QPoint &globalPos)
{
    const QList<int> rows = chosenRows();
    auto *grid = qobject_cast<ResultListModel *>(model());
    const bool any = grid
        && std::any_of(rows.begin(), rows.end(), [grid](int r) { return !grid->isNewRow(r); });
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("gridMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *remove = menu->addAction(tr("&Delete %n row(s)", nullptr, int(rows.size())), this,
                                      &EntryTableView::deleteRows);
    remove->setObjectName(QStringLiteral("deleteRowsAction"));
    remove->setEnabled(any);
    QAction *paste = menu->addAction(tr("&Paste"), this, &EntryTableView::paste);
    paste->setEnabled(!QApplication::clipboard()->text().isEmpty());
    menu->popup(globalPos);
}

} // namespace meetdesk
