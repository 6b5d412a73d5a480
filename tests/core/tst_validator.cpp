#include "format/opentrackreader.h"
#include "rules/validator.h"

#include <QFile>
#include <QTest>

using namespace meetdesk;

namespace {

QStringList check(const QByteArray &json)
{
    const ReadResult r = OpenTrackReader::read(json);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    QStringList lines;
    for (const Finding &f : Validator::validate(*r.competition))
        lines.append(
            (f.severity == Finding::Severity::Warning ? QStringLiteral("W ") : QStringLiteral("E "))
            + f.toString());
    return lines;
}

const char *const validHead = R"("full_name": "Open", "slug": "open-2026", "country": "GBR",
    "date": "2026-05-16", "finish_date": "2026-05-16")";

QByteArray meet(const char *rest)
{
    return QByteArray("{") + validHead + (rest[0] ? ", " : "") + rest + "}";
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleIsClean()
    {
        QFile f(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
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
            {"E full_name: is required", "E slug: is required", "E country: is required",
             "E date: is required", "E finish_date: is required"});
        row("bad slug and country",
            R"({"full_name": "x", "slug": "My Meet", "country": "uk", "date": "2026-05-16", "finish_date": "2026-05-15", "organiser": "abc"})",
            {"E slug: \"My Meet\" must be lower-case letters, digits, '-' or '_', without spaces",
             "E country: \"uk\" is not a three-letter country code such as GBR",
             "E finish_date: 2026-05-15 is before the start date 2026-05-16",
             "E organiser: \"abc\" is not a UUID"});
        row("competitors",
            meet(
                R"("teams": [{"team_id": "A"}], "competitors": [{"competitor_id": "1", "gender": "Q"},
                 {"competitor_id": "1", "team_id": "B"}, {"first_name": "x", "events_entered": [{"event_id": "E9"}]}])"),
            {"E competitors[0].gender: \"Q\" is not M, F or X",
             "E competitors[1].competitor_id: \"1\" is used by competitors[0] too",
             "W competitors[1].team_id: no team has the id \"B\"",
             "E competitors[2].competitor_id: is required",
             "W competitors[2].events_entered[0].event_id: no event has the id \"E9\""});
        row("teams", meet(R"("teams": [{"team_id": "A"}, {"team_id": "A"}, {"team_name": "x"}])"),
            {"E teams[1].team_id: \"A\" is used by teams[0] too",
             "E teams[2].team_id: is required"});
        row("relay teams",
            meet(
                R"("competitors": [{"competitor_id": "1"}], "events": [{"event_id": "R1", "event_code": "4x100"}],
                 "relay_teams": [{"relay_team_id": "1", "event_id": "R1", "runners": ["1", "9"]}, {"relay_team_id": "A"}])"),
            {"E relay_teams[0].relay_team_id: \"1\" is also a competitor's bib, so results cannot "
             "tell them apart",
             "W relay_teams[0].runners: no competitor has the bib \"9\"",
             "E relay_teams[1].event_id: is required"});
        row("events",
            meet(
                R"("events": [{"event_id": "T1", "event_code": "100", "category": "SM", "genders": "W", "rounds": "8;3"},
                 {"event_id": "T1", "event_code": "100", "category": "SM", "parent": "M9"}, {"name": "x"}])"),
            {"E events[0].genders: \"W\" is not M, F or MF",
             "E events[0].rounds: \"8;3\" is not heats per round such as \"8,3,1\"",
             "E events[1].event_id: \"T1\" is used by events[0] too",
             "E events[1].event_code: 100 for category \"SM\" is already events[0]",
             "E events[1].parent: no event has the id \"M9\"", "E events[2].event_id: is required",
             "E events[2].event_code: is required"});
        row("units and results",
            meet(
                R"("competitors": [{"competitor_id": "1"}], "events": [{"event_id": "T1", "event_code": "100",
                 "units": [{"round": 1, "heat": 1, "results_status": "final", "results": [{"bib": "1", "place": 0}, {"bib": "2"}, {"place": 2}]},
                           {"round": 1, "heat": 1, "trials": [{"bib": "3", "round": 1, "result": "x"}]}, {}]}])"),
            {"W events[0].units[0].results_status: \"final\" is neither provisional nor official",
             "E events[0].units[0].results[0].place: 0 is not a place (1 or more)",
             "W events[0].units[0].results[1].bib: no competitor or relay team has the bib \"2\"",
             "E events[0].units[0].results[2].bib: is required",
             "E events[0].units[1]: round 1 heat 1 is already events[0].units[0]",
             "W events[0].units[1].trials[0].bib: no competitor has the bib \"3\"",
             "E events[0].units[2].round: is required", "E events[0].units[2].heat: is required"});
    }
    void rules()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, findings);
        QCOMPARE(check(json), findings);
    }

    void findingsPointAtTheirNode()
    {
        const ReadResult r = OpenTrackReader::read(meet(R"("teams": [{"team_id": "A"}, {}])"));
        const QList<Finding> findings = Validator::validate(*r.competition);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].node, r.competition->teams[1].get());
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
