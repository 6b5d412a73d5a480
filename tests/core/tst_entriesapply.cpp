#include "edit/documenteditor.h"
#include "format/documentfile.h"
#include "format/tablereader.h"
#include "import/entriesapply.h"
#include "models/competitiontreemodel.h"
#include "support/undotesting.h"
#include "testdata.h"

#include <QSignalSpy>
#include <QTest>

using namespace meetdesk;
using testdata::table;
using undotesting::checkUndoRedo;
using undotesting::snapshot;

namespace {

std::unique_ptr<Document> meet()
{
    return testdata::loadDocument(testdata::fixturePath("entries/meet.json"));
}

EntriesPlan planFor(const QString &file, const Document &doc)
{
    const TableRead read = TableReader::readFile(testdata::fixturePath(file));
    if (!read.ok())
        qFatal("%s", qPrintable(read.error));
    return EntriesImport::plan(read.table, EntriesMapping::detect(read.table, doc.competition()),
                               doc.competition());
}

EntriesPlan planFor(const Table &table, const Document &doc)
{
    return EntriesImport::plan(table, EntriesMapping::detect(table, doc.competition()),
                               doc.competition());
}

size_t entriesOf(const Competition &c)
{
    size_t n = 0;
    for (const auto &x : c.competitors)
        n += x->eventsEntered.size();
    return n;
}

QStringList teamIds(const Competition &c)
{
    QStringList ids;
    for (const auto &t : c.teams)
        ids.append(t->teamId);
    return ids;
}

QByteArray bytesOf(const Document &doc)
{
    return DocumentFile::serialize(doc.competition(), doc.meetdeskData());
}

} // namespace

class TestEntriesApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The must-show: 300 rows (a CSV with a BOM, semicolons and names Windows-1252 holds, and
    // the same as a workbook) into a meet of five competitors, as one undo step, the tree
    // following with row inserts; the broken rows listed with their rows.
    void theEntriesSpreadsheet_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("csv") << QString("entries/entries-300.csv");
        QTest::newRow("xlsx") << QString("entries/entries-300.xlsx");
    }
    void theEntriesSpreadsheet()
    {
        QFETCH(QString, file);
        auto doc = meet();
        const Competition &c = doc->competition();
        CompetitionTreeModel model(doc.get());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        DocumentEditor edit(*doc);
        const auto before = snapshot(*doc);
        const size_t entriesBefore = entriesOf(c);

        const EntriesPlan plan = planFor(file, *doc);
        const EntriesApplied done = EntriesApply::apply(edit, plan, EntriesChoices::allTeams(plan));

        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Import ") + plan.source);
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserted.count() > 0);
        // 300 rows: one athlete on two rows, five merges, five athletes held, two rows rejected.
        QCOMPARE(done.competitorsCreated, 300 - 1 - 5 - 5 - 2);
        QCOMPARE(done.competitorsChanged, 5);
        QCOMPARE(done.teamsCreated, 3);
        QCOMPARE(done.entriesChanged, 1); // 203's shot put seed mark
        QVERIFY(done.teamsNotCreated.isEmpty());
        QStringList heldRows;
        for (const auto &i : done.held)
            heldRows << QString::number(i.row);
        heldRows.removeDuplicates();
        QCOMPARE(heldRows, QStringList({"295", "296", "297", "298", "299", "300", "301"}));
        QCOMPARE(done.heldLines().first(),
                 plan.source
                     + QStringLiteral(", row 295, column E (Date of birth): \"31/02/2001\" is "
                                      "not a date (day/month/year, or year-month-day)"));
        QVERIFY(done.summary().startsWith(
            QStringLiteral("Competitors created: 287, changed: 5. Teams created: 3.")));
        QVERIFY(done.summary().endsWith(QStringLiteral("Rows held for review: 7.")));
        QVERIFY(done.acceptedAnyway.isEmpty());

        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(c.competitors.size(), size_t(5 + done.competitorsCreated));
            QCOMPARE(teamIds(c), QStringList({"RSH", "BEL", "HHH", "TVH", "SOL", "NEW", "CAB"}));
            QCOMPARE(entriesOf(c), entriesBefore + size_t(done.entriesCreated));
            for (const char *held : {"601", "602", "603", "606", "607"})
                QVERIFY2(!testdata::competitor(c, QLatin1StringView(held)), held);
            const Competitor *bjorn = testdata::competitor(c, "301");
            QVERIFY(bjorn);
            QCOMPARE(bjorn->firstName, QStringLiteral("Bj\u00F6rn"));
            QCOMPARE(bjorn->dateOfBirth, QDate(2001, 9, 21));
            QCOMPARE(bjorn->teamId, QStringLiteral("SOL"));
            QCOMPARE(bjorn->nationality, QStringLiteral("ESP"));
            QCOMPARE(bjorn->eventsEntered.size(), size_t(1));
            QCOMPARE(bjorn->eventsEntered[0]->eventId, QStringLiteral("001"));
            QCOMPARE(bjorn->eventsEntered[0]->sb, QStringLiteral("11.28"));
            QVERIFY(bjorn->eventsEntered[0]->pb.isNull()); // absent, not written as ""
            QCOMPARE(model.groupIndex(ListId::Competitors).data().toString(),
                     QStringLiteral("Competitors (%1)").arg(c.competitors.size()));
        });
        QCOMPARE(resets.count(), 0);
    }

    // The CSV and the workbook are the same table: they make the same document.
    void theCsvAndTheWorkbookGiveTheSameDocument()
    {
        QByteArray documents[2];
        int i = 0;
        for (const char *file : {"entries/entries-300.csv", "entries/entries-300.xlsx"}) {
            auto doc = meet();
            DocumentEditor edit(*doc);
            const EntriesPlan plan = planFor(QLatin1StringView(file), *doc);
            EntriesApply::apply(edit, plan, EntriesChoices::allTeams(plan));
            documents[i++] = bytesOf(*doc);
        }
        QCOMPARE(documents[0], documents[1]);
        QVERIFY(documents[0].contains("\"competitor_id\": \"301\""));
    }

    // By bib: the fields the file changes; by name and date of birth: the new bib too, which
    // the athlete's results and trials follow (DocumentEditor::renameBib).
    void mergesByBibAndByNameAndBirthDate()
    {
        auto doc = meet();
        const Competition &c = doc->competition();
        DocumentEditor edit(*doc);
        // Zoë (900) has already jumped: a heat with her result and a trial.
        const Event &lj = *c.events[3];
        const auto *unit = static_cast<const Unit *>(edit.append(lj, ListId::Units));
        auto result = std::make_unique<Result>();
        result->bib = QStringLiteral("900");
        edit.append(*unit, ListId::UnitResults, std::move(result));
        auto trial = std::make_unique<Trial>();
        trial->bib = QStringLiteral("900");
        edit.append(*unit, ListId::Trials, std::move(trial));
        doc->undoStack()->clear();
        const auto before = snapshot(*doc);
        const Competitor *emilie = testdata::competitor(c, "201");
        const Competitor *soren = testdata::competitor(c, "202");
        const Competitor *sarka = testdata::competitor(c, "203");
        const Competitor *zoe = testdata::competitor(c, "900");

        const EntriesPlan plan = planFor("entries/entries-300.csv", *doc);
        const EntriesApplied done = EntriesApply::apply(edit, plan, EntriesChoices::allTeams(plan));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(done.competitors.contains(zoe));
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(emilie->teamId, QStringLiteral("RSH"));
            QCOMPARE(emilie->nationality, QStringLiteral("DEN"));
            QCOMPARE(emilie->eventsEntered.size(), size_t(1));
            QCOMPARE(soren->firstName, QStringLiteral("S\u00F8ren"));
            QCOMPARE(soren->eventsEntered.size(), size_t(1));
            QCOMPARE(soren->eventsEntered[0]->eventId, QStringLiteral("003"));
            QCOMPARE(soren->eventsEntered[0]->sb, QStringLiteral("6.85"));
            QCOMPARE(sarka->eventsEntered.size(), size_t(1));
            QCOMPARE(sarka->eventsEntered[0]->sb, QStringLiteral("13.02"));
            QCOMPARE(zoe->competitorId, QStringLiteral("250"));
            QCOMPARE(zoe->nationality, QStringLiteral("IRL"));
            QCOMPARE(unit->results[0]->bib, QStringLiteral("250"));
            QCOMPARE(unit->trials[0]->bib, QStringLiteral("250"));
            QCOMPARE(testdata::competitor(c, "250"), zoe);
        });
    }

    // Held athletes are applied only when chosen, with what could be read of them.
    void heldRowsOnlyWhenAccepted()
    {
        auto doc = meet();
        const Competition &c = doc->competition();
        DocumentEditor edit(*doc);
        const EntriesPlan plan = planFor("entries/entries-300.csv", *doc);
        qsizetype badDate = -1;
        for (qsizetype i = 0; i < plan.people.size(); ++i) {
            if (plan.people[i].competitorId == u"601")
                badDate = i;
        }
        QVERIFY(badDate >= 0);
        EntriesChoices choices = EntriesChoices::allTeams(plan);
        choices.accepted.insert(badDate);
        const EntriesApplied one = EntriesApply::apply(edit, plan, choices);
        const Competitor *x = testdata::competitor(c, "601");
        QVERIFY(x);
        QVERIFY(!x->dateOfBirth.isValid());
        QCOMPARE(x->eventsEntered.size(), size_t(1));
        QVERIFY(!testdata::competitor(c, "602"));
        QCOMPARE(one.acceptedAnyway.size(), 1);
        QCOMPARE(one.acceptedAnyway.first().row, 295);
        QCOMPARE(one.acceptedLines().size(), 1);
        QVERIFY(!one.held.isEmpty());
        QVERIFY(one.held.first().row != 295);

        doc->undoStack()->undo();
        QVERIFY(!testdata::competitor(c, "601"));
        choices.acceptAll = true;
        const EntriesApplied all
            = EntriesApply::apply(edit, planFor("entries/entries-300.csv", *doc), choices);
        for (const char *held : {"601", "602", "603", "606", "607"})
            QVERIFY2(testdata::competitor(c, QLatin1StringView(held)), held);
        QCOMPARE(all.competitorsCreated, 287 + 5);
        // Rejected rows give no athlete to apply: they stay held.
        QStringList rows;
        for (const auto &i : all.held)
            rows << QString::number(i.row);
        QCOMPARE(rows, QStringList({"298", "299"}));
        QCOMPARE(testdata::competitor(c, "606")->nationality, QString());
        QCOMPARE(testdata::competitor(c, "602")->gender, QString());
    }

    // A club left unticked is not created; its athletes keep the code the file gives.
    void aClubNotConfirmedIsNotCreated()
    {
        auto doc = meet();
        const Competition &c = doc->competition();
        DocumentEditor edit(*doc);
        const EntriesPlan plan = planFor("entries/entries-300.csv", *doc);
        EntriesChoices choices = EntriesChoices::allTeams(plan);
        choices.teams.remove(QStringLiteral("SOL"));
        const EntriesApplied done = EntriesApply::apply(edit, plan, choices);
        QCOMPARE(done.teamsCreated, 2);
        QCOMPARE(teamIds(c), QStringList({"RSH", "BEL", "HHH", "TVH", "NEW", "CAB"}));
        QCOMPARE(done.teamsNotCreated, QStringList({"SOL"}));
        QCOMPARE(testdata::competitor(c, "301")->teamId, QStringLiteral("SOL"));
    }

    // A merge whose new bib the editor refuses (a relay team has it) is held whole: none of
    // the row's other changes are made.
    void aRefusedBibHoldsTheWholeMerge()
    {
        auto doc = meet();
        const Competition &c = doc->competition();
        DocumentEditor edit(*doc);
        auto relay = std::make_unique<RelayTeam>();
        relay->relayTeamId = QStringLiteral("250");
        relay->name = QStringLiteral("Riverside A");
        edit.append(c, ListId::RelayTeams, std::move(relay));
        doc->undoStack()->clear();
        const Table t = table({{"Bib", "First name", "Last name", "DOB", "Nationality"},
                               {"250", "Zo\u00EB", "\u0152lschl\u00E4ger", "30/12/2005", "IRL"},
                               {"251", "Al", "Ng", "01/01/2000", "GBR"}});
        const EntriesPlan plan = planFor(t, *doc);
        QCOMPARE(plan.people.first().existing, testdata::competitor(c, "900"));
        const EntriesApplied done = EntriesApply::apply(edit, plan, {});
        QCOMPARE(done.held.size(), 1);
        QCOMPARE(done.held.first().row, 2);
        QCOMPARE(done.heldLines().first(),
                 QStringLiteral("t.csv, row 2: not merged into competitor 900 Zo\u00EB "
                                "\u0152lschl\u00E4ger: 250 is already the id of the relay team "
                                "Riverside A: 900 kept"));
        const Competitor *zoe = testdata::competitor(c, "900");
        QVERIFY(zoe);
        QCOMPARE(zoe->nationality, QString());
        QVERIFY(testdata::competitor(c, "251"));
        QCOMPARE(done.competitorsCreated, 1);
        QCOMPARE(done.competitorsChanged, 0);
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    // A file that gives nothing to apply leaves no undo step and the document unmodified.
    void nothingToApplyLeavesNoStep()
    {
        auto doc = meet();
        DocumentEditor edit(*doc);
        const Table t = table({{"Bib", "Name"}, {"", "Nobody Known"}});
        const EntriesPlan plan = planFor(t, *doc);
        const EntriesApplied done = EntriesApply::apply(edit, plan, {});
        QCOMPARE(done.held.size(), 1);
        QVERIFY(!done.changedAnything());
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
    }
};

QTEST_GUILESS_MAIN(TestEntriesApply)
#include "tst_entriesapply.moc"
