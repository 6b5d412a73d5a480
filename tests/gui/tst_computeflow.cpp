// Results > Compute places and the age groups, from the real main window, offscreen, with the
// keyboard: places typed into a heights grid, a typed place shown before it is replaced, the
// whole meet in one step, age groups under the rules chosen.
#include "compute/compute.h"
#include "edit/documenteditor.h"
#include "editors/nodeeditor.h"
#include "format/documentfile.h"
#include "mainwindow.h"
#include "prompts.h"
#include "settings.h"
#include "support/viewtesting.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
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

QString bibsAndPlaces(const Unit &unit)
{
    QStringList out;
    for (const auto &r : unit.results)
        out.append(r->bib + u'=' + (r->place ? QString::number(*r->place) : QStringLiteral("-")));
    return out.join(u' ');
}

// The rows the preview lists, "Where | Field | Now | Worked out".
QStringList previewRows(QDialog *preview)
{
    auto *list = preview->findChild<QTreeWidget *>(QStringLiteral("computeChanges"));
    QStringList rows;
    for (int i = 0; list && i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = list->topLevelItem(i);
        rows.append(QStringList({item->text(0), item->text(1), item->text(2), item->text(3)})
                        .join(QStringLiteral(" | ")));
    }
    return rows;
}

void clickButton(QDialog *dialog, const char *name)
{
    QTest::mouseClick(dialog->findChild<QPushButton *>(QLatin1StringView(name)), Qt::LeftButton);
}

// Alt and the menu's letter, then the keys given in the menu that opens.
bool fromMenu(MainWindow &w, Qt::Key menu, std::initializer_list<Qt::Key> keys)
{
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w))
        return false;
    QTest::keyClick(&w, menu, Qt::AltModifier);
    for (const Qt::Key key : keys) {
        if (!QTest::qWaitFor(
                [] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); }))
            return false;
        QTest::keyClick(QApplication::activePopupWidget(), key);
    }
    return true;
}

} // namespace

class TestComputeFlow : public QObject
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

    void cleanup()
    {
        Prompts::takeWarnings();
        Prompts::setNextAnswer(QMessageBox::Discard); // the window closes without asking
    }

    void aHighJumpCountback()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        const Competition &c = w->document()->competition();
        DocumentEditor edit(*w->document());
        auto *event = static_cast<const Event *>(edit.append(c, ListId::Events));
        edit.setValue(*event, QLatin1StringView("event_id"), QStringLiteral("F09"));
        edit.setValue(*event, QLatin1StringView("event_code"), QStringLiteral("HJ"));
        edit.setValue(*event, QLatin1StringView("name"), QStringLiteral("High Jump B"));
        edit.setValue(*event, QLatin1StringView("rounds"), QStringLiteral("1"));
        edit.createUnits(*event);
        const Unit &unit = *event->units[0];
        w->selectNode(&unit);

        // The bar goes up: 1.65, 1.70, 1.75.
        auto *height = w->currentEditor()->findChild<QLineEdit *>(QStringLiteral("newHeight"));
        for (const char *h : {"1.65", "1.70", "1.75"}) {
            QTest::keyClicks(height, QLatin1StringView(h));
            QTest::keyClick(height, Qt::Key_Return);
        }
        // Three clear 1.70 and fail at 1.75: countback decides.
        auto *grid = w->currentEditor()->findChild<QTableView *>(QStringLiteral("heightsGrid"));
        grid->setFocus();
        const char *const cards[][4] = {{"118", "xo", "xo", "xxx"}, // 1.70 at the second, 2 x
                                        {"104", "o", "xo", "xxx"}, // 1.70 at the second, 1 x
                                        {"117", "o", "o", "xxx"}}; // 1.70 at the first
        for (int row = 0; row < 3; ++row) {
            grid->setCurrentIndex(grid->model()->index(row, 0));
            typeInGrid(grid, QLatin1StringView(cards[row][0]));
            for (int i = 1; i <= 3; ++i) {
                keyInEditor(Qt::Key_Tab);
                typeInGrid(grid, QLatin1StringView(cards[row][i]));
            }
            keyInEditor(Qt::Key_Return);
        }
        QCOMPARE(unit.trials.size(), size_t(18));
        // The Results tab followed each card: best height, place by countback.
        QTRY_COMPARE(bibsAndPlaces(unit), QStringLiteral("118=3 104=2 117=1"));
        for (const auto &r : unit.results)
            QCOMPARE(r->performance, QStringLiteral("1.70"));
        // Compute places finds it all worked out.
        press(*w, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(w->statusBar()->currentMessage(),
                 QStringLiteral("Places in F09 High Jump B, Final: nothing to change"));
        auto *tabs = w->currentEditor()->findChild<QTabWidget *>(QStringLiteral("unitTabs"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(0).center());
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY(screenshot(*w, QStringLiteral("compute-high-jump-countback")));
    }

    void aTypedPlaceIsShownBeforeItIsReplaced()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        const Unit &heat = *w->document()->competition().events[0]->units[0];
        w->selectNode(&heat);
        auto *grid = w->currentEditor()->findChild<QTableView *>(QStringLiteral("resultsGrid"));
        grid->setFocus();
        grid->setCurrentIndex(grid->model()->index(1, 2)); // 103's place
        typeInGrid(grid, QStringLiteral("5"));
        keyInEditor(Qt::Key_Return);
        QCOMPARE(heat.results[1]->place.value(), 5);
        QUndoStack *stack = w->document()->undoStack();
        const int steps = stack->count();

        // Ctrl+K: the preview says what would be replaced; Escape changes nothing.
        press(*w, Qt::Key_K, Qt::ControlModifier);
        QDialog *preview = shown(*w, "computePreview");
        QVERIFY(preview);
        QCOMPARE(previewRows(preview), QStringList {"103 Jack Chen | Place | 5 | 2"});
        QVERIFY(screenshot(*preview, QStringLiteral("compute-overwrite-prompt")));
        QTest::keyClick(preview, Qt::Key_Escape);
        QTRY_VERIFY(!w->findChild<QDialog *>(QStringLiteral("computePreview")));
        QCOMPARE(heat.results[1]->place.value(), 5);

        // Keep what is there: nothing else to fill, so nothing written.
        press(*w, Qt::Key_K, Qt::ControlModifier);
        preview = shown(*w, "computePreview");
        QVERIFY(preview);
        clickButton(preview, "keepButton");
        QCOMPARE(heat.results[1]->place.value(), 5);
        QCOMPARE(stack->count(), steps);
        QCOMPARE(w->statusBar()->currentMessage(),
                 QStringLiteral("Places in T01 100m Men, Heat 1: nothing written"));

        // Replace: one undo step.
        press(*w, Qt::Key_K, Qt::ControlModifier);
        preview = shown(*w, "computePreview");
        QVERIFY(preview);
        clickButton(preview, "replaceButton");
        QCOMPARE(heat.results[1]->place.value(), 2);
        QCOMPARE(stack->count(), steps + 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Compute places in T01 100m Men, Heat 1"));
        stack->undo();
        QCOMPARE(heat.results[1]->place.value(), 5);
        stack->redo();
        QCOMPARE(heat.results[1]->place.value(), 2);
    }

    void theWholeMeetInOneStep()
    {
        // The sample with a place typed wrong: 119 is fourth by countback, not second.
        auto typed = testdata::loadDocument();
        const Unit &typedHj = *eventWithId(typed->competition(), QStringLiteral("F02")).units[0];
        for (const auto &r : typedHj.results) {
            if (r->bib == u"119")
                DocumentEditor(*typed).setValue(*r, QLatin1StringView("place"), 2);
        }
        const QString wrong = m_home.filePath(QStringLiteral("wrong-place.json"));
        QString error;
        QVERIFY2(DocumentFile::save(*typed, wrong, &error), qPrintable(error));
        auto w = openCopy(wrong, m_home.filePath(QStringLiteral("meet.json")));
        const Competition &c = w->document()->competition();
        const auto before = children::clone(c);
        w->selectNode(&c);
        // The tree's context menu has it too; the keyboard is quicker.
        press(*w, Qt::Key_K, Qt::ControlModifier);
        QDialog *preview = shown(*w, "computePreview");
        QVERIFY(preview);
        const QStringList rows = previewRows(preview);
        QVERIFY(rows.contains(
            QStringLiteral("F02 High Jump Men, Final, 119 Usman Tariq | Place | 2 | 4")));
        QVERIFY(rows.contains(
            QStringLiteral("M01 U15 Girls Triathlon, 137 Sophie Taylor | Points | 2003 | 1981")));
        QVERIFY(preview->findChild<QLabel *>(QStringLiteral("computeNotes"))
                    ->text()
                    .contains(QStringLiteral("no 75")));
        QVERIFY(screenshot(*preview, QStringLiteral("compute-whole-meet-preview")));
        clickButton(preview, "replaceButton");
        const Unit &hj = *eventWithId(c, QStringLiteral("F02")).units[0];
        QCOMPARE(bibsAndPlaces(hj), QStringLiteral("117=1 104=2 118=2 119=4 120=5"));
        QUndoStack *stack = w->document()->undoStack();
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Compute places in the whole meet"));
        QVERIFY(compute::results(c).isEmpty());
        stack->undo();
        QVERIFY(children::sameContent(c, *before));
        QVERIFY(!w->document()->isModified());
        stack->redo();
        QCOMPARE(bibsAndPlaces(hj), QStringLiteral("117=1 104=2 118=2 119=4 120=5"));
    }

    void ageGroupsUnderTheRulesChosen()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        const Competition &c = w->document()->competition();
        const Competitor &sophie = *c.competitors[36];
        QCOMPARE(sophie.competitorId, QStringLiteral("137"));
        QCOMPARE(sophie.ageGroup, QStringLiteral("U15"));
        QUndoStack *stack = w->document()->undoStack();

        // Under the default for GBR (UK Athletics), the sample's groups are right.
        QVERIFY(fromMenu(*w, Qt::Key_R, {Qt::Key_A}));
        QCOMPARE(w->statusBar()->currentMessage(),
                 QStringLiteral("Age groups under UK Athletics (track and field) rules, the "
                                "default for a meet in GBR: nothing to change"));
        QCOMPARE(stack->count(), 0);

        // Results > Age group rules > World Athletics: kept in the file, one step.
        QVERIFY(fromMenu(*w, Qt::Key_R, {Qt::Key_R, Qt::Key_Down, Qt::Key_Return}));
        const JsonValue *kept
            = findMember(w->document()->meetdeskData(), compute::ageGroupRulesKey());
        QVERIFY(kept);
        QCOMPARE(*kept, AgeGroupRules::worldAthletics().toJson());
        QCOMPARE(stack->count(), 1);

        // World Athletics has no U15: the triathletes' groups would change; shown first.
        QVERIFY(fromMenu(*w, Qt::Key_R, {Qt::Key_A}));
        QDialog *preview = shown(*w, "computePreview");
        QVERIFY(preview);
        QVERIFY(previewRows(preview).contains(
            QStringLiteral("137 Sophie Taylor | Age group | U15 | U18")));
        clickButton(preview, "replaceButton");
        QCOMPARE(sophie.ageGroup, QStringLiteral("U18"));
        QCOMPARE(stack->count(), 2);
        stack->undo();
        QCOMPARE(sophie.ageGroup, QStringLiteral("U15"));
        stack->undo();
        QVERIFY(!findMember(w->document()->meetdeskData(), compute::ageGroupRulesKey()));
        QVERIFY(!w->document()->isModified());
    }
};

QTEST_MAIN(TestComputeFlow)
#include "tst_computeflow.moc"
