#include "findingsservice.h"

#include "checks.h"
#include "nodepath.h"

#include "model/children.h"
#include "model/schema.h"

namespace meetdesk {

namespace {

int dateField()
{
    static const int field = fields::indexOf(NodeKind::Competition, QLatin1StringView("date"));
    return field;
}

} // namespace

FindingsService::FindingsService(Document &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_ageRules(AgeGroupRules::worldAthletics())
{
    connect(&document, &Document::nodeInserted, this, &FindingsService::inserted);
    connect(&document, &Document::nodeAboutToBeRemoved, this, &FindingsService::aboutToRemove);
    connect(&document, &Document::nodeRemoved, this, &FindingsService::afterChange);
    connect(&document, &Document::nodeAboutToBeMoved, this, &FindingsService::aboutToMove);
    connect(&document, &Document::nodeMoved, this, &FindingsService::afterChange);
    connect(&document, &Document::nodeChanged, this, &FindingsService::changed);
    revalidate();
}

FindingsService &FindingsService::of(Document &document)
{
    auto *service = document.findChild<FindingsService *>(QString(), Qt::FindDirectChildrenOnly);
    if (!service)
        service = new FindingsService(document, &document);
    return *service;
}

void FindingsService::revalidate()
{
    const Competition &c = m_document.competition();
    m_index = RuleIndex(c);
    m_hadTeams = !c.teams.empty();
    children::forEach(c, [this](const Node &n) { markDirty(&n); });
    process();
}

void FindingsService::setAgeGroupRules(const AgeGroupRules &rules)
{
    m_ageRules = rules;
    markEligibility();
    process();
}

// --- following the document ---------------------------------------------------------------

void FindingsService::inserted(Node *node)
{
    children::forEach(*node, [this](const Node &n) {
        m_index.add(n);
        markKeys(m_index.keysOf(n));
        markDirty(&n);
        markDependents(n, -1);
    });
    afterChange();
}

void FindingsService::aboutToRemove(Node *node)
{
    children::forEach(*node, [this](const Node &n) {
        markKeys(m_index.remove(n));
        markDependents(n, -1);
        drop(&n);
    });
    // The records above it own findings about nodes in it: out with them now, checked again
    // once it is gone.
    for (const Node *p = node->parent(); p && p->parent(); p = p->parent()) {
        drop(p);
        markDirty(p);
    }
}

void FindingsService::aboutToMove(Node *node)
{
    // Nothing a rule says depends on where a record is in its list, except a heat's or an
    // event's findings about its own children; but the list of findings follows the file's
    // order, so the moved records' findings are taken out and put back where they now go.
    children::forEach(*node, [this](const Node &n) {
        drop(&n);
        markDirty(&n);
    });
    for (const Node *p = node->parent(); p && p->parent(); p = p->parent()) {
        drop(p);
        markDirty(p);
    }
}

void FindingsService::changed(Node *node, int field)
{
    markKeys(m_index.remove(*node));
    m_index.add(*node);
    markKeys(m_index.keysOf(*node));
    markDirty(node);
    markDependents(*node, field);
    afterChange();
}

void FindingsService::afterChange()
{
    const bool hasTeams = !m_document.competition().teams.empty();
    if (hasTeams != m_hadTeams) {
        // A team id is checked against the teams only when there are some.
        m_hadTeams = hasTeams;
        markTeamReferences();
    }
    process();
}

void FindingsService::markKeys(const RuleIndex::Keys &keys)
{
    for (const auto &[key, value] : keys) {
        for (const Node *n : m_index.holders(key, value))
            markDirty(n);
        // Who names the key: results, trials and runners a bib; competitors and relay teams a
        // team; entries, relay teams and combined events' components an event.
        const auto reference = key == RuleIndex::Bib ? RuleIndex::BibRef
            : key == RuleIndex::Team                 ? RuleIndex::TeamRef
            : key == RuleIndex::EventId              ? RuleIndex::EventRef
                                                     : key;
        if (reference != key) {
            for (const Node *n : m_index.holders(reference, value))
                markDirty(n);
        }
    }
}

void FindingsService::markDependents(const Node &node, int field)
{
    switch (node.kind()) {
    case NodeKind::Competition:
        if (field == dateField() || field < 0)
            markEligibility(); // ages and dates of birth are judged on the competition's day
        break;
    case NodeKind::Competitor:
        for (const auto &entry : static_cast<const Competitor &>(node).eventsEntered)
            markDirty(entry.get()); // gender and age against the events entered
        break;
    case NodeKind::Event:
        // The code says how its results read; genders and age groups who may take part.
        children::forEach(node, [this](const Node &n) { markDirty(&n); });
        break;
    case NodeKind::Unit:
        children::forEach(node, [this](const Node &n) { markDirty(&n); });
        if (node.parent())
            markDirty(node.parent());
        break;
    case NodeKind::Result:
    case NodeKind::Trial:
        for (const Node *p = node.parent(); p && p->parent(); p = p->parent())
            markDirty(p);
        break;
    case NodeKind::Team:
    case NodeKind::RelayTeam:
    case NodeKind::EventEntry:
        break;
    }
}

void FindingsService::markTeamReferences()
{
    for (const QString &team : m_index.values(RuleIndex::TeamRef)) {
        for (const Node *n : m_index.holders(RuleIndex::TeamRef, team))
            markDirty(n);
    }
}

void FindingsService::markEligibility()
{
    children::forEach(m_document.competition(), [this](const Node &n) {
        if (n.kind() == NodeKind::Competitor || n.kind() == NodeKind::EventEntry
            || n.kind() == NodeKind::Result)
            markDirty(&n);
    });
}

// --- findings -------------------------------------------------------------------------------

void FindingsService::drop(const Node *owner)
{
    if (m_owned.contains(owner))
        replace(owner, {});
}

void FindingsService::process()
{
    const Competition &c = m_document.competition();
    const checks::Context context {c, m_index, m_ageRules};
    const Counts before = m_total;
    const QSet<const Node *> dirty = std::exchange(m_dirty, {});
    for (const Node *owner : dirty) {
        // Records named by a removed one may have gone with it.
        if (nodepath::isIn(*owner, c))
            replace(owner, checks::of(*owner, context));
    }
    const QSet<const Node *> touched = std::exchange(m_touched, {});
    for (const Node *node : touched) {
        if (nodepath::isIn(*node, c))
            Q_EMIT findingsChanged(node);
    }
    if (before.errors != m_total.errors || before.warnings != m_total.warnings)
        Q_EMIT countsChanged();
}

void FindingsService::replace(const Node *owner, QList<NodeFinding> found)
{
    const auto it = m_owned.constFind(owner);
    if (it == m_owned.constEnd() ? found.isEmpty() : *it == found)
        return;
    Q_EMIT ownerAboutToChange(owner);
    if (it != m_owned.constEnd()) {
        for (const NodeFinding &f : *it)
            count(f, -1);
    }
    for (const NodeFinding &f : std::as_const(found))
        count(f, +1);
    if (found.isEmpty())
        m_owned.remove(owner);
    else
        m_owned.insert(owner, std::move(found));
    Q_EMIT ownerChanged(owner);
}

void FindingsService::count(const NodeFinding &f, int delta)
{
    const bool error = f.severity == Finding::Severity::Error;
    const auto add = [&](QHash<const Node *, Counts> &map, const Node *node) {
        Counts &counts = map[node];
        (error ? counts.errors : counts.warnings) += delta;
        if (counts.isEmpty())
            map.remove(node);
        m_touched.insert(node);
    };
    (error ? m_total.errors : m_total.warnings) += delta;
    add(m_about, f.node);
    for (const Node *n = f.node; n; n = n->parent())
        add(m_within, n);
}

const QList<NodeFinding> &FindingsService::ownedBy(const Node *owner) const
{
    static const QList<NodeFinding> none;
    const auto it = m_owned.constFind(owner);
    return it == m_owned.constEnd() ? none : *it;
}

bool FindingsService::listedBefore(const Node *ownerA, int a, const Node *ownerB, int b) const
{
    const NodeFinding &x = ownedBy(ownerA)[a];
    const NodeFinding &y = ownedBy(ownerB)[b];
    if (const int byNode = nodepath::compare(*x.node, *y.node))
        return byNode < 0;
    if (const int byOwner = nodepath::compare(*ownerA, *ownerB))
        return byOwner < 0;
    return a < b;
}

QList<Finding> FindingsService::findings() const
{
    QList<std::pair<const Node *, int>> refs;
    for (auto it = m_owned.constBegin(); it != m_owned.constEnd(); ++it) {
        for (int i = 0; i < it->size(); ++i)
            refs.append({it.key(), i});
    }
    std::sort(refs.begin(), refs.end(), [this](const auto &x, const auto &y) {
        return listedBefore(x.first, x.second, y.first, y.second);
    });
    QList<Finding> out;
    for (const auto &[owner, i] : std::as_const(refs))
        out.append(checks::toFinding(ownedBy(owner)[i]));
    return out;
}

QList<Finding> FindingsService::findingsAbout(const Node &node) const
{
    QList<Finding> out;
    if (!m_about.contains(&node))
        return out;
    // A node's findings come from itself and the records above it.
    for (const Node *owner = &node; owner; owner = owner->parent()) {
        for (const NodeFinding &f : ownedBy(owner)) {
            if (f.node == &node)
                out.append(checks::toFinding(f));
        }
    }
    return out;
}

std::optional<Finding::Severity> FindingsService::worstAbout(const Node &node) const
{
    const Counts c = m_about.value(&node);
    if (c.errors > 0)
        return Finding::Severity::Error;
    if (c.warnings > 0)
        return Finding::Severity::Warning;
    return std::nullopt;
}

std::optional<Finding::Severity> FindingsService::worstWithin(const Node &node) const
{
    const Counts c = m_within.value(&node);
    if (c.errors > 0)
        return Finding::Severity::Error;
    if (c.warnings > 0)
        return Finding::Severity::Warning;
    return std::nullopt;
}

} // namespace meetdesk
