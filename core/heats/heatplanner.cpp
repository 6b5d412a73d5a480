#include "heatplanner.h"

#include "athletics/advancement.h"
#include "athletics/lot.h"
#include "athletics/nodeadapters.h"
#include "athletics/places.h"
#include "edit/documenteditor.h"
#include "model/describe.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <functional>

namespace meetdesk {

namespace {

using Kind = StartListPlan::Kind;
using Line = StartListPlan::Line;
using advancement::Position;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::HeatPlanner", text, nullptr, n);
}

// An athlete (or relay team) entered in the event, as the preview shows them.
struct Athlete
{
    Entrant entrant; // the club is the team_id, to keep club mates apart
    QString name;
    QString clubName;
    QString seedText;
};

QString clubName(const Competition &c, const QString &teamId)
{
    for (const auto &team : c.teams) {
        if (team->teamId == teamId && !team->teamName.isEmpty())
            return team->teamName;
    }
    return teamId;
}

Parsed<Performance> readMark(const Event &event, const QString &text)
{
    if (EventCatalogue::kindOf(event.eventCode) != EventCatalogue::Kind::Unknown)
        return Performance::parseFor(event.eventCode, text);
    return Performance::parse(EventCatalogue::Kind::Track, text);
}

// The event's entrants with their seed marks, in the order the file lists them.
QList<Athlete> entered(const Competition &c, const Event &event, HeatSettings::SeedMark mark,
                       QStringList *notes)
{
    QList<Athlete> out;
    if (EventCatalogue::kindOf(event.eventCode) == EventCatalogue::Kind::Relay) {
        for (const auto &team : c.relayTeams) {
            if (team->eventId != event.eventId)
                continue;
            Athlete a;
            a.entrant.bib = team->relayTeamId;
            a.entrant.club = team->teamId;
            a.clubName = clubName(c, team->teamId);
            a.name = team->name.isEmpty() ? a.clubName : team->name;
            out.append(a);
        }
        return out;
    }
    const bool sb = mark == HeatSettings::SeedMark::SeasonBest;
    for (const auto &competitor : c.competitors) {
        for (const auto &entry : competitor->eventsEntered) {
            if (entry->eventId != event.eventId)
                continue;
            Athlete a;
            a.entrant.bib = competitor->competitorId;
            a.entrant.club = competitor->teamId;
            a.clubName = clubName(c, competitor->teamId);
            a.name = QStringList {competitor->firstName, competitor->lastName}.join(u' ').trimmed();
            const QString &wanted = sb ? entry->sb : entry->pb;
            const QString &other = sb ? entry->pb : entry->sb;
            const bool standIn = wanted.trimmed().isEmpty() && !other.trimmed().isEmpty();
            const QString text = standIn ? other : wanted;
            if (!text.trimmed().isEmpty()) {
                const Parsed<Performance> p = readMark(event, text);
                if (p && p->isMark()) {
                    a.entrant.seed = *p;
                    a.seedText = standIn ? (sb ? tr("%1 PB") : tr("%1 SB")).arg(p->toString())
                                         : p->toString();
                } else {
                    a.seedText = text;
                    notes->append(
                        tr("Bib %1: the seed mark %2 cannot be read (%3); the athlete "
                           "is seeded without one")
                            .arg(a.entrant.bib, text, p ? tr("it is no mark") : p.error()));
                }
            }
            out.append(a);
            break;
        }
    }
    return out;
}

QList<const Unit *> unitsOf(const Event &event, int round)
{
    QList<const Unit *> out;
    for (const auto &unit : event.units) {
        if (unit->round.value_or(1) == round)
            out.append(unit.get());
    }
    std::stable_sort(out.begin(), out.end(), [](const Unit *a, const Unit *b) {
        return a->heat.value_or(0) < b->heat.value_or(0);
    });
    return out;
}

const Unit *unitAt(const Event &event, int round, int heat)
{
    for (const auto &unit : event.units) {
        if (unit->round.value_or(1) == round && unit->heat.value_or(1) == heat)
            return unit.get();
    }
    return nullptr;
}

int heatNumber(const QList<const Unit *> &units, int index)
{
    return units[index]->heat.value_or(index + 1);
}

// What a heat holds now, for the list of what applying replaces; empty when nothing. Its status
// ("finished", "official") goes with its results.
QString holds(const Unit &unit)
{
    QStringList status;
    for (const QString &s : {unit.status, unit.resultsStatus}) {
        if (!s.isEmpty())
            status.append(s);
    }
    if (unit.results.empty() && unit.trials.empty() && status.isEmpty())
        return {};
    const auto marks = std::count_if(unit.results.begin(), unit.results.end(), [](const auto &r) {
        return !r->performance.isEmpty() || r->place.has_value();
    });
    QString text
        = tr("%1 holds %n entrant(s)", int(unit.results.size())).arg(describe::label(unit));
    if (marks > 0)
        text += tr(", %n with a place or performance", int(marks));
    if (!unit.trials.empty())
        text += tr(", %n trial(s)", int(unit.trials.size()));
    if (!status.isEmpty())
        text += tr(" (%1)").arg(status.join(tr(", ")));
    return text;
}

// Matches the proposed heats with the round's units, and lists what they hold.
void matchUnits(StartListPlan &plan)
{
    for (const Unit *unit : unitsOf(*plan.event, plan.round)) {
        const int heat = unit->heat.value_or(1);
        const QString held = holds(*unit);
        if (heat >= 1 && heat <= plan.heats.size() && !plan.heats[heat - 1].unit) {
            plan.heats[heat - 1].unit = unit;
            if (!held.isEmpty())
                plan.replaced.append(tr("%1: replaced").arg(held));
        } else {
            plan.surplus.append(unit);
            plan.replaced.append(held.isEmpty() ? tr("%1 is deleted").arg(describe::label(*unit))
                                                : tr("%1: deleted").arg(held));
        }
    }
}

// Lanes (or a start order) for one heat's lines, given in ranking order; then by lane.
bool placeLines(StartListPlan &plan, QList<Line> &lines, bool firstRound, QRandomGenerator &lot)
{
    const auto race = lanedraw::raceOf(plan.event->eventCode);
    if (plan.inLanes) {
        const auto lanes = lanedraw::draw(int(lines.size()), plan.lanes, race,
                                          plan.settings.laneDraw, firstRound, lot);
        if (!lanes) {
            plan.error = lanes.error();
            return false;
        }
        for (qsizetype i = 0; i < lines.size(); ++i)
            lines[i].lane = lanes->at(i);
    } else {
        const QList<int> order = lanedraw::order(int(lines.size()), plan.settings.laneDraw, lot);
        for (qsizetype i = 0; i < lines.size(); ++i)
            lines[i].order = order[i];
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
        return a.lane.value_or(a.order.value_or(0)) < b.lane.value_or(b.order.value_or(0));
    });
    return true;
}

Line lineOf(const Athlete &a)
{
    Line line;
    line.bib = a.entrant.bib;
    line.name = a.name;
    line.club = a.clubName;
    line.seed = a.seedText;
    return line;
}

// A round's results as core/athletics reads them: places as recorded (or, in a heat where
// none are, from the performances), performances read for the event.
struct RoundResults
{
    QList<const Unit *> units;
    QList<QList<Finisher>> heats;
    QHash<QString, Position> where;
    bool anyResult = false;
};

RoundResults resultsOf(const Event &event, int round, const QHash<QString, Athlete> &entrants,
                       QStringList *notes)
{
    RoundResults out;
    out.units = unitsOf(event, round);
    for (qsizetype h = 0; h < out.units.size(); ++h) {
        const Unit &unit = *out.units[h];
        QList<Finisher> heat;
        QList<Performance> performances;
        bool placed = false;
        for (const auto &result : unit.results) {
            Finisher f;
            f.bib = result->bib;
            f.place = result->place.value_or(0);
            placed = placed || result->place.has_value();
            if (!result->performance.trimmed().isEmpty()) {
                const Parsed<Performance> p = fromnodes::performance(*result);
                if (p)
                    f.performance = *p;
                else
                    notes->append(
                        tr("%1, bib %2: %3").arg(describe::label(unit), f.bib, p.error()));
            }
            f.seed = entrants.value(f.bib).entrant.seed;
            out.anyResult = out.anyResult || placed || f.performance.isMark();
            out.where.insert(f.bib, {int(h), int(heat.size())});
            performances.append(f.performance);
            heat.append(f);
        }
        if (!placed) {
            const QList<Placing> places = places::byPerformance(performances);
            for (qsizetype i = 0; i < heat.size(); ++i)
                heat[i].place = places[i].place;
        }
        out.heats.append(heat);
    }
    return out;
}

QString previousOf(const RoundResults &r, const Position &p)
{
    const Finisher &f = r.heats[p.heat][p.index];
    return tr("heat %1, place %2: %3")
        .arg(heatNumber(r.units, p.heat))
        .arg(f.place > 0 ? QString::number(f.place) : QStringLiteral("–"),
             f.performance.text.isEmpty() ? QStringLiteral("–") : f.performance.text);
}

QHash<QString, Athlete> byBib(const QList<Athlete> &athletes)
{
    QHash<QString, Athlete> out;
    for (const Athlete &a : athletes)
        out.insert(a.entrant.bib, a);
    return out;
}

Line lineFor(const QString &bib, const QHash<QString, Athlete> &entrants)
{
    if (const auto it = entrants.find(bib); it != entrants.end())
        return lineOf(*it);
    Line line;
    line.bib = bib;
    line.name = tr("(not entered)");
    return line;
}

void seed(StartListPlan &plan, const Competition &c, const HeatRequest &request,
          QRandomGenerator &lot)
{
    const Event &event = *plan.event;
    const QList<Athlete> athletes = entered(c, event, request.settings.seedMark, &plan.notes);
    if (athletes.isEmpty()) {
        plan.error = tr("No one is entered in %1: enter athletes in it (a competitor's events "
                        "entered, or a relay team for it) first")
                         .arg(describe::label(event));
        return;
    }
    const int heats = std::max(1, request.heats);
    const int n = int(athletes.size());
    if (plan.inLanes && seeding::heatsNeeded(n, plan.lanes) > heats) {
        plan.error = tr("%1 athletes need %2 heats on %3 lanes, not %4")
                         .arg(n)
                         .arg(seeding::heatsNeeded(n, plan.lanes))
                         .arg(plan.lanes)
                         .arg(heats);
        return;
    }
    const auto unmarked = std::count_if(athletes.begin(), athletes.end(),
                                        [](const Athlete &a) { return !a.entrant.seed.isMark(); });
    if (EventCatalogue::kindOf(event.eventCode) == EventCatalogue::Kind::Relay) {
        plan.notes.append(tr("Relay teams have no seed marks in the file: the heats are drawn "
                             "by lot"));
    } else if (unmarked == n) {
        plan.notes.append(tr("No athlete has a seed mark: the heats are drawn by lot"));
    } else if (unmarked > 0) {
        plan.notes.append(
            tr("%n athlete(s) without a seed mark: seeded last, in an order drawn by lot",
               int(unmarked)));
    }
    QList<Entrant> entrants;
    for (const Athlete &a : athletes)
        entrants.append(a.entrant);
    const auto distributed = seeding::intoHeats(entrants, heats, request.settings.method,
                                                request.settings.separateClubs, lot);
    for (qsizetype h = 0; h < distributed.size(); ++h) {
        StartListPlan::Heat heat;
        heat.heat = int(h) + 1;
        for (const int i : distributed[h])
            heat.lines.append(lineOf(athletes[i]));
        if (!placeLines(plan, heat.lines, true, lot))
            return;
        plan.heats.append(heat);
    }
    plan.rounds = seeding::withHeats(event.rounds, 1, heats);
    matchUnits(plan);
}

void draw(StartListPlan &plan, const Competition &c, const HeatRequest &request,
          QRandomGenerator &lot)
{
    const Event &event = *plan.event;
    const QHash<QString, Athlete> entrants
        = byBib(entered(c, event, request.settings.seedMark, &plan.notes));
    QList<const Unit *> units = unitsOf(event, plan.round);
    units.removeIf([](const Unit *u) { return u->results.empty(); });
    if (units.isEmpty()) {
        plan.error = tr("Round %1 of %2 has no heats with athletes: seed the heats first")
                         .arg(plan.round)
                         .arg(describe::label(event));
        return;
    }
    RoundResults previous;
    if (plan.round > 1)
        previous = resultsOf(event, plan.round - 1, entrants, &plan.notes);
    for (const Unit *unit : std::as_const(units)) {
        StartListPlan::Heat heat;
        heat.heat = unit->heat.value_or(1);
        heat.unit = unit;
        QList<Line> lines;
        if (plan.round == 1) {
            QList<Entrant> list;
            for (const auto &result : unit->results) {
                lines.append(lineFor(result->bib, entrants));
                list.append(entrants.value(result->bib).entrant);
            }
            for (const int i : seeding::rank(list, lot))
                heat.lines.append(lines[i]);
        } else {
            // Ranked as they came through: by place up to the event's Q, then by time.
            QList<Position> byPlace;
            QList<Position> byTime;
            QList<Line> unknown;
            QHash<QString, Line> known;
            for (const auto &result : unit->results) {
                Line line = lineFor(result->bib, entrants);
                const auto it = previous.where.find(result->bib);
                if (it == previous.where.end()) {
                    unknown.append(line);
                    continue;
                }
                line.previous = previousOf(previous, *it);
                known.insert(result->bib, line);
                const int place = previous.heats[it->heat][it->index].place;
                (place >= 1 && place <= request.byPlace ? byPlace : byTime).append(*it);
            }
            for (const Position &p : advancement::rank(previous.heats, byPlace, byTime, lot))
                heat.lines.append(known.value(previous.heats[p.heat][p.index].bib));
            heat.lines.append(unknown);
        }
        const auto drawn
            = std::count_if(unit->results.begin(), unit->results.end(), [&](const auto &r) {
                  return plan.inLanes ? r->lane.has_value() : r->order.has_value();
              });
        if (drawn > 0) {
            plan.replaced.append((plan.inLanes
                                      ? tr("%1: %n lane(s) drawn before", int(drawn))
                                      : tr("%1: %n start position(s) drawn before", int(drawn)))
                                     .arg(describe::label(*unit)));
        }
        if (!placeLines(plan, heat.lines, plan.round == 1, lot))
            return;
        plan.heats.append(heat);
    }
    plan.rounds = event.rounds;
}

QString bibsOf(const QList<QList<Finisher>> &heats, const QList<Position> &positions)
{
    QStringList out;
    for (const Position &p : positions)
        out.append(heats[p.heat][p.index].bib);
    return out.join(tr(", "));
}

void advance(StartListPlan &plan, const Competition &c, const HeatRequest &request,
             QRandomGenerator &lot)
{
    const Event &event = *plan.event;
    const int from = plan.round - 1;
    const QHash<QString, Athlete> entrants
        = byBib(entered(c, event, request.settings.seedMark, &plan.notes));
    const RoundResults run = resultsOf(event, from, entrants, &plan.notes);
    if (!run.anyResult) {
        plan.error = tr("Round %1 of %2 has no places or times yet: enter its results first")
                         .arg(from)
                         .arg(describe::label(event));
        return;
    }
    const int heats = std::max(1, request.heats);
    advancement::Rule rule;
    rule.byPlace = request.byPlace;
    rule.byTime = request.byTime;
    rule.capacity = plan.inLanes ? plan.lanes * heats : 0;
    const advancement::Outcome outcome = advancement::advance(run.heats, rule, lot);
    if (outcome.ranked.isEmpty()) {
        plan.error = tr("No one goes through from round %1 with %2 by place and %3 by time")
                         .arg(from)
                         .arg(request.byPlace)
                         .arg(request.byTime);
        return;
    }
    if (rule.capacity > 0 && outcome.ranked.size() > rule.capacity) {
        plan.error = tr("%1 go through by place, more than the %2 places in round %3: take "
                        "fewer by place, or more heats")
                         .arg(outcome.byPlace.size())
                         .arg(rule.capacity)
                         .arg(plan.round);
        return;
    }
    for (const advancement::Tie &tie : outcome.ties) {
        const QString who = bibsOf(run.heats, tie.athletes);
        const QString how = tie.drawn()
            ? tr("drawn by lot: %1 through").arg(bibsOf(run.heats, tie.through))
            : tr("all go through");
        if (tie.kind == advancement::Tie::Kind::Place) {
            const Position &p = tie.athletes.first();
            plan.notes.append(tr("Heat %1: %2 tie for place %3, the last through by place; %4")
                                  .arg(heatNumber(run.units, p.heat))
                                  .arg(who)
                                  .arg(run.heats[p.heat][p.index].place)
                                  .arg(how));
        } else {
            const Position &p = tie.athletes.first();
            plan.notes.append(tr("%1 tie on %2 for the last place on time; %3")
                                  .arg(who, run.heats[p.heat][p.index].performance.text, how));
        }
    }
    if (outcome.byTime.size() < request.byTime && rule.capacity > 0
        && outcome.byPlace.size() + request.byTime > rule.capacity) {
        plan.notes.append(
            tr("%n through on time, as the next round holds %1", int(outcome.byTime.size()))
                .arg(rule.capacity));
    }

    // The next round's heats: places and times up to 400 m, improved seed marks beyond (20.3).
    const auto race = lanedraw::raceOf(event.eventCode);
    const bool byPlacesAndTimes = race == lanedraw::Race::Straight || race == lanedraw::Race::Bend;
    const QList<Position> order = byPlacesAndTimes
        ? outcome.ranked
        : advancement::rankByImprovedMarks(run.heats, outcome.byPlace + outcome.byTime, lot);
    QList<Line> lines;
    QStringList clubs;
    for (const Position &p : order) {
        const Finisher &f = run.heats[p.heat][p.index];
        Line line = lineFor(f.bib, entrants);
        line.qualified = outcome.byPlace.contains(p) ? QStringLiteral("Q") : QStringLiteral("q");
        line.previous = previousOf(run, p);
        lines.append(line);
        clubs.append(entrants.value(f.bib).entrant.club);
    }
    const auto distributed
        = seeding::distribute(lot::indexes(int(lines.size())), heats, seeding::Method::Seeded,
                              request.settings.separateClubs ? clubs : QStringList(), lot);
    for (qsizetype h = 0; h < distributed.size(); ++h) {
        StartListPlan::Heat heat;
        heat.heat = int(h) + 1;
        for (const int i : distributed[h])
            heat.lines.append(lines[i]);
        if (!placeLines(plan, heat.lines, false, lot))
            return;
        plan.heats.append(heat);
    }
    plan.byPlace = request.byPlace;
    plan.byTime = request.byTime;
    plan.rounds = seeding::withHeats(event.rounds, plan.round, heats);
    matchUnits(plan);
}

int selectedRound(const Node *selected)
{
    for (const Node *n = selected; n; n = n->parent()) {
        if (n->kind() == NodeKind::Unit)
            return static_cast<const Unit *>(n)->round.value_or(1);
    }
    return 0;
}

// The latest round with a heat that holds what the test asks for.
int latestRound(const Event &event, const std::function<bool(const Result &)> &counts)
{
    int latest = 0;
    for (const auto &unit : event.units) {
        if (std::any_of(unit->results.begin(), unit->results.end(),
                        [&](const auto &r) { return counts(*r); }))
            latest = std::max(latest, unit->round.value_or(1));
    }
    return latest;
}

int heatsOfRound(const Event &event, int round)
{
    const int listed = seeding::heatsPerRound(event.rounds).value(round - 1);
    return std::max<int>(listed, int(unitsOf(event, round).size()));
}

JsonValue number(int n)
{
    return JsonValue::number(QString::number(n));
}

} // namespace

bool HeatPlanner::hasHeats(const Event &event)
{
    const auto kind = EventCatalogue::kindOf(event.eventCode);
    return kind == EventCatalogue::Kind::Track || kind == EventCatalogue::Kind::Relay;
}

HeatRequest HeatPlanner::request(const Document &document, const Event &event, Kind kind,
                                 const Node *selected, QString *problem)
{
    HeatRequest r;
    r.settings = HeatSettings::of(document.meetdeskData(), event.eventId, problem);
    r.seed = QRandomGenerator::global()->generate();
    const bool inLanes = lanedraw::raceOf(event.eventCode) != lanedraw::Race::NotInLanes;
    const auto lanesOf = [&event](int round) {
        return HeatSettings::lanes(event, round).value_or(event.lanes.value_or(8));
    };
    switch (kind) {
    case Kind::Seed: {
        r.round = 1;
        r.lanes = lanesOf(1);
        QStringList ignored;
        const int n
            = int(entered(document.competition(), event, r.settings.seedMark, &ignored).size());
        r.heats = std::max({1, seeding::heatsPerRound(event.rounds).value(0),
                            inLanes ? seeding::heatsNeeded(n, r.lanes) : 1});
        break;
    }
    case Kind::Draw:
        r.round = selectedRound(selected);
        if (r.round == 0)
            r.round = std::max(1, latestRound(event, [](const Result &) { return true; }));
        r.lanes = lanesOf(r.round);
        r.heats = heatsOfRound(event, r.round);
        if (const auto q = HeatSettings::byPlace(event, r.round); q && *q > 0)
            r.byPlace = *q;
        break;
    case Kind::Advance: {
        r.round = selectedRound(selected);
        if (r.round == 0) {
            r.round = std::max(1, latestRound(event, [](const Result &res) {
                                   return !res.performance.isEmpty() || res.place.has_value();
                               }));
        }
        const int into = r.round + 1;
        r.lanes = lanesOf(into);
        r.heats = std::max(1, seeding::heatsPerRound(event.rounds).value(into - 1));
        const int heatsRun = std::max(1, heatsOfRound(event, r.round));
        const int capacity = (inLanes ? r.lanes : 12) * r.heats;
        const auto q = HeatSettings::byPlace(event, into);
        const auto t = HeatSettings::byTime(event, into);
        if (q && t && *q + *t > 0) {
            r.byPlace = *q;
            r.byTime = *t;
        } else if (heatsRun == 1) {
            r.byPlace = capacity;
            r.byTime = 0;
        } else {
            // As many by place as fit with some left on time: three heats into an eight-lane
            // final, 2 Q + 2 q; two heats, 3 Q + 2 q.
            r.byPlace = std::max(1, capacity / heatsRun - (capacity % heatsRun == 0 ? 1 : 0));
            r.byTime = std::max(0, capacity - r.byPlace * heatsRun);
        }
        break;
    }
    }
    return r;
}

StartListPlan HeatPlanner::plan(const Competition &competition, const Event &event, Kind kind,
                                const HeatRequest &request)
{
    StartListPlan plan;
    plan.kind = kind;
    plan.event = &event;
    plan.settings = request.settings;
    plan.round = kind == Kind::Advance ? request.round + 1 : request.round;
    plan.inLanes = lanedraw::raceOf(event.eventCode) != lanedraw::Race::NotInLanes;
    plan.lanes = plan.inLanes ? std::max(1, request.lanes) : 0;
    if (!hasHeats(event)) {
        plan.error = tr("%1 is not a race: only track events and relays have heats and lanes")
                         .arg(describe::label(event));
        return plan;
    }
    QRandomGenerator lot(request.seed);
    switch (kind) {
    case Kind::Seed:
        seed(plan, competition, request, lot);
        break;
    case Kind::Draw:
        draw(plan, competition, request, lot);
        break;
    case Kind::Advance:
        advance(plan, competition, request, lot);
        break;
    }
    return plan;
}

void HeatPlanner::apply(DocumentEditor &edit, const StartListPlan &plan)
{
    if (!plan.ok() || !plan.event)
        return;
    const Event &event = *plan.event;
    const QString label = describe::label(event);
    edit.beginMacro(plan.kind == Kind::Seed ? tr("Seed the heats of %1").arg(label)
                        : plan.kind == Kind::Draw
                        ? tr("Draw the lanes of %1, round %2").arg(label).arg(plan.round)
                        : tr("Advance %1 to round %2").arg(label).arg(plan.round));
    if (plan.kind == Kind::Draw) {
        for (const StartListPlan::Heat &heat : plan.heats) {
            for (const Line &line : heat.lines) {
                for (const auto &result : heat.unit->results) {
                    if (result->bib != line.bib)
                        continue;
                    if (plan.inLanes)
                        edit.setValue(*result, QLatin1StringView("lane"), line.lane.value_or(0));
                    else
                        edit.setValue(*result, QLatin1StringView("order"), line.order.value_or(0));
                }
            }
        }
    } else {
        if (plan.rounds != event.rounds)
            edit.setValue(event, QLatin1StringView("rounds"), plan.rounds);
        if (!plan.surplus.isEmpty())
            edit.remove(QList<const Node *>(plan.surplus.begin(), plan.surplus.end()));
        edit.createUnits(event, plan.round);
        for (const StartListPlan::Heat &heat : plan.heats) {
            const Unit *unit = unitAt(event, plan.round, heat.heat);
            if (!unit)
                continue;
            QList<const Node *> old;
            for (const auto &r : unit->results)
                old.append(r.get());
            for (const auto &t : unit->trials)
                old.append(t.get());
            if (!old.isEmpty())
                edit.remove(old);
            // A new start list: the status of the race it replaces does not hold for it.
            edit.setValue(*unit, QLatin1StringView("status"), QString());
            edit.setValue(*unit, QLatin1StringView("results_status"), QString());
            for (const Line &line : heat.lines) {
                auto result = std::make_unique<Result>();
                result->bib = line.bib;
                result->lane = line.lane;
                result->order = line.order;
                edit.append(*unit, ListId::UnitResults, std::move(result));
            }
        }
    }
    if (!event.eventId.isEmpty()) {
        edit.setMeetdeskValue(
            HeatSettings::key,
            HeatSettings::withEvent(edit.document().meetdeskData(), event.eventId, plan.settings));
    }
    // The lanes of the round: "lanes" for the first; "lanes_r2", "lanes_r3" where they differ.
    if (plan.inLanes && plan.round == 1) {
        edit.setValue(event, QLatin1StringView("lanes"), plan.lanes);
    } else if (const QString key = HeatSettings::laneKey(plan.round); plan.inLanes && !key.isEmpty()
               && HeatSettings::lanes(event, plan.round).value_or(event.lanes.value_or(8))
                   != plan.lanes) {
        edit.setExtra(event, key, number(plan.lanes));
    }
    if (plan.kind == Kind::Advance) {
        if (const QString key = HeatSettings::byPlaceKey(plan.round); !key.isEmpty())
            edit.setExtra(event, key, number(plan.byPlace));
        if (const QString key = HeatSettings::byTimeKey(plan.round); !key.isEmpty())
            edit.setExtra(event, key, number(plan.byTime));
    }
    edit.endMacro();
}

} // namespace meetdesk
