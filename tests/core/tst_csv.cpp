#include "format/csv.h"

#include <QTest>

using namespace meetdesk;

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<QList<QStringList>>("records");
        QTest::newRow("plain") << QString("a,b\nc,d\n") << QString(",")
                               << QList<QStringList> {{"a", "b"}, {"c", "d"}};
        QTest::newRow("crlf, no last newline")
            << QString("a;b\r\nc;d") << QString(";") << QList<QStringList> {{"a", "b"}, {"c", "d"}};
        QTest::newRow("empty fields")
            << QString(",x,\n") << QString(",") << QList<QStringList> {{"", "x", ""}};
        QTest::newRow("quoted delimiter")
            << QString("\"100;LJ\";x\n") << QString(";") << QList<QStringList> {{"100;LJ", "x"}};
        QTest::newRow("doubled quotes") << QString("\"Club \"\"\u00C9lan\"\"\",x") << QString(",")
                                        << QList<QStringList> {{"Club \"\u00C9lan\"", "x"}};
        QTest::newRow("line break inside quotes")
            << QString("\"one\r\ntwo\",x\ny,z") << QString(",")
            << QList<QStringList> {{"one\r\ntwo", "x"}, {"y", "z"}};
        QTest::newRow("blank lines skipped")
            << QString("a\n\n\nb\n") << QString(",") << QList<QStringList> {{"a"}, {"b"}};
        QTest::newRow("tabs") << QString("a\tb, c\n") << QString("\t")
                              << QList<QStringList> {{"a", "b, c"}};
        QTest::newRow("quote inside a field is text")
            << QString("O\"Neil,x") << QString(",") << QList<QStringList> {{"O\"Neil", "x"}};
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, delimiter);
        QFETCH(QList<QStringList>, records);
        const Csv::Parsed parsed = Csv::parse(text, delimiter.at(0));
        QCOMPARE(parsed.error, QString());
        QList<QStringList> got;
        for (const auto &r : parsed.records)
            got.append(r.fields);
        QCOMPARE(got, records);
    }

    void linesAndRows()
    {
        const Csv::Parsed parsed = Csv::parse(QStringLiteral("h\n\"a\nb\"\n\nc\n"), QChar(u','));
        QCOMPARE(parsed.records.size(), 3);
        QCOMPARE(parsed.records[1].line, 2);
        QCOMPARE(parsed.records[1].row, 2);
        QCOMPARE(parsed.records[2].line, 5); // after a field of two lines and a blank line
        QCOMPARE(parsed.records[2].row, 4); // as a spreadsheet shows it
    }

    void unclosedQuoteNamesItsLine()
    {
        const Csv::Parsed parsed = Csv::parse(QStringLiteral("a,b\nc,\"d\ne,f\n"), QChar(u','));
        QCOMPARE(parsed.error, QStringLiteral("line 2: a quoted field is not closed"));
        QCOMPARE(parsed.records.size(), 1);
    }

    void detectDelimiter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("semicolon") << QString("Bib;Name;Club\n1;A;B\n2;C;D\n") << QString(";");
        QTest::newRow("comma") << QString("Bib,Name\n1,A\n2,B\n") << QString(",");
        QTest::newRow("tab") << QString("Bib\tName\n1\tSmith, Jo\n") << QString("\t");
        QTest::newRow("commas in names, semicolons between")
            << QString("Bib;Name;Club\n1;Smith, Jo;X\n2;Ng, Al, Jr;Y\n") << QString(";");
        QTest::newRow("quoted semicolons do not count")
            << QString("a,b,c\n\"1;2;3;4\",x,y\n") << QString(",");
        QTest::newRow("one column") << QString("Bib\n1\n2\n") << QString(",");
    }
    void detectDelimiter()
    {
        QFETCH(QString, text);
        QFETCH(QString, delimiter);
        QCOMPARE(Csv::detectDelimiter(text), delimiter.at(0));
    }

    void writesWhatItReads()
    {
        const QStringList fields {"plain",      "with,comma", "with \"quotes\"",
                                  "two\nlines", " padded",    ""};
        const QString line = Csv::line(fields, u',');
        QCOMPARE(line,
                 QStringLiteral("plain,\"with,comma\",\"with \"\"quotes\"\"\",\"two\nlines\","
                                "\" padded\","));
        QCOMPARE(Csv::parse(line, u',').records.first().fields, fields);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
