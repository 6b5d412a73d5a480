#include "athletics/performance.h"

#include <QTest>

using namespace meetdesk;
using Kind = EventCatalogue::Kind;
using Status = Performance::Status;

Q_DECLARE_METATYPE(EventCatalogue::Kind)
Q_DECLARE_METATYPE(Performance::Status)

class TestPerformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Status>("status");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("written");

        QTest::newRow("100 m") << Kind::Track << "10.37" << Status::Mark << 10370LL << 2 << "10.37";
        QTest::newRow("hand time")
            << Kind::Track << "10.4" << Status::Mark << 10400LL << 1 << "10.4";
        QTest::newRow("thousandths")
            << Kind::Track << "10.395" << Status::Mark << 10395LL << 3 << "10.395";
        QTest::newRow("comma") << Kind::Track << "10,37" << Status::Mark << 10370LL << 2 << "10.37";
        QTest::newRow("m:ss") << Kind::Track << "1:30.59" << Status::Mark << 90590LL << 2
                              << "1:30.59";
        QTest::newRow("h:mm:ss") << Kind::Road << "2:02:57" << Status::Mark << 7377000LL << 0
                                 << "2:02:57";
        QTest::newRow("seconds past a minute")
            << Kind::Track << "75.3" << Status::Mark << 75300LL << 1 << "1:15.3";
        QTest::newRow("relay") << Kind::Relay << "41.87" << Status::Mark << 41870LL << 2 << "41.87";
        QTest::newRow("spaces") << Kind::Track << "  11.02 " << Status::Mark << 11020LL << 2
                                << "11.02";
        QTest::newRow("distance") << Kind::Horizontal << "5.74" << Status::Mark << 574LL << 2
                                  << "5.74";
        QTest::newRow("one decimal")
            << Kind::Horizontal << "7,4" << Status::Mark << 740LL << 1 << "7.40";
        QTest::newRow("whole metres")
            << Kind::Throw << "62" << Status::Mark << 6200LL << 0 << "62.00";
        QTest::newRow("height") << Kind::Vertical << "1.85" << Status::Mark << 185LL << 2 << "1.85";
        QTest::newRow("points") << Kind::Combined << "2003" << Status::Mark << 2003LL << 0
                                << "2003";
        QTest::newRow("empty") << Kind::Track << "" << Status::Empty << 0LL << 0 << "";
        QTest::newRow("dns") << Kind::Track << "dns" << Status::DNS << 0LL << 0 << "DNS";
        QTest::newRow("DNF") << Kind::Road << "DNF" << Status::DNF << 0LL << 0 << "DNF";
        QTest::newRow("DNF with rule")
            << Kind::Track << "DNF TR4.4.3" << Status::DNF << 0LL << 0 << "DNF TR4.4.3";
        QTest::newRow("DQ") << Kind::Relay << "DQ" << Status::DQ << 0LL << 0 << "DQ";
        QTest::newRow("DSQ") << Kind::Track << "DSQ" << Status::DQ << 0LL << 0 << "DQ";
        QTest::newRow("DQ with rule")
            << Kind::Track << "DQ TR17.3.1" << Status::DQ << 0LL << 0 << "DQ TR17.3.1";
        QTest::newRow("DQ rule in brackets")
            << Kind::Track << "dq (tr 16.8)" << Status::DQ << 0LL << 0 << "DQ TR16.8";
        QTest::newRow("DQ old rule")
            << Kind::Track << "DQ R163.3(a)" << Status::DQ << 0LL << 0 << "DQ R163.3(a)";
        QTest::newRow("NM") << Kind::Throw << "nm" << Status::NM << 0LL << 0 << "NM";
        QTest::newRow("NH") << Kind::Vertical << "NH" << Status::NH << 0LL << 0 << "NH";
        QTest::newRow("retired") << Kind::Vertical << "R" << Status::Retired << 0LL << 0 << "r";
        QTest::newRow("six digits of seconds")
            << Kind::Road << "123456" << Status::Mark << 123456000LL << 0 << "34:17:36";
        QTest::newRow("h:mm:ss with tenths")
            << Kind::Road << "2:02:57.4" << Status::Mark << 7377400LL << 1 << "2:02:57.4";
        QTest::newRow("four digits of metres")
            << Kind::Throw << "99.9" << Status::Mark << 9990LL << 1 << "99.90";
    }
    void reads()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, text);
        QFETCH(Status, status);
        QFETCH(qint64, value);
        QFETCH(int, decimals);
        QFETCH(QString, written);
        const Parsed<Performance> p = Performance::parse(kind, text);
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(p->status, status);
        QCOMPARE(p->value, value);
        QCOMPARE(p->decimals, decimals);
        QCOMPARE(p->text, text.trimmed()); // kept as written
        QCOMPARE(p->toString(), written);
        QCOMPARE(p->kind, kind);
    }

    void refuses_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason"); // a part of the message

        QTest::newRow("letters as a 100 m time") << Kind::Track << "abc"
                                                 << "is not a time";
        QTest::newRow("negative time") << Kind::Track << "-10.37"
                                       << "cannot be negative";
        QTest::newRow("61 seconds in m:ss") << Kind::Track << "1:61.20"
                                            << "under 60";
        QTest::newRow("61 minutes in h:mm:ss") << Kind::Road << "2:61:00"
                                               << "under 60";
        QTest::newRow("one digit after a colon") << Kind::Track << "1:5.3"
                                                 << "two digits";
        QTest::newRow("dots for a colon") << Kind::Track << "1.30.59"
                                          << "colon";
        QTest::newRow("ten thousandths") << Kind::Track << "10.3712"
                                         << "thousandth";
        QTest::newRow("zero time") << Kind::Track << "0.00"
                                   << "zero";
        QTest::newRow("two decimal points") << Kind::Track << "10.3.7"
                                            << "is not a time";
        QTest::newRow("seven digits") << Kind::Road << "1234567"
                                      << "is not a time";
        QTest::newRow("four groups") << Kind::Road << "1:02:03:04"
                                     << "is not a time";
        QTest::newRow("nothing after the point") << Kind::Track << "10."
                                                 << "is not a time";
        QTest::newRow("nothing before the point") << Kind::Track << ".37"
                                                  << "is not a time";
        QTest::newRow("nothing after a colon") << Kind::Track << "1:"
                                               << "is not a time";
        QTest::newRow("dots with nothing after") << Kind::Track << "1.30."
                                                 << "is not a time";
        QTest::newRow("five digits of metres") << Kind::Throw << "12345"
                                               << "is not a distance";
        QTest::newRow("a point and no centimetres") << Kind::Horizontal << "7."
                                                    << "is not a distance";
        QTest::newRow("a status word and a line") << Kind::Track << "DNS\nx"
                                                  << "is not a time";
        QTest::newRow("points with a point") << Kind::Combined << "2003."
                                             << "number of points";
        QTest::newRow("seven digits of points") << Kind::Combined << "1234567"
                                                << "number of points";
        QTest::newRow("millimetres") << Kind::Horizontal << "7.425"
                                     << "centimetre";
        QTest::newRow("negative distance") << Kind::Throw << "-5.2"
                                           << "cannot be negative";
        QTest::newRow("letters as a height") << Kind::Vertical << "high"
                                             << "is not a height";
        QTest::newRow("centimetres as metres") << Kind::Vertical << "185"
                                               << "higher than any";
        QTest::newRow("too long a jump") << Kind::Horizontal << "74.2"
                                         << "longer than any jump";
        QTest::newRow("too long a throw") << Kind::Throw << "442.1"
                                          << "longer than any throw";
        QTest::newRow("zero distance") << Kind::Horizontal << "0"
                                       << "zero";
        QTest::newRow("fractional points") << Kind::Combined << "2003.5"
                                           << "whole numbers";
        QTest::newRow("words as points") << Kind::Combined << "many"
                                         << "number of points";
        QTest::newRow("NH in a race") << Kind::Track << "NH"
                                      << "high jump";
        QTest::newRow("NM in a race") << Kind::Track << "NM"
                                      << "field event";
        QTest::newRow("not a rule") << Kind::Track << "DQ false start"
                                    << "rule reference";
        QTest::newRow("unknown event") << Kind::Unknown << "10.37"
                                       << "code";
    }
    void refuses()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Parsed<Performance> p = Performance::parse(kind, text);
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(reason), qPrintable(p.error()));
        QVERIFY2(p.error().contains(text.trimmed()) || kind == Kind::Unknown,
                 qPrintable(p.error())); // names what was typed
    }

    void impossibleForTheDistance_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("100 m in 10.37") << "100"
                                        << "10.37" << true;
        QTest::newRow("100 m in 1.03") << "100"
                                       << "1.03" << false;
        QTest::newRow("100 m in 3:30.00") << "100"
                                          << "3:30.00" << false;
        QTest::newRow("4x100 m in 36.84") << "4x100"
                                          << "36.84" << true;
        QTest::newRow("1500 m in 59.0") << "1500"
                                        << "59.0" << false;
        QTest::newRow("marathon in 2:02:57") << "MAR"
                                             << "2:02:57" << true;
        QTest::newRow("5 km in 4:00") << "5K"
                                      << "4:00" << false;
        QTest::newRow("long jump needs no distance") << "LJ"
                                                     << "7.42" << true;
        QTest::newRow("status words") << "100"
                                      << "DNS" << true;
    }
    void impossibleForTheDistance()
    {
        QFETCH(QString, code);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const Parsed<Performance> p = Performance::parseFor(code, text);
        QCOMPARE(p.ok(), ok);
        if (!ok)
            QVERIFY2(p.error().contains(text), qPrintable(p.error()));
    }

    void compares_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected"); // -1: a is better, 0: tie, 1: b is better
        QTest::newRow("lower time is better") << Kind::Track << "10.37"
                                              << "10.52" << -1;
        QTest::newRow("minutes beat seconds") << Kind::Track << "59.99"
                                              << "1:00.01" << -1;
        QTest::newRow("hand time ties with its hundredths") << Kind::Track << "10.4"
                                                            << "10.40" << 0;
        QTest::newRow("thousandths separate") << Kind::Track << "10.372"
                                              << "10.371" << 1;
        QTest::newRow("longer jump is better") << Kind::Horizontal << "5.74"
                                               << "6.01" << 1;
        QTest::newRow("higher is better") << Kind::Vertical << "1.85"
                                          << "1.80" << -1;
        QTest::newRow("more points are better") << Kind::Combined << "2003"
                                                << "1835" << -1;
        QTest::newRow("a time beats DNF") << Kind::Track << "DNF"
                                          << "12.50" << 1;
        QTest::newRow("statuses tie") << Kind::Track << "DNS"
                                      << "DQ" << 0;
        QTest::newRow("a mark beats nothing") << Kind::Throw << ""
                                              << "12.00" << 1;
    }
    void compares()
    {
        QFETCH(Kind, kind);
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        const auto pa = Performance::parse(kind, a);
        const auto pb = Performance::parse(kind, b);
        QVERIFY(pa && pb);
        const int c = compare(*pa, *pb);
        QCOMPARE((c > 0) - (c < 0), expected);
        const int reverse = compare(*pb, *pa);
        QCOMPARE((reverse > 0) - (reverse < 0), -expected);
    }

    void built_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("written");
        QTest::newRow("exact") << 10370LL << 2 << "10.37";
        QTest::newRow("thousandths round up") << 10372LL << 2 << "10.38";
        QTest::newRow("hand time rounds up") << 10410LL << 1 << "10.5";
        QTest::newRow("whole seconds round up") << 7376001LL << 0 << "2:02:57";
        QTest::newRow("an hour") << 3600000LL << 0 << "1:00:00";
    }
    void built()
    {
        QFETCH(qint64, ms);
        QFETCH(int, decimals);
        QFETCH(QString, written);
        const Performance p = Performance::time(ms, decimals);
        QCOMPARE(p.toString(), written);
        QVERIFY(p.isMark());
        // and it reads back as the same value
        const auto back = Performance::parse(Kind::Track, p.toString());
        QVERIFY(back);
        QCOMPARE(back->value, p.value);
    }

    void others()
    {
        QCOMPARE(Performance::distance(574).toString(), QStringLiteral("5.74"));
        QCOMPARE(Performance::distance(605).toString(), QStringLiteral("6.05"));
        QCOMPARE(Performance::points(812).toString(), QStringLiteral("812"));
        QCOMPARE(
            Performance::withStatus(Status::DQ, Kind::Track, QStringLiteral("TR16.8")).toString(),
            QStringLiteral("DQ TR16.8"));
        QVERIFY(Performance::withStatus(Status::DNS).isUnplaced());
        QVERIFY(!Performance().isMark());
        QCOMPARE(Performance::statusOf(u"dsq"), std::optional<Status>(Status::DQ));
        QCOMPARE(Performance::statusOf(u"fast"), std::nullopt);
        QCOMPARE(Performance::statusWord(Status::Retired), QStringLiteral("r"));
        QCOMPARE(Performance::measureOf(Kind::Relay), Performance::Measure::Time);
        QCOMPARE(Performance::measureOf(Kind::Vertical), Performance::Measure::Distance);
        QCOMPARE(Performance::measureOf(Kind::Combined), Performance::Measure::Points);
        QCOMPARE(Performance::measureOf(Kind::Unknown), Performance::Measure::None);
    }
};

QTEST_GUILESS_MAIN(TestPerformance)
#include "tst_performance.moc"
