#pragma once

// The main window driven as a user drives it, for the GUI tests: a menu item by its mnemonics,
// a dialog waited for until it has the keyboard, and screenshots kept for the record.

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QMenu>
#include <QTest>

namespace meetdesk::windowtesting {

// The dialog once it is shown and has the keyboard.
template<class T = QDialog> T *shown(QWidget &window, const char *name)
{
    T *found = nullptr;
    const bool visible = QTest::qWaitFor(
        [&] {
            found = window.findChild<T *>(QLatin1StringView(name));
            return found && found->isVisible();
        },
        20000);
    if (!visible)
        return nullptr;
    // Offscreen, closing the menu gives the keyboard back to the main window after the
    // dialog took it; a user would click on the dialog.
    QCoreApplication::processEvents();
    found->activateWindow();
    return QTest::qWaitForWindowActive(found) ? found : nullptr;
}

// Alt and the menu's mnemonic, then the item's, as a user opens a menu item.
inline bool fromMenu(QWidget &window, Qt::Key menu, Qt::Key item)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    QTest::keyClick(&window, menu, Qt::AltModifier);
    if (!QTest::qWaitFor([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); }))
        return false;
    QTest::keyClick(QApplication::activePopupWidget(), item);
    return true;
}

// Alt+F, then the item's mnemonic.
inline bool fromFileMenu(QWidget &window, Qt::Key mnemonic)
{
    return fromMenu(window, Qt::Key_F, mnemonic);
}

// Saves what the widget shows to build/test-output/screenshots/NAME.png.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(MEETDESK_TEST_OUTPUT "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

} // namespace meetdesk::windowtesting
