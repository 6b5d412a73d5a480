#include "competitiongenerator.h"

#include "athletics/fieldseries.h"
#include "athletics/places.h"
#include "athletics/wind.h"

#include <QRandomGenerator>
#include <QSet>

namespace meetdesk {

namespace {

const char *const firstNames[]
    = {"Amelia", "Oliver", "Grace", "Kwame", "Zoë",   "Liam",  "Sophie", "Noah",   "Maya",
       "Søren",  "Isla",   "Mateo", "Chloe", "Usman", "Freya", "José",   "Hannah", "Leo"};
const char *const lastNames[]
    = {"Smith",  "Osei",    "Müller", "Chen",     "Patel",  "O'Brien", "Nwosu", "García",
       "Walker", "Ibrahim", "Lowe",   "Kowalski", "Taylor", "Dlamini", "Reid",  "Novák"};
const char *const trackCodes[] = {"100", "200", "400", "800", "1500", "5000", "110H", "400H"};
const char *const horizontalCodes[] = {"LJ", "TJ", "SP", "DT", "HT", "JT"};
const char *const verticalCodes[] = {"HJ", "PV"};
const char *const categories[] = {"SM", "SW", "U20M", "U20W", "U17M", "U17W", "V40M", "V40W"};

class Builder
{
public:
    Builder(quint32 seed, bool wild)
        : m_rng(seed)
        , m_wild(wild)
    { }

    int between(int low, int high) { return int(m_rng.bounded(low, high + 1)); }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template<size_t N> QString pick(const char *const (&list)[N])
    {
        return QString::fromUtf8(list[m_rng.bounded(quint32(N))]);
    }

    QString text(const QString &plain)
    {
        if (!m_wild || !chance(20))
            return plain;
        static const QString odd[] = {QStringLiteral("\"quoted\""),
                                      QStringLiteral("back\\slash"),
                                      QStringLiteral("tab\there"),
                                      QStringLiteral("line\nbreak"),
                                      QStringLiteral("ünïcödé"),
                                      QStringLiteral("emoji 🏃"),
                                      QString(QChar(u'\x01')) + QStringLiteral("ctl"),
                                      QStringLiteral("")};
        return plain + odd[m_rng.bounded(8u)];
    }

    void maybeExtras(Node &node)
    {
        if (!m_wild || !chance(15))
            return;
        node.extras.push_back(
            {QStringLiteral("x_note"), JsonValue::string(text(QStringLiteral("n")))});
        if (chance(50)) {
            std::vector<JsonValue> items {JsonValue::number(QStringLiteral("1.50")), JsonValue(),
                                          JsonValue::boolean(true),
                                          JsonValue::number(QStringLiteral("-2e3"))};
            JsonObject nested {{QStringLiteral("b"), JsonValue::array(std::move(items))},
                               {QStringLiteral("a"), JsonValue::object()}};
            node.extras.push_back(
                {QStringLiteral("x_custom"), JsonValue::object(std::move(nested))});
        }
    }

    QString mark(double value, int decimals) { return QString::number(value, 'f', decimals); }

    QRandomGenerator m_rng;
    bool m_wild;
};

} // namespace

namespace {

// Marks in centimetres a club athlete might make in each field event.
std::pair<int, int> markRange(const QString &code)
{
    if (code == u"LJ")
        return {450, 800};
    if (code == u"TJ")
        return {1000, 1700};
    if (code == u"SP")
        return {800, 2100};
    if (code == u"DT")
        return {2500, 6800};
    if (code == u"HT")
        return {3000, 7800};
    return {3500, 8800}; // JT
}

struct Athlete
{
    QString bib;
    QString status; // "DNS" or "DNF" for someone who did not start or finish, else empty
};

// Puts a heat's results in finishing order: placed by place, the rest after them.
void sortByPlace(Unit &u, const QList<Placing> &placed)
{
    NodeList<Result> sorted;
    for (const int i : places::order(placed))
        sorted.push_back(std::move(u.results[size_t(i)]));
    u.results = std::move(sorted);
}

} // namespace

std::unique_ptr<Competition> CompetitionGenerator::generate(const Sizes &sizes) const
{
    Builder b(m_seed, m_wild);
    auto c = std::make_unique<Competition>();
    c->fullName = b.text(QStringLiteral("Generated Open %1").arg(m_seed));
    c->shortName = QStringLiteral("Gen %1").arg(m_seed);
    c->slug = QStringLiteral("generated-open-%1").arg(m_seed);
    c->country = QStringLiteral("GBR");
    c->date = QDate(2026, 6, 1).addDays(b.between(0, 90));
    c->finishDate = c->date.addDays(b.between(0, 2));
    c->year = QString::number(c->date.year());
    c->latitude = 51.0 + b.between(0, 9999) / 10000.0;
    c->longitude = -b.between(0, 9999) / 10000.0;
    c->ageGroups = QStringList {QStringLiteral("ALL")};
    c->organiser = QStringLiteral("5f2b6c1e-8a4d-4c7e-9b1a-0d3e2f4a6b8c");
    b.maybeExtras(*c);

    const int teamCount = std::max(1, sizes.competitors / 25);
    for (int i = 0; i < teamCount; ++i) {
        auto t = std::make_unique<Team>();
        t->setParent(c.get());
        t->teamId = QStringLiteral("T%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        t->teamName = b.text(QStringLiteral("%1 Athletic Club").arg(b.pick(lastNames)));
        b.maybeExtras(*t);
        c->teams.push_back(std::move(t));
    }

    // Events: mostly track, then horizontal and vertical field events, a few relays.
    const int fieldCount = std::max(sizes.trials > 0 ? 1 : 0, sizes.events * 3 / 10);
    const int verticalCount = fieldCount / 4;
    const int relayCount = sizes.events >= 10 ? sizes.events / 20 : 0;
    const int trackCount = std::max(0, sizes.events - fieldCount - relayCount);
    const int resultsPerEvent = sizes.events > 0 ? std::max(1, sizes.results / sizes.events) : 0;
    const int trialsPerField = fieldCount > 0 ? sizes.trials / fieldCount : 0;

    enum class Type { Track, Relay, Horizontal, Vertical };
    QList<Type> types;
    for (int i = 0; i < sizes.events; ++i) {
        auto e = std::make_unique<Event>();
        e->setParent(c.get());
        const bool field = i >= trackCount && i < trackCount + fieldCount;
        const bool vertical = field && i - trackCount < verticalCount;
        const bool relay = i >= trackCount + fieldCount;
        types.append(relay          ? Type::Relay
                         : vertical ? Type::Vertical
                         : field    ? Type::Horizontal
                                    : Type::Track);
        e->eventId
            = QStringLiteral("%1%2").arg(field ? u'F' : u'T').arg(i + 1, 3, 10, QLatin1Char('0'));
        e->eventCode = relay ? QStringLiteral("4x100")
            : vertical       ? b.pick(verticalCodes)
            : field          ? b.pick(horizontalCodes)
                             : b.pick(trackCodes);
        e->category = b.pick(categories) + QString::number(i); // unique (code, category)
        e->genders = e->category.contains(u'W') ? QStringLiteral("F") : QStringLiteral("M");
        e->name = b.text(QStringLiteral("%1 %2").arg(e->eventCode, e->category));
        e->ageGroups = QStringList {QStringLiteral("SEN"), QStringLiteral("U20")};
        e->day = b.between(1, 2);
        e->r1Time = QStringLiteral("%1:%2")
                        .arg(b.between(10, 19))
                        .arg(b.between(0, 11) * 5, 2, 10, QLatin1Char('0'));
        if (!field)
            e->lanes = 8;
        if (field)
            e->maxFieldAttempts = 6;
        b.maybeExtras(*e);
        c->events.push_back(std::move(e));
    }

    // Competitors, men and women in turn; they enter events of their own gender.
    QList<int> men, women; // indexes into the competitors
    for (int i = 0; i < sizes.competitors; ++i) {
        auto x = std::make_unique<Competitor>();
        x->setParent(c.get());
        x->competitorId = QString::number(101 + i);
        x->firstName = b.text(b.pick(firstNames));
        x->lastName = b.text(b.pick(lastNames));
        x->gender = i % 2 == 0 ? QStringLiteral("M") : QStringLiteral("F");
        (i % 2 == 0 ? men : women).append(i);
        x->dateOfBirth = QDate(1960, 1, 1).addDays(b.between(0, 18000));
        x->nationality = QStringLiteral("GBR");
        x->teamId = c->teams[size_t(b.between(0, teamCount - 1))]->teamId;
        x->category = x->gender == u"M" ? QStringLiteral("SM") : QStringLiteral("SW");
        if (!c->events.empty()) {
            const int entries = b.between(1, 3);
            QStringList entered;
            for (int k = 0; k < entries * 4 && entered.size() < entries; ++k) {
                const Event &e = *c->events[size_t(b.between(0, int(c->events.size()) - 1))];
                if (e.genders != x->gender || entered.contains(e.eventId))
                    continue;
                entered.append(e.eventId);
                auto entry = std::make_unique<EventEntry>();
                entry->setParent(x.get());
                entry->eventId = e.eventId;
                entry->eventCode = e.eventCode;
                if (b.chance(40))
                    entry->pb = b.mark(10.0 + b.between(0, 3000) / 100.0, 2);
                x->eventsEntered.push_back(std::move(entry));
            }
        }
        b.maybeExtras(*x);
        c->competitors.push_back(std::move(x));
    }

    // Who is in an event: different athletes of its gender, so no one runs twice in a round.
    const auto athletesFor = [&](const Event &e, int count) {
        QList<int> pool = e.genders == u"F" ? women : men;
        QList<Athlete> out;
        for (int k = 0; k < count && k < pool.size(); ++k) {
            std::swap(pool[k], pool[b.between(k, int(pool.size()) - 1)]);
            out.append({c->competitors[size_t(pool[k])]->competitorId,
                        b.chance(95)       ? QString()
                            : b.chance(50) ? QStringLiteral("DNF")
                                           : QStringLiteral("DNS")});
        }
        return out;
    };
    // Heats of at most perHeat, as even as they can be.
    const auto heatsOf = [](const QList<Athlete> &athletes, int perHeat) {
        const int heats = std::max(1, int((athletes.size() + perHeat - 1) / perHeat));
        QList<QList<Athlete>> out(heats);
        for (qsizetype k = 0; k < athletes.size(); ++k)
            out[k % heats].append(athletes[k]);
        return out;
    };
    const auto newUnit = [&](Event &e, int heat) {
        auto u = std::make_unique<Unit>();
        u->setParent(&e);
        u->round = 1;
        u->heat = heat;
        u->status = QStringLiteral("finished");
        u->resultsStatus
            = b.chance(70) ? QStringLiteral("official") : QStringLiteral("provisional");
        u->heatName = QStringLiteral("Heat %1").arg(heat);
        u->scheduledStartTime = e.r1Time;
        e.units.push_back(std::move(u));
        return e.units.back().get();
    };
    const auto newResult = [&](Unit &u, const QString &bib) {
        auto r = std::make_unique<Result>();
        r->setParent(&u);
        r->bib = bib;
        u.results.push_back(std::move(r));
        return u.results.back().get();
    };
    const auto newTrial = [&](Unit &u, const QString &bib) {
        auto t = std::make_unique<Trial>();
        t->setParent(&u);
        t->bib = bib;
        u.trials.push_back(std::move(t));
        return u.trials.back().get();
    };
    const auto wind = [&](int lowest, int highest) {
        const int tenths = b.between(lowest, highest);
        return Wind::toString(tenths);
    };

    // Track events and relays: times by the distance, placed in order.
    QList<QList<QString>> relayBibs(relayCount);
    for (int i = 0; i < sizes.events; ++i) {
        if (types[i] != Type::Track && types[i] != Type::Relay)
            continue;
        Event &e = *c->events[size_t(i)];
        QList<Athlete> athletes;
        if (types[i] == Type::Relay) {
            const int relay = i - trackCount - fieldCount;
            for (int k = 0; k < resultsPerEvent; ++k) {
                relayBibs[relay].append(QStringLiteral("R%1-%2").arg(relay + 1).arg(k + 1));
                athletes.append(
                    {relayBibs[relay].back(), b.chance(95) ? QString() : QStringLiteral("DNF")});
            }
        } else {
            athletes = athletesFor(e, resultsPerEvent);
        }
        const QList<QList<Athlete>> heats = heatsOf(athletes, 8);
        e.rounds = QString::number(heats.size());
        const int metres = std::max(60, EventCatalogue::distanceMetres(e.eventCode));
        for (qsizetype h = 0; h < heats.size(); ++h) {
            Unit &u = *newUnit(e, int(h + 1));
            QList<Performance> times;
            const QString heatWind = b.chance(30) ? wind(-20, 30) : QString();
            for (qsizetype k = 0; k < heats[h].size(); ++k) {
                Result &r = *newResult(u, heats[h][k].bib);
                r.lane = int(k + 1);
                r.wind = heatWind;
                if (heats[h][k].status.isEmpty()) {
                    const double speed = (metres <= 400 ? 6.0 : 4.5) + b.between(0, 300) / 100.0;
                    r.performance
                        = Performance::time(qint64(metres * 1000.0 / speed), 2).toString();
                } else {
                    r.performance = heats[h][k].status;
                }
                times.append(Performance::parseFor(e.eventCode, r.performance).valueOr({}));
                b.maybeExtras(r);
            }
            const QList<Placing> placed = places::byPerformance(times);
            for (qsizetype k = 0; k < placed.size(); ++k) {
                if (placed[k].isPlaced())
                    u.results[size_t(k)]->place = placed[k].place;
            }
            sortByPlace(u, placed);
        }
    }

    // Field events: a series for each athlete, the best mark and places worked out from it.
    // Horizontal events take up to six attempts each; the high jumps and vaults take the rest
    // of the trials asked for.
    int trialsLeft = sizes.trials;
    QList<int> fieldOrder;
    for (int i = 0; i < sizes.events; ++i) {
        if (types[i] == Type::Horizontal)
            fieldOrder.append(i);
    }
    for (int i = 0; i < sizes.events; ++i) {
        if (types[i] == Type::Vertical)
            fieldOrder.append(i);
    }
    int verticalUnitsLeft = 0;
    for (int i = 0; i < sizes.events; ++i) {
        if (types[i] == Type::Vertical)
            verticalUnitsLeft += std::max(1, (resultsPerEvent + 11) / 12);
    }
    for (const int i : std::as_const(fieldOrder)) {
        Event &e = *c->events[size_t(i)];
        const bool vertical = types[i] == Type::Vertical;
        const auto kind = EventCatalogue::kindOf(e.eventCode);
        const QList<QList<Athlete>> heats = heatsOf(athletesFor(e, resultsPerEvent), 12);
        e.rounds = QString::number(heats.size());
        for (qsizetype h = 0; h < heats.size(); ++h) {
            Unit &u = *newUnit(e, int(h + 1));
            u.trialsListed = true;
            const QList<Athlete> &in = heats[h];
            int starters = 0;
            for (const Athlete &a : in)
                starters += a.status.isEmpty();
            int budget = vertical ? trialsLeft / std::max(1, verticalUnitsLeft--)
                                  : trialsPerField / int(heats.size());
            QStringList heights;
            for (int k = 0; k < 8; ++k)
                heights.append(b.mark(1.50 + k * 0.05, 2));
            if (vertical)
                u.heights = heights;
            else
                u.rounds = 6;
            QList<HorizontalSeries> horizontal;
            QList<VerticalSeries> cards;
            QList<Performance::Status> statuses;
            int startersLeft = starters;
            for (const Athlete &a : in) {
                Result &r = *newResult(u, a.bib);
                if (!a.status.isEmpty()) {
                    r.performance = QStringLiteral("DNS");
                    statuses.append(Performance::Status::DNS);
                    horizontal.append(HorizontalSeries());
                    VerticalSeries none;
                    for (int k = 0; k < 8; ++k)
                        none.append({150 + k * 5, QString()});
                    cards.append(none);
                    continue;
                }
                statuses.append(Performance::Status::Empty);
                const int attempts = std::max(1, budget / std::max(1, startersLeft--));
                if (vertical) {
                    // Cleared heights (o, xo, xxo, or a pass), then three failures.
                    const int capped = std::min(attempts, 24);
                    QStringList marks;
                    if (capped < 3) {
                        marks.append(capped == 1 ? QStringLiteral("o") : QStringLiteral("xo"));
                    } else {
                        const int beforeOut = capped - 3;
                        const int cleared = b.between((beforeOut + 2) / 3, std::min(7, beforeOut));
                        int extra = beforeOut - cleared; // failures before a clearance
                        for (int k = 0; k < cleared; ++k) {
                            const int fails = std::min(extra, b.between(0, 2));
                            extra -= fails;
                            marks.append(QString(fails, u'x') + u'o');
                        }
                        for (QString &m : marks) {
                            while (extra > 0 && m.size() < 3) {
                                m.prepend(u'x');
                                --extra;
                            }
                            if (m == u"o" && b.chance(10))
                                m = QStringLiteral("-");
                        }
                        marks.append(QStringLiteral("xxx"));
                    }
                    VerticalSeries card;
                    for (int k = 0; k < 8; ++k)
                        card.append({150 + k * 5, QString()});
                    for (qsizetype k = 0; k < marks.size(); ++k) {
                        card[k].marks = marks[k];
                        for (const QChar m : std::as_const(marks[k])) {
                            Trial &t = *newTrial(u, a.bib);
                            t.height = heights[k];
                            t.result = QString(m);
                            --budget;
                        }
                    }
                    r.performance = fieldseries::result(card).toString();
                    cards.append(card);
                } else {
                    const auto [low, high] = markRange(e.eventCode);
                    HorizontalSeries series;
                    for (int round = 1; round <= std::min(6, attempts); ++round) {
                        Trial &t = *newTrial(u, a.bib);
                        t.round = round;
                        HorizontalAttempt attempt;
                        attempt.round = round;
                        if (b.chance(20)) {
                            attempt.mark = AttemptMark::Foul;
                        } else if (b.chance(4)) {
                            attempt.mark = AttemptMark::Pass;
                        } else {
                            attempt.mark = AttemptMark::Mark;
                            attempt.centimetres = b.between(low, high);
                        }
                        t.result = fieldseries::attemptText(attempt);
                        if (Wind::entryOf(e.eventCode) == Wind::Entry::PerAttempt)
                            t.wind = wind(-20, 30);
                        series.append(attempt);
                        --budget;
                    }
                    r.performance = fieldseries::result(kind, series).toString();
                    horizontal.append(series);
                }
                b.maybeExtras(r);
            }
            trialsLeft -= int(u.trials.size());
            const QList<Placing> placed = vertical ? places::vertical(cards, statuses)
                                                   : places::horizontal(horizontal, statuses);
            for (qsizetype k = 0; k < placed.size(); ++k) {
                if (placed[k].isPlaced())
                    u.results[size_t(k)]->place = placed[k].place;
            }
            sortByPlace(u, placed);
            for (const auto &t : u.trials)
                b.maybeExtras(*t);
        }
    }

    // Relay teams: four runners from the team's club where it has them, none in two teams
    // of the same event.
    QHash<QString, QList<int>> members; // team id -> competitor indexes
    for (int i = 0; i < sizes.competitors; ++i)
        members[c->competitors[size_t(i)]->teamId].append(i);
    for (int relay = 0; relay < relayCount; ++relay) {
        const Event &e = *c->events[size_t(trackCount + fieldCount + relay)];
        QSet<int> used;
        QList<int> pool = e.genders == u"F" ? women : men;
        for (qsizetype k = 0; k < relayBibs[relay].size(); ++k) {
            auto r = std::make_unique<RelayTeam>();
            r->setParent(c.get());
            r->relayTeamId = relayBibs[relay][k];
            r->eventId = e.eventId;
            r->name = QStringLiteral("Relay team %1").arg(k + 1);
            r->teamId = c->teams[size_t(k % teamCount)]->teamId;
            QStringList runners;
            const auto take = [&](int i) {
                if (runners.size() < 4 && !used.contains(i)
                    && c->competitors[size_t(i)]->gender == e.genders) {
                    used.insert(i);
                    runners.append(c->competitors[size_t(i)]->competitorId);
                }
            };
            for (const int i : members.value(r->teamId))
                take(i);
            for (qsizetype n = 0; runners.size() < 4 && n < pool.size(); ++n)
                take(pool[b.between(0, int(pool.size()) - 1)]);
            r->runners = runners;
            c->relayTeams.push_back(std::move(r));
        }
    }
    return c;
}

} // namespace meetdesk
