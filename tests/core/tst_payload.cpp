#include "opentrack/payload.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

JsonValue json(const char *text)
{
    QString error;
    const JsonValue v = payload::parse(QByteArrayView(text, qsizetype(qstrlen(text))), &error);
    if (!error.isEmpty())
        qFatal("bad test JSON: %s", qPrintable(error));
    return v;
}

} // namespace

class TestPayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsInCurrentNames()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath(QStringLiteral("v1-nested.json")));
        const Competition &c = doc->competition();
        const JsonValue competition = payload::of(c);
        QCOMPARE(payload::textOf(competition, u"country"), QStringLiteral("GBR"));
        QVERIFY(!competition.find(u"country_id"));
        QCOMPARE(competition.find(u"venue_id")->type(), JsonValue::Type::Number);
        QCOMPARE(payload::textOf(competition, u"venue_id"), QStringLiteral("118"));
        QCOMPARE(payload::textOf(competition, u"timezone"),
                 QStringLiteral("Europe/London")); // extras go too
        QVERIFY(!competition.find(u"competitors"));
        const JsonValue event = payload::of(*c.events[0]);
        QCOMPARE(payload::textOf(event, u"age_groups"), QStringLiteral("SEN,U20"));
        const JsonValue unit = payload::of(*c.events[2]->units[0]);
        QVERIFY(!unit.find(u"round"));
        QCOMPARE(unit.find(u"trials")->items().size(), size_t(6));
        QCOMPARE(payload::textOf(unit.find(u"trials")->items()[5], u"board"),
                 QStringLiteral("over"));
        QCOMPARE(payload::of(*c.competitors[0]).find(u"events_entered")->items().size(), size_t(2));
        QVERIFY(payload::of(*c.competitors[0]->eventsEntered[0]).isNull()); // not on its own
    }

    // Numbers go out as the file spells them: no digit lost to a double, no type changed.
    void numbersKeepTheirSpelling()
    {
        ReadResult read = OpenTrackReader::read(
            R"({"full_name": "N", "slug": "n", "big": 12345678901234567890,
                "ratio": 1.50, "events": [{"event_id": "T01", "event_code": "800",
                "units": [{"round": 1, "heat": 1, "lane_draw": 800, "results": []}]}]})");
        QVERIFY(read.ok());
        const JsonValue c = payload::of(*read.competition);
        QCOMPARE(c.find(u"big")->type(), JsonValue::Type::Number);
        QCOMPARE(c.find(u"big")->text(), QStringLiteral("12345678901234567890"));
        QCOMPARE(c.find(u"ratio")->text(), QStringLiteral("1.50"));
        const JsonValue unit = payload::of(*read.competition->events[0]->units[0]);
        QCOMPARE(unit.find(u"lane_draw")->type(), JsonValue::Type::Number);
        QVERIFY(payload::toBytes(c).contains("12345678901234567890"));
        QVERIFY(payload::toBytes(unit).contains("\"lane_draw\":800"));
    }

    void naturalKeys()
    {
        auto doc = testdata::loadDocument();
        const Competition &c = doc->competition();
        QCOMPARE(payload::naturalKey(c), QStringLiteral("competition"));
        QCOMPARE(payload::naturalKey(*c.competitors[0]), QStringLiteral("competitor:101"));
        QCOMPARE(payload::naturalKey(*c.events[0]->units[2]), QStringLiteral("unit:T01/2/1"));
        QCOMPARE(payload::naturalKey(*c.relayTeams[0]), QStringLiteral("relay_team:R1"));
        QCOMPARE(payload::naturalKey(Competitor()), QString());
    }

    void same_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("number and its text")
            << QByteArray(R"([800])") << QByteArray(R"(["800"])") << true;
        QTest::newRow("trailing zeros")
            << QByteArray("[51.40850]") << QByteArray("[51.4085]") << true;
        QTest::newRow("exponent") << QByteArray("[1.5e2]") << QByteArray("[150]") << true;
        QTest::newRow("every digit counts") << QByteArray("[12345678901234567890]")
                                            << QByteArray("[12345678901234567000]") << false;
        QTest::newRow("times are text")
            << QByteArray(R"(["1:59.87"])") << QByteArray(R"(["1:59.870"])") << false;
        QTest::newRow("leading zero is text")
            << QByteArray(R"(["0800"])") << QByteArray(R"([800])") << false;
        QTest::newRow("empty alike")
            << QByteArray(R"({"a": "", "b": null, "c": []})") << QByteArray(R"({})") << true;
        QTest::newRow("key order")
            << QByteArray(R"({"a": 1, "b": "x"})") << QByteArray(R"({"b": "x", "a": 1})") << true;
        QTest::newRow("changed") << QByteArray(R"({"a": "x"})") << QByteArray(R"({"a": "y"})")
                                 << false;
        QTest::newRow("list order") << QByteArray(R"([1, 2])") << QByteArray(R"([2, 1])") << false;
        QTest::newRow("bool is not text")
            << QByteArray(R"([true])") << QByteArray(R"(["true"])") << false;
    }
    void same()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(payload::same(json(a.constData()), json(b.constData())), equal);
        QCOMPARE(payload::same(json(b.constData()), json(a.constData())), equal);
    }

    void notStored_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<QByteArray>("echo");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("all kept") << QByteArray(R"({"a": "x", "n": 3})")
                                  << QByteArray(R"({"a": "x", "n": 3, "id": 9})") << QStringList();
        QTest::newRow("dropped key") << QByteArray(R"({"a": "x", "shoe": 42})")
                                     << QByteArray(R"({"a": "x"})") << QStringList {"shoe"};
        QTest::newRow("number as text")
            << QByteArray(R"({"place": "1", "lat": 51.40850})")
            << QByteArray(R"({"place": 1, "lat": 51.4085})") << QStringList();
        QTest::newRow("changed value")
            << QByteArray(R"({"a": "x"})") << QByteArray(R"({"a": "y"})") << QStringList {"a"};
        QTest::newRow("in results")
            << QByteArray(R"({"results": [{"bib": "1", "reaction": 0.1}, {"bib": "2"}]})")
            << QByteArray(R"({"results": [{"bib": "1"}, {"bib": "2"}]})")
            << QStringList {"results[0].reaction"};
        QTest::newRow("lost item") << QByteArray(R"({"r": [1, 2]})") << QByteArray(R"({"r": [1]})")
                                   << QStringList {"r[1]"};
        QTest::newRow("times stay text") << QByteArray(R"({"t": "1:59.87"})")
                                         << QByteArray(R"({"t": "1:59.87"})") << QStringList();
    }
    void notStored()
    {
        QFETCH(QByteArray, sent);
        QFETCH(QByteArray, echo);
        QFETCH(QStringList, missing);
        QCOMPARE(payload::notStored(json(sent.constData()), json(echo.constData())), missing);
    }

    void differencesForPeople_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<QStringList>("where");
        QTest::newRow("field") << QByteArray(R"({"last_name": "A"})")
                               << QByteArray(R"({"last_name": "B"})") << QStringList {"last_name"};
        QTest::newRow("result by bib")
            << QByteArray(R"({"results": [{"bib": "1", "performance": "10.1"}, {"bib": "2"}]})")
            << QByteArray(R"({"results": [{"bib": "2"}, {"bib": "1", "performance": "10.2"}]})")
            << QStringList {"results[bib 1].performance"};
        QTest::newRow("trial by bib and attempt")
            << QByteArray(R"({"trials": [{"bib": "1", "round": 1, "result": "x"}]})")
            << QByteArray(R"({"trials": [{"bib": "1", "round": 1, "result": "5.10"}]})")
            << QStringList {"trials[bib 1, round 1].result"};
        QTest::newRow("added") << QByteArray(R"({"results": []})")
                               << QByteArray(R"({"results": [{"bib": "3"}]})")
                               << QStringList {"results[bib 3]"};
    }
    void differencesForPeople()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(QStringList, where);
        QCOMPARE(payload::differences(json(a.constData()), json(b.constData())), where);
    }

    void parsingAnswers()
    {
        QString error;
        const JsonValue v
            = payload::parse("{\"id\": 12345678901234567890, \"url\": \"u\"}", &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(payload::idOf(v), QStringLiteral("12345678901234567890"));
        QCOMPARE(payload::idOf(payload::parse(R"({"id": "371"})")), QStringLiteral("371"));
        QVERIFY(payload::parse("", &error).isNull());
        QVERIFY(error.isEmpty()); // 204: nothing to say
        payload::parse("{\"a\": ", &error);
        QVERIFY2(error.startsWith(QStringLiteral("line 1")), qPrintable(error));
        QCOMPARE(payload::toBytes(json(R"({"a": [1, "b"], "n": 1.50})")),
                 QByteArray(R"({"a":[1,"b"],"n":1.50})")); // compact, numbers as spelled
    }
};

QTEST_GUILESS_MAIN(TestPayload)
#include "tst_payload.moc"
