#include "compute/compute.h"
#include "edit/documenteditor.h"
#include "format/documentfile.h"

#include <QTest>

#include "testdata.h"

using namespace meetdesk;

namespace {

// A competition on 20 June 2026 in Great Britain holding these events (a JSON list's items).
std::unique_ptr<Document> meet(const QString &events)
{
    const QString json = QStringLiteral(R"({"full_name": "Test", "country": "GBR",
        "date": "2026-06-20", "competitors": [
        {"competitor_id": "1", "gender": "F"}, {"competitor_id": "2", "gender": "F"},
        {"competitor_id": "3", "gender": "F"}, {"competitor_id": "4", "gender": "F"},
        {"competitor_id": "5", "gender": "F"}], "events": [%1]})")
                             .arg(events);
    ReadResult r = OpenTrackReader::read(json.toUtf8());
    if (!r.ok())
        qFatal("bad test meet: %s", qPrintable(r.error));
    return std::make_unique<Document>(std::move(r.competition));
}

// One unit of an event with this code; results of bibs 1, 2... with these performances
// ("|" between them) and typed places ("," between them, "-" none).
QString heat(const QString &code, const QString &performances, const QString &typed)
{
    QStringList results;
    const QStringList marks = performances.split(u'|');
    const QStringList places = typed.split(u',');
    for (qsizetype i = 0; i < marks.size(); ++i) {
        const QString place = places.value(i, QStringLiteral("-"));
        QString result = QStringLiteral(R"({"bib": "%1")").arg(i + 1);
        if (!marks[i].isEmpty())
            result += QStringLiteral(R"(, "performance": "%1")").arg(marks[i]);
        if (place != u"-")
            result += QStringLiteral(R"(, "place": %1)").arg(place);
        results.append(result + u'}');
    }
    return QStringLiteral(R"({"event_id": "E1", "event_code": "%1", "rounds": "1",
        "units": [{"round": 1, "heat": 1, "results": [%2]}]})")
        .arg(code, results.join(u','));
}

// "1,2,2,-": the places a unit's results hold.
QString placesOf(const Unit &unit)
{
    QStringList out;
    for (const auto &r : unit.results)
        out.append(r->place ? QString::number(*r->place) : QStringLiteral("-"));
    return out.join(u',');
}

QString performancesOf(const Unit &unit)
{
    QStringList out;
    for (const auto &r : unit.results)
        out.append(r->performance);
    return out.join(u'|');
}

QString windsOf(const Unit &unit)
{
    QStringList out;
    for (const auto &r : unit.results)
        out.append(r->wind);
    return out.join(u'|');
}

// Works out and writes the proposal for scope; returns it.
Proposal computeAndApply(Document &doc, const Node &scope, int work = compute::Results)
{
    const Proposal p = compute::results(scope, work);
    DocumentEditor(doc).apply(p, QStringLiteral("Compute"));
    return p;
}

const Event &eventWithId(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

bool notesContain(const Proposal &p, const QString &part)
{
    return std::any_of(p.notes.begin(), p.notes.end(),
                       [&part](const QString &n) { return n.contains(part); });
}

} // namespace

class TestCompute : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heatPlaces_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("performances");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("places");
        QTest::addColumn<int>("replaced"); // typed values that change
        QTest::addColumn<QString>("note"); // a part of a note, or empty for none
        QTest::newRow("times in order") << "100"
                                        << "10.50|10.60|10.70"
                                        << "-,-,-"
                                        << "1,2,3" << 0 << "";
        QTest::newRow("a tie shares the place") << "100"
                                                << "10.50|10.60|10.60|10.70"
                                                << "-,-,-,-"
                                                << "1,2,2,4" << 0 << "";
        QTest::newRow("DNS, DNF, DQ unplaced") << "400"
                                               << "50.10|DNS|DQ TR17.3.1|DNF|49.90"
                                               << "1,2,3,4,5"
                                               << "2,-,-,-,1" << 5 << "";
        QTest::newRow("a hand time ties its hundredths") << "200"
                                                         << "21.4|21.40|21.38"
                                                         << "-,-,-"
                                                         << "2,2,1" << 0 << "";
        QTest::newRow("minutes") << "1500"
                                 << "4:01.20|3:59.80|4:01.19"
                                 << "-,-,-"
                                 << "3,1,2" << 0 << "";
        QTest::newRow("typed places already right") << "100"
                                                    << "10.50|10.60"
                                                    << "1,2"
                                                    << "1,2" << 0 << "";
        QTest::newRow("not yet run: typed places stay") << "100"
                                                        << "||"
                                                        << "2,1,3"
                                                        << "2,1,3" << 0 << "";
        QTest::newRow("not yet timed: unplaced") << "100"
                                                 << "10.50||10.40"
                                                 << "-,3,-"
                                                 << "2,-,1" << 1 << "";
        QTest::newRow("a relay") << "4x100"
                                 << "41.87|42.15|DQ"
                                 << "-,-,-"
                                 << "1,2,-" << 0 << "";
        QTest::newRow("a throw without trials: longest first") << "SP"
                                                               << "12.00|13.50|NM"
                                                               << "-,-,-"
                                                               << "2,1,-" << 0 << "";
        QTest::newRow("an unreadable time stops the heat") << "100"
                                                           << "10.50|ten|10.40"
                                                           << "2,1,3"
                                                           << "2,1,3" << 0 << "\"ten\"";
        QTest::newRow("an impossible time stops the heat") << "100"
                                                           << "10.50|1.03"
                                                           << "-,-"
                                                           << "-,-" << 0 << "1.03";
        QTest::newRow("an unknown event is left") << "SACKRACE"
                                                  << "10.50|10.40"
                                                  << "1,2"
                                                  << "1,2" << 0 << "SACKRACE";
    }
    void heatPlaces()
    {
        QFETCH(QString, code);
        QFETCH(QString, performances);
        QFETCH(QString, typed);
        QFETCH(QString, places);
        QFETCH(int, replaced);
        QFETCH(QString, note);
        auto doc = meet(heat(code, performances, typed));
        const Unit &unit = *doc->competition().events[0]->units[0];
        const Proposal p = computeAndApply(*doc, unit);
        QCOMPARE(placesOf(unit), places);
        QCOMPARE(p.replacements(), replaced);
        QCOMPARE(p.notes.isEmpty(), note.isEmpty());
        if (!note.isEmpty())
            QVERIFY2(notesContain(p, note), qPrintable(p.notes.join(u'\n')));
        QCOMPARE(performancesOf(unit), performances); // the performances are the user's
        QVERIFY(compute::results(unit).isEmpty()); // worked out: nothing more to do
    }

    // A field event's Results rows from the trials: horizontal cards are "6.01/+1.2 x -" per
    // athlete (";" between athletes), vertical ones "o xo xxx" at the heights listed.
    void fieldResults_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("heights"); // vertical jumps; empty for the others
        QTest::addColumn<QString>("cards");
        QTest::addColumn<QString>("typed"); // performances typed before ("|")
        QTest::addColumn<QString>("performances");
        QTest::addColumn<QString>("winds");
        QTest::addColumn<QString>("places");
        QTest::newRow("long jump") << "LJ"
                                   << ""
                                   << "5.80/+1.0 x 6.01/+2.4; 6.12/+0.2 5.50/-0.1; x x x"
                                   << "||"
                                   << "6.01|6.12|NM"
                                   << "+2.4|+0.2|"
                                   << "2,1,-";
        QTest::newRow("a tie on the best goes to the next best")
            << "TJ"
            << ""
            << "12.01/+0.3 11.50/+0.1; 12.01/+1.1 11.80/+0.4; 11.90/+0.1"
            << "||"
            << "12.01|12.01|11.90"
            << "+0.3|+1.1|+0.1"
            << "2,1,3";
        QTest::newRow("still equal: shared") << "LJ"
                                             << ""
                                             << "6.00/+0.1 x; x 6.00/+0.5"
                                             << "|"
                                             << "6.00|6.00"
                                             << "+0.1|+0.5"
                                             << "1,1";
        QTest::newRow("equal best: the legal wind's") << "LJ"
                                                      << ""
                                                      << "6.20/+2.6 6.20/+1.9"
                                                      << ""
                                                      << "6.20"
                                                      << "+1.9"
                                                      << "1";
        QTest::newRow("a throw has no wind") << "JT"
                                             << ""
                                             << "44.32 x 43.10; 45.01 - x"
                                             << "|"
                                             << "44.32|45.01"
                                             << "|"
                                             << "2,1";
        QTest::newRow("DQ typed stands") << "SP"
                                         << ""
                                         << "14.20 13.00; 13.50"
                                         << "DQ TR6|"
                                         << "DQ TR6|13.50"
                                         << "|"
                                         << "-,1";
        QTest::newRow("a typed best mark that differs is replaced") << "DT"
                                                                    << ""
                                                                    << "40.10 41.20"
                                                                    << "42.00"
                                                                    << "41.20"
                                                                    << ""
                                                                    << "1";
        QTest::newRow("three equal at 1.70, countback decides")
            << "HJ"
            << "1.60 1.65 1.70 1.75"
            << "o o o xxx; o xo o xxx; xo o xo xxx"
            << "||"
            << "1.70|1.70|1.70"
            << "||"
            << "1,2,3";
        QTest::newRow("countback: failures up to the height") << "PV"
                                                              << "3.00 3.20 3.40"
                                                              << "xo o xxx; o o xxx"
                                                              << "|"
                                                              << "3.20|3.20"
                                                              << "|"
                                                              << "2,1";
        QTest::newRow("equal after countback: the place is shared") << "HJ"
                                                                    << "1.60 1.65 1.70"
                                                                    << "o xo xxx; o xo xxx; o o xxx"
                                                                    << "||"
                                                                    << "1.65|1.65|1.65"
                                                                    << "||"
                                                                    << "2,2,1";
        QTest::newRow("a tie for first stays for a jump-off") << "HJ"
                                                              << "1.60 1.65"
                                                              << "o xxx; o xxx"
                                                              << "|"
                                                              << "1.60|1.60"
                                                              << "|"
                                                              << "1,1";
        QTest::newRow("no height") << "HJ"
                                   << "1.60 1.65"
                                   << "o xxx; xxx"
                                   << "|"
                                   << "1.60|NH"
                                   << "|"
                                   << "1,-";
    }
    void fieldResults()
    {
        QFETCH(QString, code);
        QFETCH(QString, heights);
        QFETCH(QString, cards);
        QFETCH(QString, typed);
        QFETCH(QString, performances);
        QFETCH(QString, winds);
        QFETCH(QString, places);
        QStringList results;
        QStringList trials;
        const QStringList athletes = cards.split(u';');
        const QStringList typedPerformances = typed.split(u'|');
        const QStringList bars = heights.split(u' ', Qt::SkipEmptyParts);
        for (qsizetype a = 0; a < athletes.size(); ++a) {
            const QString bib = QString::number(a + 1);
            const QString before = typedPerformances.value(a);
            results.append(
                before.isEmpty()
                    ? QStringLiteral(R"({"bib": "%1"})").arg(bib)
                    : QStringLiteral(R"({"bib": "%1", "performance": "%2"})").arg(bib, before));
            const QStringList cells = athletes[a].split(u' ', Qt::SkipEmptyParts);
            for (qsizetype i = 0; i < cells.size(); ++i) {
                if (!bars.isEmpty()) {
                    for (const QChar c : cells[i])
                        trials.append(
                            QStringLiteral(R"({"bib": "%1", "height": "%2", "result": "%3"})")
                                .arg(bib, bars[i], QString(c)));
                    continue;
                }
                const QStringList parts = cells[i].split(u'/');
                trials.append(
                    QStringLiteral(R"({"bib": "%1", "round": %2, "result": "%3", "wind": "%4"})")
                        .arg(bib)
                        .arg(i + 1)
                        .arg(parts[0], parts.value(1)));
            }
        }
        QStringList quoted;
        for (const QString &b : bars)
            quoted.append(u'"' + b + u'"');
        auto doc = meet(QStringLiteral(R"({"event_id": "F1", "event_code": "%1", "rounds": "1",
            "units": [{"round": 1, "heat": 1, %2 "results": [%3], "trials": [%4]}]})")
                            .arg(code,
                                 bars.isEmpty()
                                     ? QString()
                                     : QStringLiteral("\"heights\": [%1],").arg(quoted.join(u',')),
                                 results.join(u','), trials.join(u',')));
        const Unit &unit = *doc->competition().events[0]->units[0];
        const auto trialsBefore = children::clone(unit);
        const Proposal p = computeAndApply(*doc, unit);
        QCOMPARE(performancesOf(unit), performances);
        QCOMPARE(windsOf(unit), winds);
        QCOMPARE(placesOf(unit), places);
        QCOMPARE(notesContain(p, QStringLiteral("jump-off")),
                 QByteArray(QTest::currentDataTag()).contains("jump-off"));
        QVERIFY(compute::results(unit).isEmpty());
        // The trials are the user's: never changed.
        const auto &before = static_cast<const Unit &>(*trialsBefore);
        QCOMPARE(unit.trials.size(), before.trials.size());
        for (size_t i = 0; i < unit.trials.size(); ++i)
            QVERIFY(children::sameContent(*unit.trials[i], *before.trials[i]));
    }

    void aMarkWithoutTrialsStopsTheFieldPlaces()
    {
        auto doc = meet(QStringLiteral(R"({"event_id": "F1", "event_code": "LJ", "rounds": "1",
            "units": [{"round": 1, "heat": 1, "results": [
              {"bib": "1", "performance": "6.50", "place": 1}, {"bib": "2", "place": 2}],
              "trials": [{"bib": "2", "round": 1, "result": "6.00"}]}]})"));
        const Unit &unit = *doc->competition().events[0]->units[0];
        const Proposal p = compute::results(unit);
        QVERIFY(notesContain(p, QStringLiteral("1 has a performance (6.50) but no trials")));
        // the second athlete's best is filled; the places stay as typed
        QCOMPARE(p.changes.size(), 1);
        QCOMPARE(compute::describe(p.changes[0]),
                 QStringLiteral("F1 LJ, Round 1, heat 1, 2: performance 6.00"));
    }

    void trialsWithoutAResultAreNamed()
    {
        auto doc = meet(QStringLiteral(R"({"event_id": "F1", "event_code": "SP", "rounds": "1",
            "units": [{"round": 1, "heat": 1, "results": [{"bib": "1"}],
              "trials": [{"bib": "1", "round": 1, "result": "12.00"},
                         {"bib": "4", "round": 1, "result": "13.00"}]}]})"));
        const Proposal p = compute::results(*doc->competition().events[0]->units[0]);
        QVERIFY(notesContain(p, QStringLiteral("4 has trials but no result")));
    }

    void heatsAndTimedFinals()
    {
        auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("compute-meet.json")));
        const Competition &c = doc->competition();
        const Event &hundred = eventWithId(c, QStringLiteral("T01"));
        const Event &eight = eventWithId(c, QStringLiteral("T02"));
        // A heat alone: its own places; the other heats are not touched.
        const Proposal heatOnly = computeAndApply(*doc, *hundred.units[0]);
        QCOMPARE(placesOf(*hundred.units[0]), QStringLiteral("2,1,2,-"));
        QCOMPARE(placesOf(*hundred.units[1]), QStringLiteral("-,-,-"));
        QCOMPARE(heatOnly.replacements(), 2); // 201's typed 3, 204's 4 for a DNS
        // The rest of the event: heats placed heat by heat, the final alone.
        computeAndApply(*doc, hundred);
        QCOMPARE(placesOf(*hundred.units[1]), QStringLiteral("1,-,2"));
        QCOMPARE(placesOf(*hundred.units[2]), QStringLiteral("1,2"));
        // One round of two heats is a timed final: places across both, in each heat's rows.
        const Proposal second = compute::results(*eight.units[1]);
        for (const ProposedChange &change : second.changes)
            QCOMPARE(change.node->parent(), eight.units[1].get());
        computeAndApply(*doc, eight);
        QCOMPARE(placesOf(*eight.units[0]), QStringLiteral("2,4"));
        QCOMPARE(placesOf(*eight.units[1]), QStringLiteral("1,3"));
    }

    void combinedEvents()
    {
        auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("compute-meet.json")));
        const Competition &c = doc->competition();
        const Event &pentathlon = eventWithId(c, QStringLiteral("M01"));
        const Proposal p = computeAndApply(*doc, pentathlon, compute::Points);
        // Each component result scores from the tables (women's lines).
        const auto pointsOf = [&](const char *id) {
            QStringList out;
            for (const auto &r : eventWithId(c, QLatin1StringView(id)).units[0]->results)
                out.append(r->points ? QString::number(*r->points) : QStringLiteral("-"));
            return out.join(u',');
        };
        QCOMPARE(pointsOf("M01a"), QStringLiteral("1017,929,0")); // 8.50, 8.91, DNS
        QCOMPARE(pointsOf("M01b"), QStringLiteral("978,867")); // 1.80, 1.71 (900 typed)
        QCOMPARE(pointsOf("M01c"), QStringLiteral("794,681")); // 14.00, 12.30
        // The standings: 209's row put right, 208's added; 210 has no mark, so no line.
        QCOMPARE(pentathlon.results.size(), size_t(2));
        const Result &iris = *pentathlon.results[0];
        const Result &hana = *pentathlon.results[1];
        QCOMPARE(iris.bib, QStringLiteral("209"));
        QCOMPARE(iris.points.value(), 929 + 867 + 681.0);
        QCOMPARE(iris.performance, QStringLiteral("2477"));
        QCOMPARE(iris.place.value(), 2);
        QCOMPARE(hana.bib, QStringLiteral("208"));
        QCOMPARE(hana.points.value(), 1017 + 978 + 794.0);
        QCOMPARE(hana.place.value(), 1);
        QCOMPARE(p.additions.size(), 1);
        QCOMPARE(p.replacements(), 4); // 900 points; the row's 3000, 3000 and place 1
        QVERIFY(compute::results(pentathlon, compute::Points).isEmpty());

        // A youth event the tables have no line for keeps its typed points, which count.
        const Event &triathlon = eventWithId(c, QStringLiteral("M02"));
        const Proposal youth = computeAndApply(*doc, triathlon, compute::Points);
        QVERIFY2(notesContain(youth, QStringLiteral("no 75")), qPrintable(youth.notes.join(u'\n')));
        QCOMPARE(eventWithId(c, QStringLiteral("M02a")).units[0]->results[0]->points.value(),
                 812.0);
        QCOMPARE(triathlon.results[0]->points.value(), 812 + 537.0);

        // A component's heat brings its parent's standings along.
        const Unit &shot = *eventWithId(c, QStringLiteral("M01c")).units[0];
        DocumentEditor(*doc).setValue(*shot.results[1], QLatin1StringView("performance"),
                                      QStringLiteral("13.10"));
        const Proposal follow = compute::results(shot, compute::Points);
        computeAndApply(*doc, shot, compute::Points);
        QCOMPARE(shot.results[1]->points.value(), 734.0);
        QCOMPARE(iris.points.value(), 929 + 867 + 734.0);
        // 209's points, and her total as points and as text: each replaces what was there
        QCOMPARE(follow.changes.size(), 3);
        QCOMPARE(follow.replacements(), 3);
    }

    void aComponentWithoutPointsStopsTheStandings()
    {
        auto doc = meet(QStringLiteral(R"({"event_id": "M1", "event_code": "TRI", "genders": "F"},
            {"event_id": "M1a", "event_code": "75", "parent": "M1", "units": [{"round": 1,
              "heat": 1, "results": [{"bib": "1", "performance": "10.21"}]}]})"));
        const Proposal p = compute::results(doc->competition());
        QVERIFY(notesContain(p, QStringLiteral("has no points")));
        QVERIFY(p.additions.isEmpty());
    }

    void ageGroups()
    {
        auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("compute-meet.json")));
        const Competition &c = doc->competition();
        const Proposal p = compute::ageGroups(c, AgeGroupRules::ukTrackAndField());
        DocumentEditor(*doc).apply(p, QStringLiteral("Ages"));
        const auto groupOf = [&c](int i) {
            return c.competitors[size_t(i)]->ageGroup;
        };
        QCOMPARE(groupOf(0), QStringLiteral("SEN")); // typed U20: replaced
        QCOMPARE(groupOf(1), QStringLiteral("U20")); // 17 on 31 August
        QCOMPARE(groupOf(3), QStringLiteral("V35")); // 39 on the day
        QCOMPARE(groupOf(10), QStringLiteral("U15")); // 13 on 31 August
        QVERIFY(groupOf(11).isEmpty()); // no date of birth
        QCOMPARE(p.replacements(), 1);
        QCOMPARE(compute::describe(p.changes[0]),
                 QStringLiteral("201 Aled Morgan: age group U20 → SEN"));
        // World Athletics' convention has no U15: the same athlete is U18.
        const Proposal wa = compute::ageGroups(c, AgeGroupRules::worldAthletics());
        const auto kara
            = std::find_if(wa.changes.begin(), wa.changes.end(), [&c](const ProposedChange &ch) {
                  return ch.node == c.competitors[10].get();
              });
        QVERIFY(kara != wa.changes.end());
        QCOMPARE(kara->value.toString(), QStringLiteral("U18"));
        QVERIFY(kara->replaces());
    }

    void ageGroupsNeedTheCompetitionsDate()
    {
        auto doc = meet({});
        DocumentEditor(*doc).setValue(doc->competition(), QLatin1StringView("date"), QDate());
        const Proposal p = compute::ageGroups(doc->competition(), AgeGroupRules::worldAthletics());
        QVERIFY(p.isEmpty());
        QVERIFY(notesContain(p, QStringLiteral("no date")));
    }

    void conventions()
    {
        const auto fallback = compute::ageGroupConvention({}, QStringLiteral("GBR"));
        QCOMPARE(fallback.rules, AgeGroupRules::ukTrackAndField());
        QVERIFY(!fallback.chosen);
        QCOMPARE(fallback.name, QStringLiteral("UK Athletics (track and field)"));
        QCOMPARE(compute::ageGroupConvention({}, QStringLiteral("FRA")).rules,
                 AgeGroupRules::worldAthletics());

        JsonObject kept;
        setMember(kept, compute::ageGroupRulesKey(), AgeGroupRules::europeanAthletics().toJson());
        const auto chosen = compute::ageGroupConvention(kept, QStringLiteral("GBR"));
        QCOMPARE(chosen.rules, AgeGroupRules::europeanAthletics());
        QVERIFY(chosen.chosen);
        QCOMPARE(chosen.name, QStringLiteral("European Athletics"));

        JsonObject broken;
        setMember(broken, compute::ageGroupRulesKey(), JsonValue::string(QStringLiteral("UK")));
        const auto unread = compute::ageGroupConvention(broken, QStringLiteral("GBR"));
        QCOMPARE(unread.rules, AgeGroupRules::ukTrackAndField());
        QVERIFY(!unread.chosen);
        QVERIFY(unread.problem.contains(QStringLiteral("meetdesk.age_group_rules")));
    }

    void aRawValueIsReplacedAndShown()
    {
        auto doc = meet(QStringLiteral(R"({"event_id": "E1", "event_code": "100", "rounds": "1",
            "units": [{"round": 1, "heat": 1, "results": [
              {"bib": "1", "performance": "10.50", "place": "1st"},
              {"bib": "2", "performance": "10.40"}]}]})"));
        const Unit &unit = *doc->competition().events[0]->units[0];
        const Proposal p = compute::results(unit);
        QCOMPARE(p.changes.size(), 2);
        QVERIFY(p.changes[0].replaces()); // "1st" as the reader kept it
        QCOMPARE(p.changes[0].oldText, QStringLiteral("\"1st\""));
        QVERIFY(!p.changes[1].replaces()); // a fill
        QCOMPARE(p.withoutReplacements().changes.size(), 1);
        DocumentEditor(*doc).apply(p, QStringLiteral("Compute"));
        QCOMPARE(placesOf(unit), QStringLiteral("2,1"));
        QVERIFY(unit.results[0]->extras.empty());
    }

    void theSampleHighJumpByCountback()
    {
        auto doc = testdata::loadDocument(); // a copy in memory: the file is not written
        const Unit &hj = *eventWithId(doc->competition(), QStringLiteral("F02")).units[0];
        // The sample holds the places countback gives: clear them, and they come back.
        DocumentEditor edit(*doc);
        for (const auto &r : hj.results)
            edit.setValue(*r, QLatin1StringView("place"), QVariant());
        computeAndApply(*doc, hj, compute::Places);
        QStringList order;
        for (const auto &r : hj.results)
            order.append(r->bib + u'=' + QString::number(r->place.value_or(0)));
        QCOMPARE(order.join(u' '), QStringLiteral("117=1 104=2 118=2 119=4 120=5"));
    }

    void aComputedMeetIsAFixedPoint()
    {
        for (const QString &path :
             {testdata::samplePath(), testdata::fixturePath(QStringLiteral("compute-meet.json"))}) {
            auto doc = testdata::loadDocument(path);
            const Competition &c = doc->competition();
            const Proposal first = computeAndApply(*doc, c);
            QVERIFY(!first.isEmpty());
            const QByteArray once = DocumentFile::serialize(c, doc->meetdeskData());
            QVERIFY(compute::results(c).isEmpty());
            QCOMPARE(DocumentFile::serialize(c, doc->meetdeskData()), once);
        }
    }

    void describesWhere()
    {
        auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("compute-meet.json")));
        const Event &lj = eventWithId(doc->competition(), QStringLiteral("F01"));
        const Proposal p = compute::results(*lj.units[0], compute::Marks);
        QStringList lines;
        for (const ProposedChange &change : p.changes)
            lines.append(compute::describe(change));
        QCOMPARE(lines,
                 QStringList({"F01 Long Jump Women, Final, 208 Hana Ito: performance 6.10 → 6.01",
                              "F01 Long Jump Women, Final, 208 Hana Ito: wind +2.4",
                              "F01 Long Jump Women, Final, 209 Iris Jones: performance 6.01",
                              "F01 Long Jump Women, Final, 209 Iris Jones: wind +1.1",
                              "F01 Long Jump Women, Final, 210 Jade King: performance NM"}));
        QCOMPARE(p.agreed.size(), 0);
        const Proposal pent = compute::results(
            eventWithId(doc->competition(), QStringLiteral("M01")), compute::Points);
        QCOMPARE(compute::describe(pent.additions[0]),
                 QStringLiteral("M01 Pentathlon Women: a new line for 208: 2789 points, place 1"));
    }
};

QTEST_GUILESS_MAIN(TestCompute)
#include "tst_compute.moc"
