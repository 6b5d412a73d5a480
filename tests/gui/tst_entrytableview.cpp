#include "editors/entrytableview.h"
#include "models/resultstablemodel.h"
#include "models/trialcardmodel.h"
#include "prompts.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QTest>

#include "support/viewtesting.h"
#include "testdata.h"

using namespace meetdesk;

class TestEntryTableView : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        Document doc;
        DocumentEditor edit {doc};
        const Unit *unit = nullptr;
        ResultsTableModel *model = nullptr;
        EntryTableView view;

        Fixture()
        {
            Node *event = edit.append(doc.competition(), ListId::Events);
            unit = static_cast<const Unit *>(edit.append(*event, ListId::Units));
            model = new ResultsTableModel(&doc, unit, ListId::UnitResults, &view);
            view.setModel(model);
            view.show();
            view.activateWindow();
        }
    };

    static void typeCell(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
    }
    static void key(Qt::Key k)
    {
        QTest::keyClick(QApplication::focusWidget(), k);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
    }

    // Clicks a row's header, as a user chooses a whole row.
    static void clickRowHeader(QTableView &view, int row, Qt::KeyboardModifiers modifiers = {},
                               Qt::MouseButton button = Qt::LeftButton)
    {
        QWidget *header = view.verticalHeader()->viewport();
        if (button == Qt::RightButton)
            viewtesting::rightClick(header, viewtesting::rowHeaderOf(&view, row));
        else
            QTest::mouseClick(header, button, modifiers, viewtesting::rowHeaderOf(&view, row));
    }

    // A heat of the sample meet in a grid on screen.
    struct SampleGrid
    {
        std::unique_ptr<Document> doc = testdata::loadDocument();
        const Unit &heat = *doc->competition().events[0]->units[0];
        EntryTableView view;
        ResultsTableModel *model
            = new ResultsTableModel(doc.get(), &heat, ListId::UnitResults, &view);
        QAbstractItemModelTester tester {model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};

        SampleGrid()
        {
            view.setModel(model);
            view.resize(700, 400);
            view.show();
            view.activateWindow();
        }
    };

private Q_SLOTS:
    void initTestCase() { Prompts::setRecordWarnings(true); }

    void enterGoesDownToWhereTheRowStarted()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Bib));
        typeCell(QStringLiteral("101"));
        key(Qt::Key_Tab);
        QCOMPARE(f.view.currentIndex().column(),
                 int(ResultsTableModel::Place)); // the name is skipped
        typeCell(QStringLiteral("1"));
        key(Qt::Key_Return);
        QCOMPARE(f.view.currentIndex(), f.model->index(1, ResultsTableModel::Bib));
        QCOMPARE(f.unit->results[0]->bib, QStringLiteral("101"));
        QCOMPARE(f.unit->results[0]->place.value(), 1);
    }

    void deleteClearsACell()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        f.model->setData(f.model->index(0, ResultsTableModel::Bib), QStringLiteral("7"));
        f.model->setData(f.model->index(0, ResultsTableModel::Performance), QStringLiteral("10.9"));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Performance));
        QTest::keyClick(&f.view, Qt::Key_Delete);
        QVERIFY(f.unit->results[0]->performance.isNull());
    }

    void aColumnWidensForWhatIsTyped()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        const int narrow = f.view.columnWidth(ResultsTableModel::Performance);
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Bib));
        typeCell(QStringLiteral("101"));
        key(Qt::Key_Tab);
        key(Qt::Key_Tab);
        typeCell(QStringLiteral("DQ TR17.3.1 TR16.8"));
        key(Qt::Key_Return);
        QCOMPARE(f.unit->results[0]->performance, QStringLiteral("DQ TR17.3.1 TR16.8"));
        const int wide = f.view.fontMetrics().horizontalAdvance(f.unit->results[0]->performance);
        QVERIFY(wide > narrow);
        QVERIFY(f.view.columnWidth(ResultsTableModel::Performance) >= wide);
        QCOMPARE(f.view.columnWidth(ResultsTableModel::Lane), narrow); // the others as they were
    }

    void pasteFillsRows()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        QApplication::clipboard()->setText(QStringLiteral("101\t10.52\n102\t10.61\n"));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Bib));
        QTest::keyClick(&f.view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.unit->results.size(), size_t(2));
        QCOMPARE(f.unit->results[1]->performance, QStringLiteral("10.61"));
    }

    void rowsChosenByTheirHeadersGoWithDelete()
    {
        SampleGrid g;
        QVERIFY(QTest::qWaitForWindowActive(&g.view));
        const size_t results = g.heat.results.size();
        const QString second = g.heat.results[1]->bib;
        const QString fourth = g.heat.results[3]->bib;
        clickRowHeader(g.view, 1);
        clickRowHeader(g.view, 3, Qt::ControlModifier);
        QCOMPARE(g.view.selectionModel()->selectedRows().size(), 2);
        QVERIFY(g.view.hasFocus());
        QTest::keyClick(&g.view, Qt::Key_Delete);
        QCOMPARE(g.heat.results.size(), results - 2);
        QCOMPARE(g.model->rowOfBib(second), -1);
        QCOMPARE(g.model->rowOfBib(fourth), -1);
        QCOMPARE(g.doc->undoStack()->count(), 1);
        QCOMPARE(g.doc->undoStack()->undoText(), QStringLiteral("Delete 2 row(s)"));
        g.doc->undoStack()->undo();
        QCOMPARE(g.heat.results.size(), results);
        // Delete on a cell still clears only that cell.
        g.view.setCurrentIndex(g.model->index(0, ResultsTableModel::Lane));
        QTest::keyClick(&g.view, Qt::Key_Delete);
        QCOMPARE(g.heat.results.size(), results);
        QVERIFY(!g.heat.results[0]->lane.has_value());
    }

    void rowsGoFromTheContextMenu()
    {
        SampleGrid g;
        QVERIFY(QTest::qWaitForWindowActive(&g.view));
        const size_t results = g.heat.results.size();
        const QString third = g.heat.results[2]->bib;
        const QRect cell = g.view.visualRect(g.model->index(2, ResultsTableModel::Performance));
        viewtesting::rightClick(g.view.viewport(), cell.center());
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QAction *remove = menu->findChild<QAction *>(QStringLiteral("deleteRowsAction"));
        QVERIFY(remove);
        QCOMPARE(remove->text(), QStringLiteral("&Delete 1 row(s)"));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(remove).center());
        QCOMPARE(g.heat.results.size(), results - 1);
        QCOMPARE(g.model->rowOfBib(third), -1);
        QCOMPARE(g.doc->undoStack()->count(), 1);
        // On the row headers too, for the trial card's athletes.
        const Unit &lj = *g.doc->competition().events[2]->units[0];
        EntryTableView card;
        card.setModel(new TrialCardModel(g.doc.get(), &lj, &card));
        card.show();
        card.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&card));
        const QString first = lj.results[0]->bib;
        const size_t trials = lj.trials.size();
        clickRowHeader(card, 0, {}, Qt::RightButton);
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        remove = menu->findChild<QAction *>(QStringLiteral("deleteRowsAction"));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(remove).center());
        QCOMPARE(lj.results.size(), size_t(7));
        QVERIFY(lj.trials.size() < trials);
        QVERIFY(std::none_of(lj.trials.begin(), lj.trials.end(),
                             [&first](const auto &t) { return t->bib == first; }));
        QCOMPARE(g.doc->undoStack()->count(), 2);
    }

    void pasteByColumnNamesAndWarnAboutTheRest()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        QApplication::clipboard()->setText(QStringLiteral("Place\tName\tBib\tTime\tWind\n"
                                                          "1\tOliver Barnes\t102\t10.61\t0.8\n"
                                                          "2\tTom Adeyemi\t101\tTom\t0.8\n"));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Lane));
        QTest::keyClick(&f.view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.unit->results.size(), size_t(2));
        QCOMPARE(f.unit->results[0]->performance, QStringLiteral("10.61"));
        QCOMPARE(f.unit->results[1]->wind, QStringLiteral("+0.8"));
        QVERIFY(f.unit->results[1]->performance.isEmpty());
        const QStringList warnings = Prompts::takeWarnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(
                     QStringLiteral("Pasted row 3, Performance: \"Tom\" does not fit there")),
                 qPrintable(warnings[0]));
        QCOMPARE(f.doc.undoStack()->count(), 2 + 1);
    }
};

QTEST_MAIN(TestEntryTableView)
#include "tst_entrytableview.moc"
