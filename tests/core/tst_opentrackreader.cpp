#include "format/opentrackreader.h"
#include "model/children.h"
#include "model/schema.h"
#include "json/jsonpullparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;
using testdata::fixture;

namespace {

QStringList findingLines(const ReadResult &r)
{
    QStringList lines;
    for (const Finding &f : r.findings)
        lines.append(f.toString());
    return lines;
}

} // namespace

class TestOpenTrackReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsV1Names()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("v1-nested.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(findingLines(r), QStringList());
        const Competition &c = *r.competition;
        QCOMPARE(c.country, QStringLiteral("GBR"));
        QCOMPARE(c.organiser, QStringLiteral("3d594650-3436-4c8d-8c4b-6f4c1a2b9e10"));
        QCOMPARE(c.waRankingsCategory, QStringLiteral("F"));
        QCOMPARE(c.date, QDate(2026, 6, 6));
        QCOMPARE(c.latitude.value(), 51.4085);
        QCOMPARE(c.venueId.value(), 118);
        QCOMPARE(c.competitors[1]->competitorId, QStringLiteral("12"));
        QCOMPARE(c.competitors.size(), size_t(6));
        QCOMPARE(c.teams.size(), size_t(2));
        QCOMPARE(c.relayTeams.size(), size_t(1));
        QCOMPARE(c.events.size(), size_t(4));
        const Event &hundred = *c.events[0];
        QCOMPARE(hundred.ageGroups.value(),
                 QStringList({QStringLiteral("SEN"), QStringLiteral("U20")}));
        QCOMPARE(hundred.units[0]->results[0]->wind, QStringLiteral("+1.2"));
        QCOMPARE(hundred.units[0]->results[2]->place, std::optional<int>());
        const Unit &lj = *c.events[2]->units[0];
        QCOMPARE(lj.trials.size(), size_t(6));
        QCOMPARE(lj.trials[0]->round.value(), 1);
        QCOMPARE(lj.trials[0]->result, QStringLiteral("x"));
        const Unit &hj = *c.events[3]->units[0];
        QCOMPARE(
            hj.heights.value(),
            QStringList({QStringLiteral("1.50"), QStringLiteral("1.55"), QStringLiteral("1.60")}));
        QVERIFY(hj.isVerticalJump());
        QCOMPARE(c.relayTeams[0]->runners->size(), 4);
        QCOMPARE(c.competitors[1]->eventsEntered[1]->pb, QStringLiteral("5.81"));
    }

    void keepsUnknownKeysInOrderAtEveryLevel()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("v1-nested.json")));
        const Competition &c = *r.competition;
        QCOMPARE(c.extras.size(), size_t(2));
        QCOMPARE(c.extras[0].key, QStringLiteral("timezone"));
        QCOMPARE(c.extras[1].key, QStringLiteral("sponsors"));
        QCOMPARE(c.extras[1].value.items()[1].find(u"tier")->text(), QStringLiteral("2.5"));
        QCOMPARE(c.teams[0]->extras[0].key, QStringLiteral("colour"));
        QCOMPARE(c.competitors[0]->extras[0].key, QStringLiteral("ea_urn"));
        QCOMPARE(c.competitors[0]->eventsEntered[0]->extras[0].key, QStringLiteral("heat_pref"));
        QCOMPARE(c.relayTeams[0]->extras[0].value, JsonValue::boolean(true));
        QCOMPARE(c.events[0]->extras[0].key, QStringLiteral("wind_gauge"));
        QCOMPARE(c.events[0]->units[0]->results[0]->extras[0].value.text(),
                 QStringLiteral("0.145"));
        QCOMPARE(c.events[2]->units[0]->trials[5]->extras[0].key, QStringLiteral("board"));
    }

    void setsParentLinks()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("v1-nested.json")));
        const Competition &c = *r.competition;
        QCOMPARE(c.parent(), nullptr);
        QCOMPARE(c.competitors[0]->parent(), &c);
        QCOMPARE(c.competitors[0]->eventsEntered[0]->parent(), c.competitors[0].get());
        const Event &e = *c.events[2];
        QCOMPARE(e.parent(), &c);
        QCOMPARE(e.units[0]->parent(), &e);
        QCOMPARE(e.units[0]->results[0]->parent(), e.units[0].get());
        QCOMPARE(e.units[0]->trials[0]->parent(), e.units[0].get());
        QCOMPARE(e.units[0]->trials[0]->kind(), NodeKind::Trial);
    }

    void readsCurrentNames()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("current-nested.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(findingLines(r), QStringList());
        const Competition &c = *r.competition;
        QCOMPARE(c.country, QStringLiteral("GBR"));
        QCOMPARE(c.year, QStringLiteral("2026"));
        QCOMPARE(c.organiser, QStringLiteral("3d594650-3436-4c8d-8c4b-6f4c1a2b9e10"));
        QCOMPARE(c.events[0]->ageGroups.value(),
                 QStringList({QStringLiteral("SEN"), QStringLiteral("U20")}));
        QCOMPARE(c.events[0]->units[0]->results[0]->place.value(), 1); // "1" is a whole number
        QVERIFY(c.extras.empty());
    }

    void readsPublicCamelCaseDownload()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("public-json.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(findingLines(r), QStringList());
        const Competition &c = *r.competition;
        QCOMPARE(c.fullName, QStringLiteral("Kingston Summer League, Match 1"));
        QCOMPARE(c.finishDate, QDate(2026, 6, 6));
        QCOMPARE(c.competitors[0]->competitorId, QStringLiteral("11"));
        QCOMPARE(c.competitors[0]->dateOfBirth, QDate(2001, 3, 14));
        QCOMPARE(c.competitors[0]->eventsEntered[0]->eventId, QStringLiteral("T01"));
        QCOMPARE(c.teams[0]->flagUrl, QStringLiteral(""));
        QVERIFY(!c.teams[0]->flagUrl.isNull()); // present but empty
        QCOMPARE(c.relayTeams[0]->relayTeamId, QStringLiteral("KNG-A"));
        QCOMPARE(c.events[0]->r1Time, QStringLiteral("14:10"));
        QCOMPARE(c.events[0]->units[0]->heatName, QStringLiteral("A string"));
        QCOMPARE(c.events[0]->units[0]->resultsStatus, QStringLiteral("official"));
        QCOMPARE(c.extras.size(), size_t(1));
        QCOMPARE(c.extras[0].key, QStringLiteral("id"));
    }

    void readsTheBundledSample()
    {
        QFile f(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const ReadResult r = OpenTrackReader::read(f.readAll());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(findingLines(r), QStringList());
        QCOMPARE(r.competition->competitors.size(), size_t(40));
        QCOMPARE(findMember(r.meetdesk, u"format_version")->text(), QStringLiteral("1"));
    }

    void wrongValuesAreFindingsAndKeptRaw()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("bad-values.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QStringList expected {
            QStringLiteral("date: expected a date as YYYY-MM-DD, got \"16/05/2026\""),
            QStringLiteral("latitude: expected a number, got \"north\""),
            QStringLiteral("competitors[1].first_name: expected text, got a list"),
            QStringLiteral("teams: expected a list, got an object"),
            QStringLiteral("relay_teams[0].runners: expected a list of text, got an object in it"),
            QStringLiteral("events[0].day: expected a whole number, got 1.5"),
            QStringLiteral(
                "events[0].units[0].results[2].place: expected a whole number, got \"1st\""),
            QStringLiteral(
                "events[1].units[0].results[1]: expected an object, got 7; the whole list "
                "is kept as written and not loaded"),
        };
        QCOMPARE(findingLines(r), expected);
        const Competition &c = *r.competition;
        QVERIFY(!c.date.isValid());
        QCOMPARE(findMember(c.extras, u"date")->text(), QStringLiteral("16/05/2026"));
        QVERIFY(c.teams.empty());
        QVERIFY(findMember(c.extras, u"teams")->isObject());
        QCOMPARE(c.competitors[1]->competitorId, QStringLiteral("2"));
        QVERIFY(!c.competitors[0]->dateOfBirth.isValid());
        QCOMPARE(findMember(c.competitors[0]->extras, u"date_of_birth")->text(),
                 QStringLiteral(""));
        const Unit &unit = *c.events[0]->units[0];
        QCOMPARE(unit.results.size(), size_t(3)); // the rest of the file still opens
        QVERIFY(findMember(unit.results[1]->extras, u"place")->isNull());
        QCOMPARE(unit.results[2]->lane.value(), 4);
        QCOMPARE(unit.results[2]->performance, QStringLiteral("10.90"));
        QVERIFY(c.events[1]->units[0]->results.empty());
        QCOMPARE(findMember(c.events[1]->units[0]->extras, u"results")->items().size(), size_t(2));
        QCOMPARE(r.findings[6].node, unit.results[2].get());
    }

    void duplicateKeysAreKept()
    {
        const ReadResult r = OpenTrackReader::read(R"({"slug": "a", "slug": "b"})");
        QCOMPARE(findingLines(r),
                 QStringList {
                     QStringLiteral("slug: appears twice; the second value is kept as written")});
        QCOMPARE(r.competition->slug, QStringLiteral("a"));
        QCOMPARE(r.competition->extras[0].value.text(), QStringLiteral("b"));
        QCOMPARE(r.findings[0].severity, Finding::Severity::Warning);
    }

    // The typed value is what edits and validation see; the spelling (schema.h) is what goes
    // back out.
    void numbersAreTypedAndKeepTheirSpelling()
    {
        const ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("numbers.json")));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(findingLines(r), QStringList());
        const Unit &unit = *r.competition->events[0]->units[0];
        const Result &result = *unit.results[0];
        QCOMPARE(unit.distance, QStringLiteral("800"));
        QCOMPARE(unit.heat, 2);
        QCOMPARE(*unit.heights, (QStringList {QStringLiteral("2.10"), QStringLiteral("2.15")}));
        QCOMPARE(result.bib, QStringLiteral("12345678901234567890"));
        QCOMPARE(*result.points, 12345678901234567890.0);
        QCOMPARE(r.competition->competitors[0]->competitorId,
                 QStringLiteral("12345678901234567890"));
        QCOMPARE(*r.competition->latitude, 51.5);
        QCOMPARE(*r.competition->ageGroups, QStringList {QStringLiteral("ALL")});

        const auto spelled = [](const auto &node, const char *name) {
            const int f = fields::indexOf(node.kind(), QLatin1StringView(name));
            const std::optional<JsonValue> v = spelledValue(node, f, true);
            return v ? (v->isNumber() ? QStringLiteral("n:") : QStringLiteral("s:")) + v->text()
                     : QString();
        };
        QCOMPARE(spelled(unit, "distance"), QStringLiteral("n:800"));
        QCOMPARE(spelled(unit, "heat"), QStringLiteral("s:2"));
        QCOMPARE(spelled(unit, "round"), QString()); // 1 is written as 1 anyway
        QCOMPARE(spelled(result, "points"), QStringLiteral("n:12345678901234567890"));
        QCOMPARE(spelled(result, "performance"), QStringLiteral("n:10.50"));
        QCOMPARE(spelled(*r.competition, "latitude"), QStringLiteral("n:51.50"));
        QCOMPARE(spelled(*r.competition, "venue_id"), QStringLiteral("n:-0"));
        QCOMPARE(spelled(*r.competition, "age_groups"), QStringLiteral("s:ALL"));
        QCOMPARE(spelled(*r.competition->events[0], "age_groups"), QStringLiteral("s:SEN, U20"));
        QVERIFY(r.competition->events[1]->spellings.empty());
    }

    void meetdeskTwiceIsKeptAsWritten()
    {
        const ReadResult r = OpenTrackReader::read(
            R"({"meetdesk": {"format_version": 1}, "meetdesk": {"sync": 1}})");
        QVERIFY(r.ok());
        QCOMPARE(findingLines(r),
                 QStringList {QStringLiteral(
                     "meetdesk: appears twice; the second value is kept as written")});
        QCOMPARE(r.meetdesk.size(), size_t(1));
        QVERIFY(findMember(r.competition->extras, u"meetdesk")->isObject());
    }

    void numbersOutOfRange_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("finding");
        QTest::newRow("huge place")
            << QByteArray(R"({"events": [{"units": [{"round": 99999999999}]}]})")
            << QStringLiteral("events[0].units[0].round: expected a whole number, got 99999999999");
        QTest::newRow("exponent place")
            << QByteArray(R"({"events": [{"units": [{"heat": 1e2}]}]})")
            << QStringLiteral("events[0].units[0].heat: expected a whole number, got 1e2");
        QTest::newRow("boolean text") << QByteArray(R"({"full_name": true})")
                                      << QStringLiteral("full_name: expected text, got true");
        QTest::newRow("not a date")
            << QByteArray(R"({"date": "2026-02-30"})")
            << QStringLiteral("date: expected a date as YYYY-MM-DD, got \"2026-02-30\"");
        QTest::newRow("meetdesk not an object")
            << QByteArray(R"({"meetdesk": 3})")
            << QStringLiteral("meetdesk: expected an object, got 3");
    }
    void numbersOutOfRange()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, finding);
        const ReadResult r = OpenTrackReader::read(json);
        QVERIFY(r.ok());
        QCOMPARE(findingLines(r), QStringList {finding});
    }

    void fatalErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("a list")
            << QByteArray("[1]")
            << QStringLiteral(
                   "the file must hold one competition (a JSON object), but it holds a list");
        QTest::newRow("a string")
            << QByteArray("\"x\"")
            << QStringLiteral(
                   "the file must hold one competition (a JSON object), but it holds \"x\"");
        QTest::newRow("syntax error deep inside")
            << QByteArray("{\"events\": [{\"units\": [{\"results\": [{\"bib\": 1,}]}]}]}")
            << QStringLiteral("line 1, column 47: a comma before '}' has nothing after it");
        QTest::newRow("truncated") << QByteArray("{\"full_name\": \"x\",\n \"events\": [1, 2")
                                   << QStringLiteral("line 2, column 17: unexpected end of file");
    }
    void fatalErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const ReadResult r = OpenTrackReader::read(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, error);
        QVERIFY(r.findings.isEmpty());
    }

    void missingFile()
    {
        const ReadResult r = OpenTrackReader::readFile(QStringLiteral("/nonexistent/meet.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error, QStringLiteral("cannot open the file: No such file or directory"));
    }

    // Random damage to a real file must never crash, hang or leave a half-read competition.
    void survivesDamagedFiles()
    {
        QFile f(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        QRandomGenerator rng(20261128);
        for (int i = 0; i < 400; ++i) {
            QByteArray damaged = original;
            const int edits = int(rng.bounded(1, 4));
            for (int k = 0; k < edits; ++k) {
                const auto at = qsizetype(rng.bounded(quint32(damaged.size())));
                switch (rng.bounded(4)) {
                case 0:
                    damaged.truncate(at);
                    break;
                case 1:
                    damaged[at] = char(rng.bounded(256));
                    break;
                case 2:
                    damaged.remove(at, qsizetype(rng.bounded(1, 40)));
                    break;
                default:
                    damaged.insert(at, "{[\"\\,:0"[rng.bounded(7)]);
                    break;
                }
                if (damaged.isEmpty())
                    break;
            }
            const ReadResult r = OpenTrackReader::read(damaged);
            QVERIFY(r.ok() != !r.error.isEmpty());
            if (!r.ok())
                QVERIFY2(r.error.startsWith(QStringLiteral("line "))
                             || r.error.startsWith(QStringLiteral("the file")),
                         qPrintable(r.error));
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenTrackReader)
#include "tst_opentrackreader.moc"
