#include "athletics/places.h"

#include <QTest>

using namespace meetdesk;
using Kind = EventCatalogue::Kind;
using Status = Performance::Status;

Q_DECLARE_METATYPE(EventCatalogue::Kind)

namespace {

QList<Performance> performances(Kind kind, const QString &list)
{
    QList<Performance> out;
    for (const QString &text : list.split(u' ', Qt::SkipEmptyParts)) {
        const auto p = Performance::parse(kind, text == u"_" ? QString() : text);
        if (!p)
            qFatal("bad test performance %s", qPrintable(text));
        out.append(*p);
    }
    return out;
}

// "1 2= 2= 4 -" -> placings; "-" is unplaced.
QList<Placing> placings(const QString &list)
{
    QList<Placing> out;
    for (QString cell : list.split(u' ', Qt::SkipEmptyParts)) {
        Placing p;
        if (cell != u"-") {
            p.tie = cell.endsWith(u'=');
            if (p.tie)
                cell.chop(1);
            p.place = cell.toInt();
        }
        out.append(p);
    }
    return out;
}

// "6.04 5.83 x|6.04 5.90" -> one series per athlete
QList<HorizontalSeries> horizontalCards(const QString &cards)
{
    QList<HorizontalSeries> out;
    for (const QString &card : cards.split(u'|')) {
        HorizontalSeries series;
        for (const QString &cell : card.split(u' ', Qt::SkipEmptyParts)) {
            auto a = fieldseries::parseAttempt(Kind::Horizontal, cell);
            if (!a)
                qFatal("bad test attempt %s", qPrintable(cell));
            HorizontalAttempt attempt = *a;
            attempt.round = int(series.size()) + 1;
            series.append(attempt);
        }
        out.append(series);
    }
    return out;
}

// "o xo xxo xxx|xo o o xxx" with heights "160 165 170 175" -> one card per athlete
QList<VerticalSeries> verticalCards(const QString &heights, const QString &cards)
{
    const QStringList bars = heights.split(u' ');
    QList<VerticalSeries> out;
    for (const QString &card : cards.split(u'|')) {
        VerticalSeries series;
        const QStringList cells = card.split(u' ');
        for (qsizetype i = 0; i < bars.size(); ++i)
            series.append({bars[i].toInt(), cells.value(i) == u"." ? QString() : cells.value(i)});
        out.append(series);
    }
    return out;
}

} // namespace

class TestPlaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heat_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("performances");
        QTest::addColumn<QString>("places");
        QTest::newRow("in order") << Kind::Track << "10.69 10.88 11.06"
                                  << "1 2 3";
        QTest::newRow("out of order") << Kind::Track << "11.06 10.69 10.88"
                                      << "3 1 2";
        QTest::newRow("a tie shares the place and skips the next")
            << Kind::Track << "10.69 10.88 10.88 11.06"
            << "1 2= 2= 4";
        QTest::newRow("a tie for first") << Kind::Track << "10.88 10.88 11.06"
                                         << "1= 1= 3";
        QTest::newRow("thousandths separate") << Kind::Track << "10.372 10.371"
                                              << "2 1";
        QTest::newRow("hand times tie to the tenth") << Kind::Track << "10.4 10.4 10.5"
                                                     << "1= 1= 3";
        QTest::newRow("DNS, DNF and DQ come last, unplaced")
            << Kind::Track << "DNS 11.21 DQ 10.95 DNF"
            << "- 2 - 1 -";
        QTest::newRow("nothing recorded is unplaced") << Kind::Track << "_ 12.00"
                                                      << "- 1";
        QTest::newRow("minutes") << Kind::Track << "4:01.22 3:59.87 4:01.22"
                                 << "2= 1 2=";
        QTest::newRow("distances: longer first") << Kind::Throw << "44.32 43.34 NM 44.32"
                                                 << "1= 3 - 1=";
        QTest::newRow("points: more first") << Kind::Combined << "1835 2003 1708"
                                            << "2 1 3";
    }
    void heat()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, performances);
        QFETCH(QString, places);
        QCOMPARE(places::byPerformance(::performances(kind, performances)), placings(places));
    }

    void acrossHeats()
    {
        const QList<QList<Performance>> heats {
            performances(Kind::Track, QStringLiteral("10.69 10.88 DNS")),
            performances(Kind::Track, QStringLiteral("10.78 10.88"))};
        const auto overall = places::acrossHeats(heats);
        QCOMPARE(overall.size(), 2);
        QCOMPARE(overall[0], placings(QStringLiteral("1 3= -")));
        QCOMPARE(overall[1], placings(QStringLiteral("2 3=")));
    }

    void horizontal_data()
    {
        QTest::addColumn<QString>("cards");
        QTest::addColumn<QString>("places");
        QTest::newRow("best mark decides") << "5.48 5.66|5.85 x|6.04"
                                           << "3 2 1";
        QTest::newRow("equal best: the next best decides") << "6.04 5.83 x|5.90 6.04|6.04 5.80 5.83"
                                                           << "3 1 2";
        QTest::newRow("down to the third mark") << "6.00 5.50 5.10|6.00 5.50 5.20"
                                                << "2 1";
        QTest::newRow("another valid mark beats none") << "6.00 x x|6.00 5.00 x"
                                                       << "2 1";
        QTest::newRow("identical series share first place") << "6.00 5.50|5.50 6.00|5.90"
                                                            << "1= 1= 3";
        QTest::newRow("no valid mark is unplaced") << "x x x|5.10|- -"
                                                   << "- 1 -";
    }
    void horizontal()
    {
        QFETCH(QString, cards);
        QFETCH(QString, places);
        QCOMPARE(places::horizontal(horizontalCards(cards)), placings(places));
    }

    void horizontalStatusWordsAreUnplaced()
    {
        const auto cards = horizontalCards(QStringLiteral("6.04|5.85|5.66"));
        QCOMPARE(places::horizontal(cards, {Status::Mark, Status::DQ}),
                 placings(QStringLiteral("1 - 2")));
    }

    void vertical_data()
    {
        QTest::addColumn<QString>("heights");
        QTest::addColumn<QString>("cards");
        QTest::addColumn<QString>("places");
        QTest::newRow("best height decides") << "160 165 170"
                                             << "o o xxx|o o o|o xxx ."
                                             << "2 1 3";
        // Three clear 1.70 m and fail at 1.75 m. The fewest attempts at 1.70 m come first,
        // although that athlete has the fewest failures overall: the second and third
        // athletes cleared it at the first attempt. Between those two, the fewest failures in
        // the whole competition up to 1.70 m decides (two against four).
        QTest::newRow("three-way tie at 1.70 broken by countback")
            << "160 165 170 175"
            << "xxo xxo o xxx|o o xo xxx|xo xo o xxx"
            << "2 3 1";
        QTest::newRow("countback cannot break it: a shared first place (jump-off)")
            << "160 165 170 175"
            << "o xo o xxx|xo o o xxx|o o xo xxx"
            << "1= 1= 3";
        QTest::newRow("countback cannot break it: a shared second place")
            << "160 165 170 175"
            << "o o o o|o xo o xxx|xo o o xxx"
            << "1 2= 2=";
        QTest::newRow("failures above the height last cleared do not count") << "160 165 170"
                                                                             << "o o xxx|xo o xx"
                                                                             << "1 2";
        QTest::newRow("passes are not failures") << "160 165 170"
                                                 << "- xo xxx|o xo xxx"
                                                 << "1= 1=";
        QTest::newRow("no height cleared is unplaced") << "160 165"
                                                       << "xxx .|o xxx|. ."
                                                       << "- 1 -";
        // The riverside sample's high jump: 117 cleared 1.95; 119, 104 and 118 cleared 1.85,
        // 119 at the third attempt; 104 and 118 at the first with one failure each before.
        QTest::newRow("sample meet")
            << "170 175 180 185 190 195 200"
            << "o - o xo o xxo xxx|- o o xxo xx- x .|o o xo o xxx . .|o xo xxx . . . .|xo o o o "
               "xxx . ."
            << "1 4 2= 5 2=";
    }
    void vertical()
    {
        QFETCH(QString, heights);
        QFETCH(QString, cards);
        QFETCH(QString, places);
        QCOMPARE(places::vertical(verticalCards(heights, cards)), placings(places));
    }

    void verticalStatusWordsAreUnplaced()
    {
        const auto cards
            = verticalCards(QStringLiteral("160 165"), QStringLiteral("o o|o xo|o xxo"));
        QCOMPARE(places::vertical(cards, {Status::DQ}), placings(QStringLiteral("- 1 2")));
    }

    void order()
    {
        QCOMPARE(places::order(placings(QStringLiteral("3 - 1 2= 2= -"))),
                 (QList<int> {2, 3, 4, 0, 1, 5}));
    }
};

QTEST_GUILESS_MAIN(TestPlaces)
#include "tst_places.moc"
