#include "athletics/lanedraw.h"

#include <QSet>
#include <QTest>

using namespace meetdesk;
using Race = lanedraw::Race;
using Method = lanedraw::Method;

Q_DECLARE_METATYPE(lanedraw::Race)
Q_DECLARE_METATYPE(lanedraw::Method)

namespace {

// "3456|1278"-style lane groups; lanes over 9 are written in brackets: "(10)".
QString asText(const QList<QList<int>> &groups)
{
    QStringList out;
    for (const QList<int> &group : groups) {
        QString lanes;
        for (const int lane : group)
            lanes += lane < 10 ? QString::number(lane) : u'(' + QString::number(lane) + u')';
        out.append(lanes);
    }
    return out.join(u'|');
}

// "3456|27" -> {{3,4,5,6},{2,7}}
QList<QSet<int>> lanes(const QString &text)
{
    QList<QSet<int>> out;
    for (const QString &group : text.split(u'|')) {
        QSet<int> set;
        for (const QChar c : group)
            set.insert(c.digitValue());
        out.append(set);
    }
    return out;
}

} // namespace

class TestLaneDraw : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raceOf_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<Race>("race");
        QTest::newRow("100 m") << "100" << Race::Straight;
        QTest::newRow("60 m") << "60" << Race::Straight;
        QTest::newRow("100 m hurdles") << "100H" << Race::Straight;
        QTest::newRow("110 m hurdles") << "110H" << Race::Straight;
        QTest::newRow("200 m") << "200" << Race::Bend;
        QTest::newRow("400 m hurdles") << "400H" << Race::Bend;
        QTest::newRow("4x100 m") << "4x100" << Race::Bend;
        QTest::newRow("4x400 m") << "4x400" << Race::Bend;
        QTest::newRow("800 m") << "800" << Race::EightHundred;
        QTest::newRow("600 m") << "600" << Race::EightHundred;
        QTest::newRow("4x800 m") << "4x800" << Race::EightHundred;
        QTest::newRow("1500 m") << "1500" << Race::NotInLanes;
        QTest::newRow("long jump") << "LJ" << Race::NotInLanes;
        QTest::newRow("unknown code") << "CHAIR" << Race::NotInLanes;
    }
    void raceOf()
    {
        QFETCH(QString, code);
        QFETCH(Race, race);
        QCOMPARE(lanedraw::raceOf(code), race);
    }

    void groups_data()
    {
        QTest::addColumn<Race>("race");
        QTest::addColumn<int>("lanes");
        QTest::addColumn<QString>("groups");
        // Rule 20.4 on eight lanes.
        QTest::newRow("100 m, 8 lanes") << Race::Straight << 8 << "3456|1278";
        QTest::newRow("200 m, 8 lanes") << Race::Bend << 8 << "567|348|12";
        QTest::newRow("800 m, 8 lanes") << Race::EightHundred << 8 << "34567|128";
        // Other tracks: the pattern centred, extra lanes joining the outer groups.
        QTest::newRow("100 m, 9 lanes") << Race::Straight << 9 << "4567|12389";
        QTest::newRow("200 m, 9 lanes") << Race::Bend << 9 << "678|459|123";
        QTest::newRow("800 m, 9 lanes") << Race::EightHundred << 9 << "45678|1239";
        QTest::newRow("200 m, 10 lanes") << Race::Bend << 10 << "678|459(10)|123";
        QTest::newRow("100 m, 6 lanes") << Race::Straight << 6 << "2345|16";
        QTest::newRow("200 m, 6 lanes") << Race::Bend << 6 << "456|23|1";
        QTest::newRow("200 m, 7 lanes") << Race::Bend << 7 << "567|34|12";
        QTest::newRow("not in lanes") << Race::NotInLanes << 8 << "";
    }
    void groups()
    {
        QFETCH(Race, race);
        QFETCH(int, lanes);
        QFETCH(QString, groups);
        const auto drawn = lanedraw::groups(race, lanes);
        QCOMPARE(asText(drawn), groups);
        if (race == Race::NotInLanes)
            return;
        QList<int> all;
        for (const auto &g : drawn)
            all.append(g);
        std::sort(all.begin(), all.end());
        QList<int> expected;
        for (int lane = 1; lane <= lanes; ++lane)
            expected.append(lane);
        QCOMPARE(all, expected); // every lane once
    }

    // A later round: each ranking group drawn by lot within its lanes.
    void laterRound_data()
    {
        QTest::addColumn<Race>("race");
        QTest::addColumn<int>("lanes");
        QTest::addColumn<int>("athletes");
        QTest::addColumn<QString>("groups"); // the lanes each ranking group may get
        QTest::addColumn<QList<int>>("sizes"); // how many athletes in each group
        // Issue 9: the four best-ranked in lanes 3 to 6.
        QTest::newRow("100 m final")
            << Race::Straight << 8 << 8 << "3456|1278" << QList<int> {4, 4};
        QTest::newRow("200 m final")
            << Race::Bend << 8 << 8 << "567|348|12" << QList<int> {3, 3, 2};
        QTest::newRow("800 m final")
            << Race::EightHundred << 8 << 8 << "34567|128" << QList<int> {5, 3};
        // Fewer athletes: the last group uses its lanes nearest the middle.
        QTest::newRow("100 m, six athletes")
            << Race::Straight << 8 << 6 << "3456|27" << QList<int> {4, 2};
        QTest::newRow("200 m, five athletes")
            << Race::Bend << 8 << 5 << "567|34" << QList<int> {3, 2};
        QTest::newRow("200 m, seven athletes")
            << Race::Bend << 8 << 7 << "567|348|2" << QList<int> {3, 3, 1};
        QTest::newRow("100 m, 8 on 9 lanes: lane 1 left free")
            << Race::Straight << 9 << 8 << "4567|2389" << QList<int> {4, 4};
    }
    void laterRound()
    {
        QFETCH(Race, race);
        QFETCH(int, lanes);
        QFETCH(int, athletes);
        QFETCH(QString, groups);
        QFETCH(QList<int>, sizes);
        const QList<QSet<int>> allowed = ::lanes(groups);
        QSet<QList<int>> seen;
        for (quint32 seed = 1; seed <= 40; ++seed) {
            QRandomGenerator lot(seed);
            const auto drawn
                = lanedraw::draw(athletes, lanes, race, Method::WorldAthletics, false, lot);
            QVERIFY2(drawn.ok(), qPrintable(drawn.error()));
            QCOMPARE(drawn->size(), athletes);
            QCOMPARE(QSet<int>(drawn->begin(), drawn->end()).size(), athletes); // no lane twice
            int rank = 0;
            for (qsizetype g = 0; g < sizes.size(); ++g) {
                QSet<int> got;
                for (int k = 0; k < sizes[g]; ++k)
                    got.insert(drawn->at(rank++));
                QCOMPARE(got, allowed[g]);
            }
            seen.insert(*drawn);
        }
        QVERIFY2(seen.size() > 10, "each group is drawn by lot");
    }

    void firstRoundIsDrawnByLot()
    {
        QSet<QList<int>> seen;
        for (quint32 seed = 1; seed <= 40; ++seed) {
            QRandomGenerator lot(seed);
            const auto drawn
                = lanedraw::draw(6, 8, Race::Straight, Method::WorldAthletics, true, lot);
            QVERIFY(drawn.ok());
            QList<int> sorted = *drawn;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(sorted, QList<int>({2, 3, 4, 5, 6, 7})); // the middle six lanes
            seen.insert(*drawn);
        }
        // The best-ranked athlete gets any lane in use: the ranking does not count.
        QSet<int> firstLanes;
        for (const QList<int> &d : std::as_const(seen))
            firstLanes.insert(d.first());
        QCOMPARE(firstLanes, QSet<int>({2, 3, 4, 5, 6, 7}));
    }

    void methods_data()
    {
        QTest::addColumn<Method>("method");
        QTest::addColumn<bool>("firstRound");
        QTest::addColumn<int>("athletes");
        QTest::addColumn<QList<int>>("expected"); // empty: drawn, so only the set is known
        QTest::addColumn<QList<int>>("lanesUsed");
        QTest::newRow("by rank straight across")
            << Method::ByRank << false << 8 << QList<int> {1, 2, 3, 4, 5, 6, 7, 8}
            << QList<int> {1, 2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("by rank, five in the middle lanes")
            << Method::ByRank << true << 5 << QList<int> {3, 4, 5, 6, 7}
            << QList<int> {3, 4, 5, 6, 7};
        QTest::newRow("all by lot, later round too")
            << Method::ByLot << false << 7 << QList<int> {} << QList<int> {2, 3, 4, 5, 6, 7, 8};
    }
    void methods()
    {
        QFETCH(Method, method);
        QFETCH(bool, firstRound);
        QFETCH(int, athletes);
        QFETCH(QList<int>, expected);
        QFETCH(QList<int>, lanesUsed);
        QSet<int> bestGot;
        for (quint32 seed = 1; seed <= 30; ++seed) {
            QRandomGenerator lot(seed);
            const auto drawn = lanedraw::draw(athletes, 8, Race::Straight, method, firstRound, lot);
            QVERIFY(drawn.ok());
            if (!expected.isEmpty())
                QCOMPARE(*drawn, expected);
            QList<int> sorted = *drawn;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(sorted, lanesUsed);
            bestGot.insert(drawn->first());
        }
        if (expected.isEmpty())
            QVERIFY(bestGot.size() > 3); // by lot: the best is not kept in the middle
    }

    void lanesInUse_data()
    {
        QTest::addColumn<QList<int>>("lanes");
        QTest::addColumn<int>("athletes");
        QTest::addColumn<int>("track");
        QTest::addColumn<QList<int>>("used");
        QTest::newRow("6 of 8") << QList<int> {1, 2, 3, 4, 5, 6, 7, 8} << 6 << 8
                                << QList<int> {2, 3, 4, 5, 6, 7};
        QTest::newRow("7 of 8: the inside lane stays free")
            << QList<int> {1, 2, 3, 4, 5, 6, 7, 8} << 7 << 8 << QList<int> {2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("2 of the outer group")
            << QList<int> {1, 2, 7, 8} << 2 << 8 << QList<int> {2, 7};
        QTest::newRow("3 of 9") << QList<int> {1, 2, 3, 4, 5, 6, 7, 8, 9} << 3 << 9
                                << QList<int> {4, 5, 6};
    }
    void lanesInUse()
    {
        QFETCH(QList<int>, lanes);
        QFETCH(int, athletes);
        QFETCH(int, track);
        QFETCH(QList<int>, used);
        QCOMPARE(lanedraw::lanesInUse(lanes, athletes, track), used);
    }

    void refuses_data()
    {
        QTest::addColumn<int>("athletes");
        QTest::addColumn<Race>("race");
        QTest::addColumn<QString>("reason");
        QTest::newRow("more athletes than lanes")
            << 9 << Race::Straight
            << "9 athletes for 8 lane(s): the heat needs a lane for each, or another heat";
        QTest::newRow("not in lanes")
            << 8 << Race::NotInLanes << "the race is not run in lanes: it has a start order";
    }
    void refuses()
    {
        QFETCH(int, athletes);
        QFETCH(Race, race);
        QFETCH(QString, reason);
        QRandomGenerator lot(1);
        const auto drawn = lanedraw::draw(athletes, 8, race, Method::WorldAthletics, false, lot);
        QVERIFY(!drawn.ok());
        QCOMPARE(drawn.error(), reason);
    }

    void startOrder()
    {
        QRandomGenerator lot(4);
        QCOMPARE(lanedraw::order(4, Method::ByRank, lot), QList<int>({1, 2, 3, 4}));
        QSet<QList<int>> seen;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            QRandomGenerator l(seed);
            QList<int> drawn = lanedraw::order(12, Method::WorldAthletics, l);
            seen.insert(drawn);
            std::sort(drawn.begin(), drawn.end());
            QCOMPARE(drawn.size(), 12);
            QCOMPARE(drawn.first(), 1);
            QCOMPARE(drawn.last(), 12);
        }
        QVERIFY(seen.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestLaneDraw)
#include "tst_lanedraw.moc"
