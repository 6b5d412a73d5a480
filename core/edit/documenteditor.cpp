#include "documenteditor.h"

#include "addremovenode.h"
#include "athletics/eventcatalogue.h"
#include "athletics/seeding.h"
#include "changeextra.h"
#include "changevalue.h"
#include "compute/compute.h"
#include "model/describe.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace meetdesk {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::DocumentEditor", text, nullptr, n);
}

bool isRelay(const Event &event)
{
    return EventCatalogue::kindOf(event.eventCode) == EventCatalogue::Kind::Relay;
}

const Competitor *competitorWithBib(const Competition &c, const QString &bib)
{
    for (const auto &x : c.competitors) {
        if (x->competitorId == bib)
            return x.get();
    }
    return nullptr;
}

QString fullName(const Competitor &x)
{
    const QString name = QStringList({x.firstName, x.lastName}).join(u' ').trimmed();
    return name.isEmpty() ? describe::label(x) : name;
}

const RelayTeam *relayTeamWithId(const Competition &c, const QString &id)
{
    for (const auto &r : c.relayTeams) {
        if (r->relayTeamId == id)
            return r.get();
    }
    return nullptr;
}

// Adds to macro a change of every result (and, with trials, every trial) of the events chosen
// whose bib is from, to to.
template<class Choose>
void followBib(Document &document, const QString &from, const QString &to, Choose chosen,
               bool trials, QUndoCommand *macro)
{
    static const int resultBib = fields::indexOf(NodeKind::Result, QLatin1StringView("bib"));
    static const int trialBib = fields::indexOf(NodeKind::Trial, QLatin1StringView("bib"));
    const auto follow = [&](const auto &list, int field) {
        for (const auto &node : list) {
            if (node->bib == from)
                new ChangeValue(document, *node, field, to, macro);
        }
    };
    for (const auto &event : document.competition().events) {
        if (!chosen(*event))
            continue;
        follow(event->results, resultBib);
        for (const auto &unit : event->units) {
            follow(unit->results, resultBib);
            if (trials)
                follow(unit->trials, trialBib);
        }
    }
}
// Whether the field already holds the value, typed (no raw value kept instead).
bool holds(const Node &node, int field, const QVariant &value)
{
    const QVariant current = fields::value(node, field);
    return (current == value || (!current.isValid() && !value.isValid()))
        && fields::rawIndex(node, field) < 0;
}

} // namespace

void DocumentEditor::setValue(const Node &node, int field, const QVariant &value)
{
    if (holds(node, field, value))
        return;
    m_document.undoStack()->push(new ChangeValue(m_document, node, field, value));
}

void DocumentEditor::setValue(const Node &node, QLatin1StringView field, const QVariant &value)
{
    const int index = fields::indexOf(node.kind(), field);
    Q_ASSERT_X(index >= 0, "DocumentEditor::setValue", "no such field");
    setValue(node, index, value);
}

Node *DocumentEditor::insert(const Node &parent, ListId list, int index, std::unique_ptr<Node> node)
{
    if (!node)
        node = children::create(list);
    auto *command = new InsertNode(m_document, parent, list, index, std::move(node));
    Node *inserted = command->node();
    m_document.undoStack()->push(command);
    return inserted;
}

Node *DocumentEditor::append(const Node &parent, ListId list, std::unique_ptr<Node> node)
{
    return insert(parent, list, children::count(parent, list), std::move(node));
}

void DocumentEditor::remove(const QList<const Node *> &nodes, const QString &text)
{
    QSet<const Node *> chosen(nodes.cbegin(), nodes.cend());
    QList<const Node *> roots;
    for (const Node *node : nodes) {
        bool inside = false;
        for (const Node *p = node->parent(); p && !inside; p = p->parent())
            inside = chosen.contains(p);
        if (!inside && node->parent() && !roots.contains(node))
            roots.append(node);
    }
    if (roots.isEmpty())
        return;
    if (roots.size() == 1) {
        auto *command = new RemoveNode(m_document, *roots.first());
        if (!text.isEmpty())
            command->setText(text);
        m_document.undoStack()->push(command);
        return;
    }
    auto *macro
        = new QUndoCommand(text.isEmpty() ? tr("Delete %n item(s)", int(roots.size())) : text);
    for (const Node *node : roots)
        new RemoveNode(m_document, *node, macro);
    m_document.undoStack()->push(macro);
}

Node *DocumentEditor::duplicate(const Node &node)
{
    if (!node.parent())
        return nullptr;
    return insert(*node.parent(), children::listOf(node), children::indexOf(node) + 1,
                  children::clone(node));
}

void DocumentEditor::move(const Node &node, int to)
{
    if (!node.parent())
        return;
    const int count = children::count(*node.parent(), children::listOf(node));
    to = std::clamp(to, 0, count - 1);
    if (to == children::indexOf(node))
        return;
    m_document.undoStack()->push(new MoveNode(m_document, node, to));
}

int DocumentEditor::createUnits(const Event &event)
{
    return createUnits(event, std::nullopt);
}

int DocumentEditor::createUnits(const Event &event, int round)
{
    return createUnits(event, std::optional<int>(round));
}

int DocumentEditor::createUnits(const Event &event, std::optional<int> onlyRound)
{
    const QList<int> perRound = seeding::heatsPerRound(event.rounds);
    // Rounds count down to the final: "8,3,1" is 8 heats in round 1, 3 in round 2, 1 final.
    std::vector<std::unique_ptr<Unit>> missing;
    for (qsizetype r = 0; r < perRound.size(); ++r) {
        const int round = int(r) + 1;
        if (onlyRound && round != *onlyRound)
            continue;
        const int heats = perRound[r];
        for (int h = 1; h <= heats; ++h) {
            const bool exists
                = std::any_of(event.units.begin(), event.units.end(),
                              [&](const auto &u) { return u->round == round && u->heat == h; });
            if (exists)
                continue;
            auto unit = std::make_unique<Unit>();
            unit->round = round;
            unit->heat = h;
            const bool final = r == perRound.size() - 1 && heats == 1;
            unit->heatName = final ? tr("Final")
                : heats == 1       ? tr("Round %1").arg(round)
                                   : tr("Round %1 heat %2").arg(round).arg(h);
            missing.push_back(std::move(unit));
        }
    }
    if (missing.empty())
        return 0;
    const int created = int(missing.size());
    auto *macro
        = new QUndoCommand(tr("Create %n heat(s) of %1", created).arg(describe::label(event)));
    int index = int(event.units.size());
    for (auto &unit : missing)
        new InsertNode(m_document, event, ListId::Units, index++, std::move(unit), macro);
    m_document.undoStack()->push(macro);
    return created;
}

std::optional<Refusal> DocumentEditor::renameBib(const Competitor &competitor, const QString &typed)
{
    const Competition &c = m_document.competition();
    return rename(competitor, QLatin1StringView("competitor_id"), typed,
                  tr("A competitor needs a bib"),
                  [&](const QString &old, const QString &bib, QUndoCommand *macro) {
                      // In a relay the bib of a result is the relay team's: if a team has this
                      // one, leave relay results alone.
                      const bool relayHasIt = relayTeamWithId(c, old) != nullptr;
                      followBib(
                          m_document, old, bib,
                          [&](const Event &e) { return !(relayHasIt && isRelay(e)); }, true, macro);
                      static const int runnersField
                          = fields::indexOf(NodeKind::RelayTeam, QLatin1StringView("runners"));
                      for (const auto &relay : c.relayTeams) {
                          if (!relay->runners || !relay->runners->contains(old))
                              continue;
                          QStringList runners = *relay->runners;
                          runners.replace(runners.indexOf(old), bib);
                          new ChangeValue(m_document, *relay, runnersField, runners, macro);
                      }
                  });
}

std::optional<Refusal> DocumentEditor::renameRelayTeam(const RelayTeam &team, const QString &typed)
{
    return rename(team, QLatin1StringView("relay_team_id"), typed, tr("A relay team needs an id"),
                  [&](const QString &old, const QString &id, QUndoCommand *macro) {
                      followBib(
                          m_document, old, id,
                          [&](const Event &e) { return isRelay(e) || e.eventId == team.eventId; },
                          false, macro);
                  });
}

std::optional<Refusal> DocumentEditor::rename(const Node &node, QLatin1StringView field,
                                              const QString &typed, const QString &needsOne,
                                              const Follow &follow)
{
    const int index = fields::indexOf(node.kind(), field);
    const QString id = typed.trimmed();
    const QString old = fields::value(node, index).toString();
    if (id == old)
        return std::nullopt;
    const Competition &c = m_document.competition();
    const auto refused = [&](const QString &why) {
        return Refusal {field, tr("%1: %2 kept").arg(why, old)};
    };
    if (id.isEmpty())
        return refused(needsOne);
    if (const Competitor *x = competitorWithBib(c, id))
        return refused(tr("%1 is already the bib of %2").arg(id, fullName(*x)));
    if (const RelayTeam *r = relayTeamWithId(c, id))
        return refused(tr("%1 is already the id of the relay team %2").arg(id, r->name));

    const QString title = describe::fieldTitle(field).toLower();
    auto *macro = new QUndoCommand(old.isEmpty() ? tr("Set %1 to %2").arg(title, id)
                                                 : tr("Change %1 %2 to %3").arg(title, old, id));
    new ChangeValue(m_document, node, index, id, macro);
    if (!old.isEmpty())
        follow(old, id, macro);
    m_document.undoStack()->push(macro);
    return std::nullopt;
}

const EventEntry *DocumentEditor::enterInEvent(const Competitor &competitor, const Event &event)
{
    if (event.eventId.isEmpty())
        return nullptr;
    for (const auto &entry : competitor.eventsEntered) {
        if (entry->eventId == event.eventId)
            return entry.get();
    }
    auto entry = std::make_unique<EventEntry>();
    entry->eventId = event.eventId;
    entry->eventCode = event.eventCode;
    auto *command = new InsertNode(m_document, competitor, ListId::EventsEntered,
                                   int(competitor.eventsEntered.size()), std::move(entry));
    command->setText(tr("Enter %1 in %2").arg(describe::label(competitor), describe::label(event)));
    const auto *inserted = static_cast<const EventEntry *>(command->node());
    m_document.undoStack()->push(command);
    return inserted;
}

int DocumentEditor::insertBulk(Bulk bulk, const QString &text)
{
    const Competition &c = m_document.competition();
    auto macro = std::make_unique<QUndoCommand>(text);
    int added = 0;
    const auto appendAll = [&](auto &nodes, ListId list) {
        int index = children::count(c, list);
        for (auto &node : nodes) {
            new InsertNode(m_document, c, list, index++, std::move(node), macro.get());
            ++added;
        }
    };
    appendAll(bulk.teams, ListId::Teams);
    appendAll(bulk.competitors, ListId::Competitors);
    appendAll(bulk.relayTeams, ListId::RelayTeams);
    appendAll(bulk.events, ListId::Events);

    QHash<const Competitor *, QStringList> entered; // as they will be once the step is done
    for (auto &[competitor, entry] : bulk.entries) {
        auto known = entered.find(competitor);
        if (known == entered.end()) {
            QStringList ids;
            for (const auto &e : competitor->eventsEntered)
                ids.append(e->eventId);
            known = entered.insert(competitor, ids);
        }
        if (known->contains(entry->eventId))
            continue;
        const int index = int(known->size());
        known->append(entry->eventId);
        new InsertNode(m_document, *competitor, ListId::EventsEntered, index, std::move(entry),
                       macro.get());
        ++added;
    }
    if (added > 0)
        m_document.undoStack()->push(macro.release());
    return added;
}

void DocumentEditor::setExtra(const Node &node, const QString &key, std::optional<JsonValue> value)
{
    setJson(&node, key, std::move(value));
}

void DocumentEditor::setMeetdeskValue(const QString &key, std::optional<JsonValue> value,
                                      const QString &text)
{
    setJson(nullptr, key, std::move(value), text);
}

void DocumentEditor::setJson(const Node *node, const QString &key, std::optional<JsonValue> value,
                             const QString &text)
{
    if (ChangeExtra::valueOf(m_document, node, key) == value)
        return;
    auto *command = new ChangeExtra(m_document, node, key, std::move(value));
    if (!text.isEmpty())
        command->setText(text);
    m_document.undoStack()->push(command);
}

void DocumentEditor::apply(const Proposal &proposal, const QString &text)
{
    auto macro = std::make_unique<QUndoCommand>(text);
    QHash<const Node *, int> next; // where the next row goes in each list added to
    for (const ProposedResult &a : proposal.additions) {
        int &index = next[a.parent];
        if (index == 0)
            index = children::count(*a.parent, a.list);
        new InsertNode(m_document, *a.parent, a.list, index++, children::clone(*a.result),
                       macro.get());
    }
    for (const ProposedChange &c : proposal.changes) {
        if (!holds(*c.node, c.field, c.value))
            new ChangeValue(m_document, *c.node, c.field, c.value, macro.get());
    }
    if (macro->childCount() > 0)
        m_document.undoStack()->push(macro.release());
}

void DocumentEditor::beginMacro(const QString &text)
{
    m_document.undoStack()->beginMacro(text);
}

void DocumentEditor::endMacro()
{
    QUndoStack *stack = m_document.undoStack();
    stack->endMacro();
    if (!stack->canUndo())
        return; // still inside an outer macro
    // A macro in which nothing changed would be an undo step that does nothing (and a
    // document marked modified): an obsolete command is dropped by undoing it.
    const QUndoCommand *top = stack->command(stack->index() - 1);
    if (top && top->childCount() == 0) {
        const_cast<QUndoCommand *>(top)->setObsolete(true);
        stack->undo();
    }
}

} // namespace meetdesk
