#include "format/tablereader.h"
#include "import/entriesmapping.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;
using testdata::table;
using Field = EntriesMapping::Field;

Q_DECLARE_METATYPE(EntriesMapping::Field)

namespace {

QList<Field> fieldsOf(const EntriesMapping &m)
{
    QList<Field> f;
    for (const auto &c : m.columns)
        f.append(c.field);
    return f;
}

} // namespace

class TestEntriesMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldForHeader_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<Field>("field");
        QTest::newRow("first name") << QString("First Name") << Field::FirstName;
        QTest::newRow("forename") << QString("forename") << Field::FirstName;
        QTest::newRow("surname") << QString("SURNAME") << Field::LastName;
        QTest::newRow("last_name") << QString("last_name") << Field::LastName;
        QTest::newRow("full name") << QString("Name") << Field::FullName;
        QTest::newRow("bib") << QString("Bib No.") << Field::Bib;
        QTest::newRow("number") << QString("Number") << Field::Bib;
        QTest::newRow("competitor id") << QString("Competitor id") << Field::Bib;
        QTest::newRow("national id") << QString("National Id") << Field::NationalId;
        QTest::newRow("sex") << QString("Sex") << Field::Gender;
        QTest::newRow("dob with a hint")
            << QString("Date of birth (dd/mm/yyyy)") << Field::DateOfBirth;
        QTest::newRow("DOB") << QString("DOB") << Field::DateOfBirth;
        QTest::newRow("club code") << QString("Club code") << Field::TeamId;
        QTest::newRow("team id") << QString("Team id") << Field::TeamId;
        QTest::newRow("club") << QString("Club") << Field::TeamName;
        QTest::newRow("events") << QString("Events entered") << Field::Events;
        QTest::newRow("event") << QString("Event") << Field::Events;
        QTest::newRow("seed") << QString("Seed mark") << Field::SeedMark;
        QTest::newRow("pb") << QString("PB") << Field::Pb;
        QTest::newRow("sb") << QString("Season's best") << Field::Sb;
        QTest::newRow("age group") << QString("Age group") << Field::AgeGroup;
        QTest::newRow("category") << QString("Category") << Field::Category;
        QTest::newRow("nationality") << QString("Nat.") << Field::Nationality;
        QTest::newRow("unknown") << QString("Paid") << Field::Ignore;
        QTest::newRow("empty") << QString() << Field::Ignore;
    }
    void fieldForHeader()
    {
        QFETCH(QString, header);
        QFETCH(Field, field);
        QCOMPARE(EntriesMapping::fieldForHeader(header), field);
    }

    void detectsTheHeaderRowAndEventColumns()
    {
        const auto doc = testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
        const Table t = table({{"Entries for the open meeting"},
                               {},
                               {"Surname", "Forename", "Bib", "Notes", "100", "004", "SP"},
                               {"Smith", "Anna", "7", "", "x", "5.12", ""}});
        const EntriesMapping m = EntriesMapping::detect(t, doc->competition());
        QCOMPARE(m.headerRow, 2);
        QCOMPARE(fieldsOf(m),
                 QList<Field>({Field::LastName, Field::FirstName, Field::Bib, Field::Ignore,
                               Field::EventColumn, Field::EventColumn, Field::EventColumn}));
        QCOMPARE(m.columns[4].event, QStringLiteral("100"));
        QCOMPARE(m.columns[5].event, QStringLiteral("004"));
        QCOMPARE(m.columns[0].header, QStringLiteral("Surname"));
        QCOMPARE(m.columnOf(Field::Bib), 2);
        QVERIFY(!m.has(Field::Gender));
    }

    // The user points at another row as the header: its cells name the columns.
    void aChosenHeaderRow()
    {
        const auto doc = testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
        const Table t = table({{"Bib", "Name"}, {"No", "Surname", "LJ"}, {"7", "Smith", "x"}});
        const EntriesMapping m = EntriesMapping::fromHeader(t, 1, doc->competition());
        QCOMPARE(m.headerRow, 1);
        QCOMPARE(fieldsOf(m), QList<Field>({Field::Bib, Field::LastName, Field::EventColumn}));
        QCOMPARE(m.columns[1].header, QStringLiteral("Surname"));
        const EntriesMapping none = EntriesMapping::fromHeader(t, -1, doc->competition());
        QCOMPARE(none.headerRow, -1);
        QVERIFY(none.columns.isEmpty());
        QCOMPARE(EntriesMapping::fromHeader(t, 3, doc->competition()).headerRow, -1);
    }

    void noHeaderNoMapping()
    {
        const auto doc = testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
        const EntriesMapping m
            = EntriesMapping::detect(table({{"1", "Anna", "Smith"}}), doc->competition());
        QCOMPARE(m.headerRow, -1);
        QVERIFY(m.columns.isEmpty());
    }

    void theEntriesFixture()
    {
        const auto doc = testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
        const TableRead r = TableReader::readFile(testdata::fixturePath("entries/entries-300.csv"));
        const EntriesMapping m = EntriesMapping::detect(r.table, doc->competition());
        QCOMPARE(m.headerRow, 0);
        QCOMPARE(fieldsOf(m),
                 QList<Field>({Field::Bib, Field::FirstName, Field::LastName, Field::Gender,
                               Field::DateOfBirth, Field::TeamId, Field::TeamName, Field::Events,
                               Field::SeedMark, Field::Nationality, Field::Ignore}));
    }

    void openTrackPreset()
    {
        const QList<Field> order {Field::Bib,      Field::NationalId,  Field::FirstName,
                                  Field::LastName, Field::Gender,      Field::DateOfBirth,
                                  Field::TeamId,   Field::Nationality, Field::Events,
                                  Field::Pb,       Field::Sb};
        const EntriesMapping bare
            = EntriesMapping::openTrackPreset(table({{"371", "", "Anna", "Smith"}}));
        QCOMPARE(bare.headerRow, -1);
        QCOMPARE(fieldsOf(bare), order);
        QCOMPARE(bare.columns[3].header, QStringLiteral("Last name"));
        const EntriesMapping headed = EntriesMapping::openTrackPreset(
            table({{"Competitor id", "National id", "First name", "Last name"},
                   {"371", "", "Anna", "Smith"}}));
        QCOMPARE(headed.headerRow, 0);
        QCOMPARE(fieldsOf(headed), order);
    }

    void fromSpec()
    {
        const Table t = table({{"a", "b", "c", "d"}});
        QString error;
        const auto m = EntriesMapping::fromSpec("bib, surname,-,,dob", t, &error);
        QVERIFY(m);
        QCOMPARE(fieldsOf(*m),
                 QList<Field>({Field::Bib, Field::LastName, Field::Ignore, Field::Ignore,
                               Field::DateOfBirth}));
        QCOMPARE(m->headerRow, -1);
        QVERIFY(!EntriesMapping::fromSpec("bib,shoe size", t, &error));
        QCOMPARE(error,
                 QStringLiteral("the mapping names \"shoe size\" for column B, which is no "
                                "field Meetdesk knows"));
    }
};

QTEST_GUILESS_MAIN(TestEntriesMapping)
#include "tst_entriesmapping.moc"
