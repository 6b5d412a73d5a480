#pragma once

#include "edit/documenteditor.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QTimer;

namespace meetdesk {

class FieldForm;

// The editor of the node selected in the tree: a title, a form with every field of the node's
// kind, live validation of its own fields, and what the kind needs beyond fields: a slug
// suggested from the name, heats created from rounds, relay runners chosen among the
// event's entrants, and for a unit its results grid and trial card or heights grid.
class NodeEditor : public QWidget
{
    Q_OBJECT

public:
    NodeEditor(DocumentEditor &edit, const Node &node, QWidget *parent = nullptr);

    const Node &node() const { return m_node; }
    FieldForm *form() const { return m_form; }
    // Shows what the document's findings say about this node.
    void updateFindings();
    // Puts the focus in the first field still empty (else the first), ready for typing.
    void focusFirstField();
    // A competitor's editor: opens the list of events to enter the competitor in.
    void chooseEventToEnter();

Q_SIGNALS:
    // The user asked to go to another node (e.g. a new event entry).
    void nodeRequested(const meetdesk::Node *node);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildCompetition();
    void buildCompetitor();
    void buildRelayTeam();
    void buildEvent();
    void buildEventEntry();
    void buildUnit();
    // Lists the candidates and ticks the runners. Called from the list's own signal it may
    // not delete its items: then a new list (someone comes or goes) waits for the event loop.
    void fillRunners(bool mayRebuild);
    void refillRunnersLater();

    DocumentEditor &m_edit;
    const Node &m_node;
    QLabel *m_title;
    FieldForm *m_form;
    QListWidget *m_runners = nullptr;
    bool m_refillQueued = false;
    bool m_inRunnersSignal = false;
    QComboBox *m_enterInEvent = nullptr;
    QString m_lastSuggestion;
};

} // namespace meetdesk
