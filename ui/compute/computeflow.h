#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace meetdesk {

class Competition;
class DocumentEditor;
class Node;
struct Proposal;

// The Results menu: Compute places (Ctrl+K) for the heat, the event or the whole meet chosen
// in the tree, Work out age groups, and the competition's age group rules. What core/compute
// works out is written through the DocumentEditor as one undo step. A value already there
// that it would replace is shown first, in a preview opened with open(): replace it, keep
// what is there (only empty fields are filled), or cancel. What cannot be worked out is said.
class ComputeFlow : public QObject
{
    Q_OBJECT

public:
    // editor and current say, when asked, the window's document editor and the node selected.
    ComputeFlow(QWidget *window, std::function<DocumentEditor *()> editor,
                std::function<const Node *()> current);

    QMenu *menu() const { return m_menu; }
    QAction *placesAction() const { return m_places; }

    void computePlaces();
    void computeAgeGroups();

    // What Compute places works on for the node selected: its heat (a unit, or a result or
    // trial in one), its event, or the whole competition (anything else).
    static const Node &scopeOf(const Node *current, const Competition &competition);

Q_SIGNALS:
    // For the status bar.
    void message(const QString &text);

private:
    // Applies the proposal, through the preview when it replaces something; the preview
    // names places within scope.
    void offer(const Proposal &proposal, const QString &text, const QString &intro,
               const Node *scope);
    void preview(const Proposal &proposal, const QString &text, const QString &intro,
                 const Node *scope);
    // Says what was written, and what could not be worked out.
    void applied(const Proposal &proposal, const QString &intro);
    void updateRulesMenu();

    QWidget *m_window;
    std::function<DocumentEditor *()> m_editor;
    std::function<const Node *()> m_current;
    QMenu *m_menu;
    QMenu *m_rules;
    QAction *m_places;
    QAction *m_ages;
};

} // namespace meetdesk
