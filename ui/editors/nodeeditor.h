#pragma once

#include "edit/documenteditor.h"

#include <QWidget>

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
    // Runs the checks again and shows what concerns this node.
    void updateFindings();

Q_SIGNALS:
    // The user asked to go to another node (e.g. a new event entry).
    void nodeRequested(const meetdesk::Node *node);

private:
    void buildCompetition();
    void buildCompetitor();
    void buildRelayTeam();
    void buildEvent();
    void buildEventEntry();
    void buildUnit();
    void fillRunners();

    DocumentEditor &m_edit;
    const Node &m_node;
    QLabel *m_title;
    FieldForm *m_form;
    QListWidget *m_runners = nullptr;
    QTimer *m_findingsTimer;
    QString m_lastSuggestion;
};

} // namespace meetdesk
