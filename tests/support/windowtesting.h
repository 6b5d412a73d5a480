#pragma once

// The main window driven as a user drives it, for the GUI tests: shown and active on a copy of
// a file, a menu item by its mnemonics, a dialog waited for until it has the keyboard, and
// screenshots kept for the record.

#include "mainwindow.h"
#include "prompts.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace meetdesk::windowtesting {

// Settings of the test's own, in home, kept from the user's; warnings recorded, not shown.
inline void isolate(const QTemporaryDir &home, const QString &applicationName)
{
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
    QCoreApplication::setApplicationName(applicationName);
    Prompts::setRecordWarnings(true);
}

// The main window, shown and active, on a copy (made writable) of a competition file; the
// original is never written.
inline std::unique_ptr<MainWindow> openCopy(const QString &original, const QString &copy)
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the main window is not active");
    QFile::remove(copy);
    if (!QFile::copy(original, copy))
        qWarning("cannot copy %s", qPrintable(original));
    QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!window->openFile(copy))
        qWarning("cannot open %s", qPrintable(copy));
    return window;
}

// The same, the copy in dir under the original's name.
inline std::unique_ptr<MainWindow> openCopy(const QTemporaryDir &dir, const QString &path)
{
    return openCopy(path, dir.filePath(QFileInfo(path).fileName()));
}

// The dialog called name once it is shown, given the keyboard; nullptr if it never comes.
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

// A key pressed where the keyboard's focus is in window, as a user presses a shortcut. Offscreen,
// a closed dialog gives the activation back to no one; a user would click on the window.
inline void press(QWidget &window, int key, Qt::KeyboardModifiers modifiers = {})
{
    if (QApplication::activeWindow() != &window) {
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            qWarning("the window is not active");
    }
    QWidget *focus = QApplication::focusWidget();
    QTest::keyClick(focus && window.isAncestorOf(focus) ? focus : &window, Qt::Key(key), modifiers);
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
inline bool screenshot(QWidget &widget, const QString &name)
{
    const QString dir = QStringLiteral(MEETDESK_TEST_OUTPUT "/screenshots");
    QDir().mkpath(dir);
    return widget.grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

inline void screenshot(QWidget *widget, const QString &name)
{
    QVERIFY(screenshot(*widget, name));
}

} // namespace meetdesk::windowtesting
