#pragma once

// Where a user clicks in item views, for the GUI tests: a list item's check box, a table
// row's header, and a right click or a double click delivered as the platform delivers it.

#include <QHeaderView>
#include <QListWidget>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <QWindow>

namespace meetdesk::viewtesting {

// The middle of a list item's check box, found as the item's delegate finds it.
inline QPoint checkBoxOf(QListWidget *list, int row)
{
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualItemRect(list->item(row));
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = list->item(row)->text();
    return list->style()
        ->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, list)
        .center();
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

// A double click through the window, as the platform delivers it: press, release, press and
// release, which the application turns into a double click (an item view activates the item).
inline void doubleClick(QWidget *widget, QPoint at)
{
    QTest::mouseDClick(widget->window()->windowHandle(), Qt::LeftButton, {},
                       widget->mapTo(widget->window(), at));
}

} // namespace meetdesk::viewtesting
