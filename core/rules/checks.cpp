#include "checks.h"

#include "nodepath.h"

#include "athletics/fieldseries.h"
#include "athletics/nodeadapters.h"
#include "athletics/places.h"
#include "athletics/slug.h"
#include "athletics/wind.h"
#include "model/describe.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <array>

namespace meetdesk::checks {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::Validator", text, nullptr, n);
}

enum RuleId {
    Required,
    SlugForm,
    CountryCode,
    DateOrder,
    UuidForm,
    ValueChoice,
    RoundsForm,
    ResultsStatus,
    DuplicateBib,
    DuplicateTeam,
    DuplicateEventId,
    DuplicateEvent,
    DuplicateHeat,
    UnknownTeam,
    UnknownEvent,
    UnknownBib,
    PerformanceValue,
    WindValue,
    PlaceValue,
    PlaceDuplicate,
    PlaceOrder,
    BibTwiceInHeat,
    TwoHeats,
    HeatsVsRounds,
    RelayRunnerUnknown,
    RelayRunnerTwice,
    RelayRunnerClub,
    Eligibility,
    BirthDate,
    TrialValue,
    TrialHeight,
    HeightsOrder,
    TrialBeyondAttempts,
    TrialAfterOut,
    RuleCount
};

const QList<Rule> &table()
{
    using S = Finding::Severity;
    static const QList<Rule> rules {
        {QLatin1StringView("required"), S::Error},
        {QLatin1StringView("slug-form"), S::Error},
        {QLatin1StringView("country-code"), S::Error},
        {QLatin1StringView("date-order"), S::Error},
        {QLatin1StringView("uuid-form"), S::Error},
        {QLatin1StringView("value-choice"), S::Error},
        {QLatin1StringView("rounds-form"), S::Error},
        {QLatin1StringView("results-status"), S::Warning},
        {QLatin1StringView("duplicate-bib"), S::Error},
        {QLatin1StringView("duplicate-team"), S::Error},
        {QLatin1StringView("duplicate-event-id"), S::Error},
        {QLatin1StringView("duplicate-event"), S::Error},
        {QLatin1StringView("duplicate-heat"), S::Error},
        {QLatin1StringView("unknown-team"), S::Warning},
        {QLatin1StringView("unknown-event"), S::Error},
        {QLatin1StringView("unknown-bib"), S::Error},
        {QLatin1StringView("performance"), S::Error},
        {QLatin1StringView("wind"), S::Error},
        {QLatin1StringView("place-value"), S::Error},
        {QLatin1StringView("place-duplicate"), S::Error},
        {QLatin1StringView("place-order"), S::Error},
        {QLatin1StringView("bib-twice-in-heat"), S::Error},
        {QLatin1StringView("two-heats"), S::Error},
        {QLatin1StringView("heats-vs-rounds"), S::Error},
        {QLatin1StringView("relay-runner-unknown"), S::Error},
        {QLatin1StringView("relay-runner-twice"), S::Error},
        {QLatin1StringView("relay-runner-club"), S::Warning},
        {QLatin1StringView("eligibility"), S::Error},
        {QLatin1StringView("birth-date"), S::Error},
        {QLatin1StringView("trial-value"), S::Error},
        {QLatin1StringView("trial-height"), S::Error},
        {QLatin1StringView("heights-order"), S::Error},
        {QLatin1StringView("trial-beyond-attempts"), S::Error},
        {QLatin1StringView("trial-after-out"), S::Error},
    };
    Q_ASSERT(rules.size() == RuleCount);
    return rules;
}

bool isBlank(const QString &text)
{
    return QStringView(text).trimmed().isEmpty();
}

class Out
{
public:
    explicit Out(QList<NodeFinding> &list)
        : m_list(list)
    { }

    void add(RuleId rule, const Node &node, const char *field, QString message)
    {
        const Rule &r = table()[rule];
        m_list.append({r.severity, r.id, &node, QLatin1StringView(field), std::move(message)});
    }
    // Reports an empty field that OpenTrack needs; answers whether it has a value.
    bool required(const Node &node, const char *field, const QString &value)
    {
        if (!isBlank(value))
            return true;
        add(Required, node, field, tr("is required"));
        return false;
    }

private:
    QList<NodeFinding> &m_list;
};

bool isUuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')
                     || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

bool isCountryCode(const QString &text)
{
    return text.size() == 3
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
}

// Heats per round ("8,3,1"), when the text says so.
std::optional<QList<int>> heatsPerRound(const QString &rounds)
{
    QList<int> heats;
    for (const QStringView part : QStringView(rounds).split(u',')) {
        if (part.isEmpty()
            || !std::all_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); }))
            return std::nullopt;
        heats.append(part.toInt());
    }
    return heats;
}

// "competitor 101 Tom Adeyemi, relay team R1": the other holders of a key, by name, so the
// message does not depend on the order records were added in.
QString others(const QList<const Node *> &holders, const Node &self)
{
    QStringList names;
    for (const Node *n : holders) {
        if (n != &self)
            names.append(describe::kindName(n->kind()) + u' ' + describe::label(*n));
    }
    names.sort();
    constexpr qsizetype shown = 3;
    if (names.size() > shown) {
        const int more = int(names.size() - shown);
        names.resize(shown);
        names.append(tr("%n more", more));
    }
    return names.join(QStringLiteral(", "));
}

bool teamKnown(const QString &teamId, const Context &ctx)
{
    // Without any teams, team ids are the clubs' own codes: nothing to check them against.
    return teamId.isEmpty() || ctx.competition.teams.empty()
        || !ctx.index.holders(RuleIndex::Team, teamId).isEmpty();
}

// The competitor who wears a bib, when exactly one record holds it and it is a competitor.
const Competitor *competitorAmong(const QList<const Node *> &holders)
{
    if (holders.size() != 1 || holders.first()->kind() != NodeKind::Competitor)
        return nullptr;
    return static_cast<const Competitor *>(holders.first());
}

void eligibility(const Competitor &x, const Event &event, const Node &target, const char *field,
                 const Context &ctx, Out &out)
{
    const QDate day = ctx.competition.date;
    // A date of birth after the competition is the competitor's own finding (birth-date).
    const QDate birth
        = day.isValid() && x.dateOfBirth.isValid() && x.dateOfBirth > day ? QDate() : x.dateOfBirth;
    if (const auto why = agegroups::eligibilityProblem(
            x.gender, birth, fromnodes::eligibilityOf(event), day, ctx.ageRules))
        out.add(Eligibility, target, field,
                tr("%1 in %2: %3").arg(describe::label(x), describe::label(event), *why));
}

void competition(const Competition &c, Out &out)
{
    out.required(c, "full_name", c.fullName);
    if (out.required(c, "slug", c.slug)) {
        if (const auto why = slug::problem(c.slug))
            out.add(SlugForm, c, "slug", *why);
    }
    if (out.required(c, "country", c.country) && !isCountryCode(c.country))
        out.add(CountryCode, c, "country",
                tr("\"%1\" is not a three-letter country code such as GBR").arg(c.country));
    if (!c.date.isValid() && !findMember(c.extras, u"date"))
        out.add(Required, c, "date", tr("is required"));
    if (!c.finishDate.isValid() && !findMember(c.extras, u"finish_date"))
        out.add(Required, c, "finish_date", tr("is required"));
    if (c.date.isValid() && c.finishDate.isValid() && c.finishDate < c.date)
        out.add(DateOrder, c, "finish_date",
                tr("%1 is before the start date %2")
                    .arg(c.finishDate.toString(Qt::ISODate), c.date.toString(Qt::ISODate)));
    if (!c.organiser.isEmpty() && !isUuid(c.organiser))
        out.add(UuidForm, c, "organiser", tr("\"%1\" is not a UUID").arg(c.organiser));
}

void competitor(const Competitor &x, const Context &ctx, Out &out)
{
    if (out.required(x, "competitor_id", x.competitorId)) {
        const auto &holders = ctx.index.holders(RuleIndex::Bib, x.competitorId);
        if (holders.size() > 1)
            out.add(DuplicateBib, x, "competitor_id",
                    tr("\"%1\" is also the bib of %2").arg(x.competitorId, others(holders, x)));
    }
    if (!x.gender.isEmpty() && x.gender != u"M" && x.gender != u"F" && x.gender != u"X")
        out.add(ValueChoice, x, "gender", tr("\"%1\" is not M, F or X").arg(x.gender));
    if (!x.otAthleteId.isEmpty() && !isUuid(x.otAthleteId))
        out.add(UuidForm, x, "ot_athlete_id", tr("\"%1\" is not a UUID").arg(x.otAthleteId));
    if (!teamKnown(x.teamId, ctx))
        out.add(UnknownTeam, x, "team_id", tr("no team has the id \"%1\"").arg(x.teamId));
    const QDate day = ctx.competition.date;
    if (x.dateOfBirth.isValid() && day.isValid() && x.dateOfBirth > day)
        out.add(BirthDate, x, "date_of_birth",
                tr("%1 is after the competition (%2)")
                    .arg(x.dateOfBirth.toString(Qt::ISODate), day.toString(Qt::ISODate)));
}

void entry(const EventEntry &e, const Context &ctx, Out &out)
{
    if (e.eventId.isEmpty())
        return;
    const auto &events = ctx.index.holders(RuleIndex::EventId, e.eventId);
    if (events.isEmpty()) {
        out.add(UnknownEvent, e, "event_id", tr("no event has the id \"%1\"").arg(e.eventId));
        return;
    }
    if (events.size() == 1 && e.parent() && e.parent()->kind() == NodeKind::Competitor)
        eligibility(static_cast<const Competitor &>(*e.parent()),
                    static_cast<const Event &>(*events.first()), e, "event_id", ctx, out);
}

void team(const Team &t, const Context &ctx, Out &out)
{
    if (!out.required(t, "team_id", t.teamId))
        return;
    const auto &holders = ctx.index.holders(RuleIndex::Team, t.teamId);
    if (holders.size() > 1)
        out.add(DuplicateTeam, t, "team_id",
                tr("\"%1\" is also the id of %2").arg(t.teamId, others(holders, t)));
}

void relayTeam(const RelayTeam &r, const Context &ctx, Out &out)
{
    if (out.required(r, "relay_team_id", r.relayTeamId)) {
        const auto &holders = ctx.index.holders(RuleIndex::Bib, r.relayTeamId);
        if (holders.size() > 1)
            out.add(DuplicateBib, r, "relay_team_id",
                    tr("\"%1\" is also the bib of %2: results cannot tell them apart")
                        .arg(r.relayTeamId, others(holders, r)));
    }
    if (out.required(r, "event_id", r.eventId)
        && ctx.index.holders(RuleIndex::EventId, r.eventId).isEmpty())
        out.add(UnknownEvent, r, "event_id", tr("no event has the id \"%1\"").arg(r.eventId));
    if (!teamKnown(r.teamId, ctx))
        out.add(UnknownTeam, r, "team_id", tr("no team has the id \"%1\"").arg(r.teamId));

    QStringList seen;
    for (const QString &bib : r.runners.value_or(QStringList())) {
        if (bib.isEmpty())
            continue;
        if (seen.contains(bib)) {
            out.add(RelayRunnerTwice, r, "runners", tr("%1 is listed twice in this team").arg(bib));
            continue;
        }
        seen.append(bib);
        const auto &holders = ctx.index.holders(RuleIndex::Bib, bib);
        if (std::none_of(holders.begin(), holders.end(),
                         [](const Node *n) { return n->kind() == NodeKind::Competitor; }))
            out.add(RelayRunnerUnknown, r, "runners",
                    tr("no competitor has the bib \"%1\"").arg(bib));
        const auto &teams
            = ctx.index.holders(RuleIndex::Runner, RuleIndex::runnerKey(r.eventId, bib));
        if (teams.size() > 1)
            out.add(RelayRunnerTwice, r, "runners",
                    tr("%1 also runs for %2 in the same event").arg(bib, others(teams, r)));
        const Competitor *runner = competitorAmong(holders);
        if (runner && !runner->teamId.isEmpty() && !r.teamId.isEmpty()
            && runner->teamId != r.teamId)
            out.add(RelayRunnerClub, r, "runners",
                    tr("%1 belongs to the team %2, not %3").arg(bib, runner->teamId, r.teamId));
    }
}

bool hasStatusWord(const Performance &p)
{
    return p.status != Performance::Status::Empty && p.status != Performance::Status::Mark;
}

// A field event's series, read once for a heat's checks.
struct Series
{
    bool vertical = false;
    QHash<QString, VerticalSeries> cards;
    QHash<QString, HorizontalSeries> attempts;
    QHash<QString, QList<const Trial *>> trials; // the trial of each attempt
    QList<int> heights; // the bar, in centimetres, as the heat lists it
};

// What concerns a list of results together: a bib listed twice, performances that do not
// read for the event, and places against the performances (or, in a field event with trials,
// against the series and countback).
void resultList(const NodeList<Result> &list, const Unit *unit, const Series *series, Out &out)
{
    QHash<QString, int> counts;
    for (const auto &r : list) {
        if (!r->bib.isEmpty())
            ++counts[r->bib];
    }
    for (const auto &r : list) {
        const int n = counts.value(r->bib);
        if (n > 1)
            out.add(BibTwiceInHeat, *r, "bib",
                    unit ? tr("%1 is listed %n times in this heat", n).arg(r->bib)
                         : tr("%1 is listed %n times in these results", n).arg(r->bib));
    }

    const int count = int(list.size());
    QList<Performance> performances(count);
    QList<Performance::Status> statuses(count);
    // A performance is read once, here, for both its own rule and the places: in an event
    // whose code Meetdesk does not know, it is not judged.
    const bool judged = !unit || fromnodes::kindOf(*unit) != EventCatalogue::Kind::Unknown;
    for (int i = 0; i < count; ++i) {
        const Result &r = *list[size_t(i)];
        const Parsed<Performance> p = fromnodes::performance(r);
        if (p) {
            performances[i] = *p;
            statuses[i] = p->status;
        } else if (judged) {
            out.add(PerformanceValue, r, "performance", p.error());
        }
    }
    QList<Placing> placed;
    const bool bySeries = series && !unit->trials.empty();
    if (bySeries && series->vertical) {
        QList<VerticalSeries> cards;
        for (const auto &r : list) {
            VerticalSeries card = series->cards.value(r->bib);
            if (card.isEmpty()) // no trials: every height without marks
                for (const int h : series->heights)
                    card.append({h, QString()});
            cards.append(card);
        }
        placed = places::vertical(cards, statuses);
    } else if (bySeries) {
        QList<HorizontalSeries> attempts;
        for (const auto &r : list)
            attempts.append(series->attempts.value(r->bib));
        placed = places::horizontal(attempts, statuses);
    }
    if (!bySeries)
        placed = places::byPerformance(performances);

    QList<int> ranked;
    for (int i = 0; i < count; ++i) {
        const Result &r = *list[size_t(i)];
        if (!r.place)
            continue;
        if (placed[i].isPlaced())
            ranked.append(i);
        else if (hasStatusWord(performances[i]))
            out.add(PlaceOrder, r, "place",
                    tr("placed %1, but %2 takes no place").arg(*r.place).arg(performances[i].text));
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](int a, int b) { return placed[a].place < placed[b].place; });
    // Walk the results from the best; a place must be after every place given to a better one.
    int best = 0;
    int bestAt = -1;
    for (qsizetype k = 0; k < ranked.size();) {
        qsizetype end = k;
        while (end < ranked.size() && placed[ranked[end]].place == placed[ranked[k]].place)
            ++end;
        const Result &first = *list[size_t(ranked[k])];
        for (qsizetype j = k; j < end; ++j) {
            const Result &r = *list[size_t(ranked[j])];
            const int place = *r.place;
            if (bestAt >= 0 && place == best) {
                out.add(PlaceDuplicate, r, "place",
                        tr("place %1 is also given to %2, whose result is better: only a tie "
                           "shares a place")
                            .arg(place)
                            .arg(list[size_t(bestAt)]->bib));
            } else if (bestAt >= 0 && place < best) {
                out.add(PlaceOrder, r, "place",
                        tr("placed %1, ahead of %2 (placed %3), whose result is better")
                            .arg(place)
                            .arg(list[size_t(bestAt)]->bib)
                            .arg(best));
            } else if (bySeries && j > k && placed[ranked[k]].place > 1 && place != *first.place) {
                // Equal after countback (or every mark of the series): the place is shared;
                // only a tie for first may be settled by a jump-off.
                out.add(PlaceOrder, r, "place",
                        tr("placed %1, but ties with %2 (placed %3): they share the place")
                            .arg(place)
                            .arg(first.bib)
                            .arg(*first.place));
            }
        }
        for (qsizetype j = k; j < end; ++j) {
            const int place = *list[size_t(ranked[j])]->place;
            if (place > best) {
                best = place;
                bestAt = ranked[j];
            }
        }
        k = end;
    }
}

void event(const Event &e, const Context &ctx, Out &out)
{
    if (out.required(e, "event_id", e.eventId)) {
        const auto &holders = ctx.index.holders(RuleIndex::EventId, e.eventId);
        if (holders.size() > 1)
            out.add(DuplicateEventId, e, "event_id",
                    tr("\"%1\" is also the id of %2").arg(e.eventId, others(holders, e)));
    }
    if (out.required(e, "event_code", e.eventCode)) {
        const auto &holders
            = ctx.index.holders(RuleIndex::EventCode, RuleIndex::codeKey(e.eventCode, e.category));
        if (holders.size() > 1)
            out.add(DuplicateEvent, e, "event_code",
                    tr("%1 for category \"%2\" is also %3: OpenTrack takes one event for each")
                        .arg(e.eventCode, e.category, others(holders, e)));
    }
    if (!e.genders.isEmpty() && e.genders != u"M" && e.genders != u"F" && e.genders != u"MF")
        out.add(ValueChoice, e, "genders", tr("\"%1\" is not M, F or MF").arg(e.genders));
    if (!e.rounds.isEmpty()) {
        const auto heats = heatsPerRound(e.rounds);
        if (!heats || std::any_of(heats->begin(), heats->end(), [](int h) { return h < 1; }))
            out.add(RoundsForm, e, "rounds",
                    tr("\"%1\" is not heats per round such as \"8,3,1\"").arg(e.rounds));
    }
    if (!e.parentEvent.isEmpty() && ctx.index.holders(RuleIndex::EventId, e.parentEvent).isEmpty())
        out.add(UnknownEvent, e, "parent", tr("no event has the id \"%1\"").arg(e.parentEvent));

    // Heats: each round and heat once; an athlete in one heat of a round.
    QHash<std::pair<int, int>, int> heatCounts;
    QHash<std::pair<int, QString>, const Unit *> firstHeat; // (round, bib) -> where first seen
    QSet<std::pair<int, QString>> inTwo;
    for (const auto &u : e.units) {
        if (u->round && u->heat)
            ++heatCounts[{*u->round, *u->heat}];
        if (!u->round)
            continue;
        for (const auto &r : u->results) {
            if (r->bib.isEmpty())
                continue;
            const std::pair<int, QString> key {*u->round, r->bib};
            const auto it = firstHeat.constFind(key);
            if (it == firstHeat.constEnd())
                firstHeat.insert(key, u.get());
            else if (*it != u.get())
                inTwo.insert(key);
        }
    }
    for (const auto &u : e.units) {
        if (u->round && u->heat) {
            const int n = heatCounts.value({*u->round, *u->heat});
            if (n > 1)
                out.add(DuplicateHeat, *u, "heat",
                        tr("round %1 heat %2 is listed %n times in this event", n)
                            .arg(*u->round)
                            .arg(*u->heat));
        }
        if (!u->round || inTwo.isEmpty())
            continue;
        for (const auto &r : u->results) {
            if (!inTwo.contains({*u->round, r->bib}))
                continue;
            QStringList heats;
            for (const auto &other : e.units) {
                if (other.get() == u.get() || other->round != u->round)
                    continue;
                const bool there = std::any_of(other->results.begin(), other->results.end(),
                                               [&](const auto &o) { return o->bib == r->bib; });
                if (there)
                    heats.append(other->heat ? QString::number(*other->heat) : QStringLiteral("?"));
            }
            heats.sort();
            heats.removeDuplicates();
            out.add(TwoHeats, *r, "bib",
                    tr("%1 is also in heat %2 of round %3")
                        .arg(r->bib, heats.join(QStringLiteral(", ")))
                        .arg(*u->round));
        }
    }
    resultList(e.results, nullptr, nullptr, out);
}

// A high jump or pole vault heat: its bar heights, the heights its trials name, and no
// attempts after an athlete is out.
void verticalHeats(const Unit &u, const Series &series, Out &out)
{
    if (u.heights) {
        QList<int> heights;
        for (const QString &h : *u.heights) {
            const Parsed<Performance> p = Performance::parse(EventCatalogue::Kind::Vertical, h);
            if (!p || !p->isMark())
                out.add(HeightsOrder, u, "heights",
                        p ? tr("\"%1\" is not a height such as 1.85").arg(h) : p.error());
            else
                heights.append(int(p->value));
        }
        const int bad = fieldseries::firstOutOfOrder(heights);
        if (bad > 0)
            out.add(HeightsOrder, u, "heights",
                    tr("%1 m is not above the height before it, %2 m")
                        .arg(Performance::distance(heights[bad], EventCatalogue::Kind::Vertical)
                                 .toString(),
                             Performance::distance(heights[bad - 1], EventCatalogue::Kind::Vertical)
                                 .toString()));
    }
    QHash<QString, QList<int>> afterOut; // bib -> heights (cm) of attempts after being out
    for (auto it = series.cards.cbegin(); it != series.cards.cend(); ++it) {
        for (const int i : fieldseries::attemptsAfterOut(*it))
            afterOut[it.key()].append((*it)[i].centimetres);
    }
    for (const auto &t : u.trials) {
        if (!isBlank(t->result)) {
            const Parsed<QString> marks = fieldseries::parseHeightAttempts(t->result);
            if (!marks)
                out.add(TrialValue, *t, "result", marks.error());
        }
        if (isBlank(t->height)) {
            out.add(TrialHeight, *t, "height", tr("is required in a high jump or pole vault"));
            continue;
        }
        const Parsed<Performance> h = Performance::parse(EventCatalogue::Kind::Vertical, t->height);
        if (!h || !h->isMark()) {
            out.add(TrialHeight, *t, "height",
                    h ? tr("\"%1\" is not a height such as 1.85").arg(t->height) : h.error());
            continue;
        }
        if (!series.heights.contains(int(h->value))) {
            out.add(TrialHeight, *t, "height",
                    tr("%1 m is not one of this heat's heights").arg(h->toString()));
            continue;
        }
        if (afterOut.value(t->bib).contains(int(h->value)))
            out.add(TrialAfterOut, *t, "result",
                    tr("%1 was already out: three failures in a row, or retired").arg(t->bib));
    }
}

void unit(const Unit &u, const Context &, Out &out)
{
    if (!u.round && !findMember(u.extras, u"round"))
        out.add(Required, u, "round", tr("is required"));
    if (!u.heat && !findMember(u.extras, u"heat"))
        out.add(Required, u, "heat", tr("is required"));
    if (!u.resultsStatus.isEmpty() && u.resultsStatus != u"provisional"
        && u.resultsStatus != u"official")
        out.add(ResultsStatus, u, "results_status",
                tr("\"%1\" is neither provisional nor official").arg(u.resultsStatus));

    const Event *event = fromnodes::eventOf(u);
    if (event && u.round && u.heat) {
        // OpenTrack makes an event's heats from its rounds and takes results for those only.
        const QString rounds
            = event->rounds.trimmed().isEmpty() ? QStringLiteral("1") : event->rounds.trimmed();
        if (const auto heats = heatsPerRound(rounds)) {
            if (*u.round < 1 || *u.round > heats->size())
                out.add(HeatsVsRounds, u, "round",
                        tr("the event's rounds \"%1\" have no round %2").arg(rounds).arg(*u.round));
            else if (*u.heat < 1 || *u.heat > heats->at(*u.round - 1))
                out.add(HeatsVsRounds, u, "heat",
                        tr("the event's rounds \"%1\" give round %2 %n heat(s), so no heat %3",
                           heats->at(*u.round - 1))
                            .arg(rounds)
                            .arg(*u.round)
                            .arg(*u.heat));
        }
    }

    const auto kind = fromnodes::kindOf(u);
    const bool vertical = kind == EventCatalogue::Kind::Vertical;
    if (!vertical && !EventCatalogue::isFieldKind(kind)) {
        resultList(u.results, &u, nullptr, out);
        return;
    }
    Series series;
    series.vertical = vertical;
    if (vertical) {
        series.cards = fromnodes::verticalSeries(u);
        series.heights = fromnodes::heights(u);
    } else {
        QList<std::pair<const Trial *, QString>> unreadable;
        series.attempts = fromnodes::horizontalSeries(u, &series.trials, &unreadable);
        for (const auto &[trial, why] : std::as_const(unreadable))
            out.add(TrialValue, *trial, "result", why);
    }
    resultList(u.results, &u, &series, out);

    if (vertical) {
        verticalHeats(u, series, out);
        return;
    }
    const int allowed = u.rounds           ? *u.rounds
        : event && event->maxFieldAttempts ? *event->maxFieldAttempts
                                           : 6;
    QStringList bibs; // in the order of the heat's trials
    for (const auto &t : u.trials) {
        if (series.attempts.contains(t->bib) && !bibs.contains(t->bib))
            bibs.append(t->bib);
    }
    for (const QString &bib : std::as_const(bibs)) {
        const HorizontalSeries &attempts = series.attempts[bib];
        const QList<const Trial *> &trials = series.trials[bib];
        for (const int i : fieldseries::beyondAllowed(attempts, allowed))
            out.add(TrialBeyondAttempts, *trials[i], "round",
                    tr("attempt %1 is beyond the %n attempt(s) this competition allows", allowed)
                        .arg(attempts[i].round));
    }
}

void result(const Result &r, const Context &ctx, Out &out)
{
    if (out.required(r, "bib", r.bib)) {
        const auto &holders = ctx.index.holders(RuleIndex::Bib, r.bib);
        if (holders.isEmpty()) {
            out.add(UnknownBib, r, "bib",
                    tr("no competitor or relay team has the bib \"%1\"").arg(r.bib));
        } else if (const Competitor *x = competitorAmong(holders)) {
            if (const Event *event = fromnodes::eventOf(r))
                eligibility(*x, *event, r, "bib", ctx, out);
        }
    }
    if (!isBlank(r.wind)) {
        const Parsed<int> w = Wind::parse(r.wind);
        if (!w)
            out.add(WindValue, r, "wind", w.error());
    }
    if (r.place && *r.place < 1)
        out.add(PlaceValue, r, "place", tr("%1 is not a place (1 or more)").arg(*r.place));
}

void trial(const Trial &t, const Context &ctx, Out &out)
{
    if (out.required(t, "bib", t.bib) && ctx.index.holders(RuleIndex::Bib, t.bib).isEmpty())
        out.add(UnknownBib, t, "bib", tr("no competitor has the bib \"%1\"").arg(t.bib));
    if (!isBlank(t.wind)) {
        const Parsed<int> w = Wind::parse(t.wind);
        if (!w)
            out.add(WindValue, t, "wind", w.error());
    }
}

} // namespace

const QList<Rule> &rules()
{
    return table();
}

QList<NodeFinding> of(const Node &owner, const Context &context)
{
    QList<NodeFinding> found;
    Out out(found);
    switch (owner.kind()) {
    case NodeKind::Competition:
        competition(static_cast<const Competition &>(owner), out);
        break;
    case NodeKind::Competitor:
        competitor(static_cast<const Competitor &>(owner), context, out);
        break;
    case NodeKind::EventEntry:
        entry(static_cast<const EventEntry &>(owner), context, out);
        break;
    case NodeKind::Team:
        team(static_cast<const Team &>(owner), context, out);
        break;
    case NodeKind::RelayTeam:
        relayTeam(static_cast<const RelayTeam &>(owner), context, out);
        break;
    case NodeKind::Event:
        event(static_cast<const Event &>(owner), context, out);
        break;
    case NodeKind::Unit:
        unit(static_cast<const Unit &>(owner), context, out);
        break;
    case NodeKind::Result:
        result(static_cast<const Result &>(owner), context, out);
        break;
    case NodeKind::Trial:
        trial(static_cast<const Trial &>(owner), context, out);
        break;
    }
    return found;
}

Finding toFinding(const NodeFinding &f)
{
    return {f.severity, nodepath::of(*f.node, f.field), f.message, f.node, QString(f.rule)};
}

} // namespace meetdesk::checks
