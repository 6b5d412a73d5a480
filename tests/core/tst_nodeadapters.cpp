#include "athletics/nodeadapters.h"
#include "athletics/places.h"
#include "athletics/wind.h"

#include <QSet>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;
using Kind = EventCatalogue::Kind;

namespace {

const Event &eventById(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
    return *c.events.front();
}

} // namespace

class TestNodeAdapters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_doc = testdata::loadDocument(); }

    void kinds()
    {
        const Competition &c = m_doc->competition();
        const Event &sprint = eventById(c, QStringLiteral("T01"));
        QCOMPARE(fromnodes::kindOf(*sprint.units[0]), Kind::Track);
        QCOMPARE(fromnodes::kindOf(*sprint.units[0]->results[0]), Kind::Track);
        QCOMPARE(fromnodes::kindOf(*eventById(c, QStringLiteral("F01")).units[0]),
                 Kind::Horizontal);
        QCOMPARE(fromnodes::kindOf(*eventById(c, QStringLiteral("F02")).units[0]), Kind::Vertical);
        QCOMPARE(fromnodes::kindOf(eventById(c, QStringLiteral("M01"))), Kind::Combined);
        QCOMPARE(fromnodes::eventOf(*sprint.units[1]), &sprint);

        Unit loose;
        QCOMPARE(fromnodes::kindOf(loose), Kind::Unknown);
        loose.heights = QStringList {QStringLiteral("1.50")};
        QCOMPARE(fromnodes::kindOf(loose), Kind::Vertical); // heights say it
        Result inLoose;
        inLoose.setParent(&loose);
        QCOMPARE(fromnodes::kindOf(inLoose), Kind::Vertical);
        QCOMPARE(fromnodes::eventOf(loose), nullptr);
    }

    void performances()
    {
        const Competition &c = m_doc->competition();
        const Unit &heat = *eventById(c, QStringLiteral("T01")).units[1];
        const auto time = fromnodes::performance(*heat.results[0]);
        QVERIFY(time);
        QCOMPARE(time->value, 10780);
        const auto dns = fromnodes::performance(*heat.results[7]);
        QCOMPARE(dns->status, Performance::Status::DNS);
        // a combined event's standings are points
        const auto total = fromnodes::performance(*eventById(c, QStringLiteral("M01")).results[0]);
        QCOMPARE(total->measure(), Performance::Measure::Points);
        QCOMPARE(total->value, 2003);
        // and the event's distance is checked
        Event sprint;
        sprint.eventCode = QStringLiteral("100");
        Unit unit;
        unit.setParent(&sprint);
        Result r;
        r.setParent(&unit);
        r.performance = QStringLiteral("1.03");
        QVERIFY(!fromnodes::performance(r));
        r.performance = QStringLiteral("10.3");
        QCOMPARE(fromnodes::performance(r)->decimals, 1);
    }

    void horizontalSeries()
    {
        const Unit &lj = *eventById(m_doc->competition(), QStringLiteral("F01")).units[0];
        const HorizontalSeries series = fromnodes::horizontalSeries(lj, QStringLiteral("121"));
        QCOMPARE(series.size(), 6);
        QCOMPARE(series[0].round, 1);
        QCOMPARE(series[3].mark, AttemptMark::Foul);
        const int best = fieldseries::best(series);
        QCOMPARE(best, 1);
        QCOMPARE(series[best].centimetres, 604);
        QCOMPARE(Wind::toString(*series[best].wind), QStringLiteral("-1.3"));
        QVERIFY(fromnodes::horizontalSeries(lj, QStringLiteral("999")).isEmpty());
    }

    // One pass over a unit's trials gives what a pass for each bib gives.
    void seriesOfEveryBib()
    {
        const Competition &c = m_doc->competition();
        const Unit &lj = *eventById(c, QStringLiteral("F01")).units[0];
        QHash<QString, QList<const Trial *>> trials;
        const auto horizontal = fromnodes::horizontalSeries(lj, &trials);
        QCOMPARE(horizontal.size(), 8);
        for (auto it = horizontal.begin(); it != horizontal.end(); ++it) {
            QList<const Trial *> one;
            QCOMPARE(*it, fromnodes::horizontalSeries(lj, it.key(), &one));
            QCOMPARE(trials.value(it.key()), one);
        }
        const Unit &hj = *eventById(c, QStringLiteral("F02")).units[0];
        const auto vertical = fromnodes::verticalSeries(hj);
        QCOMPARE(vertical.keys().size(), 5);
        for (auto it = vertical.begin(); it != vertical.end(); ++it)
            QCOMPARE(*it, fromnodes::verticalSeries(hj, it.key()));
    }

    // The trial each attempt was read from, in the series' order (by attempt number), without
    // the trials that do not read.
    void horizontalSeriesAnswersItsTrials()
    {
        Unit unit;
        auto add = [&](int round, const char *result) {
            auto t = std::make_unique<Trial>();
            t->bib = QStringLiteral("7");
            t->round = round;
            t->result = QLatin1StringView(result);
            unit.trials.push_back(std::move(t));
        };
        add(2, "6.10");
        add(1, "x");
        add(3, "six");
        add(4, "6.20");
        QList<const Trial *> trials;
        const HorizontalSeries series
            = fromnodes::horizontalSeries(unit, QStringLiteral("7"), &trials);
        QCOMPARE(series.size(), 3);
        QCOMPARE(trials,
                 (QList<const Trial *> {unit.trials[1].get(), unit.trials[0].get(),
                                        unit.trials[3].get()}));
        QCOMPARE(series[2].centimetres, 620);
    }

    void verticalSeries()
    {
        const Unit &hj = *eventById(m_doc->competition(), QStringLiteral("F02")).units[0];
        QCOMPARE(fromnodes::heights(hj), (QList<int> {170, 175, 180, 185, 190, 195, 200}));
        const VerticalSeries card = fromnodes::verticalSeries(hj, QStringLiteral("117"));
        QStringList marks;
        for (const auto &h : card)
            marks.append(h.marks);
        QCOMPARE(marks.join(u' '), QStringLiteral("o - o xo o xxo xxx"));
        QCOMPARE(card[5].centimetres, 195);
    }

    // The sample's high jump, placed by countback: 104 and 118 share second place (one
    // attempt at 1.85 m, one failure before), 119 is fourth, as the sample file records.
    void sampleHighJumpByCountback()
    {
        const Unit &hj = *eventById(m_doc->competition(), QStringLiteral("F02")).units[0];
        QList<VerticalSeries> cards;
        QStringList bibs;
        for (const auto &r : hj.results) {
            bibs.append(r->bib);
            cards.append(fromnodes::verticalSeries(hj, r->bib));
        }
        QCOMPARE(bibs.join(u' '), QStringLiteral("117 104 118 119 120"));
        const QList<Placing> placed = places::vertical(cards);
        QCOMPARE(placed,
                 (QList<Placing> {{1, false}, {2, true}, {2, true}, {4, false}, {5, false}}));
    }

    // A whole unit read in one pass gives each bib what the bib's own reading gives.
    void wholeUnitsInOnePass()
    {
        for (const char *id : {"F01", "F02", "F03"}) {
            const Unit &unit = *eventById(m_doc->competition(), QLatin1StringView(id)).units[0];
            const auto horizontal = fromnodes::horizontalSeries(unit);
            const auto vertical = fromnodes::verticalSeries(unit);
            QSet<QString> bibs;
            for (const auto &t : unit.trials)
                bibs.insert(t->bib);
            QVERIFY(bibs.size() >= 5);
            QCOMPARE(QSet<QString>(horizontal.keyBegin(), horizontal.keyEnd()), bibs);
            QCOMPARE(QSet<QString>(vertical.keyBegin(), vertical.keyEnd()), bibs);
            for (const QString &bib : std::as_const(bibs)) {
                QCOMPARE(horizontal.value(bib), fromnodes::horizontalSeries(unit, bib));
                QCOMPARE(vertical.value(bib), fromnodes::verticalSeries(unit, bib));
            }
        }
    }

    void heightsMatchByValue()
    {
        Unit unit;
        unit.heights = QStringList {QStringLiteral("1.70"), QStringLiteral("1.75")};
        auto add = [&](const char *height, const char *result) {
            auto t = std::make_unique<Trial>();
            t->bib = QStringLiteral("7");
            t->height = QLatin1StringView(height);
            t->result = QLatin1StringView(result);
            unit.trials.push_back(std::move(t));
        };
        add("1.7", "x");
        add("1.70", "O");
        add("1.75", "x");
        add("1.80", "o"); // not a listed height
        add("1.75", "xo"); // two attempts in one trial
        const VerticalSeries card = fromnodes::verticalSeries(unit, QStringLiteral("7"));
        QCOMPARE(card.size(), 2);
        QCOMPARE(card[0].marks, QStringLiteral("xo"));
        QCOMPARE(card[1].marks, QStringLiteral("xxo"));
    }

    void windAndEligibility()
    {
        QCOMPARE(fromnodes::wind(QStringLiteral("+1.4")), std::optional<int>(14));
        QCOMPARE(fromnodes::wind(QStringLiteral("calm")), std::nullopt);
        QCOMPARE(fromnodes::wind(QString()), std::nullopt);
        const Event &tri = eventById(m_doc->competition(), QStringLiteral("M01"));
        const EventEligibility e = fromnodes::eligibilityOf(tri);
        QCOMPARE(e.genders, QStringLiteral("F"));
        QCOMPARE(e.ageGroups, QStringList {QStringLiteral("U15")});
        QCOMPARE(e.category, QStringLiteral("U15W"));
    }

private:
    std::unique_ptr<Document> m_doc;
};

QTEST_GUILESS_MAIN(TestNodeAdapters)
#include "tst_nodeadapters.moc"
