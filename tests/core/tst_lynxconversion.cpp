#include "import/lynxconversion.h"

#include <QTest>

using namespace meetdesk;

class TestLynxConversion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void performance_data()
    {
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("thousandths round up") << QString("10.641") << QString("10.65");
        QTest::newRow("exact hundredth") << QString("10.640") << QString("10.64");
        QTest::newRow("hundredths as written") << QString("10.37") << QString("10.37");
        QTest::newRow("tenths") << QString("10.4") << QString("10.40");
        QTest::newRow("whole seconds") << QString("11") << QString("11.00");
        QTest::newRow("just under a minute rounds to it")
            << QString("59.999") << QString("1:00.00");
        QTest::newRow("seconds past sixty") << QString("62.345") << QString("1:02.35");
        QTest::newRow("minutes") << QString("1:02.345") << QString("1:02.35");
        QTest::newRow("minutes, ten of them") << QString("10:02.301") << QString("10:02.31");
        QTest::newRow("hours") << QString("1:02:03.456") << QString("1:02:03.46");
        QTest::newRow("comma decimal") << QString("10,641") << QString("10.65");
        QTest::newRow("spaces") << QString(" 10.641 ") << QString("10.65");
        QTest::newRow("status word") << QString("DNF") << QString("");
        QTest::newRow("empty") << QString("") << QString("");
        QTest::newRow("seconds over 59 after minutes") << QString("1:62.00") << QString("");
        QTest::newRow("one-digit seconds after minutes") << QString("1:2.00") << QString("");
        QTest::newRow("negative") << QString("-10.5") << QString("");
        QTest::newRow("letters") << QString("10.6a") << QString("");
        QTest::newRow("too many colons") << QString("1:2:3:4") << QString("");
    }
    void performance()
    {
        QFETCH(QString, time);
        QFETCH(QString, expected);
        QCOMPARE(lynx::performance(time), expected);
    }

    void wind_data()
    {
        QTest::addColumn<QString>("reading");
        QTest::addColumn<QString>("expected");
        QTest::newRow("signed") << QString("+1.2") << QString("+1.2");
        QTest::newRow("unsigned is positive") << QString("1.2") << QString("+1.2");
        QTest::newRow("negative") << QString("-0.4") << QString("-0.4");
        QTest::newRow("zero") << QString("0") << QString("0.0");
        QTest::newRow("minus zero") << QString("-0.0") << QString("0.0");
        QTest::newRow("hundredths round towards positive") << QString("1.21") << QString("+1.3");
        QTest::newRow("negative hundredths too") << QString("-1.29") << QString("-1.2");
        QTest::newRow("with the unit") << QString("+2.1 m/s") << QString("+2.1");
        QTest::newRow("comma decimal") << QString("-0,6") << QString("-0.6");
        QTest::newRow("no wind information") << QString("NWI") << QString("");
        QTest::newRow("empty") << QString("") << QString("");
        QTest::newRow("impossible") << QString("150") << QString("");
    }
    void wind()
    {
        QFETCH(QString, reading);
        QFETCH(QString, expected);
        QCOMPARE(lynx::wind(reading), expected);
    }
};

QTEST_GUILESS_MAIN(TestLynxConversion)
#include "tst_lynxconversion.moc"
