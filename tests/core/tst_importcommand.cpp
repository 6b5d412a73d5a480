// meetdesk import: entries tables and FinishLynx .lif files into a competition file, run
// in-process through the command line's dispatch, and once as the real binary.
#include "cli/commandline.h"
#include "cli/importcommand.h"
#include "edit/documenteditor.h"
#include "format/documentfile.h"
#include "format/tablereader.h"
#include "import/entriesapply.h"
#include "support/clitesting.h"
#include "testdata.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

namespace {

using clitesting::Run;

Run import(const QStringList &args)
{
    return clitesting::run(QStringList {QStringLiteral("import")} + args);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList linesStarting(const QString &text, const QString &prefix)
{
    QStringList found;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(prefix))
            found.append(line);
    }
    return found;
}

} // namespace

class TestImportCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A copy of a fixture meet to import into.
    QString copyOf(const QString &fixture, const QString &name = QStringLiteral("meet.json"))
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(testdata::fixturePath(fixture), path))
            qFatal("cannot copy %s", qPrintable(fixture));
        QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return path;
    }

private Q_SLOTS:
    void recognisedAndListedInTheUsage()
    {
        QVERIFY(CommandLine::isCommand({QStringLiteral("import")}));
        QVERIFY(CommandLine::usage().contains(QStringLiteral("meetdesk import FILE SOURCE")));
        const Run help = import({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QCOMPARE(help.out, ImportCommand::usage());
    }

    // The clean rows applied and saved (the bytes the app would save after the same import),
    // the held rows listed with file and row, exit 1.
    void theEntriesSpreadsheet()
    {
        const QString file = copyOf(QStringLiteral("entries/meet.json"));
        const QString csv = testdata::fixturePath(QStringLiteral("entries/entries-300.csv"));
        const Run r = import({file, csv});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral(
            "entries-300.csv (text, semicolon, UTF-8 (BOM)): 300 rows\nCompetitors created: "
            "287, changed: 5. Teams created: 3.")));
        const QStringList held = linesStarting(r.out, QStringLiteral("held: "));
        QCOMPARE(held.size(), 9);
        QCOMPARE(held.first(),
                 QStringLiteral("held: entries-300.csv, row 295, column E (Date of "
                                "birth): \"31/02/2001\" is not a date "
                                "(day/month/year, or year-month-day)"));
        QVERIFY(held.last().startsWith(QStringLiteral("held: entries-300.csv, row 301,")));
        QVERIFY(r.out.endsWith(QStringLiteral("Saved %1.\n").arg(file)));

        // What the app saves after the same import, through the same path.
        auto doc = testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
        DocumentEditor edit(*doc);
        const TableRead table = TableReader::readFile(csv);
        const EntriesPlan plan = EntriesImport::plan(
            table.table, EntriesMapping::detect(table.table, doc->competition()),
            doc->competition());
        EntriesApply::apply(edit, plan, EntriesChoices::allTeams(plan));
        const QString expected = m_dir.filePath(QStringLiteral("expected.json"));
        QString error;
        QVERIFY2(DocumentFile::save(*doc, expected, &error), qPrintable(error));
        QCOMPARE(readAll(file), readAll(expected));

        // Again: everyone is in the meet now, so the same rows are held and nothing changes.
        const Run again = import({file, csv});
        QCOMPARE(again.code, 1);
        QVERIFY(again.out.contains(QStringLiteral("Competitors created: 0, changed: 0.")));
        QVERIFY(again.out.endsWith(QStringLiteral("Nothing to change in %1.\n").arg(file)));
        QCOMPARE(readAll(file), readAll(expected));
    }

    // --accept applies the held athletes with what could be read; rows that give no athlete
    // still cannot be applied.
    void acceptAppliesTheHeldRows()
    {
        const QString file = copyOf(QStringLiteral("entries/meet.json"));
        const Run r
            = import({file, testdata::fixturePath(QStringLiteral("entries/entries-300.xlsx")),
                      QStringLiteral("--accept")});
        QCOMPARE(r.code, 1);
        const QStringList held = linesStarting(r.out, QStringLiteral("held: "));
        QCOMPARE(held.size(), 2);
        QVERIFY(held[0].startsWith(QStringLiteral("held: entries-300.xlsx, row 298,")));
        QVERIFY(held[1].startsWith(QStringLiteral("held: entries-300.xlsx, row 299:")));
        QCOMPARE(linesStarting(r.out, QStringLiteral("applied without the value: ")).size(), 7);
        const auto doc = testdata::loadDocument(file);
        QVERIFY(testdata::competitor(doc->competition(), "601"));
        QVERIFY(!testdata::competitor(doc->competition(), "601")->dateOfBirth.isValid());

        // A table whose only problem can be accepted: exit 0 with --accept, 1 without.
        const QString small = write(QStringLiteral("late.csv"),
                                    "Bib,First name,Last name,DOB,Events\n"
                                    "701,Ann,Lee,31/02/2001,002\n"
                                    "702,Bea,Lee,01/02/2001,004\n");
        const QString other = copyOf(QStringLiteral("entries/meet.json"), QStringLiteral("b.json"));
        QCOMPARE(import({other, small, QStringLiteral("--dry-run")}).code, 1);
        const Run accepted = import({other, small, QStringLiteral("--accept")});
        QCOMPARE(accepted.code, 0);
        QVERIFY(linesStarting(accepted.out, QStringLiteral("held: ")).isEmpty());
        QCOMPARE(testdata::loadDocument(other)->competition().competitors.size(), size_t(7));
    }

    void dryRunChangesNothing()
    {
        const QString file = copyOf(QStringLiteral("entries/meet.json"));
        const QByteArray before = readAll(file);
        const Run r
            = import({file, testdata::fixturePath(QStringLiteral("entries/entries-300.csv")),
                      QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains(QStringLiteral("Competitors created: 287")));
        QVERIFY(r.out.endsWith(QStringLiteral("Dry run: %1 is not changed.\n").arg(file)));
        QCOMPARE(readAll(file), before);
    }

    // Columns given in order, for a file without a header row; and OpenTrack's preset.
    void mappingAndPreset()
    {
        const QString file = copyOf(QStringLiteral("entries/meet.json"));
        const QString bare = write(QStringLiteral("bare.csv"),
                                   "801;Lee;Ann;F;2001-02-03;RSH;002\n"
                                   "802;Lee;Bo;M;2000-02-03;RSH;001\n");
        QCOMPARE(import({file, bare}).code, 2);
        const Run mapped
            = import({file, bare,
                      QStringLiteral("--mapping=bib,last name,first name,gender,dob,club,events")});
        QCOMPARE(mapped.err, QString());
        QCOMPARE(mapped.code, 0);
        auto doc = testdata::loadDocument(file);
        const Competitor *ann = testdata::competitor(doc->competition(), "801");
        QVERIFY(ann);
        QCOMPARE(ann->firstName, QStringLiteral("Ann"));
        QCOMPARE(ann->dateOfBirth, QDate(2001, 2, 3));
        QCOMPARE(ann->eventsEntered.size(), size_t(1));

        // Competitor id, national id, first name, last name, gender, date of birth, team id,
        // nationality, event, PB, SB.
        const QString openTrack
            = write(QStringLiteral("bulk.csv"), "803,,Cy,Ng,M,2002-03-04,BEL,GBR,003,6.90,6.71\n");
        const Run preset
            = import({file, openTrack, QStringLiteral("--preset"), QStringLiteral("opentrack")});
        QCOMPARE(preset.code, 0);
        doc = testdata::loadDocument(file);
        const Competitor *cy = testdata::competitor(doc->competition(), "803");
        QVERIFY(cy);
        QCOMPARE(cy->nationality, QStringLiteral("GBR"));
        QCOMPARE(cy->eventsEntered[0]->pb, QStringLiteral("6.90"));
        QCOMPARE(cy->eventsEntered[0]->sb, QStringLiteral("6.71"));
    }

    void couldNotStart_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString meet = QStringLiteral("$MEET");
        const QString csv = testdata::fixturePath(QStringLiteral("entries/entries-300.csv"));
        const QString xlsx = testdata::fixturePath(QStringLiteral("entries/entries-300.xlsx"));
        const QString lif = testdata::fixturePath(QStringLiteral("lynx/011-1-1.lif"));
        QTest::newRow("no source") << QStringList({meet}) << QString("give the competition file");
        QTest::newRow("unreadable file")
            << QStringList({m_dir.filePath(QStringLiteral("none.json")), csv})
            << QString("none.json: ");
        QTest::newRow("unreadable source")
            << QStringList({meet, m_dir.filePath(QStringLiteral("none.csv"))})
            << QString("none.csv: ");
        QTest::newRow("no such sheet")
            << QStringList({meet, xlsx, QStringLiteral("--sheet"), QStringLiteral("Results")})
            << QString("no sheet is called \"Results\"");
        QTest::newRow("a field no one knows")
            << QStringList({meet, csv, QStringLiteral("--mapping"), QStringLiteral("bib,shoe")})
            << QString("\"shoe\" for column B, which is no field");
        QTest::newRow("mapping and preset")
            << QStringList({meet, csv, QStringLiteral("--mapping"), QStringLiteral("bib"),
                            QStringLiteral("--preset"), QStringLiteral("opentrack")})
            << QString("not both");
        QTest::newRow("unknown preset")
            << QStringList({meet, csv, QStringLiteral("--preset"), QStringLiteral("hytek")})
            << QString("unknown preset");
        QTest::newRow("no column names anyone")
            << QStringList({meet, csv, QStringLiteral("--mapping"), QStringLiteral("-,-,-,gender")})
            << QString("no column gives a bib or a name");
        QTest::newRow("a mapping for a .lif")
            << QStringList({meet, lif, QStringLiteral("--mapping"), QStringLiteral("bib")})
            << QString("not FinishLynx .lif files");
        QTest::newRow("unknown option")
            << QStringList({meet, csv, QStringLiteral("--force")}) << QString("--force");
    }
    void couldNotStart()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString file = copyOf(QStringLiteral("entries/meet.json"));
        const QByteArray before = readAll(file);
        arguments.replaceInStrings(QStringLiteral("$MEET"), file);
        const Run r = import(arguments);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(readAll(file), before);
    }

    // A .lif into its heat: the clean rows applied, the conflicts held and listed by line.
    void aLifIntoItsHeat()
    {
        const QString file = copyOf(QStringLiteral("lynx/meet.json"));
        const QString lif = testdata::fixturePath(QStringLiteral("lynx/011-1-2.lif"));
        const Run r = import({file, lif});
        QCOMPARE(r.code, 1);
        QCOMPARE(linesStarting(r.out, QStringLiteral("held: ")),
                 QStringList({"held: 011-1-2.lif, line 3: the file names bib 7 \"Max Smith\", the "
                              "meet \"Max Smyth\"",
                              "held: 011-1-2.lif, line 4: bib 99 is not in the meet",
                              "held: 011-1-2.lif, line 5: bib 21 is not in this heat's start "
                              "list"}));
        QVERIFY(r.out.startsWith(QStringLiteral("100m Men, round 1, heat 2: results changed: 3, "
                                                "added: 0. Rows held for review: 3.\n")));
        auto doc = testdata::loadDocument(file);
        const Unit &heat = *doc->competition().events[0]->units[1];
        QCOMPARE(heat.results[0]->bib, QStringLiteral("6"));
        QCOMPARE(heat.results[0]->place, 1);
        QCOMPARE(heat.results[0]->performance, QStringLiteral("10.99"));
        QCOMPARE(heat.results[0]->wind, QStringLiteral("-0.4"));
        QCOMPARE(heat.results[1]->performance, QString()); // bib 7, held
        QCOMPARE(heat.results[3]->performance, QStringLiteral("DNS"));
        // The other heat is untouched.
        QCOMPARE(doc->competition().events[0]->units[0]->results[0]->performance, QString());

        const Run accepted = import({file, lif, QStringLiteral("--accept")});
        QCOMPARE(accepted.code, 0);
        QVERIFY(accepted.out.contains(QStringLiteral("results changed: 1, added: 2.")));
        doc = testdata::loadDocument(file);
        QCOMPARE(doc->competition().events[0]->units[1]->results.size(), size_t(6));
    }

    // The real binary: registered as a subcommand, its exit status what the command says.
    void theBinary()
    {
        const QString file = copyOf(QStringLiteral("lynx/meet.json"));
        QProcess p;
        p.start(QStringLiteral(MEETDESK_BINARY),
                {QStringLiteral("import"), file,
                 testdata::fixturePath(QStringLiteral("lynx/011-1-1.lif"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith(
            "100m Men, round 1, heat 1: results changed: 5, added: 0."));
        p.start(QStringLiteral(MEETDESK_BINARY), {QStringLiteral("import"), file});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
