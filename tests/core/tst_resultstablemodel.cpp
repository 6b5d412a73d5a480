#include "format/opentrackreader.h"
#include "models/resultstablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestResultsTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsResultsWithNames()
    {
        auto doc = testdata::loadDocument();
        const Unit &heat = *doc->competition().events[0]->units[0];
        ResultsTableModel model(doc.get(), &heat);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(heat.results.size()) + 1);
        const Result &first = *heat.results[0];
        QCOMPARE(model.index(0, ResultsTableModel::Bib).data().toString(), first.bib);
        QCOMPARE(model.index(0, ResultsTableModel::Name).data().toString(),
                 model.nameOf(first.bib));
        QVERIFY(!model.nameOf(first.bib).isEmpty());
        QCOMPARE(model.index(0, ResultsTableModel::Performance).data().toString(),
                 first.performance);
        QCOMPARE(model.index(0, ResultsTableModel::Wind).data().toString(), QStringLiteral("+1.4"));
        QVERIFY(!(model.flags(model.index(0, ResultsTableModel::Name)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(0, ResultsTableModel::Place)) & Qt::ItemIsEditable);
        QCOMPARE(model.headerData(model.rowCount() - 1, Qt::Vertical).toString(),
                 QStringLiteral("*"));
        // relay bibs show the relay team's name
        ResultsTableModel relay(doc.get(), doc->competition().events[1]->units[0].get());
        QCOMPARE(relay.index(0, ResultsTableModel::Name).data().toString(),
                 QStringLiteral("Belgrave Harriers A"));
    }

    void typingOnTheNewRowAddsAResult()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        ResultsTableModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(model.setData(model.index(0, ResultsTableModel::Bib), QStringLiteral("101")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(unit->results[0]->bib, QStringLiteral("101"));
        QVERIFY(model.setData(model.index(0, ResultsTableModel::Place), QStringLiteral("1")));
        QVERIFY(
            model.setData(model.index(0, ResultsTableModel::Performance), QStringLiteral("10.52")));
        QVERIFY(model.setData(model.index(0, ResultsTableModel::Wind), QStringLiteral("1.2")));
        QCOMPARE(unit->results[0]->place.value(), 1);
        QCOMPARE(unit->results[0]->wind, QStringLiteral("+1.2"));
        QVERIFY(!model.setData(model.index(0, ResultsTableModel::Place), QStringLiteral("1st")));
        QVERIFY(!model.setData(model.index(0, ResultsTableModel::Wind), QStringLiteral("calm")));
        QVERIFY(
            model.setData(model.index(1, ResultsTableModel::Performance), QStringLiteral("dnf")));
        QCOMPARE(unit->results[1]->performance, QStringLiteral("DNF"));
        QCOMPARE(reset.count(), 0);
        // Each cell is its own undo step.
        QCOMPARE(doc.undoStack()->count(), 2 + 5);
    }

    void performanceAndWindAsTheEventReadsThem_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("taken");
        QTest::addColumn<QString>("stored");
        const int perf = ResultsTableModel::Performance;
        const int wind = ResultsTableModel::Wind;
        QTest::newRow("comma decimal") << perf << "10,37" << true << "10.37";
        QTest::newRow("hand time keeps its precision") << perf << "10.4" << true << "10.4";
        QTest::newRow("DQ with a rule") << perf << "dq tr17.3.1" << true << "DQ TR17.3.1";
        QTest::newRow("DSQ") << perf << "dsq" << true << "DQ";
        QTest::newRow("not a time: kept for the validator") << perf << "abc" << true << "abc";
        QTest::newRow("impossible for 100 m: kept for the validator")
            << perf << "1.03" << true << "1.03";
        QTest::newRow("wind with a comma") << wind << "1,2" << true << "+1.2";
        QTest::newRow("wind with its unit") << wind << "+1.2 m/s" << true << "+1.2";
        QTest::newRow("wind rounded up") << wind << "+2.03" << true << "+2.1";
        QTest::newRow("calm") << wind << "0" << true << "0.0";
        QTest::newRow("a word") << wind << "calm" << false << "";
        QTest::newRow("25 m/s") << wind << "+25" << false << "";
    }
    void performanceAndWindAsTheEventReadsThem()
    {
        QFETCH(int, column);
        QFETCH(QString, typed);
        QFETCH(bool, taken);
        QFETCH(QString, stored);
        Document doc;
        DocumentEditor edit(doc);
        ResultsTableModel model(&doc, testdata::appendUnit(edit, QStringLiteral("100")));
        QVERIFY(model.setData(model.index(0, ResultsTableModel::Bib), QStringLiteral("101")));
        QCOMPARE(model.setData(model.index(0, column), typed), taken);
        QCOMPARE(model.index(0, column).data().toString(), stored);
    }

    void pasteFromASpreadsheet()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        ResultsTableModel model(&doc, unit);
        const int before = doc.undoStack()->count();
        QCOMPARE(model
                     .paste(0, ResultsTableModel::Bib,
                            QStringLiteral("101\t10.52\r\n102\t10.61\n\n103\t10.70\n"))
                     .rows,
                 3);
        QCOMPARE(unit->results.size(), size_t(3));
        QCOMPARE(unit->results[1]->bib, QStringLiteral("102"));
        QCOMPARE(unit->results[1]->performance, QStringLiteral("10.61"));
        QCOMPARE(doc.undoStack()->count(), before + 1);
        // Three cells from the place column: place, performance, points.
        model.paste(0, ResultsTableModel::Place, QStringLiteral("1\t10.50\t900"));
        QCOMPARE(unit->results[0]->place.value(), 1);
        QCOMPARE(unit->results[0]->performance, QStringLiteral("10.50"));
        QCOMPARE(unit->results[0]->points.value(), 900.0);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(unit->results.empty());
    }

    void pasteByColumnNames()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        ResultsTableModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // A results sheet's own order, pasted while the cursor is on the wind column.
        const auto report = model.paste(0, ResultsTableModel::Wind,
                                        "Pos.\tNo\tAthlete\tClub\tTime (s)\tWind\tLane\n"
                                        "1\t102\tOliver Barnes\tBEL\t10.61\t+1.2\t4\n"
                                        "2\t101\tTom Adeyemi\tRSH\t10.70\t1.2\t5\n");
        QCOMPARE(report.rows, 2);
        QVERIFY2(report.leftOut.isEmpty(), qPrintable(report.leftOut.join(u'\n')));
        QCOMPARE(report.columns,
                 QStringList({"Pos. → Place", "No → Bib", "Athlete → Name", "Club left out",
                              "Time (s) → Performance", "Wind → Wind", "Lane → Lane"}));
        QCOMPARE(unit->results.size(), size_t(2));
        const Result &first = *unit->results[0];
        QCOMPARE(first.bib, QStringLiteral("102"));
        QCOMPARE(first.place.value(), 1);
        QCOMPARE(first.performance, QStringLiteral("10.61"));
        QCOMPARE(first.wind, QStringLiteral("+1.2"));
        QCOMPARE(first.lane.value(), 4);
        QCOMPARE(unit->results[1]->wind, QStringLiteral("+1.2"));
        QCOMPARE(doc.undoStack()->count(), 2 + 1);
        QCOMPARE(reset.count(), 0);
        doc.undoStack()->undo();
        QVERIFY(unit->results.empty());
    }

    void pasteWarnsInsteadOfPuttingANameIntoPerformance()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        ResultsTableModel model(&doc, unit);
        // No column names: today's order from the place column, where a name does not belong.
        const auto report
            = model.paste(0, ResultsTableModel::Place, "1\tTom Adeyemi\t900\n2\tDNF\n3\tx7\t1st\n");
        QCOMPARE(report.columns, QStringList());
        QCOMPARE(report.leftOut,
                 QStringList({"Pasted row 1, Performance: \"Tom Adeyemi\" does not fit there; "
                              "left out",
                              "Pasted row 3, Points: \"1st\" does not fit there; left out"}));
        QCOMPARE(unit->results.size(), size_t(3));
        QVERIFY(unit->results[0]->performance.isEmpty());
        QCOMPARE(unit->results[0]->points.value(), 900.0);
        QCOMPARE(unit->results[1]->performance, QStringLiteral("DNF"));
        QCOMPARE(unit->results[2]->performance, QStringLiteral("x7"));
    }

    void pasteOfNothingUsableLeavesNoUndoStep()
    {
        auto doc = testdata::loadDocument();
        const Unit &heat = *doc->competition().events[0]->units[0];
        ResultsTableModel model(doc.get(), &heat);
        const auto report
            = model.paste(0, ResultsTableModel::Performance, "Tom Adeyemi\nBea Lind\n");
        QCOMPARE(report.rows, 0);
        QCOMPARE(report.leftOut.size(), 2);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
    }

    void deleteRowsIsOneStep()
    {
        auto doc = testdata::loadDocument();
        const Unit &heat = *doc->competition().events[0]->units[0];
        const auto before = children::clone(heat);
        ResultsTableModel model(doc.get(), &heat);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const int rows = model.rowCount();
        const QString third = heat.results[3]->bib;
        // Rows 1 and 3, row 1 twice, and the empty last row, which is no result.
        QCOMPARE(model.deleteRows({1, 3, 1, rows - 1}), 2);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), rows - 2);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Delete 2 row(s)"));
        QCOMPARE(model.rowOfBib(third), -1);
        const auto after = children::clone(heat);
        doc->undoStack()->undo();
        QVERIFY(children::sameContent(heat, *before));
        doc->undoStack()->redo();
        QVERIFY(children::sameContent(heat, *after));
        QCOMPARE(model.deleteRows({rows - 2}), 0); // now the empty row
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void followsEditsElsewhere()
    {
        auto doc = testdata::loadDocument();
        const Unit &heat = *doc->competition().events[0]->units[0];
        ResultsTableModel model(doc.get(), &heat);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        DocumentEditor edit(*doc);
        edit.setValue(*heat.results[2], QLatin1StringView("performance"), QStringLiteral("10.99"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 2);
        // a competitor's new name shows
        edit.setValue(*doc->competition().competitors[0], QLatin1StringView("last_name"),
                      QStringLiteral("Z"));
        QCOMPARE(changed.count(), 2);
        edit.remove({heat.results[1].get()});
        QCOMPARE(removed.count(), 1);
        edit.move(*heat.results[0], 2);
        QCOMPARE(model.index(2, ResultsTableModel::Bib).data().toString(), heat.results[2]->bib);
        // the whole event goes: the model empties itself
        edit.remove({heat.parent()});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestResultsTableModel)
#include "tst_resultstablemodel.moc"
