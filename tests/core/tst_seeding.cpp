#include "athletics/seeding.h"

#include <QSet>
#include <QTest>

using namespace meetdesk;
using Method = seeding::Method;

Q_DECLARE_METATYPE(seeding::Method)

namespace {

// "10.31/RSH 10.52 -/BAC" -> entrants with bibs "1", "2", "3"; "-" is no seed mark, a club
// follows a slash.
QList<Entrant> entrants(const QString &list)
{
    QList<Entrant> out;
    for (const QString &item : list.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u'/');
        Entrant e;
        e.bib = QString::number(out.size() + 1);
        if (parts[0] != u"-") {
            const auto mark = Performance::parse(EventCatalogue::Kind::Track, parts[0]);
            if (!mark)
                qFatal("bad test mark %s", qPrintable(parts[0]));
            e.seed = *mark;
        }
        e.club = parts.value(1);
        out.append(e);
    }
    return out;
}

// The heats as ranks from 1 (entrant i has rank ranks[i]): "1 6 7|2 5 8|3 4 9".
QString asRanks(const QList<QList<int>> &heats, const QList<int> &rankOf)
{
    QStringList out;
    for (const QList<int> &heat : heats) {
        QStringList ranks;
        for (const int i : heat)
            ranks.append(QString::number(rankOf[i]));
        out.append(ranks.join(u' '));
    }
    return out.join(u'|');
}

// n athletes whose marks are 10.00, 10.01, ... given in a scrambled order; rankOf[i] is the
// rank (from 1) of entrant i.
QList<Entrant> scrambled(int n, QList<int> *rankOf, const QStringList &clubs = {})
{
    QList<Entrant> out;
    rankOf->clear();
    for (int k = 0; k < n; ++k) {
        const int rank = (k * 13) % n + 1; // 13 is prime to the sizes used
        Entrant e;
        e.bib = QString::number(100 + k);
        e.seed = Performance::time(10000 + 10 * (rank - 1), 2);
        e.club = clubs.value(rank - 1);
        out.append(e);
        rankOf->append(rank);
    }
    return out;
}

int clashes(const QList<QList<int>> &heats, const QList<Entrant> &entrants)
{
    int count = 0;
    for (const QList<int> &heat : heats) {
        QSet<QString> seen;
        for (const int i : heat) {
            if (!entrants[i].club.isEmpty() && seen.contains(entrants[i].club))
                ++count;
            seen.insert(entrants[i].club);
        }
    }
    return count;
}

} // namespace

class TestSeeding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rank_data()
    {
        QTest::addColumn<QString>("entrants");
        QTest::addColumn<QString>("order");
        QTest::newRow("fastest first") << "10.52 10.31 10.77"
                                       << "2 1 3";
        QTest::newRow("no seed mark last") << "- 10.52 10.31"
                                           << "3 2 1";
        QTest::newRow("minutes") << "2:01.50 1:59.87 2:00.02"
                                 << "2 3 1";
        QTest::newRow("a status word is no mark") << "DNF 11.02"
                                                  << "2 1";
    }
    void rank()
    {
        QFETCH(QString, entrants);
        QFETCH(QString, order);
        QRandomGenerator lot(1);
        const QList<Entrant> list = ::entrants(entrants);
        QStringList bibs;
        for (const int i : seeding::rank(list, lot))
            bibs.append(list[i].bib);
        QCOMPARE(bibs.join(u' '), order);
    }

    // Equal marks, and athletes without one, are ranked by lot: another draw can differ.
    void equalMarksAreDrawnByLot()
    {
        const QList<Entrant> list
            = entrants(QStringLiteral("10.50 - - - - 10.50 10.50 10.50 9.99"));
        QSet<QList<int>> seen;
        for (quint32 seed = 1; seed <= 30; ++seed) {
            QRandomGenerator lot(seed);
            const QList<int> order = seeding::rank(list, lot);
            QCOMPARE(order.first(), 8); // 9.99 always first
            QCOMPARE(QSet<int>(order.begin() + 1, order.begin() + 5),
                     QSet<int>({0, 5, 6, 7})); // then the 10.50s
            QCOMPARE(QSet<int>(order.begin() + 5, order.end()), QSet<int>({1, 2, 3, 4}));
            seen.insert(order);
        }
        QVERIFY(seen.size() > 1);
    }

    void zigzag_data()
    {
        QTest::addColumn<int>("athletes");
        QTest::addColumn<int>("heats");
        QTest::addColumn<QString>("expected");
        // The rule's own example: three heats.
        QTest::newRow("24 in 3 heats") << 24 << 3
                                       << "1 6 7 12 13 18 19 24|2 5 8 11 14 17 20 23|"
                                          "3 4 9 10 15 16 21 22";
        QTest::newRow("a short last row") << 10 << 3 << "1 6 7|2 5 8|3 4 9 10";
        QTest::newRow("two heats") << 6 << 2 << "1 4 5|2 3 6";
        QTest::newRow("one heat") << 3 << 1 << "1 2 3";
        QTest::newRow("more heats than athletes") << 2 << 3 << "1|2|";
    }
    void zigzag()
    {
        QFETCH(int, athletes);
        QFETCH(int, heats);
        QFETCH(QString, expected);
        QList<int> rankOf;
        const QList<Entrant> list = scrambled(athletes, &rankOf);
        QRandomGenerator lot(7);
        QCOMPARE(asRanks(seeding::intoHeats(list, heats, Method::Seeded, false, lot), rankOf),
                 expected);
    }

    // Issue 9: a 24-athlete 100 m seeded into three heats spreads the seeds: the three best in
    // three heats, each heat one athlete from every group of three, and equal rank totals.
    void twentyFourAthletesSpreadOverThreeHeats()
    {
        QList<int> rankOf;
        const QList<Entrant> list = scrambled(24, &rankOf);
        QRandomGenerator lot(2026);
        const auto heats = seeding::intoHeats(list, 3, Method::Seeded, false, lot);
        QCOMPARE(heats.size(), 3);
        QSet<int> bestThree;
        for (const QList<int> &heat : heats) {
            QCOMPARE(heat.size(), 8);
            int total = 0;
            for (qsizetype k = 0; k < heat.size(); ++k) {
                const int rank = rankOf[heat[k]];
                QCOMPARE((rank - 1) / 3, int(k)); // one from each group, in ranking order
                total += rank;
                if (rank <= 3)
                    bestThree.insert(rank);
            }
            QCOMPARE(total, 100); // (1 + ... + 24) / 3
        }
        QCOMPARE(bestThree.size(), 3);
    }

    void randomInGroupsKeepsOneOfEachGroupPerHeat()
    {
        QList<int> rankOf;
        const QList<Entrant> list = scrambled(22, &rankOf);
        QSet<QString> seen;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            QRandomGenerator lot(seed);
            const auto heats = seeding::intoHeats(list, 3, Method::RandomInGroups, false, lot);
            for (const QList<int> &heat : heats) {
                QVERIFY(heat.size() == 7 || heat.size() == 8);
                for (qsizetype k = 0; k < heat.size(); ++k)
                    QCOMPARE((rankOf[heat[k]] - 1) / 3, int(k));
            }
            seen.insert(asRanks(heats, rankOf));
        }
        QVERIFY2(seen.size() > 5, "the groups are drawn by lot");
    }

    void byAbilityRunsTheFastestLast()
    {
        QList<int> rankOf;
        const QList<Entrant> list = scrambled(10, &rankOf);
        QRandomGenerator lot(3);
        QCOMPARE(asRanks(seeding::intoHeats(list, 3, Method::ByAbility, false, lot), rankOf),
                 QStringLiteral("8 9 10|5 6 7|1 2 3 4"));
    }

    void athletesWithoutMarksGoLast()
    {
        const QList<Entrant> list = entrants(QStringLiteral("- 10.40 - 10.10 10.30 10.20"));
        QRandomGenerator lot(5);
        const auto heats = seeding::intoHeats(list, 2, Method::Seeded, false, lot);
        // ranks: 10.10 (3), 10.20 (5), 10.30 (4), 10.40 (1), then 0 and 2 by lot
        QCOMPARE(heats[0].mid(0, 2), QList<int>({3, 1}));
        QCOMPARE(heats[1].mid(0, 2), QList<int>({5, 4}));
        QCOMPARE(QSet<int>({heats[0][2], heats[1][2]}), QSet<int>({0, 2}));
    }

    void clubMatesKeptApart_data()
    {
        QTest::addColumn<Method>("method");
        QTest::addColumn<int>("athletes");
        QTest::addColumn<int>("heats");
        QTest::addColumn<QStringList>("clubs"); // by rank
        QTest::addColumn<int>("clashesLeft");
        // Zig-zag puts ranks 1 and 6 together, and 2 and 5.
        QTest::newRow("seeded") << Method::Seeded << 9 << 3
                                << QStringList {"A", "B", "C", "D", "B", "A", "E", "F", "G"} << 0;
        QTest::newRow("seeded, a short last row")
            << Method::Seeded << 7 << 3 << QStringList {"A", "B", "C", "D", "E", "F", "A"} << 0;
        QTest::newRow("random in groups")
            << Method::RandomInGroups << 9 << 3
            << QStringList {"A", "B", "C", "A", "B", "C", "A", "B", "C"} << 0;
        QTest::newRow("four club mates in three heats: one clash cannot be helped")
            << Method::Seeded << 9 << 3 << QStringList {"A", "B", "C", "A", "D", "A", "A", "E", "F"}
            << 1;
    }
    void clubMatesKeptApart()
    {
        QFETCH(Method, method);
        QFETCH(int, athletes);
        QFETCH(int, heats);
        QFETCH(QStringList, clubs);
        QFETCH(int, clashesLeft);
        QList<int> rankOf;
        const QList<Entrant> list = scrambled(athletes, &rankOf, clubs);
        for (quint32 seed = 1; seed <= 10; ++seed) {
            QRandomGenerator lot(seed);
            const auto apart = seeding::intoHeats(list, heats, method, true, lot);
            QCOMPARE(clashes(apart, list), clashesLeft);
            // Exchanges stay within a seeding group: each heat still has one of each group.
            for (const QList<int> &heat : apart) {
                QSet<int> groups;
                for (const int i : heat)
                    groups.insert((rankOf[i] - 1) / heats);
                QCOMPARE(groups.size(), heat.size());
            }
        }
        // Without the setting the clubs are not looked at (and here they clash).
        if (method == Method::Seeded) {
            QRandomGenerator lot(1);
            QVERIFY(clashes(seeding::intoHeats(list, heats, method, false, lot), list)
                    > clashesLeft);
        }
    }

    void theSameSeedDrawsTheSameHeats()
    {
        QList<int> rankOf;
        const QList<Entrant> list = scrambled(20, &rankOf);
        QRandomGenerator a(99);
        QRandomGenerator b(99);
        QCOMPARE(seeding::intoHeats(list, 3, Method::RandomInGroups, false, a),
                 seeding::intoHeats(list, 3, Method::RandomInGroups, false, b));
    }

    void heatsNeeded_data()
    {
        QTest::addColumn<int>("athletes");
        QTest::addColumn<int>("perHeat");
        QTest::addColumn<int>("heats");
        QTest::newRow("24 on 8 lanes") << 24 << 8 << 3;
        QTest::newRow("25 on 8 lanes") << 25 << 8 << 4;
        QTest::newRow("8 on 8 lanes") << 8 << 8 << 1;
        QTest::newRow("nobody") << 0 << 8 << 0;
        QTest::newRow("no lanes: one heat") << 12 << 0 << 1;
    }
    void heatsNeeded()
    {
        QFETCH(int, athletes);
        QFETCH(int, perHeat);
        QFETCH(int, heats);
        QCOMPARE(seeding::heatsNeeded(athletes, perHeat), heats);
    }

    void heatsPerRound_data()
    {
        QTest::addColumn<QString>("rounds");
        QTest::addColumn<QList<int>>("heats");
        QTest::newRow("three rounds") << "8,3,1" << QList<int> {8, 3, 1};
        QTest::newRow("spaces") << " 3, 1" << QList<int> {3, 1};
        QTest::newRow("empty") << "" << QList<int> {};
        QTest::newRow("not a number") << "x,1" << QList<int> {0, 1};
    }
    void heatsPerRound()
    {
        QFETCH(QString, rounds);
        QFETCH(QList<int>, heats);
        QCOMPARE(seeding::heatsPerRound(rounds), heats);
    }

    void withHeats_data()
    {
        QTest::addColumn<QString>("rounds");
        QTest::addColumn<int>("round");
        QTest::addColumn<int>("heats");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fewer heats") << "3,1" << 1 << 2 << "2,1";
        QTest::newRow("a new final") << "3" << 2 << 1 << "3,1";
        QTest::newRow("nothing yet") << "" << 1 << 3 << "3";
        QTest::newRow("a round with none before it") << "" << 2 << 1 << "1,1";
    }
    void withHeats()
    {
        QFETCH(QString, rounds);
        QFETCH(int, round);
        QFETCH(int, heats);
        QFETCH(QString, expected);
        QCOMPARE(seeding::withHeats(rounds, round, heats), expected);
    }
};

QTEST_GUILESS_MAIN(TestSeeding)
#include "tst_seeding.moc"
