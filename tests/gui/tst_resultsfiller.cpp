// The Results tab following what is typed, in the real main window, offscreen, with the
// keyboard: a long jump's trial card, a best mark typed differently by hand, a combined
// event's totals after a component result changes.
#include "edit/documenteditor.h"
#include "editors/nodeeditor.h"
#include "mainwindow.h"
#include "prompts.h"
#include "support/viewtesting.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

using namespace meetdesk;
using namespace meetdesk::windowtesting;
using viewtesting::keyInEditor;
using viewtesting::typeInGrid;

namespace {

const Event &eventWithId(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

// "122 6.01 +2.3 1": a result's bib, performance, wind and place.
QStringList rowsOf(const Unit &unit)
{
    QStringList rows;
    for (const auto &r : unit.results)
        rows.append(QStringList({r->bib, r->performance, r->wind,
                                 r->place ? QString::number(*r->place) : QStringLiteral("-")})
                        .join(u' ')
                        .simplified());
    return rows;
}

// A women's long jump of three attempts with one heat, selected in the window.
const Unit &newLongJump(MainWindow &w)
{
    DocumentEditor edit(*w.document());
    auto *event
        = static_cast<const Event *>(edit.append(w.document()->competition(), ListId::Events));
    edit.setValue(*event, QLatin1StringView("event_id"), QStringLiteral("F09"));
    edit.setValue(*event, QLatin1StringView("event_code"), QStringLiteral("LJ"));
    edit.setValue(*event, QLatin1StringView("name"), QStringLiteral("Long Jump B"));
    edit.setValue(*event, QLatin1StringView("rounds"), QStringLiteral("1"));
    edit.setValue(*event, QLatin1StringView("max_field_attempts"), 3);
    edit.createUnits(*event);
    w.selectNode(event->units[0].get());
    return *event->units[0];
}

// Types an athlete's card: the bib, Enter, then each attempt (Tab between them).
void typeCard(QTableView *card, int row, const QStringList &cells)
{
    card->setFocus();
    card->setCurrentIndex(card->model()->index(row, 0));
    typeInGrid(card, cells.first());
    keyInEditor(Qt::Key_Return);
    card->setCurrentIndex(card->model()->index(row, 2));
    for (qsizetype i = 1; i < cells.size(); ++i) {
        typeInGrid(card, cells[i]);
        keyInEditor(i + 1 < cells.size() ? Qt::Key_Tab : Qt::Key_Return);
    }
}

QTableView *gridOf(MainWindow &w, const char *name)
{
    return w.currentEditor()->findChild<QTableView *>(QLatin1StringView(name));
}

void showTab(MainWindow &w, int index)
{
    auto *tabs = w.currentEditor()->findChild<QTabWidget *>(QStringLiteral("unitTabs"));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
}

} // namespace

class TestResultsFiller : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("meetdesk-test"));
        Prompts::setRecordWarnings(true);
    }

    void cleanup() { Prompts::setNextAnswer(QMessageBox::Discard); }

    void aLongJumpCardFillsItsResults()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        const Unit &unit = newLongJump(*w);
        QTableView *card = gridOf(*w, "trialCard");
        typeCard(card, 0, {"121", "5.80 +1.1", "x", "6.01 +0.4"});
        typeCard(card, 1, {"122", "6.01 +2.3", "5.90 +0.8", "-"});
        typeCard(card, 2, {"123", "x", "x", "x"});
        QCOMPARE(card->model()->index(1, 2).data().toString(), QStringLiteral("6.01 +2.3"));
        // Equal on 6.01, 122 is ahead on the next best; the assisting wind still places.
        QTRY_COMPARE(rowsOf(unit), QStringList({"121 6.01 +0.4 2", "122 6.01 +2.3 1", "123 NM -"}));

        // A jump typed later is followed by a fill of its own: undone first, then the jump.
        QUndoStack *stack = w->document()->undoStack();
        const int steps = stack->count();
        card->setFocus();
        card->setCurrentIndex(card->model()->index(0, 3));
        typeInGrid(card, QStringLiteral("6.20 -0.2"));
        keyInEditor(Qt::Key_Return);
        QTRY_COMPARE(stack->count(), steps + 2);
        QCOMPARE(rowsOf(unit), QStringList({"121 6.20 -0.2 1", "122 6.01 +2.3 2", "123 NM -"}));
        QCOMPARE(stack->undoText(),
                 QStringLiteral("Fill the results of F09 Long Jump B, Final from the trials"));
        stack->undo();
        QCOMPARE(unit.trials[1]->result, QStringLiteral("6.20"));
        QCOMPARE(rowsOf(unit), QStringList({"121 6.01 +0.4 2", "122 6.01 +2.3 1", "123 NM -"}));
        stack->undo();
        QCOMPARE(unit.trials[1]->result, QStringLiteral("x"));
        stack->redo();
        stack->redo();
        QCOMPARE(rowsOf(unit), QStringList({"121 6.20 -0.2 1", "122 6.01 +2.3 2", "123 NM -"}));
        QVERIFY(!w->currentEditor()
                     ->findChild<QWidget *>(QStringLiteral("resultsFiller"))
                     ->isVisible()); // nothing differs
        showTab(*w, 0);
        QVERIFY(screenshot(*w, QStringLiteral("compute-long-jump-results")));
    }

    void aBestMarkTypedDifferentlyIsShownNotReplaced()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        const Unit &unit = newLongJump(*w);
        typeCard(gridOf(*w, "trialCard"), 0, {"121", "5.80 +1.1"});
        QTRY_COMPARE(rowsOf(unit), QStringList({"121 5.80 +1.1 1"}));
        // The secretary types 6.50 as her result, by hand.
        showTab(*w, 0);
        QTableView *results = gridOf(*w, "resultsGrid");
        results->setFocus();
        results->setCurrentIndex(results->model()->index(0, 3));
        typeInGrid(results, QStringLiteral("6.50"));
        keyInEditor(Qt::Key_Return);
        QCOMPARE(unit.results[0]->performance, QStringLiteral("6.50"));
        // A second jump: the fill keeps 6.50, and says so.
        showTab(*w, 1);
        QTableView *card = gridOf(*w, "trialCard");
        card->setFocus();
        card->setCurrentIndex(card->model()->index(0, 3));
        typeInGrid(card, QStringLiteral("6.01 +0.4"));
        keyInEditor(Qt::Key_Return);
        auto *filler = w->currentEditor()->findChild<QWidget *>(QStringLiteral("resultsFiller"));
        QTRY_VERIFY(filler->isVisible());
        QCOMPARE(unit.results[0]->performance, QStringLiteral("6.50"));
        QCOMPARE(unit.results[0]->wind, QStringLiteral("+0.4")); // it followed the trials
        const QString said = filler->findChild<QLabel *>(QStringLiteral("fillerText"))->text();
        QVERIFY2(said.contains(QStringLiteral("121 Amelia Brown: performance 6.50 → 6.01")),
                 qPrintable(said));
        QVERIFY(screenshot(*w, QStringLiteral("compute-typed-best-mark-kept")));
        // Taking the worked-out values is one step.
        QUndoStack *stack = w->document()->undoStack();
        const int steps = stack->count();
        QTest::mouseClick(filler->findChild<QPushButton *>(QStringLiteral("takeWorkedOut")),
                          Qt::LeftButton);
        QCOMPARE(unit.results[0]->performance, QStringLiteral("6.01"));
        QCOMPARE(stack->count(), steps + 1);
        QTRY_VERIFY(!filler->isVisible());
        stack->undo();
        QCOMPARE(unit.results[0]->performance, QStringLiteral("6.50"));
    }

    void combinedTotalsFollowTheirEvents()
    {
        auto w = openCopy(m_home, testdata::fixturePath(QStringLiteral("compute-meet.json")));
        const Competition &c = w->document()->competition();
        const Event &pentathlon = eventWithId(c, QStringLiteral("M01"));
        // First the standings are worked out, replacing what was typed (shown, accepted).
        w->selectNode(&pentathlon);
        press(*w, Qt::Key_K, Qt::ControlModifier);
        QDialog *preview = shown(*w, "computePreview");
        QVERIFY(preview);
        QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("replaceButton")),
                          Qt::LeftButton);
        const Result &iris = *pentathlon.results[0];
        QCOMPARE(iris.points.value(), 2477.0);
        w->activateWindow(); // offscreen, the closed preview gives the keyboard back to no one
        QVERIFY(QTest::qWaitForWindowActive(w.get()));

        // Her shot put corrected in its heat: points, total and standings follow.
        const Unit &shot = *eventWithId(c, QStringLiteral("M01c")).units[0];
        w->selectNode(&shot);
        showTab(*w, 0); // the results, behind the trial card of a shot put
        QTableView *grid = gridOf(*w, "resultsGrid");
        grid->setFocus();
        grid->setCurrentIndex(grid->model()->index(1, 3));
        typeInGrid(grid, QStringLiteral("13.10"));
        keyInEditor(Qt::Key_Return);
        QTRY_COMPARE(iris.points.value(), 929 + 867 + 734.0);
        QCOMPARE(shot.results[1]->points.value(), 734.0);
        QCOMPARE(iris.performance, QStringLiteral("2530"));
        QUndoStack *stack = w->document()->undoStack();
        QCOMPARE(stack->undoText(),
                 QStringLiteral("Points and standings after M01c Shot Put (Pentathlon), Final"));
        stack->undo();
        QCOMPARE(iris.points.value(), 2477.0);
        QCOMPARE(shot.results[1]->performance, QStringLiteral("13.10"));
        stack->undo();
        QCOMPARE(shot.results[1]->performance, QStringLiteral("12.30"));
    }
};

QTEST_MAIN(TestResultsFiller)
#include "tst_resultsfiller.moc"
