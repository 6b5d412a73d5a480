#pragma once

// The main window as a user has it, for the GUI tests: shown and active on a copy of a file,
// dialogs waited for as they appear, screenshots where the tests leave them.

#include "mainwindow.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace meetdesk::windowtesting {

// A main window, shown and active, on a copy of path in dir (the original is never written).
inline std::unique_ptr<MainWindow> openCopy(const QTemporaryDir &dir, const QString &path)
{
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QFile::remove(copy);
    if (!QFile::copy(path, copy))
        qFatal("cannot copy %s", qPrintable(path));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    auto window = std::make_unique<MainWindow>();
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()) || !window->openFile(copy))
        qWarning("the main window is not ready on %s", qPrintable(copy));
    return window;
}

// The dialog called name once it is shown, given the keyboard; nullptr if it never comes.
template<class T = QDialog> T *shown(QWidget &window, const char *name)
{
    T *found = nullptr;
    const bool visible = QTest::qWaitFor([&] {
        found = window.findChild<T *>(QLatin1StringView(name));
        return found && found->isVisible();
    });
    if (!visible)
        return nullptr;
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

inline bool screenshot(QWidget &widget, const QString &name)
{
    const QString dir = QStringLiteral(MEETDESK_TEST_OUTPUT "/screenshots");
    QDir().mkpath(dir);
    return widget.grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace meetdesk::windowtesting
