#include "print/reportpainter.h"
#include "support/pdftext.h"

#include <QBuffer>
#include <QLocale>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

namespace {

Report meet()
{
    Report r;
    r.title = QStringLiteral("Paper Test Open");
    r.venue = QStringLiteral("Paper Lane Stadium");
    r.dates = QStringLiteral("20 June 2026");
    r.subject = QStringLiteral("Results");
    return r;
}

// A table of n rows: "Row k" in a Name column, numbers beside it.
ReportTable table(const QString &heading, int rows)
{
    ReportTable t;
    t.heading = heading;
    t.subheading = QStringLiteral("Heat 1");
    t.columns = {{QStringLiteral("Place"), true},
                 {QStringLiteral("Name"), false, true},
                 {QStringLiteral("Performance"), true}};
    for (int i = 1; i <= rows; ++i)
        t.rows.append(
            {QString::number(i), QStringLiteral("%1 row %2").arg(heading).arg(i),
             QStringLiteral("%1.%2").arg(10 + i / 100).arg(i % 100, 2, 10, QLatin1Char('0'))});
    return t;
}

int rowsOn(const ReportPainter::Page &page, int table)
{
    int rows = 0;
    for (const ReportPainter::Part &part : page) {
        if (part.table == table && part.kind == ReportPainter::Part::Kind::Rows)
            rows += part.rows;
    }
    return rows;
}

QString writePdf(const QTemporaryDir &dir, const Report &report, QPageSize::PageSizeId paper,
                 int *pages = nullptr)
{
    const QString path = dir.filePath(QStringLiteral("report-%1.pdf").arg(int(paper)));
    QString error;
    if (!ReportPainter::writePdfFile(report, QPageSize(paper), path, pages, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

} // namespace

class TestReportPainter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = pdftext::missingTools();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void aTableThatFitsOnAPageIsNotSplit()
    {
        Report report = meet();
        report.tables = {table(QStringLiteral("First"), 40), table(QStringLiteral("Second"), 30)};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(ReportPainter::margins(), QPageLayout::Millimeter);
        ReportPainter painter(report);
        painter.layout(writer);
        const auto &pages = painter.pages();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(rowsOn(pages[0], 0), 40);
        QCOMPARE(rowsOn(pages[0], 1), 0); // it would have fitted in part: it goes whole
        QCOMPARE(rowsOn(pages[1], 1), 30);
        QCOMPARE(pages[1].first().kind, ReportPainter::Part::Kind::Heading);
        QVERIFY(!pages[1].first().continued);
    }

    void aLongTableContinuesWithItsHeadingAndColumnTitles()
    {
        Report report = meet();
        report.tables = {table(QStringLiteral("Short"), 5), table(QStringLiteral("Long"), 230)};
        int count = 0;
        const QString pdf = writePdf(m_dir, report, QPageSize::A4, &count);
        const QStringList pages = pdftext::pages(pdf);
        QCOMPARE(pages.size(), count);
        QVERIFY(count >= 4);
        // It starts under the short table instead of leaving the first page half empty.
        QVERIFY(pages[0].contains(QStringLiteral("Long row 1 ")));
        for (int p = 1; p < pages.size(); ++p) {
            QVERIFY2(pages[p].contains(QStringLiteral("Long (continued)")), qPrintable(pages[p]));
            QVERIFY(pages[p].contains(QStringLiteral("Place")));
            QVERIFY(pages[p].contains(QStringLiteral("Performance")));
        }
        const QString all = pages.join(u'\n');
        for (int i = 1; i <= 230; ++i) {
            const QRegularExpression row(QStringLiteral("\\b%1\\s+Long row %1\\s").arg(i));
            QCOMPARE(all.count(row), 1);
        }
    }

    void theMeetHeaderAndPageNumberOnEveryPage()
    {
        Report report = meet();
        for (int t = 0; t < 12; ++t)
            report.tables.append(table(QStringLiteral("Event %1").arg(t), 25));
        int count = 0;
        const QStringList pages = pdftext::pages(writePdf(m_dir, report, QPageSize::A4, &count));
        QCOMPARE(pages.size(), count);
        QVERIFY(count > 3);
        for (int p = 0; p < pages.size(); ++p) {
            QVERIFY(pages[p].contains(report.title));
            QVERIFY(pages[p].contains(report.venue));
            QVERIFY(pages[p].contains(report.dates));
            QVERIFY2(pages[p].contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(count)),
                     qPrintable(pages[p]));
        }
    }

    void paperSizes_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<QString>("size");
        QTest::newRow("A4") << int(QPageSize::A4) << QStringLiteral("595 x 842 pts (A4)");
        QTest::newRow("Letter") << int(QPageSize::Letter)
                                << QStringLiteral("612 x 792 pts (letter)");
    }

    void paperSizes()
    {
        QFETCH(int, paper);
        QFETCH(QString, size);
        Report report = meet();
        report.tables = {table(QStringLiteral("Only"), 150)};
        int count = 0;
        const QString pdf = writePdf(m_dir, report, QPageSize::PageSizeId(paper), &count);
        QCOMPARE(pdftext::info(pdf, QStringLiteral("Page size")), size);
        QCOMPARE(pdftext::pageCount(pdf), count);
        QVERIFY(pdftext::text(pdf).contains(QStringLiteral("Only row 150")));
    }

    void aTableTooWideContinuesItsColumnsBelow()
    {
        ReportTable grid;
        grid.heading = QStringLiteral("Pole Vault");
        grid.repeatedName = QStringLiteral("Heights");
        grid.columns = {{QStringLiteral("Bib")}, {QStringLiteral("Name"), false, true}};
        QStringList heights;
        for (int h = 0; h < 30; ++h) {
            heights.append(
                QStringLiteral("%1.%2").arg(3 + h / 10).arg(h % 10 * 10, 2, 10, QLatin1Char('0')));
            grid.columns.append({heights.last(), false, false, ReportColumn::Role::Repeated});
        }
        grid.columns.append({QStringLiteral("Best"), true, false, ReportColumn::Role::Trail});
        for (const QString &name : {QStringLiteral("Cy Cole"), QStringLiteral("Di Dunn")}) {
            QStringList row {QString::number(grid.rows.size() + 1), name};
            for (int h = 0; h < 30; ++h)
                row.append(QStringLiteral("xo"));
            row.append(QStringLiteral("6.15"));
            grid.rows.append(row);
        }
        Report report = meet();
        report.tables = {grid};
        const QString pdf = writePdf(m_dir, report, QPageSize::A4);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageMargins(ReportPainter::margins(), QPageLayout::Millimeter);
        ReportPainter painter(report);
        painter.layout(writer);
        const int chunks = painter.chunks(0);
        QVERIFY(chunks > 1);

        const QString text = pdftext::text(pdf);
        for (const QString &h : std::as_const(heights))
            QVERIFY2(text.contains(h), qPrintable(h));
        // The athletes are named again beside each part, and their attempts are all there.
        QCOMPARE(text.count(QStringLiteral("Cy Cole")), chunks);
        QCOMPARE(text.count(QStringLiteral("xo")), 2 * 30);
        QVERIFY(text.contains(QStringLiteral("Heights 3.00 to")));
        QVERIFY(text.contains(QStringLiteral("(part %1 of %1)").arg(chunks)));
        QCOMPARE(text.count(QStringLiteral("6.15")), 2); // Best, once, in the last part
    }

    void longTextWrapsRatherThanBeingCut()
    {
        ReportTable t = table(QStringLiteral("Wrapped"), 1);
        const QString club = QStringLiteral(
            "Woodford Green with Essex Ladies and the Amalgamated Harriers of the Thames Valley "
            "and District Athletic Association Juniors Section");
        t.columns.append({QStringLiteral("Club"), false, true});
        t.rows[0].append(club);
        t.rows[0][1]
            = QStringLiteral("Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft"
                             "schaferswessenschafewarenwohlgepflegeundsorgfaltigkeit");
        Report report = meet();
        report.tables = {t};
        const QString text = pdftext::text(writePdf(m_dir, report, QPageSize::A4), false)
                                 .simplified()
                                 .remove(u' ');
        QVERIFY(text.contains(QString(club).remove(u' ')));
        QVERIFY(text.contains(t.rows[0][1]));
    }

    void controlCharactersPrintAsSpaces()
    {
        ReportTable t = table(QStringLiteral("Odd"), 1);
        t.rows[0][1] = QStringLiteral("tab\there") + QChar(u'\x01') + QStringLiteral("ctl");
        Report report = meet();
        report.tables = {t};
        const QString text = pdftext::text(writePdf(m_dir, report, QPageSize::A4));
        QVERIFY2(text.contains(QStringLiteral("tab here ctl")), qPrintable(text));
    }

    void aFileThatIsNotAPdfIsLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("meet.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"full_name\": \"keep me\"}");
        file.close();
        Report report = meet();
        report.tables = {table(QStringLiteral("Any"), 3)};
        QString error;
        QVERIFY(
            !ReportPainter::writePdfFile(report, QPageSize(QPageSize::A4), path, nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("not a PDF")), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("{\"full_name\": \"keep me\"}"));
        // A PDF is replaced.
        const QString pdf = writePdf(m_dir, report, QPageSize::A4);
        report.tables = {table(QStringLiteral("Again"), 3)};
        QVERIFY(
            ReportPainter::writePdfFile(report, QPageSize(QPageSize::A4), pdf, nullptr, &error));
        QVERIFY(pdftext::text(pdf).contains(QStringLiteral("Again row 3")));
    }

    void paperForTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("paper");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                               << int(QPageSize::Letter);
        QTest::newRow("en_CA") << QLocale(QLocale::English, QLocale::Canada)
                               << int(QPageSize::Letter);
        QTest::newRow("es_MX") << QLocale(QLocale::Spanish, QLocale::Mexico)
                               << int(QPageSize::Letter);
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom)
                               << int(QPageSize::A4);
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << int(QPageSize::A4);
        QTest::newRow("C") << QLocale::c() << int(QPageSize::A4);
    }

    void paperForTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(int, paper);
        QCOMPARE(int(ReportPainter::paperFor(locale)), paper);
    }

    void paperByName()
    {
        QCOMPARE(ReportPainter::paperNamed(QStringLiteral("a4")), QPageSize::A4);
        QCOMPARE(ReportPainter::paperNamed(QStringLiteral("LETTER")), QPageSize::Letter);
        QVERIFY(!ReportPainter::paperNamed(QStringLiteral("A5")));
    }
};

QTEST_MAIN(TestReportPainter)
#include "tst_reportpainter.moc"
