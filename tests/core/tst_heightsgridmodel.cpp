#include "format/opentrackreader.h"
#include "models/heightsgridmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestHeightsGridModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheCard()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/v1-nested.json"));
        Document doc(std::move(r.competition));
        const Unit &hj = *doc.competition().events[3]->units[0];
        HeightsGridModel model(&doc, &hj);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.heights(), 3);
        QCOMPARE(model.headerData(HeightsGridModel::FirstHeight + 2, Qt::Horizontal).toString(),
                 QStringLiteral("1.60"));
        QCOMPARE(model.index(0, HeightsGridModel::Bib).data().toString(), QStringLiteral("14"));
        QCOMPARE(model.index(0, HeightsGridModel::FirstHeight).data().toString(),
                 QStringLiteral("-"));
        QCOMPARE(model.index(0, HeightsGridModel::FirstHeight + 2).data().toString(),
                 QStringLiteral("xo"));
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("1.60"));
        QCOMPARE(model.index(1, HeightsGridModel::FirstHeight + 2).data().toString(),
                 QStringLiteral("xxr"));
        QCOMPARE(model.index(1, model.bestColumn()).data().toString(), QStringLiteral("1.55"));
    }

    void cells_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored"); // empty: refused
        QTest::newRow("clear") << "O"
                               << "o";
        QTest::newRow("spaced") << "x x o"
                                << "xxo";
        QTest::newRow("pass after a failure") << "x-"
                                              << "x-";
        QTest::newRow("retired") << "xr"
                                 << "xr";
        QTest::newRow("nothing after a pass") << "-o"
                                              << "";
        QTest::newRow("not an attempt mark") << "p"
                                             << "";
        QTest::newRow("four attempts") << "xxxo"
                                       << "";
    }
    void cells()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        Document doc;
        DocumentEditor edit(doc);
        HeightsGridModel model(&doc, testdata::appendUnit(edit));
        model.addHeight(QStringLiteral("1.50"));
        QVERIFY(model.setData(model.index(0, HeightsGridModel::Bib), QStringLiteral("7")));
        QCOMPARE(model.setData(model.index(0, HeightsGridModel::FirstHeight), typed),
                 !stored.isEmpty());
        QCOMPARE(model.attempts(QStringLiteral("7"), QStringLiteral("1.50")), stored);
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(),
                 stored.contains(u'o') ? QStringLiteral("1.50") : QString());
    }

    void enteringAttempts()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        HeightsGridModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
        model.addHeight(QStringLiteral("1.70"));
        model.addHeight(QStringLiteral("1.75"));
        QCOMPARE(columns.count(), 2);
        QCOMPARE(model.heights(), 2);
        QVERIFY(model.setData(model.index(0, HeightsGridModel::Bib), QStringLiteral("117")));
        const int before = doc.undoStack()->count();
        QVERIFY(model.setData(model.index(0, HeightsGridModel::FirstHeight), QStringLiteral("XO")));
        QCOMPARE(doc.undoStack()->count(), before + 1); // one step for the cell
        QCOMPARE(unit->trials.size(), size_t(2));
        QCOMPARE(unit->trials[0]->result, QStringLiteral("x"));
        QCOMPARE(unit->trials[1]->height, QStringLiteral("1.70"));
        QVERIFY(model.setData(model.index(0, HeightsGridModel::FirstHeight + 1),
                              QStringLiteral("xxx")));
        QVERIFY(!model.setData(model.index(0, HeightsGridModel::FirstHeight + 1),
                               QStringLiteral("xxxx")));
        QVERIFY(!model.setData(model.index(0, HeightsGridModel::FirstHeight + 1),
                               QStringLiteral("ox")));
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("1.70"));
        // correcting a cell replaces its attempts
        QVERIFY(model.setData(model.index(0, HeightsGridModel::FirstHeight), QStringLiteral("o")));
        QCOMPARE(model.attempts(QStringLiteral("117"), QStringLiteral("1.70")),
                 QStringLiteral("o"));
        QCOMPARE(unit->trials.size(), size_t(4));
        doc.undoStack()->undo();
        QCOMPARE(model.attempts(QStringLiteral("117"), QStringLiteral("1.70")),
                 QStringLiteral("xo"));
    }

    void pasteByHeights()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = &testdata::newHeat(edit);
        HeightsGridModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const char *h : {"1.50", "1.55", "1.60"})
            model.addHeight(QString::fromLatin1(h));
        const int before = doc.undoStack()->count();
        // The sheet's heights in another order and spelling, and one the unit does not have.
        const auto report = model.paste(0, HeightsGridModel::Bib,
                                        "Bib\t1,6\t1.50\t1.55\t1.65\n"
                                        "117\txo\to\t-\txxx\n"
                                        "118\txxx\tO\tXO\n");
        QCOMPARE(report.rows, 2);
        QCOMPARE(report.columns,
                 QStringList(
                     {"Bib → Bib", "1,6 → 1.60", "1.50 → 1.50", "1.55 → 1.55", "1.65 left out"}));
        QVERIFY(report.leftOut.isEmpty());
        QCOMPARE(model.attempts("117", "1.60"), QStringLiteral("xo"));
        QCOMPARE(model.attempts("117", "1.50"), QStringLiteral("o"));
        QCOMPARE(model.attempts("118", "1.55"), QStringLiteral("xo"));
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("1.60"));
        QCOMPARE(doc.undoStack()->count(), before + 1);
        doc.undoStack()->undo();
        QVERIFY(unit->results.empty());
        QVERIFY(unit->trials.empty());
    }
};

QTEST_GUILESS_MAIN(TestHeightsGridModel)
#include "tst_heightsgridmodel.moc"
