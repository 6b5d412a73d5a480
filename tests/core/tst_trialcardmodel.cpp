#include "format/opentrackreader.h"
#include "models/trialcardmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestTrialCardModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheCard()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/v1-nested.json"));
        Document doc(std::move(r.competition));
        const Unit &lj = *doc.competition().events[2]->units[0];
        TrialCardModel model(&doc, &lj);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.attempts(), 3);
        QCOMPARE(model.columnCount(), 2 + 3 + 1);
        QCOMPARE(model.headerData(model.bestColumn(), Qt::Horizontal).toString(),
                 QStringLiteral("Best"));
        QCOMPARE(model.index(0, TrialCardModel::Bib).data().toString(), QStringLiteral("12"));
        QCOMPARE(model.index(0, TrialCardModel::Name).data().toString(),
                 QStringLiteral("Bea Lind"));
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt).data().toString(),
                 QStringLiteral("x"));
        // the attempt with its wind, the best mark alone
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt + 1).data().toString(),
                 QStringLiteral("5.74 +0.4"));
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("5.74"));
        QCOMPARE(model.index(1, TrialCardModel::FirstAttempt + 1).data().toString(),
                 QStringLiteral("-"));
        QVERIFY(!(model.flags(model.index(2, TrialCardModel::FirstAttempt)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(2, TrialCardModel::Bib)) & Qt::ItemIsEditable);
    }

    void marks_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("mark") << "7.42"
                              << "7.42";
        QTest::newRow("comma") << "7,4"
                               << "7.40";
        QTest::newRow("whole metres") << "62"
                                      << "62.00";
        QTest::newRow("foul") << "X"
                              << "x";
        QTest::newRow("pass") << "-"
                              << "-";
        QTest::newRow("retired") << "r"
                                 << "r";
        QTest::newRow("not a mark") << "7.425"
                                    << "";
        QTest::newRow("words") << "foul"
                               << "";
        QTest::newRow("zero") << "0"
                              << "";
        QTest::newRow("negative") << "-5.2"
                                  << "";
        QTest::newRow("beyond any throw") << "130"
                                          << "";
        QTest::newRow("status word") << "NM"
                                     << "";
    }
    void marks()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(TrialCardModel::normalizeMark(typed), stored);
    }

    void aLongJumpCardRefusesAThrow()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = testdata::appendUnit(edit, QStringLiteral("LJ"));
        TrialCardModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setData(model.index(0, TrialCardModel::Bib), QStringLiteral("121")));
        QVERIFY(
            !model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("25.00")));
        QVERIFY(unit->trials.empty());
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("7,25")));
        QCOMPARE(unit->trials[0]->result, QStringLiteral("7.25"));
        QCOMPARE(
            TrialCardModel::normalizeMark(QStringLiteral("25.00"), EventCatalogue::Kind::Throw),
            QStringLiteral("25.00"));
    }

    void aLongJumpAttemptTakesItsWind()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = testdata::appendUnit(edit, QStringLiteral("LJ"));
        TrialCardModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &ResultListModel::edited);
        QVERIFY(model.setData(model.index(0, TrialCardModel::Bib), QStringLiteral("121")));
        const QModelIndex first = model.index(0, TrialCardModel::FirstAttempt);
        QVERIFY(model.setData(first, QStringLiteral("6,01 1,2")));
        QCOMPARE(unit->trials[0]->result, QStringLiteral("6.01"));
        QCOMPARE(unit->trials[0]->wind, QStringLiteral("+1.2"));
        QCOMPARE(first.data().toString(), QStringLiteral("6.01 +1.2"));
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("6.01"));
        QCOMPARE(edited.count(), 2); // the bib, the attempt
        // Retyped without its wind, the attempt has none: one step, undone whole.
        const int steps = doc.undoStack()->count();
        QVERIFY(model.setData(first, QStringLiteral("6.05")));
        QCOMPARE(unit->trials[0]->result, QStringLiteral("6.05"));
        QVERIFY(unit->trials[0]->wind.isEmpty());
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.undoStack()->undo();
        QCOMPARE(first.data().toString(), QStringLiteral("6.01 +1.2"));
        // A reading that is none is refused.
        QVERIFY(!model.setData(first, QStringLiteral("6.01 calm")));
        QCOMPARE(first.data().toString(), QStringLiteral("6.01 +1.2"));
        QCOMPARE(edited.count(), 3);
        // A foul's reading is kept with it, as files have it.
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 1),
                              QStringLiteral("x -0.3")));
        QCOMPARE(unit->trials[1]->result, QStringLiteral("x"));
        QCOMPARE(unit->trials[1]->wind, QStringLiteral("-0.3"));
    }

    void aThrowTakesNoWind()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = testdata::appendUnit(edit, QStringLiteral("JT"));
        TrialCardModel model(&doc, unit);
        QVERIFY(model.setData(model.index(0, TrialCardModel::Bib), QStringLiteral("129")));
        QVERIFY(!model.setData(model.index(0, TrialCardModel::FirstAttempt),
                               QStringLiteral("44.32 +1.2")));
        QVERIFY(unit->trials.empty());
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("44.32")));
        QVERIFY(unit->trials[0]->wind.isEmpty());
    }

    void enteringACard()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        edit.setValue(*unit->parent(), QLatin1StringView("max_field_attempts"), 3);
        TrialCardModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.attempts(), 3);
        QVERIFY(model.setData(model.index(0, TrialCardModel::Bib), QStringLiteral("121")));
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("5.80")));
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt + 1), QStringLiteral("x")));
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 2),
                              QStringLiteral("6.01")));
        QVERIFY(!model.setData(model.index(0, TrialCardModel::FirstAttempt + 2),
                               QStringLiteral("six")));
        QCOMPARE(unit->trials.size(), size_t(3));
        QCOMPARE(unit->trials[2]->round.value(), 3);
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("6.01"));
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 1),
                              QStringLiteral("5.90")));
        QCOMPARE(unit->trials[1]->result, QStringLiteral("5.90"));
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 1), QString()));
        QCOMPARE(unit->trials.size(), size_t(2));
        // a fourth attempt from elsewhere widens the card
        QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
        auto t = std::make_unique<Trial>();
        t->bib = QStringLiteral("121");
        t->round = 4;
        t->result = QStringLiteral("6.10");
        edit.append(*unit, ListId::Trials, std::move(t));
        QCOMPARE(columns.count(), 1);
        QCOMPARE(model.attempts(), 4);
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("6.10"));
    }

    void pasteByColumnNames()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        edit.setValue(*unit->parent(), QLatin1StringView("max_field_attempts"), 3);
        TrialCardModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = doc.undoStack()->count();
        const auto report = model.paste(0, TrialCardModel::FirstAttempt + 1,
                                        "Name\tBib\tAtt 1\tAtt 2\tAtt 3\tBest\n"
                                        "Ann Ray\t121\t5.80\tX\t6,01\t6.01\n"
                                        "Lea Moss\t\t5.10\n"
                                        "Kim Ode\t122\tfoul\t-\t5.52\t5.52\n");
        QCOMPARE(report.rows, 2);
        QCOMPARE(report.leftOut,
                 QStringList({"Pasted row 3: no bib, so no athlete to put it on; left out",
                              "Pasted row 4, 1: \"foul\" does not fit there; left out"}));
        QCOMPARE(unit->results.size(), size_t(2));
        QCOMPARE(model.index(0, TrialCardModel::Bib).data().toString(), QStringLiteral("121"));
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt + 1).data().toString(),
                 QStringLiteral("x"));
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt + 2).data().toString(),
                 QStringLiteral("6.01"));
        QCOMPARE(model.index(1, TrialCardModel::Bib).data().toString(), QStringLiteral("122"));
        QCOMPARE(model.index(1, model.bestColumn()).data().toString(), QStringLiteral("5.52"));
        QCOMPARE(unit->trials.size(), size_t(5));
        QCOMPARE(doc.undoStack()->count(), before + 1);
        // Without names: one cell a column from where the paste starts.
        model.paste(1, TrialCardModel::FirstAttempt, "5.30");
        QCOMPARE(model.index(1, TrialCardModel::FirstAttempt).data().toString(),
                 QStringLiteral("5.30"));
    }

    void deletingARowTakesTheAthletesTrials()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/v1-nested.json"));
        Document doc(std::move(r.competition));
        const Unit &lj = *doc.competition().events[2]->units[0];
        const auto before = children::clone(lj);
        TrialCardModel model(&doc, &lj);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString bib = lj.results[0]->bib;
        const auto trialsOf = [&lj](const QString &b) {
            return std::count_if(lj.trials.begin(), lj.trials.end(),
                                 [&b](const auto &t) { return t->bib == b; });
        };
        QVERIFY(trialsOf(bib) > 0);
        const size_t others = lj.trials.size() - size_t(trialsOf(bib));
        QCOMPARE(model.deleteRows({0}), 1);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(trialsOf(bib), 0);
        QCOMPARE(lj.trials.size(), others);
        QCOMPARE(model.rowOfBib(bib), -1);
        doc.undoStack()->undo();
        QVERIFY(children::sameContent(lj, *before));
        QCOMPARE(model.rowOfBib(bib), 0);
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt + 1).data().toString(),
                 QStringLiteral("5.74 +0.4"));
    }
};

QTEST_GUILESS_MAIN(TestTrialCardModel)
#include "tst_trialcardmodel.moc"
