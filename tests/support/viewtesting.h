#pragma once

// Where a user clicks in item views, for the GUI tests: a list item's check box, a table
// row's header, a right click or a double click delivered as the platform delivers it; typing
// into a grid.

#include <QApplication>
#include <QHeaderView>
#include <QListWidget>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <QWindow>

namespace meetdesk::viewtesting {

// The middle of an item's check box in the view's viewport, found as the delegate finds it.
inline QPoint checkBoxOf(QAbstractItemView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.rect = view->visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = index.data().toString();
    return view->style()
        ->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view)
        .center();
}

inline QPoint checkBoxOf(QListWidget *list, int row)
{
    return checkBoxOf(list, list->model()->index(row, 0));
}

// The middle of a table row's header, in the header's viewport.
inline QPoint rowHeaderOf(const QTableView *view, int row)
{
    const QHeaderView *header = view->verticalHeader();
    return {header->width() / 2,
            header->sectionViewportPosition(row) + header->sectionSize(row) / 2};
}

// A right click through the window, so the context menu event comes as well.
inline void rightClick(QWidget *widget, QPoint at)
{
    QTest::mouseClick(widget->window()->windowHandle(), Qt::RightButton, {},
                      widget->mapTo(widget->window(), at));
}

// Types into a grid cell as a keyboard does, into whatever has the focus: the grid (the first
// key opens the cell's editor) or the editor that Tab already opened.
inline void typeInGrid(QTableView *grid, const QString &text)
{
    QVERIFY2(grid->hasFocus() || grid->isAncestorOf(QApplication::focusWidget()),
             qPrintable(
                 QStringLiteral("focus is on %1, active window %2")
                     .arg(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                      : QStringLiteral("nothing"),
                          QApplication::activeWindow() ? QApplication::activeWindow()->objectName()
                                                       : QStringLiteral("none"))));
    for (const QChar c : text)
        QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
    QVERIFY(QApplication::focusWidget() != grid); // editing
}

inline void keyInEditor(Qt::Key key)
{
    QTest::keyClick(QApplication::focusWidget(), key);
    QCoreApplication::processEvents(); // the delegate commits on a queued call
    QCoreApplication::processEvents();
}

// A double click through the window, as the platform delivers it: press, release, press and
// release, which the application turns into a double click (an item view activates the item).
inline void doubleClick(QWidget *widget, QPoint at)
{
    QTest::mouseDClick(widget->window()->windowHandle(), Qt::LeftButton, {},
                       widget->mapTo(widget->window(), at));
}

} // namespace meetdesk::viewtesting
