#include "format/opentrackreader.h"
#include "rules/validator.h"
#include "testdata.h"

#include <QFile>
#include <QTest>

using namespace meetdesk;

namespace {

// "E rule path: message", "W ..." for warnings.
QStringList lines(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(
            (f.severity == Finding::Severity::Warning ? QStringLiteral("W ") : QStringLiteral("E "))
            + f.rule + u' ' + f.toString());
    return out;
}

std::unique_ptr<Competition> read(const QByteArray &json)
{
    ReadResult r = OpenTrackReader::read(json);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    if (!r.findings.isEmpty())
        qFatal("%s", qPrintable(r.findings.first().toString()));
    return std::move(r.competition);
}

QStringList check(const QByteArray &json)
{
    return lines(Validator::validate(*read(json)));
}

const char *const validHead = R"("full_name": "Open", "slug": "open-2026", "country": "GBR",
    "date": "2026-05-16", "finish_date": "2026-05-16")";

QByteArray meet(const char *rest)
{
    return QByteArray("{") + validHead + (rest[0] ? ", " : "") + rest + "}";
}

// Athletes for the rows below: 1 to 4 men born in 1990, 5 a woman, 6 a man born in 1985.
const char *const athletes = R"("competitors": [
    {"competitor_id": "1", "gender": "M", "date_of_birth": "1990-01-01"},
    {"competitor_id": "2", "gender": "M", "date_of_birth": "1990-01-01"},
    {"competitor_id": "3", "gender": "M", "date_of_birth": "1990-01-01"},
    {"competitor_id": "4", "gender": "M", "date_of_birth": "1990-01-01"},
    {"competitor_id": "5", "gender": "F", "date_of_birth": "1990-01-01"},
    {"competitor_id": "6", "gender": "M", "date_of_birth": "1985-01-01"}])";

// A meet with those athletes and one event given in JSON.
QByteArray withEvent(const char *event)
{
    const QByteArray rest = QByteArray(athletes) + ", \"events\": [" + event + "]";
    return meet(rest.constData());
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleIsClean()
    {
        QFile f(testdata::samplePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(check(f.readAll()), QStringList());
    }

    void rules_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("findings");
        auto row = [](const char *name, const QByteArray &json, QStringList findings) {
            QTest::newRow(name) << json << findings;
        };
        row("minimal valid", meet(""), {});
        row("empty competition", "{}",
            {"E required full_name: is required", "E required slug: is required",
             "E required country: is required", "E required date: is required",
             "E required finish_date: is required"});
        row("bad slug and country",
            R"({"full_name": "x", "slug": "My Meet", "country": "uk", "date": "2026-05-16", "finish_date": "2026-05-15", "organiser": "abc"})",
            {"E slug-form slug: \"My Meet\" must be lower-case letters, digits, '-' or '_', "
             "without spaces",
             "E country-code country: \"uk\" is not a three-letter country code such as GBR",
             "E date-order finish_date: 2026-05-15 is before the start date 2026-05-16",
             "E uuid-form organiser: \"abc\" is not a UUID"});
        row("competitors",
            meet(
                R"("teams": [{"team_id": "A"}], "competitors": [{"competitor_id": "1", "gender": "Q"},
                 {"competitor_id": "1", "team_id": "B", "last_name": "Lee"}, {"first_name": "x", "events_entered": [{"event_id": "E9"}]},
                 {"competitor_id": "7", "date_of_birth": "2030-02-01", "ot_athlete_id": "nope"}])"),
            {"E duplicate-bib competitors[0].competitor_id: \"1\" is also the bib of competitor 1 "
             "Lee",
             "E value-choice competitors[0].gender: \"Q\" is not M, F or X",
             "E duplicate-bib competitors[1].competitor_id: \"1\" is also the bib of competitor 1",
             "W unknown-team competitors[1].team_id: no team has the id \"B\"",
             "E required competitors[2].competitor_id: is required",
             "E unknown-event competitors[2].events_entered[0].event_id: no event has the id "
             "\"E9\"",
             "E uuid-form competitors[3].ot_athlete_id: \"nope\" is not a UUID",
             "E birth-date competitors[3].date_of_birth: 2030-02-01 is after the competition "
             "(2026-05-16)"});
        row("team ids are not checked without teams",
            meet(R"("competitors": [{"competitor_id": "1", "team_id": "RSH"}])"), {});
        row("teams", meet(R"("teams": [{"team_id": "A"}, {"team_id": "A"}, {"team_name": "x"}])"),
            {"E duplicate-team teams[0].team_id: \"A\" is also the id of team A",
             "E duplicate-team teams[1].team_id: \"A\" is also the id of team A",
             "E required teams[2].team_id: is required"});
        row("relay teams",
            meet(
                R"("competitors": [{"competitor_id": "1", "team_id": "A"}, {"competitor_id": "2", "team_id": "B"}],
                 "teams": [{"team_id": "A"}, {"team_id": "B"}],
                 "events": [{"event_id": "R1", "event_code": "4x100"}, {"event_id": "R2", "event_code": "4x400"}],
                 "relay_teams": [{"relay_team_id": "1", "event_id": "R1", "team_id": "A", "runners": ["1", "9", "2", "2"]},
                                 {"relay_team_id": "A2", "event_id": "R1", "team_id": "B", "runners": ["2"]},
                                 {"relay_team_id": "A3", "event_id": "R2", "team_id": "B", "runners": ["2"]},
                                 {"relay_team_id": "A4"}])"),
            {"E duplicate-bib competitors[0].competitor_id: \"1\" is also the bib of relay team 1",
             "E duplicate-bib relay_teams[0].relay_team_id: \"1\" is also the bib of competitor "
             "1: results cannot tell them apart",
             "E relay-runner-unknown relay_teams[0].runners: no competitor has the bib \"9\"",
             "E relay-runner-twice relay_teams[0].runners: 2 also runs for relay team A2 in the "
             "same event",
             "W relay-runner-club relay_teams[0].runners: 2 belongs to the team B, not A",
             "E relay-runner-twice relay_teams[0].runners: 2 is listed twice in this team",
             "E relay-runner-twice relay_teams[1].runners: 2 also runs for relay team 1 in the "
             "same event",
             "E required relay_teams[3].event_id: is required"});
        row("events",
            meet(
                R"("events": [{"event_id": "T1", "event_code": "100", "category": "SM", "genders": "W", "rounds": "8;3"},
                 {"event_id": "T1", "event_code": "100", "category": "SM", "parent": "M9", "rounds": "2,0"}, {"name": "x"}])"),
            {"E duplicate-event-id events[0].event_id: \"T1\" is also the id of event T1 100",
             "E duplicate-event events[0].event_code: 100 for category \"SM\" is also event T1 "
             "100: OpenTrack takes one event for each",
             "E value-choice events[0].genders: \"W\" is not M, F or MF",
             "E rounds-form events[0].rounds: \"8;3\" is not heats per round such as \"8,3,1\"",
             "E duplicate-event-id events[1].event_id: \"T1\" is also the id of event T1 100",
             "E duplicate-event events[1].event_code: 100 for category \"SM\" is also event T1 "
             "100: OpenTrack takes one event for each",
             "E rounds-form events[1].rounds: \"2,0\" is not heats per round such as \"8,3,1\"",
             "E unknown-event events[1].parent: no event has the id \"M9\"",
             "E required events[2].event_id: is required",
             "E required events[2].event_code: is required"});
        row("units and results",
            meet(
                R"("competitors": [{"competitor_id": "1"}], "events": [{"event_id": "T1", "event_code": "100", "rounds": "1",
                 "units": [{"round": 1, "heat": 1, "results_status": "final", "results": [{"bib": "1", "place": 0}, {"bib": "2"}, {"place": 2}]},
                           {"round": 1, "heat": 1, "trials": [{"bib": "3", "round": 1, "result": "x"}]}, {}]}])"),
            {"E duplicate-heat events[0].units[0].heat: round 1 heat 1 is listed 2 times in this "
             "event",
             "W results-status events[0].units[0].results_status: \"final\" is neither "
             "provisional nor official",
             "E place-value events[0].units[0].results[0].place: 0 is not a place (1 or more)",
             "E unknown-bib events[0].units[0].results[1].bib: no competitor or relay team has "
             "the bib \"2\"",
             "E required events[0].units[0].results[2].bib: is required",
             "E duplicate-heat events[0].units[1].heat: round 1 heat 1 is listed 2 times in this "
             "event",
             "E unknown-bib events[0].units[1].trials[0].bib: no competitor has the bib \"3\"",
             "E required events[0].units[2].round: is required",
             "E required events[0].units[2].heat: is required"});
        row("performances and wind",
            withEvent(
                R"({"event_id": "T1", "event_code": "100", "genders": "M", "units": [{"round": 1, "heat": 1, "results": [
                   {"bib": "1", "performance": "abc"}, {"bib": "2", "performance": "1.03", "wind": "calm"},
                   {"bib": "3", "performance": "dq tr16.8", "wind": "+2,3"}, {"bib": "4", "performance": "10,37"}]}]},
                 {"event_id": "X1", "event_code": "SHUTTLE", "units": [{"round": 1, "heat": 1, "results": [{"bib": "6", "performance": "fast"}]}]})"),
            {"E performance events[0].units[0].results[0].performance: \"abc\" is not a time such "
             "as 10.37, 1:30.59 or 2:02:57",
             "E performance events[0].units[0].results[1].performance: \"1.03\" over 100 m would "
             "be faster than 11 m/s: check the time",
             "E wind events[0].units[0].results[1].wind: \"calm\" is not a wind reading such as "
             "+1.2 or -0.4"});
        row("places",
            withEvent(
                R"({"event_id": "T1", "event_code": "100", "genders": "M", "rounds": "3", "units": [
                   {"round": 1, "heat": 1, "results": [{"bib": "1", "place": 1, "performance": "10.50"}, {"bib": "2", "place": 1, "performance": "10.60"}]},
                   {"round": 1, "heat": 2, "results": [{"bib": "3", "place": 2, "performance": "10.50"}, {"bib": "4", "place": 1, "performance": "10.70"},
                                                       {"bib": "6", "place": 3, "performance": "DNF"}]},
                   {"round": 1, "heat": 3, "results": [{"bib": "5", "place": 1, "performance": "11.00"}, {"bib": "1", "place": 1, "performance": "11.00"}]}]})"),
            {"E two-heats events[0].units[0].results[0].bib: 1 is also in heat 3 of round 1",
             "E place-duplicate events[0].units[0].results[1].place: place 1 is also given to 1, "
             "whose result is better: only a tie shares a place",
             "E place-order events[0].units[1].results[1].place: placed 1, ahead of 3 (placed 2), "
             "whose result is better",
             "E place-order events[0].units[1].results[2].place: placed 3, but DNF takes no place",
             "E eligibility events[0].units[2].results[0].bib: 5 in T1 100: gender F is not "
             "allowed in an event for men",
             "E two-heats events[0].units[2].results[1].bib: 1 is also in heat 1 of round 1"});
        row("photo finish",
            withEvent(
                R"({"event_id": "T1", "event_code": "100", "units": [{"round": 1, "heat": 1, "results": [
                   {"bib": "1", "place": 1, "performance": "10.50"}, {"bib": "2", "place": 2, "performance": "10.50"},
                   {"bib": "3", "place": 3, "performance": "10.60"}, {"bib": "4", "place": 3, "performance": "10.60"}]}]})"),
            {});
        row("heats",
            withEvent(
                R"({"event_id": "T1", "event_code": "100", "rounds": "2,1", "units": [
                   {"round": 1, "heat": 1, "results": [{"bib": "1"}, {"bib": "1"}]}, {"round": 1, "heat": 3},
                   {"round": 2, "heat": 1, "results": [{"bib": "1"}]}, {"round": 3, "heat": 1}]},
                 {"event_id": "T2", "event_code": "200", "units": [{"round": 1, "heat": 1}, {"round": 1, "heat": 2}]})"),
            {"E bib-twice-in-heat events[0].units[0].results[0].bib: 1 is listed 2 times in this "
             "heat",
             "E bib-twice-in-heat events[0].units[0].results[1].bib: 1 is listed 2 times in this "
             "heat",
             "E heats-vs-rounds events[0].units[1].heat: the event's rounds \"2,1\" give round 1 2 "
             "heat(s), so no heat 3",
             "E heats-vs-rounds events[0].units[3].round: the event's rounds \"2,1\" have no round "
             "3",
             "E heats-vs-rounds events[1].units[1].heat: the event's rounds \"1\" give round 1 1 "
             "heat(s), so no heat 2"});
        row("eligibility",
            meet(
                R"("events": [{"event_id": "W1", "event_code": "100", "category": "U20W", "age_groups": "U20"},
                               {"event_id": "M1", "event_code": "100", "genders": "M", "age_groups": "SEN"}],
                  "competitors": [
                   {"competitor_id": "7", "gender": "M", "date_of_birth": "1985-01-01", "events_entered": [{"event_id": "W1"}, {"event_id": "M1"}]},
                   {"competitor_id": "8", "gender": "F", "date_of_birth": "2009-01-01", "events_entered": [{"event_id": "W1"}]},
                   {"competitor_id": "9", "gender": "F", "date_of_birth": "2027-01-01", "events_entered": [{"event_id": "W1"}]}])"),
            {"E eligibility competitors[0].events_entered[0].event_id: 7 in W1 100: gender M is "
             "not allowed in an event for women",
             "E birth-date competitors[2].date_of_birth: 2027-01-01 is after the competition "
             "(2026-05-16)"});
        row("an age outside the event's",
            meet(
                R"("events": [{"event_id": "W1", "event_code": "100", "genders": "F", "age_groups": "U20"}],
                  "competitors": [{"competitor_id": "7", "gender": "F", "date_of_birth": "1985-01-01", "events_entered": [{"event_id": "W1"}]}])"),
            {"E eligibility competitors[0].events_entered[0].event_id: 7 in W1 100: is V40 by the "
             "competition's age rules; the event is for U20"});
        row("horizontal series",
            withEvent(
                R"({"event_id": "F1", "event_code": "LJ", "max_field_attempts": 4, "units": [{"round": 1, "heat": 1, "results": [
                   {"bib": "1", "place": 2, "performance": "7.00"}, {"bib": "2", "place": 1, "performance": "6.50"}], "trials": [
                   {"bib": "1", "round": 1, "result": "7.00", "wind": "+1.0"}, {"bib": "1", "round": 5, "result": "x"},
                   {"bib": "2", "round": 1, "result": "6.50", "wind": "windy"}, {"bib": "2", "round": 2, "result": "25.00"}]}]})"),
            {"E place-order events[0].units[0].results[1].place: placed 1, ahead of 1 (placed 2), "
             "whose result is better",
             "E trial-beyond-attempts events[0].units[0].trials[1].round: attempt 5 is beyond the "
             "4 attempt(s) this competition allows",
             "E wind events[0].units[0].trials[2].wind: \"windy\" is not a wind reading such as "
             "+1.2 or -0.4",
             "E trial-value events[0].units[0].trials[3].result: \"25.00\" m is longer than any "
             "jump ever made: check the mark"});
        // 1 clears both heights first time; 2 and 4 tie, one failure at 1.70; 3 is fourth,
        // two attempts at 1.80. 6, not in the results, jumps again after three failures.
        row("vertical series",
            withEvent(
                R"({"event_id": "F2", "event_code": "HJ", "units": [{"round": 1, "heat": 1,
                   "heights": ["1.70", "1.80", "1.75", "high"], "results": [
                   {"bib": "1", "place": 1, "performance": "1.80"}, {"bib": "2", "place": 2, "performance": "1.80"},
                   {"bib": "4", "place": 3, "performance": "1.80"}, {"bib": "3", "place": 4, "performance": "1.80"}], "trials": [
                   {"bib": "1", "height": "1.70", "result": "o"}, {"bib": "1", "height": "1.80", "result": "o"},
                   {"bib": "1", "height": "1.70", "result": "?"},
                   {"bib": "2", "height": "1.70", "result": "x"}, {"bib": "2", "height": "1.70", "result": "o"},
                   {"bib": "2", "height": "1.80", "result": "o"}, {"bib": "2", "height": "1.90", "result": "x"},
                   {"bib": "3", "height": "1.70", "result": "o"}, {"bib": "3", "height": "1.80", "result": "x"},
                   {"bib": "3", "height": "1.80", "result": "o"},
                   {"bib": "4", "height": "1.70", "result": "x"}, {"bib": "4", "height": "1.70", "result": "o"},
                   {"bib": "4", "height": "1.80", "result": "o"},
                   {"bib": "6", "height": "1.70", "result": "x"}, {"bib": "6", "height": "1.70", "result": "x"},
                   {"bib": "6", "height": "1.70", "result": "x"}, {"bib": "6", "height": "1.80", "result": "o"}]}]})"),
            {"E heights-order events[0].units[0].heights: \"high\" is not a height such as 1.85",
             "E heights-order events[0].units[0].heights: 1.75 m is not above the height before "
             "it, 1.80 m",
             "E place-order events[0].units[0].results[2].place: placed 3, but ties with 2 "
             "(placed 2): they share the place",
             "E trial-value events[0].units[0].trials[2].result: \"?\": attempts at a height are "
             "written with o (clear), x (failure), - (pass) and r (retired)",
             "E trial-height events[0].units[0].trials[6].height: 1.90 m is not one of this "
             "heat's heights",
             "E trial-after-out events[0].units[0].trials[16].result: 6 was already out: three "
             "failures in a row, or retired"});
    }
    void rules()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, findings);
        QCOMPARE(check(json), findings);
    }

    void findingsPointAtTheirNode()
    {
        const auto c = read(meet(R"("teams": [{"team_id": "A"}, {}])"));
        const QList<Finding> findings = Validator::validate(*c);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].node, c->teams[1].get());
        QCOMPARE(findings[0].rule, QStringLiteral("required"));
    }

    // Age groups follow the competition's convention: born on 1 September 2009, an athlete
    // is 16 on 31 August 2026 (UK Athletics: U17) but 17 on 31 December (World Athletics).
    void ageGroupsByTheGivenRules()
    {
        const auto c = read(meet(
            R"("events": [{"event_id": "G1", "event_code": "100", "genders": "F", "age_groups": "U17"}],
                   "competitors": [{"competitor_id": "8", "gender": "F", "date_of_birth": "2009-09-01", "events_entered": [{"event_id": "G1"}]}])"));
        QCOMPARE(lines(Validator::validate(*c, AgeGroupRules::ukTrackAndField())), QStringList());
        const QStringList byWorldAthletics {
            "E eligibility competitors[0].events_entered[0].event_id: 8 in G1 100: is U18 by the "
            "competition's age rules; the event is for U17"};
        QCOMPARE(lines(Validator::validate(*c, AgeGroupRules::worldAthletics())), byWorldAthletics);
        QCOMPARE(lines(Validator::validate(*c)), byWorldAthletics);
    }

    void ruleIdsAreUnique()
    {
        const QStringList ids = Validator::ruleIds();
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        QVERIFY(ids.contains(QStringLiteral("duplicate-bib")));
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
