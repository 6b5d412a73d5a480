#include "format/lifreader.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

class TestLifReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsHeaderAndRows()
    {
        const LifRead r = LifReader::readFile(testdata::fixturePath("lynx/011-1-1.lif"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const LifFile &f = r.file;
        QCOMPARE(f.source, QStringLiteral("011-1-1.lif"));
        QCOMPARE(f.event, 11);
        QCOMPARE(f.round, 1);
        QCOMPARE(f.heat, 1);
        QCOMPARE(f.eventName, QStringLiteral("100m Men"));
        QCOMPARE(f.wind, QStringLiteral("+1.2"));
        QCOMPARE(f.windUnit, QStringLiteral("m/s"));
        QCOMPARE(f.rows.size(), 5);
        const LifFile::Row &first = f.rows.first();
        QCOMPARE(first.line, 2);
        QCOMPARE(first.place, QStringLiteral("1"));
        QCOMPARE(first.id, QStringLiteral("1"));
        QCOMPARE(first.lane, QStringLiteral("2"));
        QCOMPARE(first.lastName, QStringLiteral("Adeyemi"));
        QCOMPARE(first.firstName, QStringLiteral("Tom"));
        QCOMPARE(first.affiliation, QStringLiteral("RSH"));
        QCOMPARE(first.time, QStringLiteral("10.641"));
        QCOMPARE(first.reactionTime, QStringLiteral("0.145"));
        // Windows-1252 as FinishLynx writes it, and a quoted name with a comma.
        QCOMPARE(f.rows[3].lastName, QStringLiteral("M\u00FCller"));
        QCOMPARE(f.rows[3].firstName, QStringLiteral("S\u00F8ren"));
        QCOMPARE(f.rows[4].place, QStringLiteral("DNF"));
        QCOMPARE(f.rows[4].lastName, QStringLiteral("O'Neill, Jr."));
        QCOMPARE(f.rows[4].time, QString());
    }

    void utf8FilesToo()
    {
        const LifRead r = LifReader::readFile(testdata::fixturePath("lynx/020-1-1.lif"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.file.rows.first().firstName, QStringLiteral("\u00C9milie"));
        QCOMPARE(r.file.wind, QString());
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray("\r\n\r\n") << QString("x.lif: the file is empty");
        QTest::newRow("event")
            << QByteArray("100m,1,1,100m Men\r\n1,1,2,A,B,C,10.1\r\n")
            << QString("x.lif, line 1, field 1: the event number is \"100m\", not a number");
        QTest::newRow("round") << QByteArray("\r\n1,,1,100m Men\r\n")
                               << QString("x.lif, line 2, field 2: the round number is \"\", not "
                                          "a number");
        QTest::newRow("heat") << QByteArray("1,1,0,100m Men\r\n")
                              << QString("x.lif, line 1, field 3: the heat number is \"0\", not a "
                                         "number");
        QTest::newRow("quote") << QByteArray("1,1,1,100m Men\r\n1,7,3,\"Smith,Jo,RSH,10.1\r\n")
                               << QString("x.lif, line 2: a quoted field is not closed");
    }
    void badFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QCOMPARE(LifReader::read(bytes, QStringLiteral("x.lif")).error, error);
    }

    void missingFile()
    {
        const LifRead r = LifReader::readFile(testdata::fixturePath("lynx/none.lif"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.startsWith(QStringLiteral("none.lif: ")));
    }
};

QTEST_GUILESS_MAIN(TestLifReader)
#include "tst_lifreader.moc"
