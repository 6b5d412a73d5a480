#include "format/opentrackreader.h"
#include "heats/heatsettings.h"
#include "model/event.h"

#include <QTest>

using namespace meetdesk;

namespace {

// A JSON value, read as the reader keeps a key it does not know.
JsonValue json(const char *text)
{
    const QByteArray wrapped = QByteArray(R"({"value": )") + text + '}';
    ReadResult r = OpenTrackReader::read(wrapped);
    if (!r.ok() || r.competition->extras.empty())
        qFatal("bad test JSON %s", text);
    return r.competition->extras.front().value;
}

} // namespace

class TestHeatSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        HeatSettings s;
        s.seedMark = HeatSettings::SeedMark::PersonalBest;
        s.method = seeding::Method::RandomInGroups;
        s.separateClubs = false;
        s.laneDraw = lanedraw::Method::ByRank;
        const auto back = HeatSettings::fromJson(s.toJson());
        QVERIFY(back.ok());
        QCOMPARE(*back, s);
        QCOMPARE(s.toJson().find(u"method")->text(), QStringLiteral("random_in_groups"));
        QCOMPARE(s.toJson().find(u"lane_draw")->text(), QStringLiteral("by_rank"));
    }

    void missingKeysKeepTheDefaults()
    {
        const auto s = HeatSettings::fromJson(json(R"({"seed_mark": "pb"})"));
        QVERIFY(s.ok());
        QCOMPARE(s->seedMark, HeatSettings::SeedMark::PersonalBest);
        QCOMPARE(s->method, seeding::Method::Seeded);
        QVERIFY(s->separateClubs);
        QCOMPARE(s->laneDraw, lanedraw::Method::WorldAthletics);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not an object") << "[]"
                                       << "the settings must be an object, not a list";
        QTest::newRow("unknown method")
            << R"({"method": "zigzag"})"
            << R"(method: one of seeded, random_in_groups, by_ability is required, not "zigzag")";
        QTest::newRow("lane draw as a number")
            << R"({"lane_draw": 3})"
            << "lane_draw: one of world_athletics, by_lot, by_rank is required, not 3";
        QTest::newRow("separate clubs as text")
            << R"({"separate_clubs": "yes"})"
            << R"(separate_clubs: true or false is required, not "yes")";
    }
    void refusals()
    {
        QFETCH(QString, json);
        QFETCH(QString, reason);
        const auto s = HeatSettings::fromJson(::json(json.toUtf8().constData()));
        QVERIFY(!s.ok());
        QCOMPARE(s.error(), reason);
    }

    void ofAnEvent()
    {
        JsonObject meetdesk {
            {QStringLiteral("format_version"), JsonValue::number(QStringLiteral("1"))},
            {HeatSettings::key, json(R"({"T01": {"lane_draw": "by_lot"}, "T02": {"method": 1}})")}};
        QString problem;
        QCOMPARE(HeatSettings::of(meetdesk, QStringLiteral("T01"), &problem).laneDraw,
                 lanedraw::Method::ByLot);
        QVERIFY(problem.isEmpty());
        QCOMPARE(HeatSettings::of(meetdesk, QStringLiteral("T09"), &problem), HeatSettings());
        QVERIFY(problem.isEmpty());
        QCOMPARE(HeatSettings::of(meetdesk, QStringLiteral("T02"), &problem), HeatSettings());
        QCOMPARE(problem,
                 QStringLiteral("meetdesk.seeding.T02.method: one of seeded, "
                                "random_in_groups, by_ability is required, not 1"));
    }

    void withEventKeepsTheOthers()
    {
        JsonObject meetdesk {
            {HeatSettings::key, json(R"({"T01": {"lane_draw": "by_lot"}, "T02": {"x": 1}})")}};
        HeatSettings s;
        s.seedMark = HeatSettings::SeedMark::PersonalBest;
        const JsonValue all = HeatSettings::withEvent(meetdesk, QStringLiteral("T02"), s);
        QCOMPARE(all.members().size(), size_t(2));
        QCOMPARE(all.members()[0].key, QStringLiteral("T01"));
        QCOMPARE(*all.find(u"T01"), json(R"({"lane_draw": "by_lot"})"));
        QCOMPARE(*all.find(u"T02"), s.toJson());
        const JsonValue first = HeatSettings::withEvent({}, QStringLiteral("T05"), s);
        QCOMPARE(first.members().size(), size_t(1));
    }

    void openTrackFieldsOfTheEvent()
    {
        Event event;
        event.lanes = 9;
        event.extras = json(R"({"lanes_r2": 8, "qual_by_place": 2, "qual_fastest_losers": "3",
                                "qual_by_place_r3": 4, "lanes_r3": "x"})")
                           .members();
        QCOMPARE(HeatSettings::lanes(event, 1), std::optional(9));
        QCOMPARE(HeatSettings::lanes(event, 2), std::optional(8));
        QCOMPARE(HeatSettings::lanes(event, 3), std::nullopt); // not a number
        QCOMPARE(HeatSettings::lanes(event, 4), std::nullopt); // OpenTrack stops at round 3
        QCOMPARE(HeatSettings::byPlace(event, 2), std::optional(2));
        QCOMPARE(HeatSettings::byTime(event, 2), std::optional(3));
        QCOMPARE(HeatSettings::byPlace(event, 3), std::optional(4));
        QCOMPARE(HeatSettings::byTime(event, 3), std::nullopt);
        QCOMPARE(HeatSettings::byPlaceKey(4), QString());
        QCOMPARE(HeatSettings::laneKey(2), QStringLiteral("lanes_r2"));
    }
};

QTEST_GUILESS_MAIN(TestHeatSettings)
#include "tst_heatsettings.moc"
