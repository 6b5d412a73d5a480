#include "athletics/scoring.h"

#include <QTest>

using namespace meetdesk;
using Kind = EventCatalogue::Kind;

namespace {

Performance read(const QString &code, const QString &text)
{
    const auto p = Performance::parse(EventCatalogue::kindOf(code), text);
    if (!p)
        qFatal("bad test performance %s: %s", qPrintable(text), qPrintable(p.error()));
    return *p;
}

} // namespace

class TestScoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The formula alone, at the points the tables are built around.
    void formula_data()
    {
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("measure"); // seconds, centimetres or metres
        QTest::addColumn<int>("points");
        QTest::newRow("men's 100 m 10.395 s") << "M"
                                              << "100" << 10.395 << 1000;
        QTest::newRow("men's long jump 776 cm") << "M"
                                                << "LJ" << 776.0 << 1000;
        QTest::newRow("women's 200 m 23.80 s") << "F"
                                               << "200" << 23.80 << 1000;
        QTest::newRow("at B: nothing") << "M"
                                       << "100" << 18.0 << 0;
        QTest::newRow("beyond B: nothing") << "M"
                                           << "100" << 19.5 << 0;
        QTest::newRow("short of B: nothing") << "M"
                                             << "LJ" << 210.0 << 0;
        QTest::newRow("a throw short of B") << "M"
                                            << "SP" << 1.2 << 0;
    }
    void formula()
    {
        QFETCH(QString, gender);
        QFETCH(QString, code);
        QFETCH(double, measure);
        QFETCH(int, points);
        const auto line = scoring::coefficients(gender, code);
        QVERIFY(line);
        QCOMPARE(scoring::points(*line, measure), points);
    }

    void coefficients()
    {
        const ScoringCoefficients m100 {25.4347, 18, 1.81, ScoringCoefficients::Measure::Seconds};
        QCOMPARE(*scoring::coefficients(QStringLiteral("M"), QStringLiteral("100")), m100);
        const ScoringCoefficients mlj {0.14354, 220, 1.4,
                                       ScoringCoefficients::Measure::Centimetres};
        QCOMPARE(*scoring::coefficients(QStringLiteral("M"), QStringLiteral("LJ")), mlj);
        QCOMPARE(scoring::coefficients(QStringLiteral("F"), QStringLiteral("SP4K"))->measure,
                 ScoringCoefficients::Measure::Metres);
        QVERIFY(scoring::coefficients(QStringLiteral("W"), QStringLiteral("100H")));
        QVERIFY(!scoring::coefficients(QStringLiteral("F"),
                                       QStringLiteral("75"))); // a youth event, not in the tables
        QVERIFY(!scoring::coefficients(QStringLiteral("M"),
                                       QStringLiteral("100H"))); // men run 110 m hurdles
        QVERIFY(!scoring::coefficients(QStringLiteral("X"), QStringLiteral("100")));
    }

    // Performances as results write them, against published scores. The world records'
    // events: decathlon 9045 (2015) and 9126 (2018), heptathlon 7291 (1988).
    void published_data()
    {
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("performance");
        QTest::addColumn<int>("points");
        // track
        QTest::newRow("M 100 10.23") << "M"
                                     << "100"
                                     << "10.23" << 1040;
        QTest::newRow("M 100 10.55") << "M"
                                     << "100"
                                     << "10.55" << 963;
        QTest::newRow("M 400 45.00") << "M"
                                     << "400"
                                     << "45.00" << 1060;
        QTest::newRow("M 400 48.42") << "M"
                                     << "400"
                                     << "48.42" << 889;
        QTest::newRow("M 110H 13.69") << "M"
                                      << "110H"
                                      << "13.69" << 1015;
        QTest::newRow("M 110H 13.75") << "M"
                                      << "110H"
                                      << "13.75" << 1007;
        QTest::newRow("M 1500 4:17.52") << "M"
                                        << "1500"
                                        << "4:17.52" << 829;
        QTest::newRow("M 1500 4:36.11") << "M"
                                        << "1500"
                                        << "4:36.11" << 705;
        QTest::newRow("F 100H 12.69") << "F"
                                      << "100H"
                                      << "12.69" << 1172;
        QTest::newRow("F 200 22.56") << "F"
                                     << "200"
                                     << "22.56" << 1123;
        QTest::newRow("F 800 2:08.51") << "F"
                                       << "800"
                                       << "2:08.51" << 987;
        // jumps (centimetres)
        QTest::newRow("M LJ 7.76") << "M"
                                   << "LJ"
                                   << "7.76" << 1000;
        QTest::newRow("M LJ 7.88") << "M"
                                   << "LJ"
                                   << "7.88" << 1030;
        QTest::newRow("M LJ 7.80") << "M"
                                   << "LJ"
                                   << "7.80" << 1010;
        QTest::newRow("M HJ 2.01") << "M"
                                   << "HJ"
                                   << "2.01" << 813;
        QTest::newRow("M HJ 2.05") << "M"
                                   << "HJ"
                                   << "2.05" << 850;
        QTest::newRow("M PV 5.20") << "M"
                                   << "PV"
                                   << "5.20" << 972;
        QTest::newRow("M PV 5.45") << "M"
                                   << "PV"
                                   << "5.45" << 1051;
        QTest::newRow("F HJ 1.86") << "F"
                                   << "HJ"
                                   << "1.86" << 1054;
        QTest::newRow("F LJ 7.27") << "F"
                                   << "LJ"
                                   << "7.27" << 1264;
        // throws (metres)
        QTest::newRow("M SP 14.52") << "M"
                                    << "SP"
                                    << "14.52" << 760;
        QTest::newRow("M SP 16.00") << "M"
                                    << "SP"
                                    << "16.00" << 851;
        QTest::newRow("M DT 43.34") << "M"
                                    << "DT"
                                    << "43.34" << 733;
        QTest::newRow("M DT 50.54") << "M"
                                    << "DT"
                                    << "50.54" << 882;
        QTest::newRow("M JT 63.63") << "M"
                                    << "JT"
                                    << "63.63" << 793;
        QTest::newRow("M JT 71.90") << "M"
                                    << "JT"
                                    << "71.90" << 918;
        QTest::newRow("F SP 15.80") << "F"
                                    << "SP"
                                    << "15.80" << 915;
        QTest::newRow("F JT 45.66") << "F"
                                    << "JT"
                                    << "45.66" << 776;
        // a status word scores nothing
        QTest::newRow("DNF") << "M"
                             << "1500"
                             << "DNF" << 0;
        QTest::newRow("NM") << "M"
                            << "SP"
                            << "NM" << 0;
    }
    void published()
    {
        QFETCH(QString, gender);
        QFETCH(QString, code);
        QFETCH(QString, performance);
        QFETCH(int, points);
        const Parsed<int> p = scoring::points(gender, code, read(code, performance));
        QVERIFY2(p.ok(), qPrintable(p.error()));
        QCOMPARE(*p, points);
    }

    // How times are made ready for the formula.
    void timing_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("performance");
        QTest::addColumn<double>("seconds");
        QTest::newRow("automatic, hundredths as they are") << "100"
                                                           << "10.39" << 10.39;
        // 10.395 scores 1000 in the formula, but a result of 10.395 is 10.40 to the hundredth:
        // 999 points.
        QTest::newRow("thousandths round up") << "100"
                                              << "10.395" << 10.40;
        QTest::newRow("hand time 100 m: +0.24") << "100"
                                                << "10.4" << 10.64;
        QTest::newRow("hand time hurdles: +0.24") << "110H"
                                                  << "14.5" << 14.74;
        QTest::newRow("hand time 60 m: +0.24") << "60"
                                               << "7.1" << 7.34;
        QTest::newRow("hand time 400 m: +0.14") << "400"
                                                << "49.5" << 49.64;
        QTest::newRow("longer races as they are") << "1500"
                                                  << "4:21" << 261.0;
        QTest::newRow("800 m to the tenth as it is") << "800"
                                                     << "2:07.6" << 127.6;
    }
    void timing()
    {
        QFETCH(QString, code);
        QFETCH(QString, performance);
        QFETCH(double, seconds);
        QCOMPARE(scoring::scoringSeconds(code, read(code, performance)), seconds);
    }

    void handTimesScoreLess()
    {
        const auto automatic
            = scoring::points(QStringLiteral("M"), QStringLiteral("100"),
                              read(QStringLiteral("100"), QStringLiteral("10.40")));
        const auto hand = scoring::points(QStringLiteral("M"), QStringLiteral("100"),
                                          read(QStringLiteral("100"), QStringLiteral("10.4")));
        QCOMPARE(*automatic, 999);
        QCOMPARE(*hand, 942); // scored as 10.64
        QCOMPARE(*scoring::points(QStringLiteral("M"), QStringLiteral("100"),
                                  read(QStringLiteral("100"), QStringLiteral("10.395"))),
                 999);
    }

    void refusals()
    {
        const auto none = scoring::points(QStringLiteral("F"), QStringLiteral("75"),
                                          read(QStringLiteral("75"), QStringLiteral("10.21")));
        QVERIFY(!none);
        QVERIFY(none.error().contains(u"75"));
        const auto wrongMeasure = scoring::points(QStringLiteral("M"), QStringLiteral("LJ"),
                                                  Performance::time(10500, 2));
        QVERIFY(!wrongMeasure);
    }

    void components_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QString>("events");
        QTest::newRow("decathlon") << "DEC"
                                   << "M"
                                   << "100 LJ SP HJ 400 110H DT PV JT 1500";
        QTest::newRow("women's decathlon") << "DEC"
                                           << "F"
                                           << "100 DT PV JT 400 100H LJ SP HJ 1500";
        QTest::newRow("heptathlon") << "HEP"
                                    << "F"
                                    << "100H HJ SP 200 LJ JT 800";
        QTest::newRow("men's indoor heptathlon") << "HEP"
                                                 << "M"
                                                 << "60 LJ SP HJ 60H PV 1000";
        QTest::newRow("women's indoor pentathlon") << "PEN"
                                                   << "F"
                                                   << "60H HJ SP LJ 800";
        QTest::newRow("men's pentathlon") << "PEN"
                                          << "M"
                                          << "LJ JT 200 DT 1500";
        QTest::newRow("men's indoor pentathlon") << "PENI"
                                                 << "M"
                                                 << "60H LJ SP HJ 1000";
        QTest::newRow("a youth triathlon has no standard events") << "TRI"
                                                                  << "F"
                                                                  << "";
    }
    void components()
    {
        QFETCH(QString, code);
        QFETCH(QString, gender);
        QFETCH(QString, events);
        const QStringList list = scoring::components(code, gender);
        QCOMPARE(list.join(u' '), events);
        for (const QString &event : list) // every component is in the tables
            QVERIFY2(scoring::coefficients(gender, event), qPrintable(event));
    }

    void totals_data()
    {
        QTest::addColumn<QString>("gender");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("performances");
        QTest::addColumn<int>("total");
        QTest::newRow("decathlon world record 2015")
            << "M"
            << "DEC"
            << "10.23 7.88 14.52 2.01 45.00 13.69 43.34 5.20 63.63 4:17.52" << 9045;
        QTest::newRow("decathlon world record 2018")
            << "M"
            << "DEC"
            << "10.55 7.80 16.00 2.05 48.42 13.75 50.54 5.45 71.90 4:36.11" << 9126;
        QTest::newRow("heptathlon world record 1988")
            << "F"
            << "HEP"
            << "12.69 1.86 15.80 22.56 7.27 45.66 2:08.51" << 7291;
    }
    void totals()
    {
        QFETCH(QString, gender);
        QFETCH(QString, code);
        QFETCH(QString, performances);
        QFETCH(int, total);
        const QStringList events = scoring::components(code, gender);
        const QStringList marks = performances.split(u' ');
        QCOMPARE(marks.size(), events.size());
        QList<std::pair<QString, Performance>> list;
        for (qsizetype i = 0; i < events.size(); ++i)
            list.append({events[i], read(events[i], marks[i])});
        const Parsed<int> sum = scoring::total(gender, list);
        QVERIFY2(sum.ok(), qPrintable(sum.error()));
        QCOMPARE(*sum, total);
    }

    void totalNamesTheEventItCannotScore()
    {
        const Parsed<int> sum = scoring::total(
            QStringLiteral("F"),
            {{QStringLiteral("75"), read(QStringLiteral("75"), QStringLiteral("10.21"))},
             {QStringLiteral("HJ"), read(QStringLiteral("HJ"), QStringLiteral("1.51"))}});
        QVERIFY(!sum);
        QVERIFY(sum.error().contains(u"75"));
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
