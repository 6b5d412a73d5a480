#include "competitiongenerator.h"

#include <QRandomGenerator>

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

    for (int i = 0; i < sizes.events; ++i) {
        auto e = std::make_unique<Event>();
        e->setParent(c.get());
        const bool field = i >= trackCount && i < trackCount + fieldCount;
        const bool vertical = field && i - trackCount < verticalCount;
        const bool relay = i >= trackCount + fieldCount;
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
        b.maybeExtras(*e);

        const int perHeat = field ? 12 : 8;
        const int heats = std::max(1, (resultsPerEvent + perHeat - 1) / perHeat);
        e->rounds = QString::number(heats);
        if (!field)
            e->lanes = 8;
        int resultsLeft = resultsPerEvent;
        for (int h = 0; h < heats; ++h) {
            auto u = std::make_unique<Unit>();
            u->setParent(e.get());
            u->round = 1;
            u->heat = h + 1;
            u->status = QStringLiteral("finished");
            u->resultsStatus
                = b.chance(70) ? QStringLiteral("official") : QStringLiteral("provisional");
            u->heatName = QStringLiteral("Heat %1").arg(h + 1);
            u->scheduledStartTime = e->r1Time;
            if (vertical) {
                QStringList heights;
                for (int k = 0; k < 8; ++k)
                    heights.append(b.mark(1.50 + k * 0.05, 2));
                u->heights = heights;
            } else if (field) {
                u->rounds = 6;
            }
            const int inHeat = std::min(perHeat, resultsLeft);
            resultsLeft -= inHeat;
            for (int k = 0; k < inHeat; ++k) {
                auto r = std::make_unique<Result>();
                r->setParent(u.get());
                r->bib = relay
                    ? QStringLiteral("R%1-%2").arg(i - trackCount - fieldCount + 1).arg(k + 1)
                    : QString::number(100 + b.between(1, std::max(1, sizes.competitors)));
                if (b.chance(95)) {
                    r->place = k + 1;
                    r->performance = field ? b.mark(5.0 + b.between(0, 6000) / 100.0, 2)
                                           : b.mark(10.0 + b.between(0, 30000) / 100.0, 2);
                } else {
                    r->performance = b.chance(50) ? QStringLiteral("DNF") : QStringLiteral("DNS");
                }
                if (!field)
                    r->lane = k + 1;
                if (b.chance(30))
                    r->wind = QStringLiteral("%1%2")
                                  .arg(b.chance(70) ? u'+' : u'-')
                                  .arg(b.mark(b.between(0, 30) / 10.0, 1));
                b.maybeExtras(*r);
                u->results.push_back(std::move(r));
            }
            if (field) {
                u->trialsListed = true;
                const int trials = trialsPerField / heats;
                for (int k = 0; k < trials; ++k) {
                    auto t = std::make_unique<Trial>();
                    t->setParent(u.get());
                    t->bib = u->results.empty() ? QStringLiteral("101")
                                                : u->results[size_t(k) % u->results.size()]->bib;
                    if (vertical) {
                        t->height = u->heights->at(k % 8);
                        t->result = b.chance(60) ? QStringLiteral("o")
                            : b.chance(80)       ? QStringLiteral("x")
                                                 : QStringLiteral("-");
                    } else {
                        t->round = k / int(std::max<size_t>(1, u->results.size())) + 1;
                        t->result = b.chance(20) ? QStringLiteral("x")
                                                 : b.mark(5.0 + b.between(0, 6000) / 100.0, 2);
                        if (b.chance(30))
                            t->wind = QStringLiteral("+%1").arg(b.mark(b.between(0, 25) / 10.0, 1));
                    }
                    b.maybeExtras(*t);
                    u->trials.push_back(std::move(t));
                }
            }
            e->units.push_back(std::move(u));
        }
        c->events.push_back(std::move(e));
    }

    for (int i = 0; i < sizes.competitors; ++i) {
        auto x = std::make_unique<Competitor>();
        x->setParent(c.get());
        x->competitorId = QString::number(101 + i);
        x->firstName = b.text(b.pick(firstNames));
        x->lastName = b.text(b.pick(lastNames));
        x->gender = b.chance(50) ? QStringLiteral("M") : QStringLiteral("F");
        x->dateOfBirth = QDate(1960, 1, 1).addDays(b.between(0, 18000));
        x->nationality = QStringLiteral("GBR");
        x->teamId = c->teams[size_t(b.between(0, teamCount - 1))]->teamId;
        x->category = x->gender == u"M" ? QStringLiteral("SM") : QStringLiteral("SW");
        if (!c->events.empty()) {
            const int entries = b.between(1, 3);
            for (int k = 0; k < entries; ++k) {
                const Event &e = *c->events[size_t(b.between(0, int(c->events.size()) - 1))];
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

    for (int i = 0; i < relayCount; ++i) {
        const Event &e = *c->events[size_t(trackCount + fieldCount + i)];
        for (int k = 0; k < 8; ++k) {
            auto r = std::make_unique<RelayTeam>();
            r->setParent(c.get());
            r->relayTeamId = QStringLiteral("R%1-%2").arg(i + 1).arg(k + 1);
            r->eventId = e.eventId;
            r->name = QStringLiteral("Relay team %1").arg(k + 1);
            r->teamId = c->teams[size_t(k % teamCount)]->teamId;
            QStringList runners;
            for (int n = 0; n < 4 && sizes.competitors > 0; ++n)
                runners.append(QString::number(101 + b.between(0, sizes.competitors - 1)));
            r->runners = runners;
            c->relayTeams.push_back(std::move(r));
        }
    }
    return c;
}

} // namespace meetdesk
