#include "athletics/agegroups.h"

#include <QTest>

using namespace meetdesk;

Q_DECLARE_METATYPE(AgeGroupRules)
Q_DECLARE_METATYPE(JsonValue)

namespace {

QDate date(const char *iso)
{
    return QDate::fromString(QLatin1StringView(iso), Qt::ISODate);
}

JsonValue object(std::vector<JsonMember> members)
{
    return JsonValue::object(std::move(members));
}

JsonValue text(const char *s)
{
    return JsonValue::string(QLatin1StringView(s));
}

JsonValue number(const char *s)
{
    return JsonValue::number(QLatin1StringView(s));
}

} // namespace

class TestAgeGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ages_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("age");
        QTest::newRow("on the birthday") << date("2000-05-16") << date("2026-05-16") << 26;
        QTest::newRow("the day before") << date("2000-05-16") << date("2026-05-15") << 25;
        QTest::newRow("leap day, 28 February") << date("2012-02-29") << date("2026-02-28") << 13;
        QTest::newRow("leap day, 1 March") << date("2012-02-29") << date("2026-03-01") << 14;
    }
    void ages()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, day);
        QFETCH(int, age);
        QCOMPARE(agegroups::ageOn(birth, day), age);
    }

    void groups_data()
    {
        QTest::addColumn<AgeGroupRules>("rules");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("group");
        const auto uk = AgeGroupRules::ukTrackAndField();
        const QDate may = date("2026-05-16");
        QTest::newRow("UK: 10 on 31 August") << uk << date("2015-09-01") << may << "U11";
        QTest::newRow("UK: 11 on 31 August") << uk << date("2015-08-31") << may << "U13";
        QTest::newRow("UK: 12 on 31 August") << uk << date("2013-09-01") << may << "U13";
        QTest::newRow("UK: 13 on 31 August") << uk << date("2013-08-31") << may << "U15";
        QTest::newRow("UK: 15 on 31 August") << uk << date("2011-08-31") << may << "U17";
        QTest::newRow("UK: 16 on 31 August") << uk << date("2009-09-01") << may << "U17";
        QTest::newRow("UK: 17 on 31 August") << uk << date("2009-08-31") << may << "U20";
        QTest::newRow("UK: 19 on 31 December") << uk << date("2007-01-01") << may << "U20";
        QTest::newRow("UK: 20 on 31 December") << uk << date("2006-12-31") << may << "SEN";
        QTest::newRow("UK: 34 on the day") << uk << date("1991-05-17") << may << "SEN";
        QTest::newRow("UK: 35 on the day") << uk << date("1991-05-16") << may << "V35";
        QTest::newRow("UK: 41 on the day") << uk << date("1985-01-01") << may << "V40";
        QTest::newRow("UK: 70") << uk << date("1956-01-01") << may << "V70";
        const auto wa = AgeGroupRules::worldAthletics();
        const QDate july = date("2026-07-11");
        QTest::newRow("WA: 17 on 31 December") << wa << date("2009-12-31") << july << "U18";
        QTest::newRow("WA: 18 on 31 December") << wa << date("2008-12-31") << july << "U20";
        QTest::newRow("WA: 20 on 31 December") << wa << date("2006-12-31") << july << "SEN";
        QTest::newRow("WA: a 12-year-old") << wa << date("2014-01-01") << july << "U18";
        QTest::newRow("European: 22 on 31 December")
            << AgeGroupRules::europeanAthletics() << date("2004-06-01") << july << "U23";
        // A January cross-country race counts from the 31 August before it.
        const QDate january = date("2026-01-10");
        QTest::newRow("UK road: 14 on the last 31 August")
            << AgeGroupRules::ukRoadAndCrossCountry() << date("2010-09-01") << january << "U15";
        QTest::newRow("UK track the same day: 15 on 31 August")
            << uk << date("2010-09-01") << january << "U17";
        AgeGroupRules noMasters = uk;
        noMasters.mastersFrom = 0;
        QTest::newRow("no masters groups") << noMasters << date("1970-01-01") << may << "SEN";
        QTest::newRow("no date of birth") << uk << QDate() << may << "";
    }
    void groups()
    {
        QFETCH(AgeGroupRules, rules);
        QFETCH(QDate, birth);
        QFETCH(QDate, day);
        QFETCH(QString, group);
        QCOMPARE(agegroups::groupOf(rules, birth, day), group);
        if (!group.isEmpty())
            QVERIFY(agegroups::fits(rules, birth, day, group)); // one's own group always fits
    }

    void fits_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("group");
        QTest::addColumn<bool>("fits");
        // UK rules, 16 May 2026; born 1 January 2010: 16 on 31 August 2026
        QTest::newRow("younger than 17") << date("2010-01-01") << "U17" << true;
        QTest::newRow("not younger than 15") << date("2010-01-01") << "U15" << false;
        QTest::newRow("U20 takes the younger") << date("2010-01-01") << "U20" << true;
        QTest::newRow("seniors take anyone") << date("2010-01-01") << "SEN" << true;
        QTest::newRow("ALL takes anyone") << date("2010-01-01") << "ALL" << true;
        QTest::newRow("not 35") << date("2010-01-01") << "V35" << false;
        QTest::newRow("V40 at 41") << date("1985-01-01") << "V40" << true;
        QTest::newRow("V40 takes older masters") << date("1970-01-01") << "V40" << true;
        QTest::newRow("not V45 at 41") << date("1985-01-01") << "V45" << false;
        QTest::newRow("U16 counts like U17: 15 on 31 August")
            << date("2010-09-01") << "U16" << true;
        QTest::newRow("U16 counts like U17: 16 on 31 August")
            << date("2010-08-31") << "U16" << false;
    }
    void fits()
    {
        QFETCH(QDate, birth);
        QFETCH(QString, group);
        QFETCH(bool, fits);
        QCOMPARE(
            agegroups::fits(AgeGroupRules::ukTrackAndField(), birth, date("2026-05-16"), group),
            fits);
    }

    void categories_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("gender");
        QTest::newRow("U15W") << "U15W"
                              << "U15"
                              << "F";
        QTest::newRow("U17M") << "U17M"
                              << "U17"
                              << "M";
        QTest::newRow("U13G") << "U13G"
                              << "U13"
                              << "F";
        QTest::newRow("U13B") << "u13b"
                              << "U13"
                              << "M";
        QTest::newRow("SM") << "SM"
                            << "SEN"
                            << "M";
        QTest::newRow("SW") << "SW"
                            << "SEN"
                            << "F";
        QTest::newRow("V40M") << "V40M"
                              << "V40"
                              << "M";
        QTest::newRow("M35") << "M35"
                             << "V35"
                             << "M";
        QTest::newRow("W50") << "W50"
                             << "V50"
                             << "F";
        QTest::newRow("SEN") << "SEN"
                             << "SEN"
                             << "";
        QTest::newRow("U20") << "U20"
                             << "U20"
                             << "";
        QTest::newRow("OPEN") << "OPEN"
                              << ""
                              << "";
    }
    void categories()
    {
        QFETCH(QString, category);
        QFETCH(QString, group);
        QFETCH(QString, gender);
        QCOMPARE(agegroups::ageGroupOfCategory(category), group);
        QCOMPARE(agegroups::genderOfCategory(category), gender);
    }

    void eligibility_data()
    {
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("genders");
        QTest::addColumn<QStringList>("ageGroups");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("problem"); // a part of the message; empty: may enter
        const QDate adult = date("1994-01-03");
        const QDate u17 = date("2010-01-01"); // 16 on 31 August 2026
        QTest::newRow("a woman in a women's event") << "F" << adult << "F" << QStringList() << "SW"
                                                    << "";
        QTest::newRow("a man in a women's event") << "M" << adult << "F" << QStringList() << "SW"
                                                  << "event for women";
        QTest::newRow("a woman in a men's event") << "F" << adult << "M" << QStringList() << ""
                                                  << "event for men";
        QTest::newRow("X in a men's event") << "X" << adult << "M" << QStringList() << ""
                                            << "gender X";
        QTest::newRow("anyone in a mixed event") << "M" << adult << "MF" << QStringList() << ""
                                                 << "";
        QTest::newRow("gender unknown") << "" << adult << "F" << QStringList() << ""
                                        << "";
        QTest::newRow("the category says women") << "M" << u17 << "" << QStringList() << "U17W"
                                                 << "event for women";
        QTest::newRow("born after the competition")
            << "F" << date("2030-01-01") << "F" << QStringList() << ""
            << "after";
        QTest::newRow("too old for U17")
            << "M" << date("2008-01-01") << "M" << QStringList {"U17"} << ""
            << "U17";
        QTest::newRow("one of the event's groups fits")
            << "M" << date("2008-01-01") << "M" << QStringList {"U17", "U20"} << ""
            << "";
        QTest::newRow("the category's group")
            << "M" << date("2008-01-01") << "M" << QStringList() << "U15M"
            << "U15";
        QTest::newRow("seniors' event takes a U17")
            << "F" << u17 << "F" << QStringList {"SEN"} << ""
            << "";
        QTest::newRow("a masters' event") << "M" << u17 << "M" << QStringList {"V35"} << ""
                                          << "V35";
        QTest::newRow("no date of birth") << "M" << QDate() << "M" << QStringList {"U17"} << ""
                                          << "";
    }
    void eligibility()
    {
        QFETCH(QString, gender);
        QFETCH(QDate, birth);
        QFETCH(QString, genders);
        QFETCH(QStringList, ageGroups);
        QFETCH(QString, category);
        QFETCH(QString, problem);
        const auto why
            = agegroups::eligibilityProblem(gender, birth, {genders, ageGroups, category},
                                            date("2026-05-16"), AgeGroupRules::ukTrackAndField());
        QCOMPARE(why.has_value(), !problem.isEmpty());
        if (why)
            QVERIFY2(why->contains(problem), qPrintable(*why));
    }

    void ageOnDays_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("day"); // for a competition on 10 January 2026
        QTest::newRow("day") << "day" << date("2026-01-10");
        QTest::newRow("in the year") << "12-31" << date("2026-12-31");
        QTest::newRow("the last before") << "last 08-31" << date("2025-08-31");
        QTest::newRow("a date") << "2026-08-31" << date("2026-08-31");
        QTest::newRow("29 February in another year") << "02-29" << date("2026-02-28");
    }
    void ageOnDays()
    {
        QFETCH(QString, text);
        QFETCH(QDate, day);
        const Parsed<AgeOn> on = AgeOn::parse(text);
        QVERIFY2(on.ok(), qPrintable(on.error()));
        QCOMPARE(on->dateFor(date("2026-01-10")), day);
        QCOMPARE(on->toString(), text);
        QVERIFY(!AgeOn::parse(u"13-31"));
        QVERIFY(!AgeOn::parse(u"02-30"));
        QVERIFY(!AgeOn::parse(u"tomorrow"));
    }

    void json_data()
    {
        QTest::addColumn<AgeGroupRules>("rules");
        QTest::newRow("World Athletics") << AgeGroupRules::worldAthletics();
        QTest::newRow("European Athletics") << AgeGroupRules::europeanAthletics();
        QTest::newRow("UK track and field") << AgeGroupRules::ukTrackAndField();
        QTest::newRow("UK road and cross country") << AgeGroupRules::ukRoadAndCrossCountry();
        AgeGroupRules custom;
        custom.youth = {{QStringLiteral("U12"), 12, AgeOn::fixed(date("2026-09-01"))}};
        custom.mastersFrom = 0;
        QTest::newRow("custom, no masters") << custom;
    }
    void json()
    {
        QFETCH(AgeGroupRules, rules);
        const JsonValue json = rules.toJson();
        const Parsed<AgeGroupRules> back = AgeGroupRules::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(*back, rules);
    }

    void jsonForm()
    {
        const JsonValue json = AgeGroupRules::ukTrackAndField().toJson();
        const JsonValue *youth = json.find(u"youth");
        QVERIFY(youth && youth->isArray());
        QCOMPARE(youth->items().size(), size_t(5));
        QCOMPARE(youth->items()[1].find(u"group")->text(), QStringLiteral("U13"));
        QCOMPARE(youth->items()[1].find(u"under")->text(), QStringLiteral("13"));
        QCOMPARE(youth->items()[1].find(u"age_on")->text(), QStringLiteral("08-31"));
        QCOMPARE(youth->items()[4].find(u"age_on")->text(), QStringLiteral("12-31"));
        QCOMPARE(json.find(u"masters")->find(u"from")->text(), QStringLiteral("35"));
        QCOMPARE(json.find(u"masters")->find(u"age_on")->text(), QStringLiteral("day"));
    }

    void badJson_data()
    {
        QTest::addColumn<JsonValue>("json");
        QTest::addColumn<QString>("place");
        QTest::newRow("not an object") << JsonValue::array() << "object";
        QTest::newRow("youth not a list")
            << object({{QStringLiteral("youth"), text("U17")}}) << "youth";
        QTest::newRow("a group without a code")
            << object({{QStringLiteral("youth"),
                        JsonValue::array({object({{QStringLiteral("under"), number("17")}})})}})
            << "youth[0].group";
        QTest::newRow("under is text")
            << object({{QStringLiteral("youth"),
                        JsonValue::array({object({{QStringLiteral("group"), text("U17")},
                                                  {QStringLiteral("under"), text("17")}})})}})
            << "youth[0].under";
        QTest::newRow("a bad day")
            << object({{QStringLiteral("youth"),
                        JsonValue::array({object({{QStringLiteral("group"), text("U17")},
                                                  {QStringLiteral("under"), number("17")},
                                                  {QStringLiteral("age_on"), text("13-31")}})})}})
            << "youth[0].age_on";
        QTest::newRow("groups out of order")
            << object({{QStringLiteral("youth"),
                        JsonValue::array({object({{QStringLiteral("group"), text("U17")},
                                                  {QStringLiteral("under"), number("17")}}),
                                          object({{QStringLiteral("group"), text("U15")},
                                                  {QStringLiteral("under"), number("15")}})})}})
            << "youth[1].under";
        QTest::newRow("masters without a start") << object(
            {{QStringLiteral("masters"), object({{QStringLiteral("step"), number("5")}})}})
                                                 << "masters.from";
    }
    void badJson()
    {
        QFETCH(JsonValue, json);
        QFETCH(QString, place);
        const Parsed<AgeGroupRules> r = AgeGroupRules::fromJson(json);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(place), qPrintable(r.error()));
    }

    void presets_data()
    {
        QTest::addColumn<AgeGroupRules>("rules");
        QTest::addColumn<QString>("key"); // empty: no preset
        QTest::newRow("World Athletics") << AgeGroupRules::worldAthletics() << "world-athletics";
        QTest::newRow("European Athletics")
            << AgeGroupRules::europeanAthletics() << "european-athletics";
        QTest::newRow("UK track and field")
            << AgeGroupRules::ukTrackAndField() << "uk-track-and-field";
        QTest::newRow("UK road") << AgeGroupRules::ukRoadAndCrossCountry()
                                 << "uk-road-and-cross-country";
        AgeGroupRules own = AgeGroupRules::ukTrackAndField();
        own.mastersFrom = 40;
        QTest::newRow("masters from 40") << own << "";
    }
    void presets()
    {
        QFETCH(AgeGroupRules, rules);
        QFETCH(QString, key);
        const auto preset = rules.preset();
        QCOMPARE(preset ? preset->key : QString(), key);
        if (preset) {
            QVERIFY(!preset->name.isEmpty());
            QCOMPARE(preset->rules(), rules);
        }
    }

    void defaultForCountry_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<AgeGroupRules>("rules");
        QTest::newRow("Great Britain") << "GBR" << AgeGroupRules::ukTrackAndField();
        QTest::newRow("as typed") << " gbr" << AgeGroupRules::ukTrackAndField();
        QTest::newRow("Ireland") << "IRL" << AgeGroupRules::worldAthletics();
        QTest::newRow("Kenya") << "KEN" << AgeGroupRules::worldAthletics();
        QTest::newRow("no country") << "" << AgeGroupRules::worldAthletics();
    }
    void defaultForCountry()
    {
        QFETCH(QString, country);
        QFETCH(AgeGroupRules, rules);
        QCOMPARE(AgeGroupRules::defaultFor(country), rules);
    }

    void mastersNullMeansNone()
    {
        const auto r = AgeGroupRules::fromJson(object({{QStringLiteral("masters"), JsonValue()}}));
        QVERIFY(r);
        QCOMPARE(r->mastersFrom, 0);
        QVERIFY(r->youth.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAgeGroups)
#include "tst_agegroups.moc"
