#include "athletics/fieldseries.h"
#include "athletics/wind.h"

#include <QTest>

using namespace meetdesk;
using Kind = EventCatalogue::Kind;
using Status = Performance::Status;

Q_DECLARE_METATYPE(EventCatalogue::Kind)
Q_DECLARE_METATYPE(AttemptMark)

namespace {

// "6.03/+0.8 x 5.80 -" -> a series, attempts numbered in order; "/w" adds a wind reading.
HorizontalSeries horizontalCard(const QString &card)
{
    HorizontalSeries series;
    int round = 0;
    for (const QString &cell : card.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = cell.split(u'/');
        const auto a = fieldseries::parseAttempt(Kind::Horizontal, parts[0]);
        if (!a)
            qFatal("bad test card %s", qPrintable(card));
        HorizontalAttempt attempt = *a;
        attempt.round = ++round;
        if (parts.size() > 1)
            attempt.wind = int(parts[1].toDouble() * 10 + (parts[1].startsWith(u'-') ? -0.5 : 0.5));
        series.append(attempt);
    }
    return series;
}

// "170:o 175:xo 180:xxx" -> a vertical card (heights in centimetres).
VerticalSeries verticalCard(const QString &card)
{
    VerticalSeries series;
    for (const QString &cell : card.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = cell.split(u':');
        series.append({parts[0].toInt(), parts.value(1)});
    }
    return series;
}

} // namespace

class TestFieldSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attempts_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<AttemptMark>("mark");
        QTest::addColumn<int>("centimetres");
        QTest::addColumn<QString>("written");
        QTest::newRow("mark") << "7.42" << true << AttemptMark::Mark << 742 << "7.42";
        QTest::newRow("comma") << "7,4" << true << AttemptMark::Mark << 740 << "7.40";
        QTest::newRow("whole metres") << "62" << true << AttemptMark::Mark << 6200 << "62.00";
        QTest::newRow("foul") << "X" << true << AttemptMark::Foul << 0 << "x";
        QTest::newRow("pass") << "-" << true << AttemptMark::Pass << 0 << "-";
        QTest::newRow("retired") << "r" << true << AttemptMark::Retired << 0 << "r";
        QTest::newRow("millimetres") << "7.425" << false << AttemptMark::Foul << 0 << "";
        QTest::newRow("word") << "foul" << false << AttemptMark::Foul << 0 << "";
        QTest::newRow("zero") << "0" << false << AttemptMark::Foul << 0 << "";
        QTest::newRow("status word") << "NM" << false << AttemptMark::Foul << 0 << "";
        QTest::newRow("clear is for heights") << "o" << false << AttemptMark::Foul << 0 << "";
    }
    void attempts()
    {
        QFETCH(QString, typed);
        QFETCH(bool, ok);
        QFETCH(AttemptMark, mark);
        QFETCH(int, centimetres);
        QFETCH(QString, written);
        const auto a = fieldseries::parseAttempt(Kind::Throw, typed);
        QCOMPARE(a.ok(), ok);
        if (!ok) {
            QVERIFY(!a.error().isEmpty());
            return;
        }
        QCOMPARE(a->mark, mark);
        QCOMPARE(a->centimetres, centimetres);
        QCOMPARE(fieldseries::attemptText(*a), written);
    }

    void attemptsWithWind_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("centimetres"); // -1: refused
        QTest::addColumn<int>("wind"); // tenths
        QTest::addColumn<QString>("card");
        QTest::newRow("mark and wind") << "6.01 +1.2" << 601 << 12 << "6.01 +1.2";
        QTest::newRow("headwind") << "6.01 -0.4" << 601 << -4 << "6.01 -0.4";
        QTest::newRow("in brackets") << "6.01 (+0.3)" << 601 << 3 << "6.01 +0.3";
        QTest::newRow("commas") << "6,1 1,5" << 610 << 15 << "6.10 +1.5";
        QTest::newRow("spaces around") << "  6.01   +2.4 " << 601 << 24 << "6.01 +2.4";
        QTest::newRow("finer reading rounded up") << "6.01 +2.03" << 601 << 21 << "6.01 +2.1";
        QTest::newRow("a foul's reading") << "X -1.3" << 0 << -13 << "x -1.3";
        QTest::newRow("not a reading") << "6.01 calm" << -1 << 0 << "";
        QTest::newRow("not a mark") << "six +1.2" << -1 << 0 << "";
        QTest::newRow("two readings") << "6.01 +1.2 +0.4" << -1 << 0 << "";
    }
    void attemptsWithWind()
    {
        QFETCH(QString, typed);
        QFETCH(int, centimetres);
        QFETCH(int, wind);
        QFETCH(QString, card);
        const auto a = fieldseries::parseAttempt(Kind::Horizontal, typed);
        QCOMPARE(a.ok(), centimetres >= 0);
        if (!a) {
            QVERIFY(!a.error().isEmpty());
            return;
        }
        QCOMPARE(a->centimetres, centimetres);
        QCOMPARE(a->wind, std::optional<int>(wind));
        QCOMPARE(fieldseries::cardText(*a), card);
        QCOMPARE(fieldseries::parseAttempt(Kind::Horizontal, card)->wind, a->wind);
        QCOMPARE(fieldseries::attemptText(*a), card.section(u' ', 0, 0)); // the result alone
    }

    void longJumpLimitsDifferFromThrows()
    {
        QVERIFY(fieldseries::parseAttempt(Kind::Throw, u"62.10"));
        QVERIFY(!fieldseries::parseAttempt(Kind::Horizontal, u"62.10"));
    }

    void best_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<int>("best"); // index, -1 none
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("wind");
        QTest::newRow("full series")
            << "6.03/0.8 6.04/-1.3 5.80/-0.9 x/-0.3 5.76/0.8 5.83/0.6" << 1 << "6.04"
            << "-1.3";
        QTest::newRow("fouls and passes") << "x - x" << -1 << "NM"
                                          << "";
        QTest::newRow("no attempts") << "" << -1 << ""
                                     << "";
        QTest::newRow("equal best: the legal wind") << "7.20/2.4 7.20/1.1 6.90/0.2" << 1 << "7.20"
                                                    << "+1.1";
        QTest::newRow("equal best, both legal: the first") << "7.20/1.4 7.20/1.1" << 0 << "7.20"
                                                           << "+1.4";
        QTest::newRow("retired after a mark") << "5.10 r" << 0 << "5.10"
                                              << "";
    }
    void best()
    {
        QFETCH(QString, card);
        QFETCH(int, best);
        QFETCH(QString, result);
        QFETCH(QString, wind);
        const HorizontalSeries series = horizontalCard(card);
        QCOMPARE(fieldseries::best(series), best);
        QCOMPARE(fieldseries::result(Kind::Horizontal, series).toString(), result);
        const auto bestWind = best >= 0 ? series[best].wind : std::nullopt;
        QCOMPARE(bestWind ? Wind::toString(*bestWind) : QString(), wind);
    }

    void marksBestFirst()
    {
        QCOMPARE(
            fieldseries::marksBestFirst(horizontalCard(QStringLiteral("5.48 x 5.66 5.45 x x"))),
            (QList<int> {566, 548, 545}));
        QVERIFY(fieldseries::marksBestFirst(horizontalCard(QStringLiteral("x x -"))).isEmpty());
    }

    void beyondAllowed()
    {
        const HorizontalSeries series = horizontalCard(QStringLiteral("5.10 5.20 x 5.30"));
        QCOMPARE(fieldseries::beyondAllowed(series, 3), QList<int> {3});
        QVERIFY(fieldseries::beyondAllowed(series, 6).isEmpty());
    }

    void heightCells_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored"); // empty: refused
        QTest::newRow("clear") << "o"
                               << "o";
        QTest::newRow("second attempt") << "XO"
                                        << "xo";
        QTest::newRow("third attempt") << "x x o"
                                       << "xxo";
        QTest::newRow("out") << "xxx"
                             << "xxx";
        QTest::newRow("pass") << "-"
                              << "-";
        QTest::newRow("fail then pass") << "x-"
                                        << "x-";
        QTest::newRow("two fails then pass") << "xx-"
                                             << "xx-";
        QTest::newRow("retired") << "xr"
                                 << "xr";
        QTest::newRow("still jumping") << "xx"
                                       << "xx";
        QTest::newRow("four attempts") << "xxxx"
                                       << "";
        QTest::newRow("after a clearance") << "ox"
                                           << "";
        QTest::newRow("after a pass") << "-o"
                                      << "";
        QTest::newRow("other letters") << "p"
                                       << "";
        QTest::newRow("clear after three failures") << "xxxo"
                                                    << "";
    }
    void heightCells()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        const Parsed<QString> cell = fieldseries::parseHeightAttempts(typed);
        QCOMPARE(cell.ok(), !stored.isEmpty());
        if (cell)
            QCOMPARE(*cell, stored);
        else
            QVERIFY(cell.error().contains(typed));
        QVERIFY(fieldseries::parseHeightAttempts(u""));
    }

    void vertical_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("result");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("eliminatedAt");
        QTest::newRow("sample 117") << "170:o 175:- 180:o 185:xo 190:o 195:xxo 200:xxx"
                                    << "1.95" << 3 << 3 << 6;
        QTest::newRow("passes after failures") << "170:- 175:o 180:o 185:xxo 190:xx- 195:x"
                                               << "1.85" << 3 << 2 << 5;
        QTest::newRow("failures before the last clearance count, after do not")
            << "170:xo 175:o 180:xxx"
            << "1.75" << 1 << 1 << 2;
        QTest::newRow("no clearance") << "170:xxx"
                                      << "NH" << 0 << 0 << 0;
        QTest::newRow("did not jump") << "170: 175:"
                                      << "" << 0 << 0 << -1;
        QTest::newRow("still in") << "170:o 175:xx"
                                  << "1.70" << 1 << 0 << -1;
    }
    void vertical()
    {
        QFETCH(QString, card);
        QFETCH(QString, result);
        QFETCH(int, attempts);
        QFETCH(int, failures);
        QFETCH(int, eliminatedAt);
        const VerticalSeries series = verticalCard(card);
        QCOMPARE(fieldseries::result(series).toString(), result);
        const auto c = fieldseries::countback(series);
        QCOMPARE(c.has_value(), attempts > 0);
        if (c) {
            QCOMPARE(c->attemptsAtHeight, attempts);
            QCOMPARE(c->failures, failures);
            QCOMPARE(Performance::distance(c->centimetres).toString(), result);
        }
        QCOMPARE(fieldseries::eliminatedAt(series), eliminatedAt);
    }

    void attemptsAfterOut()
    {
        QCOMPARE(fieldseries::attemptsAfterOut(
                     verticalCard(QStringLiteral("170:xx 175:x 180:o 185:xxx"))),
                 (QList<int> {2, 3}));
        QCOMPARE(fieldseries::attemptsAfterOut(verticalCard(QStringLiteral("170:r 175:o"))),
                 QList<int> {1});
        QVERIFY(
            fieldseries::attemptsAfterOut(verticalCard(QStringLiteral("170:xo 175:xxo 180:xxx")))
                .isEmpty());
    }

    void heightsInOrder()
    {
        QCOMPARE(fieldseries::firstOutOfOrder({170, 175, 180}), -1);
        QCOMPARE(fieldseries::firstOutOfOrder({170, 180, 175}), 2);
        QCOMPARE(fieldseries::firstOutOfOrder({170, 170}), 1);
        QCOMPARE(fieldseries::lastCleared(verticalCard(QStringLiteral("170:o 175:xxx"))), 0);
    }
};

QTEST_GUILESS_MAIN(TestFieldSeries)
#include "tst_fieldseries.moc"
