#include "athletics/wind.h"

#include <QTest>

using namespace meetdesk;
using Entry = Wind::Entry;

Q_DECLARE_METATYPE(Wind::Entry)

class TestWind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("tenths");
        QTest::addColumn<QString>("written");
        QTest::newRow("tail wind") << "+1.2" << 12 << "+1.2";
        QTest::newRow("head wind") << "-0.4" << -4 << "-0.4";
        QTest::newRow("calm") << "0.0" << 0 << "0.0";
        QTest::newRow("no sign") << "1.2" << 12 << "+1.2";
        QTest::newRow("comma") << "1,2" << 12 << "+1.2";
        QTest::newRow("unit") << "+1.2 m/s" << 12 << "+1.2";
        QTest::newRow("unit without space") << "-2.1m/s" << -21 << "-2.1";
        QTest::newRow("typographic minus") << QString(QChar(0x2212)) + u"0.4" << -4 << "-0.4";
        QTest::newRow("whole metres") << "3" << 30 << "+3.0";
        QTest::newRow("rounded up") << "+2.03" << 21 << "+2.1";
        QTest::newRow("rounded up towards plus") << "-2.03" << -20 << "-2.0";
        QTest::newRow("exact tenth stays") << "+2.00" << 20 << "+2.0";
        QTest::newRow("minus zero") << "-0.0" << 0 << "0.0";
        QTest::newRow("spaces") << " +0.8 " << 8 << "+0.8";
        QTest::newRow("a space after the sign") << "+ 1.2" << 12 << "+1.2";
        QTest::newRow("thousandths") << "0.125" << 2 << "+0.2";
    }
    void reads()
    {
        QFETCH(QString, text);
        QFETCH(int, tenths);
        QFETCH(QString, written);
        const Parsed<int> w = Wind::parse(text);
        QVERIFY2(w.ok(), qPrintable(w.error()));
        QCOMPARE(*w, tenths);
        QCOMPARE(Wind::toString(*w), written);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("word") << "calm";
        QTest::newRow("empty") << "";
        QTest::newRow("two signs") << "+-1.2";
        QTest::newRow("a reading of 20 for 2.0") << "+25";
        QTest::newRow("knots") << "3 kn";
        QTest::newRow("a point and nothing after") << "+1.";
        QTest::newRow("ten thousandths") << "1.2345";
        QTest::newRow("four digits") << "1000";
        QTest::newRow("no digits") << "+.5";
    }
    void refuses()
    {
        QFETCH(QString, text);
        const Parsed<int> w = Wind::parse(text);
        QVERIFY(!w.ok());
        QVERIFY(w.error().contains(text.trimmed()));
    }

    void assisted_data()
    {
        QTest::addColumn<int>("tenths");
        QTest::addColumn<bool>("assisted");
        QTest::newRow("+2.0 counts") << 20 << false;
        QTest::newRow("+2.1 does not") << 21 << true;
        QTest::newRow("head wind") << -31 << false;
    }
    void assisted()
    {
        QFETCH(int, tenths);
        QFETCH(bool, assisted);
        QCOMPARE(Wind::isAssisted(tenths), assisted);
    }

    void entry_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<Entry>("entry");
        QTest::newRow("100 m") << "100" << Entry::PerHeat;
        QTest::newRow("200 m") << "200" << Entry::PerHeat;
        QTest::newRow("110 m hurdles") << "110H" << Entry::PerHeat;
        QTest::newRow("100 m hurdles") << "100H" << Entry::PerHeat;
        QTest::newRow("75 m") << "75" << Entry::PerHeat;
        QTest::newRow("400 m") << "400" << Entry::None;
        QTest::newRow("400 m hurdles") << "400H" << Entry::None;
        QTest::newRow("1500 m") << "1500" << Entry::None;
        QTest::newRow("relay") << "4x100" << Entry::None;
        QTest::newRow("long jump") << "LJ" << Entry::PerAttempt;
        QTest::newRow("triple jump") << "tj" << Entry::PerAttempt;
        QTest::newRow("high jump") << "HJ" << Entry::None;
        QTest::newRow("standing long jump") << "SLJ" << Entry::None;
        QTest::newRow("javelin") << "JT" << Entry::None;
        QTest::newRow("decathlon") << "DEC" << Entry::None;
    }
    void entry()
    {
        QFETCH(QString, code);
        QFETCH(Entry, entry);
        QCOMPARE(Wind::entryOf(code), entry);
        QCOMPARE(Wind::counts(code), entry != Entry::None);
        // +2.5 m/s assists a mark only where the wind counts
        QCOMPARE(Wind::isAssisted(code, 25), entry != Entry::None);
        QVERIFY(!Wind::isAssisted(code, 20));
    }

    void combined_data()
    {
        QTest::addColumn<QList<int>>("readings");
        QTest::addColumn<int>("average");
        QTest::addColumn<bool>("assisted");
        // heptathlon: 100 m hurdles, 200 m, long jump
        QTest::newRow("average over +2.0") << QList<int> {20, 15, 27} << 21 << true;
        QTest::newRow("one reading over +4.0, average under")
            << QList<int> {45, 0, -10} << 12 << false;
        QTest::newRow("exactly +2.0") << QList<int> {14, 20, 26} << 20 << false;
        QTest::newRow("head winds") << QList<int> {-5, -12} << -8 << false;
        QTest::newRow("none measured") << QList<int> {} << 0 << false;
    }
    void combined()
    {
        QFETCH(QList<int>, readings);
        QFETCH(int, average);
        QFETCH(bool, assisted);
        QCOMPARE(Wind::combinedAverage(readings), average);
        QCOMPARE(Wind::isCombinedAssisted(readings), assisted);
    }
};

QTEST_GUILESS_MAIN(TestWind)
#include "tst_wind.moc"
