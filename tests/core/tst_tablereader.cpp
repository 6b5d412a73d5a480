#include "format/tablereader.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;
using Encoding = TextEncoding::Encoding;

Q_DECLARE_METATYPE(TextEncoding::Encoding)

class TestTableReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theEntriesTableInEveryEncoding_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<Encoding>("encoding");
        QTest::newRow("utf-8 bom, semicolons")
            << QString("entries/entries-300.csv") << QString("text, semicolon, UTF-8 (BOM)")
            << QChar(u';') << Encoding::Utf8Bom;
        QTest::newRow("windows-1252, semicolons")
            << QString("entries/entries-300-1252.csv") << QString("text, semicolon, Windows-1252")
            << QChar(u';') << Encoding::Windows1252;
        QTest::newRow("utf-16, tabs")
            << QString("entries/entries-300-utf16.txt") << QString("text, tab, UTF-16LE")
            << QChar(u'\t') << Encoding::Utf16Le;
        QTest::newRow("utf-8, commas")
            << QString("entries/entries-300-utf8.csv") << QString("text, comma, UTF-8")
            << QChar(u',') << Encoding::Utf8;
    }
    void theEntriesTableInEveryEncoding()
    {
        QFETCH(QString, file);
        QFETCH(QString, description);
        QFETCH(QChar, delimiter);
        QFETCH(Encoding, encoding);
        const TableRead r = TableReader::readFile(testdata::fixturePath(file));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Table &t = r.table;
        QCOMPARE(t.description, description);
        QCOMPARE(t.delimiter, delimiter);
        QCOMPARE(t.encoding, encoding);
        QVERIFY(t.sheets.isEmpty());
        QCOMPARE(t.source, file.section(u'/', -1));
        QCOMPARE(t.rows.size(), 301);
        QCOMPARE(t.columnCount(), 11);
        QCOMPARE(t.rows.first().cells.first(), QStringLiteral("Bib")); // no BOM left in it
        // A quoted field with the delimiter and doubled quotes, one with a line break, and the
        // rows after it numbered as a spreadsheet numbers them.
        QCOMPARE(t.cell(5, 6), QStringLiteral("Club d'Athl\u00E9tisme \"\u00C9lan\"; Paris"));
        QCOMPARE(t.cell(4, 7), QStringLiteral("SP;LJ"));
        QCOMPARE(t.cell(6, 10), QStringLiteral("Needs \"late\" entry;\nconfirmed by phone"));
        QCOMPARE(t.rows[7].number, 8);
        QCOMPARE(t.rows.last().number, 301);
        // Names Windows-1252 holds, read the same from every encoding.
        QCOMPARE(t.cell(1, 1), QStringLiteral("Bj\u00F6rn"));
        QCOMPARE(t.cell(14, 2), QStringLiteral("O\u2019Brien"));
        QCOMPARE(t.cell(15, 2), QStringLiteral("\u0152lschl\u00E4ger"));
        QCOMPARE(t.cell(13, 1), QStringLiteral("\u0160\u00E1rka"));
        // Every variant gives the very same table as the first.
        static Table first;
        if (first.rows.isEmpty()) {
            first = t;
        } else {
            for (qsizetype i = 0; i < t.rows.size(); ++i) {
                QCOMPARE(t.rows[i].number, first.rows[i].number);
                QCOMPARE(t.rows[i].cells, first.rows[i].cells);
            }
        }
    }

    void aWorkbookGoesToTheXlsxReader()
    {
        const TableRead r
            = TableReader::readFile(testdata::fixturePath("entries/entries-300.xlsx"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.table.rows.size(), 301);
        QCOMPARE(r.table.description, QStringLiteral("workbook, sheet Entries"));
        QCOMPARE(r.table.sheet, QStringLiteral("Entries"));
        QCOMPARE(r.table.sheets, QStringList({"Entries", "Info"}));
        QCOMPARE(r.table.encoding, std::nullopt);
        TableReader::Options second;
        second.sheet = QStringLiteral("Info");
        const TableRead info
            = TableReader::readFile(testdata::fixturePath("entries/entries-300.xlsx"), second);
        QCOMPARE(info.table.sheet, QStringLiteral("Info"));
        QCOMPARE(info.table.cell(0, 0), QStringLiteral("Sent by"));
    }

    // The encoding the user chooses wins over the one detected: the file sent as
    // Windows-1252, read as UTF-8, shows what that choice does to the names.
    void givenEncodingWins()
    {
        TableReader::Options options;
        options.encoding = TextEncoding::Encoding::Utf8;
        const TableRead wrong
            = TableReader::readFile(testdata::fixturePath("entries/entries-300-1252.csv"), options);
        QVERIFY2(wrong.ok(), qPrintable(wrong.error));
        QCOMPARE(wrong.table.encoding, TextEncoding::Encoding::Utf8);
        QCOMPARE(wrong.table.cell(1, 1), QStringLiteral("Bj\uFFFDrn"));
        options.encoding = TextEncoding::Encoding::Windows1252;
        const TableRead right
            = TableReader::readFile(testdata::fixturePath("entries/entries-300-1252.csv"), options);
        QCOMPARE(right.table.cell(1, 1), QStringLiteral("Bj\u00F6rn"));
        QCOMPARE(right.table.description, QStringLiteral("text, semicolon, Windows-1252"));
    }

    void problemsNameTheFile()
    {
        const TableRead missing = TableReader::readFile(testdata::fixturePath("entries/none.csv"));
        QVERIFY(missing.error.startsWith(QStringLiteral("none.csv: ")));
        const TableRead quote
            = TableReader::readText("Bib;Name\n1;\"Smith\n2;Jones\n", QStringLiteral("e.csv"));
        QCOMPARE(quote.error, QStringLiteral("e.csv, line 2: a quoted field is not closed"));
        QVERIFY(quote.table.rows.isEmpty());
    }

    void givenDelimiterWins()
    {
        TableReader::Options options;
        options.delimiter = u';';
        const TableRead r = TableReader::readText("a,b;c\n", QStringLiteral("x.csv"), options);
        QCOMPARE(r.table.rows.first().cells, QStringList({"a,b", "c"}));
    }

    void rowsOfEmptyCellsAreLeftOut()
    {
        const TableRead r = TableReader::readText("a;b\n;;\n c ;d\n", QStringLiteral("x.csv"));
        QCOMPARE(r.table.rows.size(), 2);
        QCOMPARE(r.table.rows[1].number, 3);
    }
};

QTEST_GUILESS_MAIN(TestTableReader)
#include "tst_tablereader.moc"
