#include "opentrack/payload.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace meetdesk;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
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
        const QJsonObject competition = payload::competition(c);
        QCOMPARE(competition.value(QStringLiteral("country")).toString(), QStringLiteral("GBR"));
        QVERIFY(!competition.contains(QStringLiteral("country_id")));
        QCOMPARE(competition.value(QStringLiteral("venue_id")).toInt(), 118);
        QCOMPARE(competition.value(QStringLiteral("timezone")).toString(),
                 QStringLiteral("Europe/London")); // extras go too
        QVERIFY(!competition.contains(QStringLiteral("competitors")));
        const QJsonObject event = payload::event(*c.events[0]);
        QCOMPARE(event.value(QStringLiteral("age_groups")).toString(), QStringLiteral("SEN,U20"));
        const QJsonObject unit = payload::unit(*c.events[2]->units[0]);
        QVERIFY(!unit.contains(QStringLiteral("round")));
        QCOMPARE(unit.value(QStringLiteral("trials")).toArray().size(), 6);
        QCOMPARE(unit.value(QStringLiteral("trials"))
                     .toArray()[5]
                     .toObject()
                     .value(QStringLiteral("board"))
                     .toString(),
                 QStringLiteral("over"));
        QCOMPARE(payload::competitor(*c.competitors[0])
                     .value(QStringLiteral("events_entered"))
                     .toArray()
                     .size(),
                 2);
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

    void hashIgnoresKeyOrder()
    {
        QCOMPARE(payload::hash(json(R"({"a": 1, "b": "x"})")),
                 payload::hash(json(R"({"b": "x", "a": 1})")));
        QVERIFY(payload::hash(json(R"({"a": 1})")) != payload::hash(json(R"({"a": 2})")));
        QCOMPARE(payload::hash(json("{}")).size(), 16);
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

    void agreementAndClears()
    {
        const QJsonObject server
            = json(R"({"team_id": "A", "team_name": "Old", "match_id": "match", "flag_url": "f"})");
        QVERIFY(payload::serverAgrees(json(R"({"team_id": "A", "team_name": "Old"})"),
                                      server)); // its defaults are not ours
        QVERIFY(!payload::serverAgrees(json(R"({"team_id": "A", "team_name": "New"})"), server));
        QVERIFY(payload::serverAgrees(json(R"({"team_id": "A", "colour": "red"})"),
                                      server)); // lacking keys: the caller's call
        const QJsonObject body
            = payload::withClears(json(R"({"team_id": "A"})"), server, {"team_id", "flag_url"});
        QCOMPARE(body.value(QStringLiteral("flag_url")).toString(),
                 QString()); // we sent it before: clear it
        QVERIFY(!body.contains(QStringLiteral("match_id"))); // never ours: leave it
        QVERIFY(body.value(QStringLiteral("flag_url")).isString());
    }
};

QTEST_GUILESS_MAIN(TestPayload)
#include "tst_payload.moc"
