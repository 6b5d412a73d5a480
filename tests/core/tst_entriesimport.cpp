#include "format/tablereader.h"
#include "import/entriesimport.h"
#include "testdata.h"

#include <QDir>
#include <QTest>

using namespace meetdesk;
using testdata::table;
using Order = EntriesMapping::DateOrder;

Q_DECLARE_METATYPE(EntriesMapping::DateOrder)

namespace {

// The whole plan as text, for the golden file and for comparing plans from several files.
QString dump(const EntriesPlan &plan)
{
    QStringList lines;
    lines << QStringLiteral("data rows: %1").arg(plan.dataRows);
    for (const auto &t : plan.teams)
        lines << QStringLiteral("new team %1 \"%2\" (row %3)").arg(t.teamId, t.teamName).arg(t.row);
    for (const auto &p : plan.people) {
        QStringList rows;
        for (int r : p.rows)
            rows << QString::number(r);
        lines << QStringLiteral("%1 %2 [%3 | %4 | %5 | %6 | %7 | %8 | %9] rows %10")
                     .arg(p.existing ? QStringLiteral("merge into ") + p.existing->competitorId
                                     : QStringLiteral("create"),
                          p.competitorId, p.firstName, p.lastName, p.gender,
                          p.dateOfBirth.toString(Qt::ISODate), p.teamId, p.nationality,
                          p.ageGroup + p.category, rows.join(u','));
        for (const auto &c : p.changes)
            lines << QStringLiteral("  change %1: \"%2\" -> \"%3\"").arg(c.field, c.from, c.to);
        for (const auto &e : p.entries)
            lines << QStringLiteral("  %1 %2 %3 pb \"%4\" sb \"%5\"")
                         .arg(e.existing ? QStringLiteral("marks of") : QStringLiteral("enter"),
                              e.eventId, e.eventCode, e.pb, e.sb);
    }
    for (const auto &i : plan.issues())
        lines << QStringLiteral("issue: ") + i.toString(plan.source);
    return lines.join(u'\n') + u'\n';
}

EntriesPlan planFor(const QString &file, const Competition &meet)
{
    const TableRead read = TableReader::readFile(testdata::fixturePath(file));
    if (!read.ok())
        qFatal("%s", qPrintable(read.error));
    return EntriesImport::plan(read.table, EntriesMapping::detect(read.table, meet), meet);
}

const EntriesPlan::Person *person(const EntriesPlan &plan, const QString &bib)
{
    for (const auto &p : plan.people) {
        if (p.competitorId == bib)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestEntriesImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_doc = testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
    }

    void thePlanOf300Rows()
    {
        const EntriesPlan plan = planFor("entries/entries-300.csv", meet());
        const QString actual = dump(plan);
        const QString expected
            = QString::fromUtf8(testdata::fixture("entries/entries-300.plan.txt"));
        if (actual != expected) {
            QDir().mkpath(QStringLiteral(MEETDESK_TEST_OUTPUT));
            QFile out(QStringLiteral(MEETDESK_TEST_OUTPUT "/entries-300.plan.txt"));
            if (out.open(QIODevice::WriteOnly))
                out.write(actual.toUtf8());
        }
        QCOMPARE(actual, expected);
    }

    void everyFileGivesTheSamePlan_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("windows-1252") << QString("entries/entries-300-1252.csv");
        QTest::newRow("utf-16") << QString("entries/entries-300-utf16.txt");
        QTest::newRow("utf-8") << QString("entries/entries-300-utf8.csv");
        QTest::newRow("xlsx") << QString("entries/entries-300.xlsx");
    }
    void everyFileGivesTheSamePlan()
    {
        QFETCH(QString, file);
        EntriesPlan plan = planFor(file, meet());
        plan.source = QStringLiteral("entries-300.csv");
        QCOMPARE(dump(plan), dump(planFor("entries/entries-300.csv", meet())));
    }

    void brokenRowsAreListedWithTheirPlace()
    {
        const EntriesPlan plan = planFor("entries/entries-300.csv", meet());
        QStringList issues;
        for (const auto &i : plan.issues())
            issues << i.toString(plan.source);
        QCOMPARE(issues,
                 QStringList({
                     "entries-300.csv, row 295, column E (Date of birth): \"31/02/2001\" is not "
                     "a date (day/month/year, or year-month-day)",
                     "entries-300.csv, row 296, column D (Gender): \"Q\" is not a gender (M, F "
                     "or X)",
                     // without a gender, the event code does not say which 100 m
                     "entries-300.csv, row 296, column H (Events): \"100\" could be any of the "
                     "events 001, 002; give the event id",
                     "entries-300.csv, row 297, column H (Events): no event of the meet has the "
                     "id or code \"ZZ\"",
                     "entries-300.csv, row 297, column I (Seed mark): a mark without an event is "
                     "left out",
                     "entries-300.csv, row 298, column A (Bib): bib 305 is already used by row 6 "
                     "(Leo Brown)",
                     "entries-300.csv, row 299: no bib, and no competitor of the meet has this "
                     "name and date of birth",
                     "entries-300.csv, row 300, column J (Nationality): \"XYZ\" is not a "
                     "three-letter country code",
                     "entries-300.csv, row 301, column I (Seed mark): a mark for several events "
                     "is left out; give one event a row",
                 }));
        // A broken value leaves the rest of its row in the plan; a rejected row gives nobody.
        const auto *badDate = person(plan, "601");
        QVERIFY(badDate);
        QVERIFY(badDate->held());
        QVERIFY(!badDate->dateOfBirth.isValid());
        QCOMPARE(badDate->entries.size(), 1);
        QCOMPARE(plan.rejected.size(), 2);
        QCOMPARE(plan.people.size(), 300 - 2 - 1); // one athlete on two rows
        QCOMPARE(plan.dataRows, 300);
    }

    void mergesByBibAndByNameAndBirthDate()
    {
        const EntriesPlan plan = planFor("entries/entries-300.csv", meet());
        const auto *emilie = person(plan, "201");
        QVERIFY(emilie);
        QCOMPARE(emilie->existing, meet().competitors[0].get());
        QStringList changed;
        for (const auto &c : emilie->changes)
            changed << c.field + u'=' + c.from + u'>' + c.to;
        QCOMPARE(changed, QStringList({"nationality=>DEN", "team_id=BEL>RSH"}));
        QVERIFY(emilie->entries.isEmpty()); // entered in 002 already, with that mark
        const auto *sarka = person(plan, "203");
        QCOMPARE(sarka->entries.size(), 1);
        QCOMPARE(sarka->entries.first().existing, meet().competitors[2]->eventsEntered[0].get());
        QCOMPARE(sarka->entries.first().sb, QStringLiteral("13.02"));
        const auto *zoe = person(plan, "250");
        QCOMPARE(zoe->existing, meet().competitors[4].get());
        QCOMPARE(zoe->changes.first().field, QStringLiteral("competitor_id"));
        QCOMPARE(zoe->changes.first().from, QStringLiteral("900"));
        QCOMPARE(zoe->changes.first().to, QStringLiteral("250"));
        QCOMPARE(zoe->entries.first().eventId, QStringLiteral("004")); // LJ for a woman
    }

    void newClubsAndRepeatedAthletes()
    {
        const EntriesPlan plan = planFor("entries/entries-300.csv", meet());
        QStringList teams;
        for (const auto &t : plan.teams)
            teams << t.teamId;
        teams.sort();
        QCOMPARE(teams, QStringList({"CAB", "NEW", "SOL"}));
        for (const auto &t : plan.teams) {
            if (t.teamId == u"CAB")
                QCOMPARE(t.teamName, QStringLiteral("Club d'Athl\u00E9tisme \"\u00C9lan\"; Paris"));
        }
        int twoRows = 0;
        for (const auto &p : plan.people) {
            if (p.rows.size() == 2) {
                ++twoRows;
                QCOMPARE(p.entries.size(), 2);
            }
        }
        QCOMPARE(twoRows, 1);
    }

    void eventColumnsAndFullNames()
    {
        const Table t = table({{"Name", "Bib", "Sex", "100", "LJ", "Club"},
                               {"Smith, Anna", "7", "F", "12.40", "x", "Belgrave Harriers"},
                               {"Jo Ng", "8", "M", "", "yes", "Tipton"}});
        const EntriesPlan plan = EntriesImport::plan(t, EntriesMapping::detect(t, meet()), meet());
        QCOMPARE(plan.people.size(), 2);
        const auto &anna = plan.people[0];
        QCOMPARE(anna.firstName, QStringLiteral("Anna"));
        QCOMPARE(anna.lastName, QStringLiteral("Smith"));
        QCOMPARE(anna.teamId, QStringLiteral("BEL")); // the club's name, known to the meet
        QCOMPARE(anna.entries.size(), 2);
        QCOMPARE(anna.entries[0].eventId, QStringLiteral("002"));
        QCOMPARE(anna.entries[0].sb, QStringLiteral("12.40"));
        QCOMPARE(anna.entries[1].eventId, QStringLiteral("004"));
        QCOMPARE(anna.entries[1].sb, QString());
        const auto &jo = plan.people[1];
        QCOMPARE(jo.entries.size(), 1);
        QCOMPARE(jo.entries[0].eventId, QStringLiteral("003"));
        QCOMPARE(jo.teamId, QString());
        QCOMPARE(jo.issues.first().toString(plan.source),
                 QStringLiteral("t.csv, row 3, column F (Club): the club \"Tipton\" is not in "
                                "the meet and the file gives no club code to create it with"));
    }

    void anEventCodeNeedsAGenderToChoose()
    {
        const Table t
            = table({{"Bib", "Name", "Events"}, {"7", "Al Ng", "100"}, {"8", "Bo Ng", "800"}});
        const EntriesPlan plan = EntriesImport::plan(t, EntriesMapping::detect(t, meet()), meet());
        QCOMPARE(plan.people[0].issues.first().message,
                 QStringLiteral("\"100\" could be any of the events 001, 002; give the event id"));
        QCOMPARE(plan.people[1].entries.first().eventId, QStringLiteral("005"));
    }

    // The sample's only shot put is part of the U15 girls' triathlon: no one is entered in it
    // by its code.
    void aCombinedEventsComponentIsNotEnteredByItsCode()
    {
        const auto sample = testdata::loadDocument();
        const Competition &c = sample->competition();
        const Table t = table({{"Bib", "Name", "Sex", "Events"}, {"501", "Al Ng", "F", "SP"}});
        const EntriesPlan plan = EntriesImport::plan(t, EntriesMapping::detect(t, c), c);
        QCOMPARE(plan.people.size(), 1);
        QVERIFY(plan.people[0].entries.isEmpty());
        QCOMPARE(plan.people[0].issues.first().message,
                 QStringLiteral("the only \"SP\" of the meet is part of the combined event M01; "
                                "enter the athlete in that"));
    }

    void aRejectedRowCreatesNoClub()
    {
        const Table t = table({{"Bib", "Name", "Club code"},
                               {"7", "Al Ng", "ABC"},
                               {"7", "Bo Li", "XYZ"},
                               {"", "Cy Wu", "QRS"}});
        const EntriesPlan plan = EntriesImport::plan(t, EntriesMapping::detect(t, meet()), meet());
        QCOMPARE(plan.rejected.size(), 2);
        QCOMPARE(plan.teams.size(), 1);
        QCOMPARE(plan.teams.first().teamId, QStringLiteral("ABC"));
    }

    // Seed marks are read as the event reads performances: kept in the standard writing, and
    // left out, with the reason and the cell, when they are no mark for the event.
    void seedMarksAreReadForTheirEvent()
    {
        const Table t = table({{"Bib", "Name", "Sex", "Events", "Seed", "PB"},
                               {"7", "Al Ng", "M", "100", "10,9", "10.71"},
                               {"8", "Bo Ng", "F", "LJ", "5.4", ""},
                               {"9", "Cy Ng", "M", "800", "2.05.30", ""},
                               {"10", "Di Ng", "F", "100", "1.03", "abc"},
                               {"11", "Ed Ng", "M", "SP", "DNS", ""}});
        const EntriesPlan plan = EntriesImport::plan(t, EntriesMapping::detect(t, meet()), meet());
        QCOMPARE(plan.people.size(), 5);
        QCOMPARE(plan.people[0].entries.first().sb, QStringLiteral("10.9"));
        QCOMPARE(plan.people[0].entries.first().pb, QStringLiteral("10.71"));
        QVERIFY(!plan.people[0].held());
        QCOMPARE(plan.people[1].entries.first().sb, QStringLiteral("5.40"));
        QVERIFY(!plan.people[1].held());
        QCOMPARE(plan.people[2].entries.first().sb, QString());
        QCOMPARE(plan.people[3].entries.first().sb, QString());
        QCOMPARE(plan.people[3].entries.first().pb, QString());
        QStringList issues;
        for (const auto &i : plan.issues())
            issues << i.toString(QString());
        QCOMPARE(issues,
                 QStringList({
                     "row 4, column E (Seed): \"2.05.30\": write a colon between minutes and "
                     "seconds, as in 1:30.59; the mark is left out",
                     "row 5, column F (PB): \"abc\" is not a time such as 10.37, 1:30.59 or "
                     "2:02:57; the mark is left out",
                     "row 5, column E (Seed): \"1.03\" over 100 m would be faster than 11 m/s: "
                     "check the time; the mark is left out",
                     "row 6, column E (Seed): \"DNS\" is no mark to seed SP by; it is left out",
                 }));
    }

    void monthFirstDatesAreRecognisedByTheColumn()
    {
        const Table t = table({{"Bib", "DOB"}, {"7", "04/03/2001"}, {"8", "12/25/2000"}});
        const EntriesPlan plan = EntriesImport::plan(t, EntriesMapping::detect(t, meet()), meet());
        QCOMPARE(plan.people[0].dateOfBirth, QDate(2001, 4, 3));
        QCOMPARE(plan.people[1].dateOfBirth, QDate(2000, 12, 25));
    }

    void theDateColumnSaysItsOrder_data()
    {
        QTest::addColumn<QStringList>("dates");
        QTest::addColumn<Order>("order");
        QTest::addColumn<bool>("ambiguous");
        QTest::newRow("a day past 12")
            << QStringList({"03/04/2001", "25/12/2000"}) << Order::DayFirst << false;
        QTest::newRow("a month past 12")
            << QStringList({"03/04/2001", "12/25/2000"}) << Order::MonthFirst << false;
        QTest::newRow("nothing tells")
            << QStringList({"03/04/2001", "01/02/1999"}) << Order::DayFirst << true;
        QTest::newRow("iso and same day and month")
            << QStringList({"2001-04-03", "05/05/2000"}) << Order::DayFirst << false;
    }
    void theDateColumnSaysItsOrder()
    {
        QFETCH(QStringList, dates);
        QFETCH(Order, order);
        QFETCH(bool, ambiguous);
        QList<QStringList> rows {{"Bib", "DOB"}};
        for (const QString &d : dates)
            rows.append({QString::number(rows.size()), d});
        const Table t = table(rows);
        const auto column = EntriesImport::dateColumn(t, EntriesMapping::detect(t, meet()));
        QCOMPARE(column.order, order);
        QCOMPARE(column.ambiguous, ambiguous);
    }

    void gender_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("gender");
        QTest::newRow("M") << QString("M") << QString("M");
        QTest::newRow("male") << QString(" Male ") << QString("M");
        QTest::newRow("boy") << QString("boy") << QString("M");
        QTest::newRow("f") << QString("f") << QString("F");
        QTest::newRow("women") << QString("Women") << QString("F");
        QTest::newRow("W") << QString("W") << QString("F");
        QTest::newRow("girl") << QString("girl") << QString("F");
        QTest::newRow("X") << QString("x") << QString("X");
        QTest::newRow("unknown") << QString("Q") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void gender()
    {
        QFETCH(QString, text);
        QFETCH(QString, gender);
        QCOMPARE(EntriesImport::gender(text), gender);
    }

    void date_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Order>("order");
        QTest::addColumn<QDate>("date");
        QTest::newRow("iso") << QString("2001-04-03") << Order::DayFirst << QDate(2001, 4, 3);
        QTest::newRow("iso with time")
            << QString("2001-04-03T00:00:00") << Order::MonthFirst << QDate(2001, 4, 3);
        QTest::newRow("iso slashes") << QString("2001/4/3") << Order::Auto << QDate(2001, 4, 3);
        QTest::newRow("day first") << QString("03/04/2001") << Order::DayFirst << QDate(2001, 4, 3);
        QTest::newRow("month first")
            << QString("03/04/2001") << Order::MonthFirst << QDate(2001, 3, 4);
        QTest::newRow("dots") << QString("3.4.2001") << Order::DayFirst << QDate(2001, 4, 3);
        QTest::newRow("dashes") << QString("03-04-2001") << Order::DayFirst << QDate(2001, 4, 3);
        QTest::newRow("auto, day > 12")
            << QString("25/12/2000") << Order::Auto << QDate(2000, 12, 25);
        QTest::newRow("auto, month > 12")
            << QString("12/25/2000") << Order::Auto << QDate(2000, 12, 25);
        QTest::newRow("two-digit year, this century")
            << QString("03/04/09") << Order::DayFirst << QDate(2009, 4, 3);
        QTest::newRow("two-digit year, last century")
            << QString("03/04/87") << Order::DayFirst << QDate(1987, 4, 3);
        QTest::newRow("no 31 February") << QString("31/02/2001") << Order::DayFirst << QDate();
        QTest::newRow("three-digit year") << QString("03/04/201") << Order::DayFirst << QDate();
        QTest::newRow("words") << QString("3 April 2001") << Order::DayFirst << QDate();
        QTest::newRow("year only") << QString("2001") << Order::DayFirst << QDate();
    }
    void date()
    {
        QFETCH(QString, text);
        QFETCH(Order, order);
        QFETCH(QDate, date);
        QCOMPARE(EntriesImport::date(text, order, 2026), date);
    }

    void splitName_data()
    {
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("last, first")
            << QString("Smith, Anna") << QString("Anna") << QString("Smith");
        QTest::newRow("first last") << QString("Anna Smith") << QString("Anna") << QString("Smith");
        QTest::newRow("two first names")
            << QString("Anna  Maria Smith") << QString("Anna Maria") << QString("Smith");
        QTest::newRow("one word") << QString("Cher") << QString() << QString("Cher");
        QTest::newRow("particle with comma")
            << QString("van Dijk, Jan") << QString("Jan") << QString("van Dijk");
    }
    void splitName()
    {
        QFETCH(QString, full);
        QFETCH(QString, first);
        QFETCH(QString, last);
        const auto [f, l] = EntriesImport::splitName(full);
        QCOMPARE(f, first);
        QCOMPARE(l, last);
    }

private:
    const Competition &meet() const { return m_doc->competition(); }
    std::unique_ptr<Document> m_doc;
};

QTEST_GUILESS_MAIN(TestEntriesImport)
#include "tst_entriesimport.moc"
