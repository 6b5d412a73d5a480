#include "edit/documenteditor.h"
#include "format/lifreader.h"
#include "import/lifapply.h"
#include "models/competitiontreemodel.h"
#include "support/undotesting.h"
#include "testdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace meetdesk;
using undotesting::checkUndoRedo;
using undotesting::snapshot;

namespace {

LifPlan planFor(const char *name, const Document &doc)
{
    const LifRead r = LifReader::readFile(
        testdata::fixturePath(QStringLiteral("lynx/") + QLatin1StringView(name)));
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    return LifImport::plan(r.file, doc.competition());
}

// "bib place performance lane wind" for each result of the heat, in order; "-" for none.
QStringList resultsOf(const Unit &unit)
{
    const auto shown = [](const auto &value) {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, QString>)
            return value.isEmpty() ? QStringLiteral("-") : value;
        else
            return value ? QString::number(*value) : QStringLiteral("-");
    };
    QStringList rows;
    for (const auto &r : unit.results)
        rows << QStringList({r->bib, shown(r->place), shown(r->performance), shown(r->lane),
                             shown(r->wind)})
                    .join(u' ');
    return rows;
}

} // namespace

class TestLifApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A clean heat: every result of the start list gets its place, time and wind, one step.
    void aCleanHeatIntoItsStartList()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json"));
        CompetitionTreeModel model(doc.get());
        QAbstractItemModelTester tester(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        DocumentEditor edit(*doc);
        const Unit &heat = *doc->competition().events[0]->units[0];
        const auto before = snapshot(*doc);
        const LifPlan plan = planFor("011-1-1.lif", *doc);
        const LifApplied done = LifApply::apply(edit, plan);
        QCOMPARE(done.unit, &heat);
        QCOMPARE(done.updated.size(), 5);
        QVERIFY(done.added.isEmpty());
        QVERIFY(done.held.isEmpty());
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Results of 100m Men, round 1, heat 1 from 011-1-1.lif"));
        QCOMPARE(done.summary(),
                 QStringLiteral("100m Men, round 1, heat 1: results changed: 5, "
                                "added: 0. Rows held for review: 0."));
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(resultsOf(heat),
                     QStringList({"1 1 10.65 2 +1.2", "2 3 10.89 3 +1.2", "3 2 10.71 4 +1.2",
                                  "4 3 10.89 5 +1.2", "5 - DNF 6 +1.2"}));
        });
        QCOMPARE(resets.count(), 0);
    }

    // Conflicting rows are held and the rest applied; accepted, a held row updates the bib's
    // result or adds one.
    void heldRowsOnlyWhenAccepted()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json"));
        DocumentEditor edit(*doc);
        const Unit &heat = *doc->competition().events[0]->units[1];
        const LifPlan plan = planFor("011-1-2.lif", *doc);
        const LifApplied done = LifApply::apply(edit, plan);
        QCOMPARE(done.updated.size(), 3);
        QCOMPARE(done.held.size(), 3);
        QCOMPARE(done.heldLines(),
                 QStringList({"011-1-2.lif, line 3: the file names bib 7 \"Max Smith\", the "
                              "meet \"Max Smyth\"",
                              "011-1-2.lif, line 4: bib 99 is not in the meet",
                              "011-1-2.lif, line 5: bib 21 is not in this heat's start list"}));
        QCOMPARE(resultsOf(heat),
                 QStringList({"6 1 10.99 3 -0.4", "7 - - 4 -", "8 - DQ 5 -0.4", "9 - DNS 6 -0.4"}));

        doc->undoStack()->undo();
        const auto before = snapshot(*doc);
        LifChoices choices;
        choices.accepted = {3, 5};
        const LifApplied accepted = LifApply::apply(edit, plan, choices);
        QCOMPARE(accepted.acceptedAnyway.size(), 2);
        QCOMPARE(accepted.held.size(), 1);
        QCOMPARE(accepted.held.first().row.bib, QStringLiteral("99"));
        QCOMPARE(accepted.added.size(), 1);
        QCOMPARE(doc->undoStack()->count(), 1);
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(resultsOf(heat),
                     QStringList({"6 1 10.99 3 -0.4", "7 2 11.05 4 -0.4", "8 - DQ 5 -0.4",
                                  "9 - DNS 6 -0.4", "21 4 11.51 8 -0.4"}));
        });
    }

    // No heat to put them in: nothing is applied, however much is accepted.
    void aHeatThatDoesNotExistChangesNothing()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json"));
        DocumentEditor edit(*doc);
        const LifPlan plan = planFor("011-3-1.lif", *doc);
        LifChoices choices;
        choices.acceptAll = true;
        const LifApplied done = LifApply::apply(edit, plan, choices);
        QCOMPARE(done.unit, nullptr);
        QCOMPARE(done.held.size(), plan.held.size());
        QVERIFY(done.acceptedAnyway.isEmpty());
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
    }

    // An empty final: the results are added in the file's order.
    void anEmptyHeatGetsNewResults()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json"));
        DocumentEditor edit(*doc);
        const Unit &final = *doc->competition().events[0]->units[2];
        LifFile file;
        file.source = QStringLiteral("011-2-1.lif");
        file.event = 11;
        file.round = 2;
        file.heat = 1;
        file.wind = QStringLiteral("+2.03");
        file.rows = {{2, "1", "3", "4", "", "", "", "10.50", {}},
                     {3, "2", "1", "5", "", "", "", "1:00.001", {}}};
        const LifApplied done = LifApply::apply(edit, LifImport::plan(file, doc->competition()));
        QCOMPARE(done.added.size(), 2);
        QCOMPARE(resultsOf(final), QStringList({"3 1 10.50 4 +2.1", "1 2 1:00.01 5 +2.1"}));
    }
};

QTEST_GUILESS_MAIN(TestLifApply)
#include "tst_lifapply.moc"
