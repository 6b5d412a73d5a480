#include "athletics/advancement.h"
#include "athletics/lanedraw.h"

#include <QSet>
#include <QTest>

using namespace meetdesk;
using advancement::Position;
using advancement::Tie;

namespace {

// One heat per "|": "1:10.69 2:10.88 -:DNF" -> place:performance per athlete, bibs "h.i"
// (heat and line from 1); "-" is no place.
QList<QList<Finisher>> heats(const QString &text)
{
    QList<QList<Finisher>> out;
    for (const QString &heat : text.split(u'|')) {
        QList<Finisher> lines;
        for (const QString &item : heat.split(u' ', Qt::SkipEmptyParts)) {
            const qsizetype colon = item.indexOf(u':');
            const QString place = item.left(colon);
            const QString performance = item.mid(colon + 1);
            Finisher f;
            f.bib = QStringLiteral("%1.%2").arg(out.size() + 1).arg(lines.size() + 1);
            f.place = place == u"-" ? 0 : place.toInt();
            const auto p = Performance::parse(EventCatalogue::Kind::Track, performance);
            if (!p)
                qFatal("bad test performance %s", qPrintable(performance));
            f.performance = *p;
            lines.append(f);
        }
        out.append(lines);
    }
    return out;
}

QString bibs(const QList<QList<Finisher>> &heats, const QList<Position> &positions)
{
    QStringList out;
    for (const Position &p : positions)
        out.append(heats[p.heat][p.index].bib);
    return out.join(u' ');
}

// Three heats of eight as a 100 m of 24 would run them.
const QString threeHeats
    = QStringLiteral("1:10.50 2:10.62 3:10.70 4:10.81 5:10.90 6:11.02 7:11.10 8:11.30|"
                     "1:10.45 2:10.66 3:10.68 4:10.79 5:10.95 6:11.00 7:11.20 -:DNF|"
                     "1:10.55 2:10.60 3:10.75 4:10.77 5:10.99 6:11.05 7:11.15 -:DNS");

} // namespace

class TestAdvancement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Issue 9: 2 Q + 2 q from three heats is an eight-athlete final, ranked as rule 20.3 ranks
    // it (heat winners by time, second places by time, then the fastest losers), and the lane
    // draw puts the four best-ranked in lanes 3 to 6.
    void twoQTwoQGivesAnEightAthleteFinal()
    {
        const auto h = heats(threeHeats);
        QRandomGenerator lot(1);
        const auto outcome = advancement::advance(h, {2, 2, 8}, lot);
        QCOMPARE(bibs(h, outcome.byPlace), QStringLiteral("1.1 1.2 2.1 2.2 3.1 3.2"));
        QCOMPARE(bibs(h, outcome.byTime), QStringLiteral("2.3 1.3")); // 10.68, 10.70
        QCOMPARE(bibs(h, outcome.ranked), QStringLiteral("2.1 1.1 3.1 3.2 1.2 2.2 2.3 1.3"));
        QVERIFY(outcome.ties.isEmpty());

        for (quint32 seed = 1; seed <= 20; ++seed) {
            QRandomGenerator draw(seed);
            const auto lanes = lanedraw::draw(int(outcome.ranked.size()), 8,
                                              lanedraw::raceOf(QStringLiteral("100")),
                                              lanedraw::Method::WorldAthletics, false, draw);
            QVERIFY(lanes.ok());
            QCOMPARE(QSet<int>(lanes->begin(), lanes->begin() + 4), QSet<int>({3, 4, 5, 6}));
            QCOMPARE(QSet<int>(lanes->begin() + 4, lanes->end()), QSet<int>({1, 2, 7, 8}));
        }
    }

    void advance_data()
    {
        QTest::addColumn<QString>("heats");
        QTest::addColumn<int>("byPlace");
        QTest::addColumn<int>("byTime");
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QString>("q"); // by place
        QTest::addColumn<QString>("fastest"); // by time
        QTest::newRow("Q only") << "1:10.50 2:10.60 3:10.70|1:10.55 2:10.65 3:10.66" << 1 << 0 << 0
                                << "1.1 2.1"
                                << "";
        QTest::newRow("DNF and DQ are no fastest losers")
            << "1:10.50 -:DNF -:DQ|1:10.55 2:10.65" << 1 << 3 << 0 << "1.1 2.1"
            << "2.2";
        QTest::newRow("no limit: tie by place, both go through")
            << "1:10.50 2:10.60 2:10.60 4:10.70|1:10.55 2:10.62 3:10.66" << 2 << 1 << 0
            << "1.1 1.2 1.3 2.1 2.2"
            << "2.3";
        QTest::newRow("tie by place fills the final: one fewer on time")
            << "1:10.50 2:10.60 2:10.60 4:10.70|1:10.55 2:10.62 3:10.66 4:10.69" << 2 << 2 << 6
            << "1.1 1.2 1.3 2.1 2.2"
            << "2.3";
        QTest::newRow("thousandths decide, no tie")
            << "1:10.50 2:10.60 3:10.702|1:10.55 2:10.62 3:10.701" << 2 << 1 << 0
            << "1.1 1.2 2.1 2.2"
            << "2.3";
    }
    void advance()
    {
        QFETCH(QString, heats);
        QFETCH(int, byPlace);
        QFETCH(int, byTime);
        QFETCH(int, capacity);
        QFETCH(QString, q);
        QFETCH(QString, fastest);
        const auto h = ::heats(heats);
        QRandomGenerator lot(1);
        const auto outcome = advancement::advance(h, {byPlace, byTime, capacity}, lot);
        QCOMPARE(bibs(h, outcome.byPlace), q);
        QCOMPARE(bibs(h, outcome.byTime), fastest);
        QCOMPARE(outcome.ranked.size(), outcome.byPlace.size() + outcome.byTime.size());
    }

    void aTieByPlaceIsReported()
    {
        const auto h = heats(QStringLiteral("1:10.50 2:10.60 2:10.60 4:10.70"));
        QRandomGenerator lot(1);
        const auto outcome = advancement::advance(h, {2, 0, 0}, lot);
        QCOMPARE(outcome.ties.size(), 1);
        const Tie &tie = outcome.ties.first();
        QCOMPARE(tie.kind, Tie::Kind::Place);
        QCOMPARE(bibs(h, tie.athletes), QStringLiteral("1.2 1.3"));
        QCOMPARE(tie.places, 1);
        QVERIFY(!tie.drawn());
    }

    // No room for both: the last place is drawn by lot among the tied, and the lot decides.
    void aTieByTimeWithoutRoomIsDrawn()
    {
        const auto h = heats(QStringLiteral("1:10.50 2:10.70 3:10.90|1:10.55 2:10.70 3:10.95"));
        QSet<QString> winners;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            QRandomGenerator lot(seed);
            const auto outcome = advancement::advance(h, {1, 1, 3}, lot);
            QCOMPARE(outcome.ties.size(), 1);
            const Tie &tie = outcome.ties.first();
            QCOMPARE(tie.kind, Tie::Kind::Time);
            QCOMPARE(QSet<QString>({h[tie.athletes[0].heat][tie.athletes[0].index].bib,
                                    h[tie.athletes[1].heat][tie.athletes[1].index].bib}),
                     QSet<QString>({QStringLiteral("1.2"), QStringLiteral("2.2")}));
            QCOMPARE(tie.places, 1);
            QVERIFY(tie.drawn());
            QCOMPARE(tie.through.size(), 1);
            QCOMPARE(outcome.byTime, tie.through);
            winners.insert(bibs(h, tie.through));
        }
        QCOMPARE(winners.size(), 2);
    }

    void aTieByTimeWithRoomSendsBoth()
    {
        const auto h = heats(QStringLiteral("1:10.50 2:10.70 3:10.90|1:10.55 2:10.70 3:10.95"));
        QRandomGenerator lot(1);
        const auto outcome = advancement::advance(h, {1, 1, 8}, lot);
        QCOMPARE(outcome.ties.size(), 1);
        QVERIFY(!outcome.ties.first().drawn());
        QCOMPARE(outcome.byTime.size(), 2);
    }

    void tiesByPlaceBeyondTheFinalAreDrawn()
    {
        const auto h = heats(QStringLiteral("1:10.50 1:10.50 1:10.50|1:10.55 2:10.60"));
        QSet<QString> seen;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            QRandomGenerator lot(seed);
            const auto outcome = advancement::advance(h, {2, 1, 4}, lot);
            QCOMPARE(outcome.byPlace.size(), 4);
            QCOMPARE(outcome.byTime.size(), 0);
            QVERIFY(outcome.byPlace.contains(Position {1, 0}));
            QVERIFY(outcome.byPlace.contains(Position {1, 1}));
            const Tie &tie = outcome.ties.first();
            QCOMPARE(tie.athletes.size(), 3);
            QCOMPARE(tie.places, 2);
            QCOMPARE(tie.through.size(), 2);
            seen.insert(bibs(h, tie.through));
        }
        QVERIFY(seen.size() > 1);
    }

    void rankForTheNextRound()
    {
        const auto h = heats(QStringLiteral("1:10.60 2:10.70 3:10.71|1:10.50 2:10.80 3:10.65"));
        QRandomGenerator lot(1);
        const QList<Position> q {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        const QList<Position> fastest {{0, 2}, {1, 2}};
        // Winners by time, second places by time, then the rest by time (10.65 before 10.71).
        QCOMPARE(bibs(h, advancement::rank(h, q, fastest, lot)),
                 QStringLiteral("2.1 1.1 1.2 2.2 2.3 1.3"));
    }

    void laterRoundsOfLongerRacesKeepImprovedSeeds()
    {
        auto h = heats(QStringLiteral("1:1:50.00 2:1:51.00|1:1:49.00 2:1:52.00"));
        h[0][0].seed = Performance::time(107000, 2); // 1:47.00 beats the round's 1:50.00
        h[0][1].seed = Performance::time(115000, 2);
        h[1][1].seed = Performance::time(108500, 2);
        QRandomGenerator lot(1);
        const QList<Position> all {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        QCOMPARE(bibs(h, advancement::rankByImprovedMarks(h, all, lot)),
                 QStringLiteral("1.1 2.2 2.1 1.2"));
    }
};

QTEST_GUILESS_MAIN(TestAdvancement)
#include "tst_advancement.moc"
