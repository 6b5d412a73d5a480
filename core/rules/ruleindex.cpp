#include "ruleindex.h"

namespace meetdesk {

namespace {

bool hasOneBib(const Node &node)
{
    return node.kind() == NodeKind::Result || node.kind() == NodeKind::Trial;
}

QString bibOf(const Node &node)
{
    return node.kind() == NodeKind::Result ? static_cast<const Result &>(node).bib
                                           : static_cast<const Trial &>(node).bib;
}

} // namespace

RuleIndex::RuleIndex(const Competition &competition, Use use)
    : m_use(use)
{
    for (const auto &x : competition.competitors) {
        add(*x);
        for (const auto &entry : x->eventsEntered)
            add(*entry);
    }
    for (const auto &t : competition.teams)
        add(*t);
    for (const auto &r : competition.relayTeams)
        add(*r);
    for (const auto &e : competition.events) {
        add(*e);
        for (const auto &r : e->results)
            add(*r);
        for (const auto &u : e->units) {
            for (const auto &r : u->results)
                add(*r);
            for (const auto &t : u->trials)
                add(*t);
        }
    }
}

QString RuleIndex::codeKey(const QString &eventCode, const QString &category)
{
    return eventCode + QChar(0x1f) + category;
}

QString RuleIndex::runnerKey(const QString &eventId, const QString &bib)
{
    return eventId + QChar(0x1f) + bib;
}

RuleIndex::Keys RuleIndex::currentKeys(const Node &node)
{
    Keys keys;
    const auto key = [&keys](Key k, const QString &value) {
        if (!value.isEmpty())
            keys.append({k, value});
    };
    switch (node.kind()) {
    case NodeKind::Competitor: {
        const auto &x = static_cast<const Competitor &>(node);
        key(Bib, x.competitorId);
        key(TeamRef, x.teamId);
        break;
    }
    case NodeKind::RelayTeam: {
        const auto &r = static_cast<const RelayTeam &>(node);
        key(Bib, r.relayTeamId);
        key(TeamRef, r.teamId);
        key(EventRef, r.eventId);
        QStringList seen;
        for (const QString &runner : r.runners.value_or(QStringList())) {
            if (runner.isEmpty() || seen.contains(runner))
                continue;
            seen.append(runner);
            key(BibRef, runner);
            key(Runner, runnerKey(r.eventId, runner));
        }
        break;
    }
    case NodeKind::Team:
        key(Team, static_cast<const meetdesk::Team &>(node).teamId);
        break;
    case NodeKind::Event: {
        const auto &e = static_cast<const Event &>(node);
        key(EventId, e.eventId);
        if (!e.eventCode.isEmpty())
            key(EventCode, codeKey(e.eventCode, e.category));
        key(EventRef, e.parentEvent);
        break;
    }
    case NodeKind::EventEntry:
        key(EventRef, static_cast<const EventEntry &>(node).eventId);
        break;
    case NodeKind::Result:
    case NodeKind::Trial:
        key(BibRef, bibOf(node));
        break;
    case NodeKind::Competition:
    case NodeKind::Unit:
        break;
    }
    return keys;
}

void RuleIndex::add(const Node &node)
{
    const auto isReference = [](Key k) {
        return k == BibRef || k == TeamRef || k == EventRef;
    };
    if (hasOneBib(node)) {
        if (m_use == Use::Snapshot)
            return;
        const QString bib = bibOf(node);
        if (bib.isEmpty())
            return;
        m_maps[BibRef][bib].append(&node);
        if (m_use == Use::FollowEdits)
            m_bibOf.insert(&node, bib);
        return;
    }
    Keys keys = currentKeys(node);
    if (keys.isEmpty())
        return;
    for (const auto &[k, value] : keys) {
        if (m_use == Use::FollowEdits || !isReference(k))
            m_maps[size_t(k)][value].append(&node);
    }
    if (m_use == Use::FollowEdits)
        m_keysOf.insert(&node, std::move(keys));
}

RuleIndex::Keys RuleIndex::remove(const Node &node)
{
    Q_ASSERT(m_use == Use::FollowEdits);
    Keys keys;
    if (hasOneBib(node)) {
        const auto it = m_bibOf.constFind(&node);
        if (it == m_bibOf.constEnd())
            return keys;
        keys.append({BibRef, *it});
        m_bibOf.erase(it);
    } else {
        keys = m_keysOf.take(&node);
    }
    for (const auto &[k, value] : std::as_const(keys)) {
        auto &map = m_maps[size_t(k)];
        const auto it = map.find(value);
        if (it == map.end())
            continue;
        it->removeOne(&node);
        if (it->isEmpty())
            map.erase(it);
    }
    return keys;
}

RuleIndex::Keys RuleIndex::keysOf(const Node &node) const
{
    if (hasOneBib(node)) {
        const auto it = m_bibOf.constFind(&node);
        return it == m_bibOf.constEnd() ? Keys() : Keys {{BibRef, *it}};
    }
    return m_keysOf.value(&node);
}

const QList<const Node *> &RuleIndex::holders(Key key, const QString &value) const
{
    static const QList<const Node *> none;
    const auto &map = m_maps[size_t(key)];
    const auto it = map.constFind(value);
    return it == map.constEnd() ? none : *it;
}

} // namespace meetdesk
