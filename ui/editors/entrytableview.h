#pragma once

#include <QTableView>

namespace meetdesk {

// A grid for entering results with the keyboard only: typing starts editing, Tab moves to
// the next editable cell, Enter commits and goes down to the next row (back to the column
// where the row was started, like a spreadsheet), Delete clears a cell, and pasting
// spreadsheet rows fills rows (by their column names when they have them; what does not fit
// is reported). Rows chosen by their headers go with Delete or the context menu.
class EntryTableView : public QTableView
{
    Q_OBJECT

public:
    explicit EntryTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void paste();
    // Deletes the rows chosen (by their headers, or holding the selected cells; else the
    // current row) as one undo step.
    void deleteRows();
    // Widths that keep every column in view in the default window: a name column wide
    // enough for a name, the others for a time or a mark.
    void fitColumns(int nameColumn);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void moveDown();
    void showMenu(const QPoint &globalPos);
    QList<int> chosenRows() const;
    int narrowWidth() const;

    int m_rowStartColumn = 0;
};

} // namespace meetdesk
