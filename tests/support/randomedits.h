#pragma once

// Random edits of a document, for the tests of what follows a document: the findings service
// and the findings model are checked against a full check after every step.

#include "edit/documenteditor.h"
#include "model/children.h"

#include <QDate>
#include <QRandomGenerator>
#include <QUndoStack>

namespace meetdesk::randomedits {

template<class F> void forEachNode(const Node &node, F &&f)
{
    f(node);
    for (const ListId list : children::listsOf(node.kind())) {
        for (int i = 0; i < children::count(node, list); ++i)
            forEachNode(*children::at(node, list, i), f);
    }
}

// Random edits of the kinds a user makes, with values chosen to make and mend findings: bibs
// that exist and clash, events and teams that do or do not exist, marks that read or not.
class RandomEdits
{
public:
    RandomEdits(Document &doc, quint32 seed)
        : m_doc(doc)
        , m_edit(doc)
        , m_rng(seed)
    { }

    // One step; answers what it did, for the failure message.
    QString step()
    {
        const int what = int(m_rng.bounded(100));
        QUndoStack &stack = *m_doc.undoStack();
        if (what < 10 && stack.canUndo()) {
            stack.undo();
            return QStringLiteral("undo");
        }
        if (what < 16 && stack.canRedo()) {
            stack.redo();
            return QStringLiteral("redo");
        }
        QList<const Node *> nodes;
        forEachNode(m_doc.competition(), [&](const Node &n) { nodes.append(&n); });
        const Node &node = *nodes[m_rng.bounded(int(nodes.size()))];
        if (what < 62)
            return setField(node);
        if (!node.parent())
            return QStringLiteral("nothing");
        if (what < 72) {
            const Node *added = m_edit.insert(
                *node.parent(), children::listOf(node),
                int(m_rng.bounded(children::count(*node.parent(), children::listOf(node)) + 1)),
                m_rng.bounded(3) == 0 ? nullptr : children::clone(node));
            return QStringLiteral("insert %1").arg(describe(*added));
        }
        if (what < 82) {
            const QString text = QStringLiteral("remove %1").arg(describe(node));
            m_edit.remove({&node});
            return text;
        }
        if (what < 92) {
            const int to
                = int(m_rng.bounded(children::count(*node.parent(), children::listOf(node))));
            m_edit.move(node, to);
            return QStringLiteral("move %1 to %2").arg(describe(node)).arg(to);
        }
        m_edit.duplicate(node);
        return QStringLiteral("duplicate %1").arg(describe(node));
    }

private:
    static QString describe(const Node &node)
    {
        return QString::number(int(node.kind())) + u' ' + nodepathOf(node);
    }
    static QString nodepathOf(const Node &node);

    QString setField(const Node &node)
    {
        struct Choice
        {
            NodeKind kind;
            const char *field;
            QList<QVariant> values;
        };
        const QVariant none;
        const QList<QVariant> bibs {none,
                                    QStringLiteral("101"),
                                    QStringLiteral("102"),
                                    QStringLiteral("117"),
                                    QStringLiteral("150"),
                                    QStringLiteral("R1"),
                                    QStringLiteral("999")};
        const QList<QVariant> events {none,
                                      QStringLiteral("T01"),
                                      QStringLiteral("T02"),
                                      QStringLiteral("F02"),
                                      QStringLiteral("M01"),
                                      QStringLiteral("X9")};
        const QList<QVariant> teams {none, QStringLiteral("RSH"), QStringLiteral("BEL"),
                                     QStringLiteral("ZZZ")};
        const QList<QVariant> marks {none,
                                     QStringLiteral("10.50"),
                                     QStringLiteral("10.50"),
                                     QStringLiteral("1.85"),
                                     QStringLiteral("6.04"),
                                     QStringLiteral("abc"),
                                     QStringLiteral("DNS"),
                                     QStringLiteral("x"),
                                     QStringLiteral("o"),
                                     QStringLiteral("xxo"),
                                     QStringLiteral("xxx")};
        const QList<QVariant> small {none, 0, 1, 2, 3, 4, 7};
        const QList<QVariant> dates {none, QDate(1990, 5, 1), QDate(2012, 6, 1), QDate(2030, 1, 1),
                                     QDate(2026, 5, 16)};
        static const QList<Choice> choices {
            {NodeKind::Competition, "date", dates},
            {NodeKind::Competition, "finish_date", dates},
            {NodeKind::Competition, "slug", {none, QStringLiteral("a b"), QStringLiteral("ok")}},
            {NodeKind::Competitor, "competitor_id", bibs},
            {NodeKind::Competitor,
             "gender",
             {none, QStringLiteral("M"), QStringLiteral("F"), QStringLiteral("Q")}},
            {NodeKind::Competitor, "date_of_birth", dates},
            {NodeKind::Competitor, "team_id", teams},
            {NodeKind::Competitor, "last_name", {QStringLiteral("Lee"), QStringLiteral("Ng")}},
            {NodeKind::EventEntry, "event_id", events},
            {NodeKind::Team, "team_id", teams},
            {NodeKind::Team, "team_name", {QStringLiteral("Club")}},
            {NodeKind::RelayTeam, "relay_team_id", bibs},
            {NodeKind::RelayTeam, "event_id", events},
            {NodeKind::RelayTeam, "team_id", teams},
            {NodeKind::RelayTeam,
             "runners",
             {none, QStringList {QStringLiteral("101"), QStringLiteral("107")},
              QStringList {QStringLiteral("114"), QStringLiteral("114"), QStringLiteral("999")}}},
            {NodeKind::Event, "event_id", events},
            {NodeKind::Event,
             "event_code",
             {none, QStringLiteral("100"), QStringLiteral("HJ"), QStringLiteral("LJ"),
              QStringLiteral("4x100"), QStringLiteral("XYZ")}},
            {NodeKind::Event, "category", {none, QStringLiteral("SM"), QStringLiteral("SW")}},
            {NodeKind::Event,
             "genders",
             {none, QStringLiteral("M"), QStringLiteral("F"), QStringLiteral("W")}},
            {NodeKind::Event,
             "rounds",
             {none, QStringLiteral("1"), QStringLiteral("2,1"), QStringLiteral("8;3")}},
            {NodeKind::Event, "parent", events},
            {NodeKind::Event, "age_groups", {none, QStringList {QStringLiteral("U15")}}},
            {NodeKind::Event, "max_field_attempts", small},
            {NodeKind::Unit, "round", small},
            {NodeKind::Unit, "heat", small},
            {NodeKind::Unit, "rounds", small},
            {NodeKind::Unit,
             "results_status",
             {none, QStringLiteral("official"), QStringLiteral("final")}},
            {NodeKind::Unit,
             "heights",
             {none, QStringList {QStringLiteral("1.70"), QStringLiteral("1.85")},
              QStringList {QStringLiteral("1.85"), QStringLiteral("1.70")}}},
            {NodeKind::Result, "bib", bibs},
            {NodeKind::Result, "place", small},
            {NodeKind::Result, "performance", marks},
            {NodeKind::Result, "wind", {none, QStringLiteral("+1.2"), QStringLiteral("calm")}},
            {NodeKind::Trial, "bib", bibs},
            {NodeKind::Trial, "round", small},
            {NodeKind::Trial, "height", {none, QStringLiteral("1.85"), QStringLiteral("1.72")}},
            {NodeKind::Trial, "result", marks},
            {NodeKind::Trial, "wind", {none, QStringLiteral("-0.4"), QStringLiteral("strong")}},
        };
        QList<const Choice *> mine;
        for (const Choice &c : choices) {
            if (c.kind == node.kind())
                mine.append(&c);
        }
        const Choice &c = *mine[m_rng.bounded(int(mine.size()))];
        const QVariant value = c.values[m_rng.bounded(int(c.values.size()))];
        m_edit.setValue(node, QLatin1StringView(c.field), value);
        return QStringLiteral("set %1 %2 = %3")
            .arg(describe(node), QLatin1StringView(c.field), value.toString());
    }

    Document &m_doc;
    DocumentEditor m_edit;
    QRandomGenerator m_rng;
};

inline QString RandomEdits::nodepathOf(const Node &node)
{
    QStringList steps;
    for (const Node *n = &node; n->parent(); n = n->parent())
        steps.prepend(QString::number(children::indexOf(*n)));
    return steps.join(u'/');
}

} // namespace meetdesk::randomedits
