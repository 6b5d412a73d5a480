#include "edit/documenteditor.h"
#include "format/documentfile.h"
#include "heats/heatplanner.h"

#include <QSet>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;
using Kind = StartListPlan::Kind;

namespace {

QByteArray state(const Document &d)
{
    return DocumentFile::serialize(d.competition(), d.meetdeskData());
}

const Event &eventWithId(const Document &d, const QString &id)
{
    for (const auto &e : d.competition().events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

QList<const Unit *> round(const Event &e, int r)
{
    QList<const Unit *> out;
    for (const auto &u : e.units) {
        if (u->round == r)
            out.append(u.get());
    }
    return out;
}

StartListPlan planFor(const Document &doc, const Event &event, Kind kind, quint32 seed = 11)
{
    HeatRequest request = HeatPlanner::request(doc, event, kind);
    request.seed = seed;
    return HeatPlanner::plan(doc.competition(), event, kind, request);
}

} // namespace

class TestHeatPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Issue 9: 24 athletes in a 100 m with rounds "3,1" give three heats of eight, the seeds
    // spread: the three best in three heats, each heat one athlete of each group of three.
    void seedingTwentyFourGivesThreeHeats()
    {
        auto doc = testdata::sprintMeet(24);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        const HeatRequest request = HeatPlanner::request(*doc, event, Kind::Seed);
        QCOMPARE(request.round, 1);
        QCOMPARE(request.heats, 3);
        QCOMPARE(request.lanes, 8);
        const StartListPlan plan = planFor(*doc, event, Kind::Seed);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(plan.heats.size(), 3);
        QSet<int> best;
        for (const auto &heat : plan.heats) {
            QCOMPARE(heat.lines.size(), 8);
            QSet<int> groups;
            QList<int> lanes;
            for (const auto &line : heat.lines) {
                const int rank = testdata::sprintRank(line.bib, 24);
                groups.insert((rank - 1) / 3);
                if (rank <= 3)
                    best.insert(heat.heat);
                lanes.append(line.lane.value_or(0));
                QVERIFY(!line.seed.isEmpty());
                QCOMPARE(line.name, u"Runner " + line.bib);
                QVERIFY(line.club.endsWith(u" club"));
            }
            QCOMPARE(groups.size(), 8);
            QCOMPARE(lanes, QList<int>({1, 2, 3, 4, 5, 6, 7, 8})); // listed by lane
        }
        QCOMPARE(best.size(), 3);
        QVERIFY(plan.replaced.isEmpty());
        QCOMPARE(plan.rounds, QStringLiteral("3,1"));
    }

    // The start lists as OpenTrack holds them, in one undo step that undoes exactly.
    void applyingSeedingIsOneUndoStep()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        const StartListPlan plan = planFor(*doc, event, Kind::Seed);
        const QByteArray before = state(*doc);

        HeatPlanner::apply(edit, plan);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Seed the heats of T05 100m Men"));
        const QList<const Unit *> heats = round(event, 1);
        QCOMPARE(heats.size(), 3);
        for (qsizetype h = 0; h < heats.size(); ++h) {
            QCOMPARE(heats[h]->heat, int(h) + 1);
            QCOMPARE(heats[h]->results.size(), size_t(8));
            for (size_t i = 0; i < 8; ++i) {
                QCOMPARE(heats[h]->results[i]->bib, plan.heats[h].lines[i].bib);
                QCOMPARE(heats[h]->results[i]->lane, plan.heats[h].lines[i].lane);
                QVERIFY(heats[h]->results[i]->performance.isEmpty());
            }
        }
        QCOMPARE(HeatSettings::of(doc->meetdeskData(), QStringLiteral("T05")), plan.settings);
        const QByteArray after = state(*doc);

        doc->undoStack()->undo();
        QCOMPARE(state(*doc), before);
        doc->undoStack()->redo();
        QCOMPARE(state(*doc), after);
    }

    // Issue 9: 2 Q + 2 q from three heats is an eight-athlete final; its lane draw puts the four
    // best-ranked (the heat winners and the fastest second) in lanes 3 to 6.
    void advancingTwoQTwoQGivesAnEightAthleteFinal()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatPlanner::apply(edit, planFor(*doc, event, Kind::Seed));
        testdata::runSprintRound(edit, event, 1, 24);

        const HeatRequest request = HeatPlanner::request(*doc, event, Kind::Advance);
        QCOMPARE(request.round, 1);
        QCOMPARE(request.byPlace, 2);
        QCOMPARE(request.byTime, 2);
        QCOMPARE(request.heats, 1);
        for (quint32 seed = 1; seed <= 10; ++seed) {
            const StartListPlan plan = planFor(*doc, event, Kind::Advance, seed);
            QVERIFY2(plan.ok(), qPrintable(plan.error));
            QCOMPARE(plan.round, 2);
            QCOMPARE(plan.heats.size(), 1);
            const auto &lines = plan.heats[0].lines;
            QCOMPARE(lines.size(), 8);
            int byPlace = 0;
            for (const auto &line : lines) {
                const int rank = testdata::sprintRank(line.bib, 24);
                QVERIFY(rank <= 8); // the eight fastest here
                byPlace += line.qualified == u"Q";
                const int lane = line.lane.value();
                if (rank <= 4)
                    QVERIFY2(lane >= 3 && lane <= 6, qPrintable(line.bib));
                else
                    QVERIFY2(lane <= 2 || lane >= 7, qPrintable(line.bib));
                QVERIFY2(line.previous.contains(u", place "), qPrintable(line.previous));
            }
            QCOMPARE(byPlace, 6);
        }

        const QByteArray before = state(*doc);
        const StartListPlan plan = planFor(*doc, event, Kind::Advance);
        HeatPlanner::apply(edit, plan);
        const QList<const Unit *> final = round(event, 2);
        QCOMPARE(final.size(), 1);
        QCOMPARE(final[0]->heatName, QStringLiteral("Final"));
        QCOMPARE(final[0]->results.size(), size_t(8));
        QCOMPARE(HeatSettings::byPlace(event, 2), std::optional(2));
        QCOMPARE(HeatSettings::byTime(event, 2), std::optional(2));
        const QByteArray after = state(*doc);
        doc->undoStack()->undo();
        QCOMPARE(state(*doc), before);
        doc->undoStack()->redo();
        QCOMPARE(state(*doc), after);

        // Drawing the final's lanes again keeps its eight, ranked from round 1.
        const StartListPlan redraw = planFor(*doc, event, Kind::Draw, 5);
        QVERIFY2(redraw.ok(), qPrintable(redraw.error));
        QCOMPARE(redraw.round, 2);
        QCOMPARE(redraw.replaced, QStringList {QStringLiteral("Final: 8 lane(s) drawn before")});
        HeatPlanner::apply(edit, redraw);
        QCOMPARE(final[0]->results.size(), size_t(8));
        for (const auto &result : final[0]->results) {
            const int rank = testdata::sprintRank(result->bib, 24);
            const int lane = result->lane.value();
            QVERIFY(rank > 4 || (lane >= 3 && lane <= 6));
        }
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Draw the lanes of T05 100m Men, round 2"));
    }

    void aTieForTheLastPlaceOnTimeIsReported()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatPlanner::apply(edit, planFor(*doc, event, Kind::Seed));
        testdata::runSprintRound(edit, event, 1, 24);
        // Ranks 8 and 9 (third places) finish level on 10.95.
        for (const Unit *unit : round(event, 1)) {
            for (const auto &result : unit->results) {
                const int rank = testdata::sprintRank(result->bib, 24);
                if (rank == 8 || rank == 9)
                    edit.setValue(*result, QLatin1StringView("performance"),
                                  QStringLiteral("10.95"));
            }
        }
        QSet<QString> through;
        for (quint32 seed = 1; seed <= 12; ++seed) {
            const StartListPlan plan = planFor(*doc, event, Kind::Advance, seed);
            QVERIFY(plan.ok());
            QCOMPARE(plan.heats[0].lines.size(), 8); // no ninth lane: drawn by lot
            QCOMPARE(plan.notes.size(), 1);
            QVERIFY2(
                plan.notes[0].contains(u"tie on 10.95 for the last place on time; drawn by lot"),
                qPrintable(plan.notes[0]));
            for (const auto &line : plan.heats[0].lines) {
                if (testdata::sprintRank(line.bib, 24) >= 8)
                    through.insert(line.bib);
            }
        }
        QCOMPARE(through.size(), 2); // either of them, as the lot falls
    }

    // Seeding heats that already hold athletes and results says what it replaces.
    void replacingWhatTheHeatsHold()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T01"));
        const StartListPlan plan = planFor(*doc, event, Kind::Seed);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(plan.heats.size(), 2);
        QCOMPARE(plan.replaced,
                 QStringList({QStringLiteral("Heat 1 holds 8 entrant(s), 8 with a place or "
                                             "performance (finished, official): replaced"),
                              QStringLiteral("Heat 2 holds 8 entrant(s), 8 with a place or "
                                             "performance (finished, official): replaced")}));
        QCOMPARE(plan.heats[0].unit, event.units[0].get());
        // Seeded on SB: Tom Adeyemi (101, SB 10.61) is the first seed.
        bool found = false;
        for (const auto &line : plan.heats[0].lines + plan.heats[1].lines) {
            if (line.bib == u"101") {
                QCOMPARE(line.seed, QStringLiteral("10.61"));
                QCOMPARE(line.club, QStringLiteral("Riverside Harriers"));
                found = true;
            }
        }
        QVERIFY(found);
        const QByteArray before = state(*doc);
        HeatPlanner::apply(edit, plan);
        QCOMPARE(event.units[0]->results.size(), size_t(8));
        QVERIFY(event.units[0]->results[0]->performance.isEmpty());
        QVERIFY(event.units[0]->status.isEmpty()); // no longer a finished race
        QVERIFY(event.units[0]->resultsStatus.isEmpty());
        QCOMPARE(event.units[2]->results.size(), size_t(8)); // the final is not touched
        QCOMPARE(event.units[2]->results[0]->performance, QStringLiteral("10.65"));
        doc->undoStack()->undo();
        QCOMPARE(state(*doc), before);
    }

    void fewerHeatsDeleteTheRest()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatRequest request = HeatPlanner::request(*doc, event, Kind::Seed);
        request.heats = 4;
        HeatPlanner::apply(edit, HeatPlanner::plan(doc->competition(), event, Kind::Seed, request));
        QCOMPARE(event.rounds, QStringLiteral("4,1"));
        QCOMPARE(round(event, 1).size(), 4);

        request.heats = 3;
        const StartListPlan plan
            = HeatPlanner::plan(doc->competition(), event, Kind::Seed, request);
        QCOMPARE(plan.surplus.size(), 1);
        QCOMPARE(plan.replaced.last(),
                 QStringLiteral("Round 1 heat 4 holds 6 entrant(s): deleted"));
        HeatPlanner::apply(edit, plan);
        QCOMPARE(event.rounds, QStringLiteral("3,1"));
        QCOMPARE(round(event, 1).size(), 3);
    }

    void seedMarkSetting()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T01"));
        // 102 has no SB: with SB chosen, the PB stands in, and says so.
        for (const auto &c : doc->competition().competitors) {
            if (c->competitorId == u"102")
                edit.setValue(*c->eventsEntered[0], QLatin1StringView("sb"), QString());
        }
        HeatRequest request = HeatPlanner::request(*doc, event, Kind::Seed);
        StartListPlan plan = HeatPlanner::plan(doc->competition(), event, Kind::Seed, request);
        const auto seedOf = [&plan](const QString &bib) {
            for (const auto &heat : plan.heats) {
                for (const auto &line : heat.lines) {
                    if (line.bib == bib)
                        return line.seed;
                }
            }
            return QString();
        };
        QCOMPARE(seedOf(QStringLiteral("102")), QStringLiteral("10.62 PB"));
        QCOMPARE(seedOf(QStringLiteral("101")), QStringLiteral("10.61"));
        request.settings.seedMark = HeatSettings::SeedMark::PersonalBest;
        plan = HeatPlanner::plan(doc->competition(), event, Kind::Seed, request);
        QCOMPARE(seedOf(QStringLiteral("101")), QStringLiteral("10.54"));

        // Applied, the settings are the event's from then on.
        request.settings.laneDraw = lanedraw::Method::ByLot;
        HeatPlanner::apply(edit, HeatPlanner::plan(doc->competition(), event, Kind::Seed, request));
        const HeatRequest again = HeatPlanner::request(*doc, event, Kind::Seed);
        QCOMPARE(again.settings.seedMark, HeatSettings::SeedMark::PersonalBest);
        QCOMPARE(again.settings.laneDraw, lanedraw::Method::ByLot);
    }

    void relaysAreSeededFromTheirTeams()
    {
        auto doc = testdata::loadDocument();
        const Event &event = eventWithId(*doc, QStringLiteral("T02"));
        const StartListPlan plan = planFor(*doc, event, Kind::Seed);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(plan.heats.size(), 1);
        QStringList bibs;
        QList<int> lanes;
        for (const auto &line : plan.heats[0].lines) {
            bibs.append(line.bib);
            lanes.append(line.lane.value());
        }
        std::sort(bibs.begin(), bibs.end());
        QCOMPARE(bibs, QStringList({"R1", "R2", "R3", "R4"}));
        QCOMPARE(lanes, QList<int>({3, 4, 5, 6})); // four teams in the middle lanes
        QCOMPARE(plan.notes,
                 QStringList {QStringLiteral("Relay teams have no seed marks in the "
                                             "file: the heats are drawn by lot")});
    }

    void racesNotInLanesGetAStartOrder()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        edit.setValue(event, QLatin1StringView("event_code"), QStringLiteral("1500"));
        const StartListPlan plan = planFor(*doc, event, Kind::Seed);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QVERIFY(!plan.inLanes);
        QCOMPARE(plan.heats.size(), 3);
        for (const auto &heat : plan.heats) {
            QList<int> order;
            for (const auto &line : heat.lines) {
                QVERIFY(!line.lane);
                order.append(line.order.value());
            }
            QCOMPARE(order, QList<int>({1, 2, 3, 4, 5, 6, 7, 8}));
        }
        // A 100 m SB is no 1500 m time: each is named, and seeded without a mark.
        QCOMPARE(plan.notes.size(), 25);
        QVERIFY2(plan.notes[0].startsWith(u"Bib "), qPrintable(plan.notes[0]));
        QCOMPARE(plan.notes.last(),
                 QStringLiteral("No athlete has a seed mark: the heats are drawn by lot"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<int>("heats");
        QTest::addColumn<QString>("error");
        QTest::newRow("a field event")
            << "F01" << 1
            << "F01 Long Jump Women is not a race: only track events and relays have heats "
               "and lanes";
        QTest::newRow("too few heats")
            << "T01" << 1 << "16 athletes need 2 heats on 8 lanes, not 1";
        QTest::newRow("no one entered")
            << "M01a" << 1
            << "No one is entered in M01a 75m (Triathlon): enter athletes in it (a competitor's "
               "events entered, or a relay team for it) first";
    }
    void refusals()
    {
        QFETCH(QString, event);
        QFETCH(int, heats);
        QFETCH(QString, error);
        auto doc = testdata::loadDocument();
        const Event &e = eventWithId(*doc, event);
        HeatRequest request = HeatPlanner::request(*doc, e, Kind::Seed);
        request.heats = heats;
        const StartListPlan plan = HeatPlanner::plan(doc->competition(), e, Kind::Seed, request);
        QCOMPARE(plan.error, error);
        DocumentEditor edit(*doc);
        HeatPlanner::apply(edit, plan);
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    void advancingNeedsResults()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatPlanner::apply(edit, planFor(*doc, event, Kind::Seed));
        const StartListPlan plan = planFor(*doc, event, Kind::Advance);
        QCOMPARE(plan.error,
                 QStringLiteral("Round 1 of T05 100m Men has no places or times yet: "
                                "enter its results first"));
    }
};

QTEST_GUILESS_MAIN(TestHeatPlanner)
#include "tst_heatplanner.moc"
