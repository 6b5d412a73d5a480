#pragma once

#include <QTableView>

namespace meetdesk {

// A grid for entering results with the keyboard only: typing starts editing, Tab moves to
// the next editable cell, Enter commits and goes down to the next row (back to the column
// where the row was started, like a spreadsheet), Delete clears a cell, and pasting
// spreadsheet rows fills rows.
class EntryTableView : public QTableView
{
    Q_OBJECT

public:
    explicit EntryTableView(QWidget *parent = nullptr);

    void paste();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void moveDown();

    int m_rowStartColumn = 0;
};

} // namespace meetdesk
