#include "documenteditor.h"

#include "addremovenode.h"
#include "athletics/seeding.h"
#include "changeextra.h"
#include "changevalue.h"
#include "model/describe.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace meetdesk {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::DocumentEditor", text, nullptr, n);
}
} // namespace

void DocumentEditor::setValue(const Node &node, int field, const QVariant &value)
{
    const QVariant current = fields::value(node, field);
    const bool unchanged = (current == value || (!current.isValid() && !value.isValid()))
        && fields::rawIndex(node, field) < 0;
    if (unchanged)
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

void DocumentEditor::remove(const QList<const Node *> &nodes)
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
        m_document.undoStack()->push(new RemoveNode(m_document, *roots.first()));
        return;
    }
    auto *macro = new QUndoCommand(tr("Delete %n item(s)", int(roots.size())));
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

void DocumentEditor::setExtra(const Node &node, const QString &key, std::optional<JsonValue> value)
{
    setJson(&node, key, std::move(value));
}

void DocumentEditor::setMeetdeskValue(const QString &key, std::optional<JsonValue> value)
{
    setJson(nullptr, key, std::move(value));
}

void DocumentEditor::setJson(const Node *node, const QString &key, std::optional<JsonValue> value)
{
    if (ChangeExtra::valueOf(m_document, node, key) == value)
        return;
    m_document.undoStack()->push(new ChangeExtra(m_document, node, key, std::move(value)));
}

void DocumentEditor::beginMacro(const QString &text)
{
    m_document.undoStack()->beginMacro(text);
}

void DocumentEditor::endMacro()
{
    m_document.undoStack()->endMacro();
}

} // namespace meetdesk
