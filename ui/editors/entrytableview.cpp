#include "entrytableview.h"

#include "models/resultstablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>

namespace meetdesk {

EntryTableView::EntryTableView(QWidget *parent)
    : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked
                    | QAbstractItemView::EditKeyPressed);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTabKeyNavigation(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
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
    if (text.isEmpty() || !current.isValid())
        return;
    if (auto *results = qobject_cast<ResultsTableModel *>(model())) {
        results->paste(current.row(), current.column(), text);
        return;
    }
    // Other grids: one value a cell, rightwards and downwards from the current cell.
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype r = 0; r < lines.size(); ++r) {
        const QStringList cells = lines[r].trimmed().split(u'\t');
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QModelIndex target
                = model()->index(current.row() + int(r), current.column() + int(c));
            if (target.isValid() && (target.flags() & Qt::ItemIsEditable))
                model()->setData(target, cells[c]);
        }
    }
}

} // namespace meetdesk
