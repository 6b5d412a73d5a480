#include "format/xlsxreader.h"
#include "testdata.h"

#include <QRegularExpression>
#include <QTest>

using namespace meetdesk;

class TestXlsxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindOfCell()
    {
        const TableRead r = XlsxReader::read(testdata::fixturePath("entries/cells.xlsx"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Table &t = r.table;
        QCOMPARE(t.description, QStringLiteral("workbook, sheet Cells"));
        QCOMPARE(t.rows.size(), 4);
        QCOMPARE(t.rows[0].number, 1);
        QCOMPARE(t.rows[0].cells,
                 QStringList({"River side", "plain", "inline", "TRUE", "FALSE", "#N/A",
                              "Riverside plain"}));
        QCOMPARE(t.rows[1].number, 3);
        // Numbers as the shortest text; dates by their style, in the 1904 system; a time; a
        // number format with text in quotes is not a date, and shows its decimals.
        QCOMPARE(t.rows[1].cells,
                 QStringList({"101", "10.85", "0.3", "2009-04-17", "1990-01-31T18:00:00",
                              "12:00:00", "7.50"}));
        QCOMPARE(t.rows[2].cells.size(), 28);
        QCOMPARE(t.cell(2, 25), QStringLiteral("Z"));
        QCOMPARE(t.cell(2, 26), QStringLiteral("AA"));
        QCOMPARE(t.cell(2, 27), QStringLiteral("AB"));
        QCOMPARE(t.cell(2, 0), QString());
        // A row and cells without references follow the ones before.
        QCOMPARE(t.rows[3].number, 5);
        QCOMPARE(t.rows[3].cells, QStringList({"no reference", "next"}));
    }

    void theEntriesWorkbook()
    {
        const TableRead r = XlsxReader::read(testdata::fixturePath("entries/entries-300.xlsx"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Table &t = r.table;
        QCOMPARE(t.rows.size(), 301);
        QCOMPARE(t.cell(0, 4), QStringLiteral("Date of birth"));
        QCOMPARE(t.cell(1, 0), QStringLiteral("301"));
        QCOMPARE(t.cell(1, 4), QStringLiteral("2001-09-21")); // a date under style 14
        QCOMPARE(t.cell(2, 4), QStringLiteral("1999-04-01")); // under a custom dd/mm/yyyy
        QCOMPARE(t.cell(1, 8), QStringLiteral("11.28")); // a number with a unit format
        QCOMPARE(t.cell(4, 2), QStringLiteral("Evans")); // an inline string
        QCOMPARE(t.cell(14, 2), QStringLiteral("O\u2019Brien"));
        QCOMPARE(t.cell(6, 10), QStringLiteral("Needs \"late\" entry;\nconfirmed by phone"));
    }

    void aNamedSheet()
    {
        const TableRead r
            = XlsxReader::read(testdata::fixturePath("entries/entries-300.xlsx"), "info");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.table.description, QStringLiteral("workbook, sheet Info"));
        QCOMPARE(r.table.cell(0, 0), QStringLiteral("Sent by"));
        QCOMPARE(r.table.cell(0, 28), QStringLiteral("Riverside Harriers"));
        const TableRead missing
            = XlsxReader::read(testdata::fixturePath("entries/entries-300.xlsx"), "Results");
        QCOMPARE(missing.error,
                 QStringLiteral("entries-300.xlsx: no sheet is called \"Results\" "
                                "(the sheets: Entries, Info)"));
    }

    void notAWorkbook()
    {
        const TableRead r = XlsxReader::read(testdata::fixturePath("entries/entries-300.csv"));
        QCOMPARE(r.error,
                 QStringLiteral("entries-300.csv: not an .xlsx workbook (it cannot be "
                                "opened as a zip archive)"));
    }

    void columnIndex_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("index");
        QTest::newRow("A1") << QString("A1") << 0;
        QTest::newRow("Z9") << QString("Z9") << 25;
        QTest::newRow("AA10") << QString("AA10") << 26;
        QTest::newRow("AZ1") << QString("AZ1") << 51;
        QTest::newRow("BA1") << QString("BA1") << 52;
        QTest::newRow("XFD1") << QString("XFD1") << 16383;
        QTest::newRow("lower case") << QString("ab3") << 27;
        QTest::newRow("no letters") << QString("12") << -1;
        QTest::newRow("empty") << QString() << -1;
    }
    void columnIndex()
    {
        QFETCH(QString, reference);
        QFETCH(int, index);
        QCOMPARE(XlsxReader::columnIndex(reference), index);
        if (index >= 0)
            QCOMPARE(Table::columnName(index),
                     reference.toUpper().remove(QRegularExpression("\\d")));
    }

    void isDateFormat_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("date");
        QTest::newRow("day month year") << QString("dd/mm/yyyy") << true;
        QTest::newRow("with a text section") << QString("dd/mm/yyyy;@") << true;
        QTest::newRow("time") << QString("h:mm:ss") << true;
        QTest::newRow("elapsed hours") << QString("[h]:mm") << true;
        QTest::newRow("locale prefix") << QString("[$-409]d-mmm-yy") << true;
        QTest::newRow("general") << QString("General") << false;
        QTest::newRow("decimals") << QString("0.00") << false;
        QTest::newRow("quoted unit") << QString("0.00\" m\"") << false;
        QTest::newRow("quoted days") << QString("0\" days\"") << false;
        QTest::newRow("escaped") << QString("0\\d") << false;
        QTest::newRow("colour") << QString("[Red]0.00") << false;
        QTest::newRow("only negatives are dates") << QString("0;dd/mm") << false;
    }
    void isDateFormat()
    {
        QFETCH(QString, code);
        QFETCH(bool, date);
        QCOMPARE(XlsxReader::isDateFormat(code), date);
    }

    void decimalsOf_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("decimals");
        QTest::newRow("two") << QString("0.00") << 2;
        QTest::newRow("none") << QString("0") << 0;
        QTest::newRow("thousands") << QString("#,##0.000") << 3;
        QTest::newRow("with a unit") << QString("0.00\" m\"") << 2;
        QTest::newRow("colour and sections") << QString("[Blue]0.0;[Red]-0.0") << 1;
        QTest::newRow("general") << QString("General") << -1;
        QTest::newRow("percent") << QString("0.00%") << -1;
        QTest::newRow("scientific") << QString("0.00E+00") << -1;
        QTest::newRow("date") << QString("dd/mm/yyyy") << -1;
    }
    void decimalsOf()
    {
        QFETCH(QString, code);
        QFETCH(int, decimals);
        QCOMPARE(XlsxReader::decimalsOf(code), decimals);
    }

    void builtInDateFormats()
    {
        QVERIFY(XlsxReader::isBuiltInDateFormat(14));
        QVERIFY(XlsxReader::isBuiltInDateFormat(22));
        QVERIFY(XlsxReader::isBuiltInDateFormat(47));
        QVERIFY(!XlsxReader::isBuiltInDateFormat(0));
        QVERIFY(!XlsxReader::isBuiltInDateFormat(2));
        QVERIFY(!XlsxReader::isBuiltInDateFormat(49));
    }

    void dateText_data()
    {
        QTest::addColumn<double>("serial");
        QTest::addColumn<bool>("base1904");
        QTest::addColumn<QString>("text");
        QTest::newRow("1900: day 1") << 1.0 << false << QString("1900-01-01");
        QTest::newRow("1900: before the phantom leap day")
            << 59.0 << false << QString("1900-02-28");
        QTest::newRow("1900: after it") << 61.0 << false << QString("1900-03-01");
        QTest::newRow("1900: a birthday") << 36892.0 << false << QString("2001-01-01");
        QTest::newRow("1900: with a time") << 45000.5 << false << QString("2023-03-15T12:00:00");
        QTest::newRow("1904: day 0") << 0.0 << true << QString("00:00:00");
        QTest::newRow("1904: a birthday") << 35430.0 << true << QString("2001-01-01");
        QTest::newRow("a time alone") << 0.75 << false << QString("18:00:00");
        QTest::newRow("milliseconds") << 0.0000121 << false << QString("00:00:01.045");
        QTest::newRow("out of range") << -1.0 << false << QString("-1");
    }
    void dateText()
    {
        QFETCH(double, serial);
        QFETCH(bool, base1904);
        QFETCH(QString, text);
        QCOMPARE(XlsxReader::dateText(serial, base1904), text);
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
