#pragma once

#include "heats/heatplanner.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace meetdesk {

class DocumentEditor;

// The Meet day menu: "Seed heats...", "Draw lanes..." and "Advance to next round..." for the
// race selected in the tree (the tree's context menu offers them too). Each opens a
// HeatsDialog with open(); an accepted one is applied as one undo step and its heats selected.
class MeetDayActions : public QObject
{
    Q_OBJECT

public:
    // The functions say, when asked, what the window shows, edits and has selected, and
    // select a node in it.
    MeetDayActions(QWidget *window, std::function<Document *()> document,
                   std::function<DocumentEditor *()> editor, std::function<const Node *()> current,
                   std::function<void(const Node *)> select);

    QMenu *menu() const { return m_menu; }
    QList<QAction *> actions() const;
    // Enables the actions for the selection: a track race or relay, or a heat in one.
    void updateActions();

    void open(StartListPlan::Kind kind);

Q_SIGNALS:
    // For the status bar.
    void message(const QString &text);

private:
    const Event *currentRace() const;

    QWidget *m_window;
    std::function<Document *()> m_document;
    std::function<DocumentEditor *()> m_editor;
    std::function<const Node *()> m_current;
    std::function<void(const Node *)> m_select;
    QMenu *m_menu;
    QAction *m_seed;
    QAction *m_draw;
    QAction *m_advance;
};

} // namespace meetdesk
