#include "compute.h"

#include "athletics/fieldseries.h"
#include "athletics/nodeadapters.h"
#include "athletics/places.h"
#include "athletics/scoring.h"
#include "athletics/wind.h"
#include "model/describe.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <cmath>
#include <functional>
#include <set>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::compute", text);
}

const QLatin1StringView placeField("place");
const QLatin1StringView performanceField("performance");
const QLatin1StringView pointsField("points");
const QLatin1StringView windField("wind");
const QLatin1StringView ageGroupField("age_group");

QString textOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double: {
        const double d = value.toDouble();
        return d == std::floor(d) && std::fabs(d) < 1e15 ? QString::number(qint64(d))
                                                         : QString::number(d);
    }
    case QMetaType::QStringList:
        return value.toStringList().join(QStringLiteral(", "));
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    default:
        return value.toString();
    }
}

// Empty text is no value, as the model stores it.
QVariant normalized(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isEmpty())
        return {};
    return value;
}

const Competition &competitionOf(const Node &node)
{
    const Node *n = &node;
    while (n->parent())
        n = n->parent();
    return static_cast<const Competition &>(*n);
}

const Event *eventWithId(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return e.get();
    }
    return nullptr;
}

bool isVertical(const Unit &unit, EventCatalogue::Kind kind)
{
    return kind == EventCatalogue::Kind::Vertical || unit.isVerticalJump();
}

bool isField(const Unit &unit, EventCatalogue::Kind kind)
{
    return EventCatalogue::isFieldKind(kind) || isVertical(unit, kind);
}

bool keepsTypedStatus(const Parsed<Performance> &typed)
{
    using S = Performance::Status;
    return typed && (typed->status == S::DNS || typed->status == S::DNF || typed->status == S::DQ);
}

// Two performances the same for an official: the same status, and the same value when marks
// ("6.1" is 6.10). Anything unreadable differs.
bool samePerformance(const QVariant &held, const QVariant &worked, EventCatalogue::Kind kind)
{
    const auto a = Performance::parse(kind, held.toString());
    const auto b = Performance::parse(kind, worked.toString());
    return a && b && a->status == b->status && compare(*a, *b) == 0;
}

bool sameWind(const QVariant &held, const QVariant &worked)
{
    const auto a = fromnodes::wind(held.toString());
    const auto b = fromnodes::wind(worked.toString());
    return a && b && *a == *b;
}

// Works out a scope's results, deciding each field once; the proposal keeps what differs.
class Builder
{
public:
    Builder(const Competition &competition, int work)
        : m_competition(competition)
        , m_work(work)
    { }

    Proposal proposal;

    void competition()
    {
        for (const auto &e : m_competition.events) {
            for (const auto &u : e->units)
                unit(*u, false);
        }
        if (m_work & compute::Points) {
            for (const auto &e : m_competition.events) {
                if (isCombined(*e))
                    standings(*e);
            }
        }
    }

    void event(const Event &e)
    {
        if (isCombined(e)) {
            for (const auto &component : m_competition.events) {
                if (component->parentEvent == e.eventId && !e.eventId.isEmpty()) {
                    for (const auto &u : component->units)
                        unit(*u, false);
                }
            }
            if (m_work & compute::Points)
                standings(e);
            return;
        }
        for (const auto &u : e.units)
            unit(*u, false);
        followParent(e);
    }

    void unit(const Unit &u, bool alone = true)
    {
        const auto kind = fromnodes::kindOf(u);
        if ((m_work & compute::Marks) && isField(u, kind))
            marks(u, kind);
        if (m_work & compute::Places)
            places(u, kind);
        const Event *e = fromnodes::eventOf(u);
        if ((m_work & compute::Points) && e && !e->parentEvent.isEmpty())
            points(u, *e);
        if (alone && e)
            followParent(*e);
    }

    void ageGroups(const AgeGroupRules &rules)
    {
        const QDate day = m_competition.date;
        if (!day.isValid()) {
            note(tr("The competition has no date: age groups are not worked out"));
            return;
        }
        for (const auto &x : m_competition.competitors) {
            if (!x->dateOfBirth.isValid())
                continue;
            if (x->dateOfBirth > day) {
                note(tr("%1: born on %2, after the competition; age group left as it is")
                         .arg(compute::whereOf(*x), x->dateOfBirth.toString(Qt::ISODate)));
                continue;
            }
            decide(*x, ageGroupField, agegroups::groupOf(rules, x->dateOfBirth, day));
        }
    }

private:
    using Same = std::function<bool(const QVariant &, const QVariant &)>;

    static bool isCombined(const Event &e)
    {
        return EventCatalogue::kindOf(e.eventCode) == EventCatalogue::Kind::Combined;
    }

    void followParent(const Event &e)
    {
        if (!(m_work & compute::Points) || e.parentEvent.isEmpty())
            return;
        if (const Event *parent = eventWithId(m_competition, e.parentEvent))
            standings(*parent);
    }

    void note(const QString &text)
    {
        if (!proposal.notes.contains(text))
            proposal.notes.append(text);
    }

    void decide(const Node &node, QLatin1StringView name, const QVariant &rawValue,
                const Same &same = {})
    {
        const int field = fields::indexOf(node.kind(), name);
        if (!m_decided.insert({&node, field}).second)
            return;
        ProposedChange c;
        c.node = &node;
        c.field = field;
        c.old = fields::value(node, field);
        c.value = normalized(rawValue);
        const int raw = fields::rawIndex(node, field);
        if (raw >= 0) {
            // a value the reader could not type; null or "" is nothing to replace
            const JsonValue &kept = node.extras[size_t(raw)].value;
            c.oldText = kept.isNull() || (kept.isString() && kept.text().isEmpty())
                ? QString()
                : kept.describe();
        } else {
            c.oldText = textOf(c.old);
        }
        bool equal = raw < 0 && c.old.isValid() == c.value.isValid();
        if (equal && c.old.isValid())
            equal = same ? same(c.old, c.value) : c.old == c.value;
        (equal ? proposal.agreed : proposal.changes).append(c);
    }

    // A unit's series and cards by bib, read once.
    const QHash<QString, HorizontalSeries> &seriesOf(const Unit &u)
    {
        auto it = m_series.find(&u);
        if (it == m_series.end())
            it = m_series.insert(&u, fromnodes::horizontalSeries(u));
        return *it;
    }
    const QHash<QString, VerticalSeries> &cardsOf(const Unit &u)
    {
        auto it = m_cards.find(&u);
        if (it == m_cards.end())
            it = m_cards.insert(&u, fromnodes::verticalSeries(u));
        return *it;
    }

    // The performance a result will have: the one worked out from the trials, else as typed.
    Parsed<Performance> performanceOf(const Result &r)
    {
        if (const auto it = m_performances.constFind(&r); it != m_performances.constEnd())
            return *it;
        return typedPerformance(r);
    }

    // The performance as typed, read once.
    Parsed<Performance> typedPerformance(const Result &r)
    {
        auto it = m_typed.find(&r);
        if (it == m_typed.end())
            it = m_typed.insert(&r, fromnodes::performance(r));
        return *it;
    }

    void marks(const Unit &u, EventCatalogue::Kind kind)
    {
        QSet<QString> withTrials;
        for (const auto &t : u.trials)
            withTrials.insert(t->bib);
        if (withTrials.isEmpty())
            return; // results typed without trials stay as they are
        const bool vertical = isVertical(u, kind);
        const Event *e = fromnodes::eventOf(u);
        const bool windPerAttempt
            = !vertical && e && Wind::entryOf(e->eventCode) == Wind::Entry::PerAttempt;
        const auto performanceKind = vertical   ? EventCatalogue::Kind::Vertical
            : EventCatalogue::isFieldKind(kind) ? kind
                                                : EventCatalogue::Kind::Throw;
        QSet<QString> rows;
        for (const auto &r : u.results) {
            rows.insert(r->bib);
            if (r->bib.isEmpty() || !withTrials.contains(r->bib))
                continue;
            if (keepsTypedStatus(typedPerformance(*r)))
                continue; // DNS, DNF, DQ stand whatever the card holds
            Performance best;
            std::optional<int> wind;
            bool windRead = false;
            if (vertical) {
                best = fieldseries::result(cardsOf(u).value(r->bib));
            } else {
                const HorizontalSeries series = seriesOf(u).value(r->bib);
                best = fieldseries::result(performanceKind, series);
                if (const int i = fieldseries::best(series); i >= 0)
                    wind = series[i].wind;
                windRead = std::any_of(series.begin(), series.end(),
                                       [](const HorizontalAttempt &a) { return a.wind; });
            }
            if (best.status == Performance::Status::Empty) {
                note(tr("%1: no trial of %2 reads as an attempt; the result is left as it is")
                         .arg(compute::whereOf(u), r->bib));
                continue;
            }
            m_performances.insert(r.get(), best);
            decide(*r, performanceField, best.toString(),
                   [performanceKind](const QVariant &a, const QVariant &b) {
                       return samePerformance(a, b, performanceKind);
                   });
            if (windPerAttempt && windRead)
                decide(*r, windField, wind ? Wind::toString(*wind) : QString(), sameWind);
        }
        for (const QString &bib : std::as_const(withTrials)) {
            if (!bib.isEmpty() && !rows.contains(bib))
                note(tr("%1: %2 has trials but no result; add the athlete to the results")
                         .arg(compute::whereOf(u), bib));
        }
    }

    // The units ranked together with u: its round's heats or pools when that is the event's
    // last round (a timed final), else u alone.
    static QList<const Unit *> placedTogether(const Unit &u)
    {
        const Event *e = fromnodes::eventOf(u);
        if (!e || !u.round)
            return {&u};
        int last = 0;
        for (const QString &heats : e->rounds.split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            heats.trimmed().toInt(&ok);
            last += ok ? 1 : 0;
        }
        for (const auto &other : e->units)
            last = std::max(last, other->round.value_or(0));
        if (*u.round != last)
            return {&u};
        QList<const Unit *> group;
        for (const auto &other : e->units) {
            if (other->round == u.round)
                group.append(other.get());
        }
        return group;
    }

    void places(const Unit &u, EventCatalogue::Kind kind)
    {
        const QList<const Unit *> group = placedTogether(u);
        // The heats of a timed final are ranked once for all of them.
        auto ranked = m_placings.find(group.first());
        if (ranked == m_placings.end())
            ranked = m_placings.insert(group.first(), rank(u, group, kind));
        for (const auto &r : u.results) {
            if (const auto it = ranked->constFind(r.get()); it != ranked->constEnd())
                decide(*r, placeField, it->isPlaced() ? QVariant(it->place) : QVariant());
        }
    }

    // Each result's place in the group; empty when the group cannot be placed.
    QHash<const Result *, Placing> rank(const Unit &u, const QList<const Unit *> &group,
                                        EventCatalogue::Kind kind)
    {
        QList<const Result *> results;
        bool trials = false;
        for (const Unit *g : group) {
            for (const auto &r : g->results)
                results.append(r.get());
            trials = trials || !g->trials.empty();
        }
        if (results.isEmpty())
            return {};
        const QString where = group.size() > 1
            ? compute::whereOf(*u.parent()) + tr(", round %1 (heats placed together)").arg(*u.round)
            : compute::whereOf(u);
        const QList<Placing> placings = isField(u, kind) && trials
            ? fieldPlaces(results, isVertical(u, kind), where)
            : markPlaces(results, kind, where);
        QHash<const Result *, Placing> out;
        for (qsizetype i = 0; i < placings.size(); ++i)
            out.insert(results[i], placings[i]);
        return out;
    }

    QList<Placing> fieldPlaces(const QList<const Result *> &results, bool vertical,
                               const QString &where)
    {
        QList<Performance::Status> statuses;
        QList<VerticalSeries> heights;
        QList<HorizontalSeries> marks;
        for (const Result *r : results) {
            const auto &unit = *static_cast<const Unit *>(r->parent());
            const bool hasTrials
                = vertical ? cardsOf(unit).contains(r->bib) : seriesOf(unit).contains(r->bib);
            const Parsed<Performance> typed = typedPerformance(*r);
            if (!hasTrials && typed && typed->isMark()) {
                note(tr("%1: %2 has a performance (%3) but no trials; places are not worked out")
                         .arg(where, r->bib, r->performance));
                return {};
            }
            statuses.append(keepsTypedStatus(typed) ? typed->status : Performance::Status::Mark);
            if (vertical)
                heights.append(cardsOf(unit).value(r->bib));
            else
                marks.append(seriesOf(unit).value(r->bib));
        }
        if (!vertical)
            return places::horizontal(marks, statuses);
        QList<Placing> placings = places::vertical(heights, statuses);
        QStringList first;
        for (qsizetype i = 0; i < results.size(); ++i) {
            if (placings[i].place == 1 && placings[i].tie)
                first.append(results[i]->bib);
        }
        if (!first.isEmpty())
            note(tr("%1: %2 share first place after countback; a jump-off decides it, or they "
                    "stay equal")
                     .arg(where, first.join(QStringLiteral(", "))));
        return placings;
    }

    QList<Placing> markPlaces(const QList<const Result *> &results, EventCatalogue::Kind kind,
                              const QString &where)
    {
        if (kind == EventCatalogue::Kind::Unknown || kind == EventCatalogue::Kind::Combined) {
            const Event *e = fromnodes::eventOf(*results.first());
            note(tr("%1: Meetdesk does not know the event code \"%2\"; places are left as they "
                    "are")
                     .arg(where, e ? e->eventCode : QString()));
            return {};
        }
        QList<Performance> performances;
        bool any = false;
        for (const Result *r : results) {
            const Parsed<Performance> p = performanceOf(*r);
            if (!p) {
                note(tr("%1: %2 (%3); places are not worked out")
                         .arg(compute::whereOf(*r), p.error(), r->bib));
                return {};
            }
            any = any || p->status != Performance::Status::Empty;
            performances.append(*p);
        }
        if (!any)
            return {}; // nothing recorded yet: nothing to place by
        return places::byPerformance(performances);
    }

    QString genderFor(const QString &bib, const Event &e) const
    {
        for (const auto &x : m_competition.competitors) {
            if (x->competitorId == bib && (x->gender == u"M" || x->gender == u"F"))
                return x->gender;
        }
        if (e.genders == u"M" || e.genders == u"F")
            return e.genders;
        const Event *parent = eventWithId(m_competition, e.parentEvent);
        return parent ? parent->genders : QString();
    }

    void points(const Unit &u, const Event &e)
    {
        for (const auto &r : u.results) {
            if (r->bib.isEmpty())
                continue;
            const Parsed<Performance> p = performanceOf(*r);
            if (!p) {
                note(
                    tr("%1: %2; points are left as they are").arg(compute::whereOf(*r), p.error()));
                continue;
            }
            if (p->status == Performance::Status::Empty)
                continue;
            const Parsed<int> scored = scoring::points(genderFor(r->bib, e), e.eventCode, *p);
            if (!scored) {
                note(tr("%1: %2; points typed there are kept")
                         .arg(compute::whereOf(e), scored.error()));
                continue;
            }
            m_points.insert(r.get(), *scored);
            decide(*r, pointsField, double(*scored));
        }
    }

    void standings(const Event &combined)
    {
        if (m_standingsDone.contains(&combined) || combined.eventId.isEmpty())
            return;
        m_standingsDone.insert(&combined);
        QStringList bibs;
        QHash<QString, double> totals;
        QSet<QString> marked; // an athlete with status words only has no total
        for (const auto &component : m_competition.events) {
            if (component->parentEvent != combined.eventId)
                continue;
            for (const auto &u : component->units) {
                for (const auto &r : u->results) {
                    if (r->bib.isEmpty())
                        continue;
                    const Parsed<Performance> p = performanceOf(*r);
                    if (!p) {
                        note(tr("%1: %2; the standings of %3 are not worked out")
                                 .arg(compute::whereOf(*r), p.error(), describe::label(combined)));
                        return;
                    }
                    if (p->status == Performance::Status::Empty)
                        continue;
                    std::optional<double> points = r->points;
                    if (const auto it = m_points.constFind(r.get()); it != m_points.constEnd())
                        points = *it;
                    if (!points && p->isMark()) {
                        note(tr("%1: %2 has no points; the standings of %3 are not worked out")
                                 .arg(compute::whereOf(*r), r->performance,
                                      describe::label(combined)));
                        return;
                    }
                    if (!bibs.contains(r->bib))
                        bibs.append(r->bib);
                    totals[r->bib] += points.value_or(0);
                    if (p->isMark())
                        marked.insert(r->bib);
                }
            }
        }
        QList<Performance> totalMarks;
        for (const QString &bib : std::as_const(bibs)) {
            const double total = totals.value(bib);
            totalMarks.append(marked.contains(bib)
                                  ? Performance::points(int(std::lround(total)))
                                  : Performance::withStatus(Performance::Status::Empty,
                                                            EventCatalogue::Kind::Combined));
        }
        const QList<Placing> placings = places::byPerformance(totalMarks);
        QHash<QString, const Result *> rows;
        for (const auto &r : combined.results) {
            if (!rows.contains(r->bib))
                rows.insert(r->bib, r.get());
            if (!totals.contains(r->bib))
                note(tr("%1: %2 is in the standings but in none of its events; left as it is")
                         .arg(compute::whereOf(combined), r->bib));
        }
        for (qsizetype i = 0; i < bibs.size(); ++i) {
            const double total = totals.value(bibs[i]);
            const QString text = totalMarks[i].isMark() ? totalMarks[i].toString() : QString();
            const QVariant place
                = placings[i].isPlaced() ? QVariant(placings[i].place) : QVariant();
            const Result *row = rows.value(bibs[i]);
            if (row && !marked.contains(bibs[i])) {
                decide(*row, placeField, place);
                continue;
            }
            if (row) {
                decide(*row, performanceField, text, [](const QVariant &a, const QVariant &b) {
                    return samePerformance(a, b, EventCatalogue::Kind::Combined);
                });
                decide(*row, pointsField, total);
                decide(*row, placeField, place);
                continue;
            }
            if (!marked.contains(bibs[i]))
                continue;
            auto added = std::make_shared<Result>();
            added->bib = bibs[i];
            added->performance = text;
            added->points = total;
            added->place
                = placings[i].isPlaced() ? std::optional<int>(placings[i].place) : std::nullopt;
            proposal.additions.append({&combined, ListId::EventResults, added});
        }
    }

    const Competition &m_competition;
    int m_work;
    std::set<std::pair<const Node *, int>> m_decided;
    QSet<const Event *> m_standingsDone;
    QHash<const Result *, Performance> m_performances; // worked out from trials
    QHash<const Result *, Parsed<Performance>> m_typed;
    QHash<const Unit *, QHash<QString, HorizontalSeries>> m_series;
    QHash<const Unit *, QHash<QString, VerticalSeries>> m_cards;
    QHash<const Unit *, QHash<const Result *, Placing>> m_placings; // by a group's first unit
    QHash<const Result *, int> m_points; // worked out from the tables
};

} // namespace

QString ProposedChange::valueText() const
{
    return textOf(value);
}

int Proposal::replacements() const
{
    return int(std::count_if(changes.begin(), changes.end(),
                             [](const ProposedChange &c) { return c.replaces(); }));
}

Proposal Proposal::withoutReplacements() const
{
    Proposal fills = *this;
    fills.changes.removeIf([](const ProposedChange &c) { return c.replaces(); });
    return fills;
}

namespace compute {

Proposal results(const Node &scope, int work)
{
    Builder b(competitionOf(scope), work);
    switch (scope.kind()) {
    case NodeKind::Unit:
        b.unit(static_cast<const Unit &>(scope));
        break;
    case NodeKind::Event:
        b.event(static_cast<const Event &>(scope));
        break;
    default:
        b.competition();
        break;
    }
    return b.proposal;
}

Proposal ageGroups(const Competition &competition, const AgeGroupRules &rules)
{
    Builder b(competition, Ages);
    b.ageGroups(rules);
    return b.proposal;
}

QString ageGroupRulesKey()
{
    return QStringLiteral("age_group_rules");
}

AgeGroupConvention ageGroupConvention(const JsonObject &meetdesk, const QString &country)
{
    AgeGroupConvention c;
    if (const JsonValue *kept = findMember(meetdesk, ageGroupRulesKey())) {
        const Parsed<AgeGroupRules> rules = AgeGroupRules::fromJson(*kept);
        if (rules) {
            c.rules = *rules;
            c.chosen = true;
            const auto preset = c.rules.preset();
            c.name = preset ? preset->name : tr("the competition's own");
            return c;
        }
        c.problem = tr("meetdesk.%1: %2").arg(ageGroupRulesKey(), rules.error());
    }
    c.rules = AgeGroupRules::defaultFor(country);
    const auto preset = c.rules.preset();
    c.name = preset ? preset->name : QString();
    return c;
}

QString whereOf(const Node &node, const Node *within)
{
    QStringList parts;
    for (const Node *n = &node; n && n != within && n->kind() != NodeKind::Competition;
         n = n->parent()) {
        if (n->kind() != NodeKind::Result) {
            parts.prepend(describe::label(*n));
            continue;
        }
        const QString &bib = static_cast<const Result *>(n)->bib;
        QString name;
        for (const auto &x : competitionOf(*n).competitors) {
            if (x->competitorId == bib)
                name = describe::label(*x);
        }
        parts.prepend(name.isEmpty() ? bib : name);
    }
    return parts.isEmpty() ? describe::label(node) : parts.join(QStringLiteral(", "));
}

QString describe(const ProposedChange &change, const Node *within)
{
    const QString field
        = describe::fieldTitle(fields::name(change.node->kind(), change.field)).toLower();
    const QString where = whereOf(*change.node, within);
    if (!change.replaces())
        return tr("%1: %2 %3").arg(where, field, change.valueText());
    if (change.valueText().isEmpty())
        return tr("%1: %2 %3 cleared").arg(where, field, change.oldText);
    return tr("%1: %2 %3 → %4").arg(where, field, change.oldText, change.valueText());
}

QString describe(const ProposedResult &addition, const Node *within)
{
    const Result &r = *addition.result;
    return tr("%1: a new line for %2: %3 points, place %4")
        .arg(whereOf(*addition.parent, within), r.bib, r.performance,
             r.place ? QString::number(*r.place) : tr("none"));
}

} // namespace compute

} // namespace meetdesk
