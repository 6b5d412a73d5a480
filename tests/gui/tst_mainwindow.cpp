#include "editors/datefield.h"
#include "editors/entrytableview.h"
#include "editors/fieldform.h"
#include "editors/nodeeditor.h"
#include "format/documentfile.h"
#include "mainwindow.h"
#include "model/document.h"
#include "models/competitiontreemodel.h"
#include "models/resultstablemodel.h"
#include "prompts.h"
#include "settings.h"
#include "support/viewtesting.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace meetdesk;
using viewtesting::checkBoxOf;
using viewtesting::keyInEditor;
using viewtesting::typeInGrid;

namespace {

QString screenshotDir()
{
    const QString dir = QStringLiteral(MEETDESK_TEST_OUTPUT "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

void screenshot(QWidget &window, const QString &name)
{
    QVERIFY(window.grab().save(screenshotDir() + u'/' + name + QStringLiteral(".png")));
}

QTreeView *tree(MainWindow &w)
{
    return w.findChild<QTreeView *>(QStringLiteral("competitionTree"));
}

// The tree's model is a filter over the CompetitionTreeModel.
CompetitionTreeModel *treeModel(MainWindow &w)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(tree(w)->model());
    return qobject_cast<CompetitionTreeModel *>(proxy->sourceModel());
}

void selectGroup(MainWindow &w, ListId list)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(tree(w)->model());
    tree(w)->setCurrentIndex(proxy->mapFromSource(treeModel(w)->groupIndex(list)));
    tree(w)->setFocus();
}

template<class W> W *field(MainWindow &w, const char *name)
{
    W *widget
        = w.currentEditor()->findChild<W *>(QStringLiteral("field_") + QLatin1StringView(name));
    if (!widget)
        qWarning("no field %s", name);
    return widget;
}

void type(MainWindow &w, const char *name, const QString &text)
{
    QWidget *widget = field<QWidget>(w, name);
    auto *box = qobject_cast<QComboBox *>(widget);
    if (box && box->isEditable())
        widget = box->lineEdit();
    if (auto *date = qobject_cast<DateField *>(widget))
        widget = date->lineEdit();
    widget->setFocus();
    if (auto *line = qobject_cast<QLineEdit *>(widget))
        line->selectAll(); // typing replaces what is there
    QTest::keyClicks(widget, text);
    if (box && box->completer() && box->completer()->popup()->isVisible()) {
        box->completer()->popup()->hide(); // as Tab would, leaving the typed value
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
}

void choose(MainWindow &w, const char *name, const QString &value)
{
    auto *box = field<QComboBox>(w, name);
    box->setCurrentIndex(box->findData(value));
}

// Presses Insert in the tree: adds what the current row calls for, and selects it.
const Node *insertInTree(MainWindow &w)
{
    tree(w)->setFocus();
    QTest::keyClick(tree(w), Qt::Key_Insert);
    return w.currentNode();
}

// Shows the window, active, with the sample meet open.
void showWithSample(MainWindow &w)
{
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
}

// Presses a key where the keyboard's focus is.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = {})
{
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
}

// Ctrl+Shift+E, then the event's row in the list that opens: as a secretary enters an
// athlete in an event.
void enterInEvent(MainWindow &w, int eventRow)
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_E,
                    Qt::ControlModifier | Qt::ShiftModifier);
    auto *enter = w.currentEditor()->findChild<QComboBox *>(QStringLiteral("enterInEvent"));
    QVERIFY(enter);
    QTRY_VERIFY(enter->view()->isVisible());
    for (int i = 0; i < eventRow; ++i)
        QTest::keyClick(enter->view(), Qt::Key_Down);
    QTest::keyClick(enter->view(), Qt::Key_Return);
    // The offscreen platform gives the window no activation back from a closed popup.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QLocale::setDefault(QLocale(QStringLiteral("en_GB"))); // a club secretary in England
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("meetdesk-test"));
        Prompts::setRecordWarnings(true);
    }

    void init()
    {
        QDir(RecoveryFile().folder()).removeRecursively();
        Settings::clearRecentFiles();
    }

    void showsTheSample()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
        QCOMPARE(window.windowTitle(), QStringLiteral("riverside-open-2026.json[*] - Meetdesk"));
        CompetitionTreeModel *model = treeModel(window);
        QCOMPARE(model->groupIndex(ListId::Competitors).data().toString(),
                 QStringLiteral("Competitors (40)"));
        QCOMPARE(model->groupIndex(ListId::Events).data().toString(), QStringLiteral("Events (9)"));
        QCOMPARE(Settings::recentFiles().size(), 1);
        QCOMPARE(window.size(), QSize(1200, 800)); // the default: nothing saved in the test
        window.selectNode(window.document()->competition().events[0]->units[2].get());
        // The whole results grid shows beside the tree, Wind included.
        auto *grid = window.currentEditor()->findChild<QTableView *>(QStringLiteral("resultsGrid"));
        const QHeaderView *columns = grid->horizontalHeader();
        QVERIFY2(columns->sectionViewportPosition(ResultsTableModel::Wind)
                         + columns->sectionSize(ResultsTableModel::Wind)
                     <= grid->viewport()->width(),
                 qPrintable(QStringLiteral("Wind ends at %1 of %2")
                                .arg(columns->sectionViewportPosition(ResultsTableModel::Wind)
                                     + columns->sectionSize(ResultsTableModel::Wind))
                                .arg(grid->viewport()->width())));
        QCOMPARE(grid->horizontalScrollBar()->maximum(), 0);
        screenshot(window, QStringLiteral("sample-100m-final"));
        window.selectNode(window.document()->competition().events[3]->units[0].get());
        QVERIFY(window.currentEditor()->findChild<QTableView *>(QStringLiteral("heightsGrid")));
        screenshot(window, QStringLiteral("sample-high-jump-heights"));
    }

    void filterKeepsPathsToMatches()
    {
        MainWindow window;
        QVERIFY(window.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
        auto *filter = window.findChild<QLineEdit *>(QStringLiteral("treeFilter"));
        QTest::keyClicks(filter, QStringLiteral("Adeyemi"));
        QAbstractItemModel *proxy = tree(window)->model();
        const QModelIndex root = proxy->index(0, 0);
        const QModelIndex competitors = proxy->index(0, 0, root);
        QCOMPARE(proxy->rowCount(competitors), 1);
        QCOMPARE(proxy->index(0, 0, competitors).data().toString(),
                 QStringLiteral("101 Tom Adeyemi"));
        filter->clear();
        QCOMPARE(proxy->rowCount(root), 4);
    }

    void buildACompetitionFromNothing()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const Competition &c = window.document()->competition();

        // Competition details
        QCOMPARE(window.currentNode(), &c);
        type(window, "full_name", QStringLiteral("Riverside Evening Open"));
        QCOMPARE(c.slug, QStringLiteral("riverside-evening-open")); // suggested from the name
        type(window, "country", QStringLiteral("GBR"));
        type(window, "date", QStringLiteral("2026-06-20")); // into the empty field
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), field<DateField>(window, "finish_date")->lineEdit());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("19/06/2026")); // as locals do
        press(Qt::Key_Tab);
        QTRY_VERIFY(field<QWidget>(window, "finish_date")
                        ->property("finding")
                        .toString()
                        .contains(QStringLiteral("before")));
        type(window, "finish_date", QStringLiteral("20/06/2026"));
        press(Qt::Key_Tab);
        QCOMPARE(c.finishDate, QDate(2026, 6, 20));
        QTRY_VERIFY(field<QWidget>(window, "finish_date")->property("finding").isNull());
        type(window, "address", QStringLiteral("Mill Lane, Kingston"));
        QCOMPARE(c.fullName, QStringLiteral("Riverside Evening Open"));
        QCOMPARE(c.country, QStringLiteral("GBR"));
        QCOMPARE(c.date, QDate(2026, 6, 20));
        screenshot(window, QStringLiteral("editor-competition"));

        // A team
        selectGroup(window, ListId::Teams);
        insertInTree(window);
        type(window, "team_id", QStringLiteral("RSH"));
        type(window, "team_name", QStringLiteral("Riverside Harriers"));
        screenshot(window, QStringLiteral("editor-team"));

        // Three competitors
        const char *const people[][4] = {{"101", "Ada", "Okafor", "F"},
                                         {"102", "Bea", "Lind", "F"},
                                         {"103", "Cleo", "Dubois", "F"}};
        for (const auto &p : people) {
            selectGroup(window, ListId::Competitors);
            insertInTree(window);
            QCOMPARE(window.currentNode()->kind(), NodeKind::Competitor);
            type(window, "competitor_id", QString::fromLatin1(p[0]));
            type(window, "first_name", QString::fromLatin1(p[1]));
            type(window, "last_name", QString::fromLatin1(p[2]));
            choose(window, "gender", QString::fromLatin1(p[3]));
            type(window, "team_id", QStringLiteral("RSH"));
        }
        QCOMPARE(c.competitors.size(), size_t(3));
        QCOMPARE(c.competitors[2]->lastName, QStringLiteral("Dubois"));
        QCOMPARE(c.competitors[2]->teamId, QStringLiteral("RSH"));
        QCOMPARE(treeModel(window)->groupIndex(ListId::Competitors).data().toString(),
                 QStringLiteral("Competitors (3)"));
        screenshot(window, QStringLiteral("editor-competitor"));

        // A 100 m with one heat
        selectGroup(window, ListId::Events);
        insertInTree(window);
        type(window, "event_code", QStringLiteral("100"));
        choose(window, "genders", QStringLiteral("F"));
        type(window, "category", QStringLiteral("SW"));
        type(window, "event_id", QStringLiteral("T01"));
        type(window, "rounds", QStringLiteral("1"));
        const auto &hundred = *c.events[0];
        QCOMPARE(hundred.name, QStringLiteral("100m Women")); // suggested from code and gender
        screenshot(window, QStringLiteral("editor-event"));
        QTest::mouseClick(
            window.currentEditor()->findChild<QPushButton *>(QStringLiteral("createUnits")),
            Qt::LeftButton);
        QCOMPARE(hundred.units.size(), size_t(1));

        // Entering competitor 101 in the 100 m from her editor
        window.selectNode(c.competitors[0].get());
        tree(window)->setFocus();
        enterInEvent(window, 1);
        QCOMPARE(window.currentNode()->kind(), NodeKind::EventEntry);
        type(window, "pb", QStringLiteral("11.92"));
        QCOMPARE(c.competitors[0]->eventsEntered[0]->eventCode, QStringLiteral("100"));
        screenshot(window, QStringLiteral("editor-event-entry"));

        // Results typed with the keyboard: bib, Tab, place, Tab, performance, Enter
        window.selectNode(hundred.units[0].get());
        type(window, "heat_name", QStringLiteral("Final"));
        auto *grid = window.currentEditor()->findChild<QTableView *>(QStringLiteral("resultsGrid"));
        QVERIFY(grid);
        grid->setFocus();
        grid->setCurrentIndex(grid->model()->index(0, 0));
        const char *const results[][3]
            = {{"102", "1", "11.87"}, {"101", "2", "11.98"}, {"103", "3", "12.20"}};
        for (const auto &r : results) {
            typeInGrid(grid, QString::fromLatin1(r[0]));
            keyInEditor(Qt::Key_Tab); // over the name, to the place
            typeInGrid(grid, QString::fromLatin1(r[1]));
            keyInEditor(Qt::Key_Tab);
            typeInGrid(grid, QString::fromLatin1(r[2]));
            keyInEditor(Qt::Key_Return); // down to the next row's bib
            QCOMPARE(grid->currentIndex().column(), 0);
        }
        const Unit &heat = *hundred.units[0];
        QCOMPARE(heat.results.size(), size_t(3));
        QCOMPARE(heat.results[0]->bib, QStringLiteral("102"));
        QCOMPARE(heat.results[0]->place.value(), 1);
        QCOMPARE(heat.results[2]->performance, QStringLiteral("12.20"));
        QCOMPARE(grid->model()->index(0, 1).data().toString(),
                 QStringLiteral("Bea Lind")); // a typed bib fills the name
        screenshot(window, QStringLiteral("editor-unit-results"));

        window.selectNode(heat.results[0].get());
        type(window, "wind", QStringLiteral("+0.8"));
        screenshot(window, QStringLiteral("editor-result"));

        // A long jump with a trial card
        selectGroup(window, ListId::Events);
        insertInTree(window);
        type(window, "event_code", QStringLiteral("LJ"));
        choose(window, "genders", QStringLiteral("F"));
        type(window, "category", QStringLiteral("SW"));
        type(window, "event_id", QStringLiteral("F01"));
        type(window, "max_field_attempts", QStringLiteral("3"));
        type(window, "rounds", QStringLiteral("1"));
        QTest::mouseClick(
            window.currentEditor()->findChild<QPushButton *>(QStringLiteral("createUnits")),
            Qt::LeftButton);
        const Event &lj = *c.events[1];
        window.selectNode(lj.units[0].get());
        auto *card = window.currentEditor()->findChild<QTableView *>(QStringLiteral("trialCard"));
        QVERIFY(card);
        card->setFocus();
        card->setCurrentIndex(card->model()->index(0, 0));
        const char *const series[][4]
            = {{"101", "5.80", "x", "6.01"}, {"103", "5.41", "-", "5.52"}};
        for (const auto &s : series) {
            const int row = card->currentIndex().row();
            typeInGrid(card, QString::fromLatin1(s[0]));
            keyInEditor(Qt::Key_Return);
            card->setCurrentIndex(card->model()->index(row, 2));
            for (int attempt = 1; attempt <= 3; ++attempt) {
                typeInGrid(card, QString::fromLatin1(s[attempt]));
                keyInEditor(attempt < 3 ? Qt::Key_Tab : Qt::Key_Return);
            }
            card->setCurrentIndex(card->model()->index(row + 1, 0));
        }
        const Unit &ljUnit = *lj.units[0];
        QCOMPARE(ljUnit.results.size(), size_t(2));
        QCOMPARE(ljUnit.trials.size(), size_t(6));
        QCOMPARE(ljUnit.trials[1]->result, QStringLiteral("x"));
        QCOMPARE(ljUnit.trials[2]->round.value(), 3);
        QCOMPARE(card->model()->index(0, 5).data().toString(), QStringLiteral("6.01")); // best
        screenshot(window, QStringLiteral("editor-trial-card"));
        window.selectNode(ljUnit.trials[0].get());
        screenshot(window, QStringLiteral("editor-trial"));

        // A high jump with heights added as the bar goes up
        selectGroup(window, ListId::Events);
        insertInTree(window);
        type(window, "event_code", QStringLiteral("HJ"));
        type(window, "event_id", QStringLiteral("F02"));
        type(window, "rounds", QStringLiteral("1"));
        QTest::mouseClick(
            window.currentEditor()->findChild<QPushButton *>(QStringLiteral("createUnits")),
            Qt::LeftButton);
        window.selectNode(c.events[2]->units[0].get());
        auto *height = window.currentEditor()->findChild<QLineEdit *>(QStringLiteral("newHeight"));
        for (const char *h : {"1.50", "1.55", "1.60"}) {
            QTest::keyClicks(height, QString::fromLatin1(h));
            QTest::keyClick(height, Qt::Key_Return);
        }
        auto *heights
            = window.currentEditor()->findChild<QTableView *>(QStringLiteral("heightsGrid"));
        heights->setFocus();
        heights->setCurrentIndex(heights->model()->index(0, 0));
        typeInGrid(heights, QStringLiteral("102"));
        keyInEditor(Qt::Key_Tab);
        typeInGrid(heights, QStringLiteral("o"));
        keyInEditor(Qt::Key_Tab);
        typeInGrid(heights, QStringLiteral("xo"));
        keyInEditor(Qt::Key_Tab);
        typeInGrid(heights, QStringLiteral("xxx"));
        keyInEditor(Qt::Key_Return);
        QCOMPARE(c.events[2]->units[0]->trials.size(), size_t(6));
        QCOMPARE(heights->model()->index(0, 5).data().toString(), QStringLiteral("1.55"));
        screenshot(window, QStringLiteral("editor-heights"));

        // A relay team with runners chosen among those entered... or the club
        selectGroup(window, ListId::RelayTeams);
        insertInTree(window);
        type(window, "relay_team_id", QStringLiteral("R1"));
        type(window, "event_id", QStringLiteral("T01"));
        type(window, "team_id", QStringLiteral("RSH"));
        type(window, "name", QStringLiteral("Riverside A"));
        auto *runners
            = window.currentEditor()->findChild<QListWidget *>(QStringLiteral("runnersList"));
        QVERIFY(runners->count() >= 1);
        QTest::mouseClick(runners->viewport(), Qt::LeftButton, {}, checkBoxOf(runners, 0));
        QCOMPARE(c.relayTeams[0]->runners.value(), QStringList {QStringLiteral("101")});
        screenshot(window, QStringLiteral("editor-relay-team"));
        window.selectNode(&c);

        // Save (Ctrl+S asks for a name the first time), reopen, compare
        const QString path = dir.filePath(QStringLiteral("evening.json"));
        Prompts::setNextFileName(path);
        tree(window)->setFocus();
        QTest::keySequence(&window, QKeySequence::Save);
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.windowTitle(), QStringLiteral("evening.json[*] - Meetdesk"));
        QVERIFY(Prompts::takeWarnings().isEmpty());
        MainWindow reopened;
        QVERIFY(reopened.openFile(path));
        if (!children::sameContent(reopened.document()->competition(), c)) {
            QFile out(QStringLiteral(MEETDESK_TEST_OUTPUT "/reopened-differs.json"));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(DocumentFile::serialize(c, {}));
            QFAIL(
                "the reopened competition differs from the one entered; see reopened-differs.json");
        }

        // Undo everything back to the empty document
        QUndoStack *stack = window.document()->undoStack();
        QVERIFY(stack->count() > 40);
        while (stack->canUndo())
            stack->undo();
        QVERIFY(children::sameContent(c, Competition()));
        QCOMPARE(treeModel(window)->groupIndex(ListId::Competitors).data().toString(),
                 QStringLiteral("Competitors (0)"));
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    void eightResultsWithoutTheMouse()
    {
        MainWindow window;
        showWithSample(window);
        if (QTest::currentTestFailed())
            return;
        const Event &hundred = *window.document()->competition().events[0];
        window.selectNode(&hundred);
        tree(window)->setFocus();
        QTest::keyClick(tree(window), Qt::Key_Insert); // a new heat under the event
        const auto *unit = static_cast<const Unit *>(window.currentNode());
        QCOMPARE(unit->kind(), NodeKind::Unit);
        auto *grid = window.currentEditor()->findChild<QTableView *>(QStringLiteral("resultsGrid"));
        grid->setFocus();
        grid->setCurrentIndex(grid->model()->index(0, 0));
        for (int i = 0; i < 8; ++i) {
            typeInGrid(grid, QString::number(101 + i));
            keyInEditor(Qt::Key_Tab);
            typeInGrid(grid, QString::number(i + 1));
            keyInEditor(Qt::Key_Tab);
            typeInGrid(grid, QStringLiteral("10.%1").arg(50 + i));
            keyInEditor(Qt::Key_Tab);
            keyInEditor(Qt::Key_Tab); // points left empty
            typeInGrid(grid, QString::number(i + 1));
            keyInEditor(Qt::Key_Return);
        }
        QCOMPARE(unit->results.size(), size_t(8));
        QCOMPARE(unit->results[7]->bib, QStringLiteral("108"));
        QCOMPARE(unit->results[7]->lane.value(), 8);
        QCOMPARE(unit->results[7]->performance, QStringLiteral("10.57"));
        QCOMPARE(grid->currentIndex(), grid->model()->index(8, 0)); // ready for a ninth
        screenshot(window, QStringLiteral("keyboard-heat-of-eight"));
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    void insertPutsTheCursorInTheNewRecord()
    {
        MainWindow window;
        showWithSample(window);
        if (QTest::currentTestFailed())
            return;
        const Competition &c = window.document()->competition();

        // Insert on a competitor: the next competitor, right after, its bib ready for typing.
        const Competitor *fifth = c.competitors[4].get();
        const size_t entries = fifth->eventsEntered.size();
        window.selectNode(fifth);
        const Node *added = insertInTree(window);
        QCOMPARE(added->kind(), NodeKind::Competitor);
        QCOMPARE(c.competitors[5].get(), added);
        QCOMPARE(c.competitors.size(), size_t(41));
        QCOMPARE(fifth->eventsEntered.size(), entries); // no event entry slipped in
        QCOMPARE(QApplication::focusWidget(), field<QLineEdit>(window, "competitor_id"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("141"));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), field<QLineEdit>(window, "first_name"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Nia"));
        QCOMPARE(static_cast<const Competitor *>(added)->competitorId, QStringLiteral("141"));
        QCOMPARE(static_cast<const Competitor *>(added)->firstName, QStringLiteral("Nia"));
        screenshot(window, QStringLiteral("insert-competitor"));

        // Insert on the events: a new event, its code ready.
        selectGroup(window, ListId::Events);
        insertInTree(window);
        QCOMPARE(QApplication::focusWidget(), field<QComboBox>(window, "event_code"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("200"));
        QCOMPARE(c.events.back()->eventCode, QStringLiteral("200"));

        // Insert on a heat: a new result, its bib ready.
        window.selectNode(c.events[0]->units[0].get());
        const Node *result = insertInTree(window);
        QCOMPARE(result->kind(), NodeKind::Result);
        QCOMPARE(QApplication::focusWidget(), field<QLineEdit>(window, "bib"));
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    void enterInEventIsACommandOfItsOwn()
    {
        MainWindow window;
        showWithSample(window);
        if (QTest::currentTestFailed())
            return;
        const Competition &c = window.document()->competition();
        const Competitor &tom = *c.competitors[0]; // in the 100 m and the relay
        const size_t entries = tom.eventsEntered.size();
        auto *action = window.findChild<QAction *>(QStringLiteral("enterInEventAction"));
        QVERIFY(action);
        window.selectNode(c.events[0].get());
        QVERIFY(!action->isEnabled()); // an event is nobody to enter

        // From one of his entries: Ctrl+Shift+E, the javelin.
        window.selectNode(tom.eventsEntered[1].get());
        tree(window)->setFocus();
        QVERIFY(action->isEnabled());
        QTest::keyClick(tree(window), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.currentNode(), &tom);
        QPointer<NodeEditor> competitorEditor = window.currentEditor();
        auto *enter = competitorEditor->findChild<QComboBox *>(QStringLiteral("enterInEvent"));
        QTRY_VERIFY(enter->view()->isVisible());
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(enter->view(), Qt::Key_Down);
        QTest::keyClick(enter->view(), Qt::Key_Return);
        QCOMPARE(tom.eventsEntered.size(), entries + 1);
        QCOMPARE(tom.eventsEntered.back()->eventCode, QStringLiteral("JT"));
        QCOMPARE(window.currentNode(), tom.eventsEntered.back().get());
        QCOMPARE(window.document()->undoStack()->undoText(),
                 QStringLiteral("Enter 101 Tom Adeyemi in F03 Javelin Women"));
        // The competitor's editor, whose list said so, is not deleted under its own signal...
        QVERIFY(competitorEditor);
        QVERIFY(!competitorEditor->isVisible());
        // ...but once that has returned.
        QTRY_VERIFY(!competitorEditor);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // The new entry's first empty field, the PB, waits for the seed mark.
        QCOMPARE(QApplication::focusWidget(), field<QLineEdit>(window, "pb"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("48.10"));
        QCOMPARE(tom.eventsEntered.back()->pb, QStringLiteral("48.10"));

        // The 100 m again: his entry is shown, none added.
        tree(window)->setFocus();
        enterInEvent(window, 1);
        QCOMPARE(tom.eventsEntered.size(), entries + 1);
        QCOMPARE(window.currentNode(), tom.eventsEntered[0].get());
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    void aHeatsRowsGoAndComeByPaste()
    {
        MainWindow window;
        showWithSample(window);
        if (QTest::currentTestFailed())
            return;
        const Unit &heat = *window.document()->competition().events[0]->units[0];
        window.selectNode(&heat);
        auto *grid
            = window.currentEditor()->findChild<EntryTableView *>(QStringLiteral("resultsGrid"));
        const size_t results = heat.results.size();

        // Rows 2 and 3 chosen by their headers, Delete.
        QWidget *rows = grid->verticalHeader()->viewport();
        QTest::mouseClick(rows, Qt::LeftButton, {}, viewtesting::rowHeaderOf(grid, 1));
        QTest::mouseClick(rows, Qt::LeftButton, Qt::ShiftModifier,
                          viewtesting::rowHeaderOf(grid, 2));
        press(Qt::Key_Delete);
        QCOMPARE(heat.results.size(), results - 2);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Deleted 2 row(s)"));
        screenshot(window, QStringLiteral("grid-rows-deleted"));

        // The two athletes back from a results sheet, pasted under the others by its names.
        QApplication::clipboard()->setText(QStringLiteral(
            "Pos\tBib\tName\tClub\tTime\tWind\n7\t102\tOliver Barnes\tBEL\t10.91\t+1.4\n"
            "8\t103\tSam Okoro\tHHH\tOliver\t+1.4\n"));
        grid->setCurrentIndex(grid->model()->index(int(heat.results.size()), 0));
        grid->setFocus();
        press(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(heat.results.size(), results);
        QCOMPARE(heat.results[results - 2]->bib, QStringLiteral("102"));
        QCOMPARE(heat.results[results - 2]->performance, QStringLiteral("10.91"));
        QCOMPARE(heat.results[results - 1]->place.value(), 8);
        QVERIFY(window.statusBar()->currentMessage().startsWith(
            QStringLiteral("Pasted 2 row(s) by column names: Pos → Place, Bib → Bib")));
        const QStringList warnings = Prompts::takeWarnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(
            QStringLiteral("Pasted row 3, Performance: \"Oliver\" does not fit there")));
        screenshot(window, QStringLiteral("grid-pasted-by-names"));

        // Each was one step: Ctrl+Z twice from the tree, and the heat is as it was.
        tree(window)->setFocus();
        QTest::keySequence(tree(window), QKeySequence::Undo);
        QTest::keySequence(tree(window), QKeySequence::Undo);
        QCOMPARE(heat.results.size(), results);
        QVERIFY(!window.document()->isModified());
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    void aNewBibFollowsTheAthlete()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("riverside.json"));
        QVERIFY(QFile::copy(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"), path));
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(path));
        const Competition &c = window.document()->competition();
        const Competitor &tom = *c.competitors[0];
        const Result &final = *c.events[0]->units[2]->results[0];
        QCOMPARE(final.bib, QStringLiteral("101"));
        window.selectNode(&tom);
        type(window, "competitor_id", QStringLiteral("1001"));
        press(Qt::Key_Tab);
        QCOMPARE(tom.competitorId, QStringLiteral("1001"));
        QCOMPARE(final.bib, QStringLiteral("1001"));
        QCOMPARE(c.relayTeams[0]->runners->first(), QStringLiteral("1001"));
        QCOMPARE(treeModel(window)->indexOf(&final).data().toString().contains(u"1001"), true);
        // Saving takes a bib still being typed, as one more step.
        type(window, "competitor_id", QStringLiteral("1002"));
        QTest::keySequence(&window, QKeySequence::Save);
        QCOMPARE(final.bib, QStringLiteral("1002"));
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->undoStack()->count(), 2);
        tree(window)->setFocus();
        QTest::keySequence(tree(window), QKeySequence::Undo);
        QCOMPARE(final.bib, QStringLiteral("1001"));
        QCOMPARE(field<QLineEdit>(window, "competitor_id")->text(), QStringLiteral("1001"));
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    void unsavedChangesAreAskedAbout()
    {
        MainWindow window;
        QVERIFY(window.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
        window.selectNode(&window.document()->competition());
        type(window, "short_name", QStringLiteral("x"));
        QVERIFY(window.isWindowModified());
        Prompts::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(window.document()->isModified());
        Prompts::setNextAnswer(QMessageBox::Discard);
        QVERIFY(window.close());
    }

    void brokenFileKeepsTheCurrentDocument()
    {
        MainWindow window;
        QVERIFY(window.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
        const Document *before = window.document();
        QVERIFY(!window.openFile(QStringLiteral(MEETDESK_TEST_DATA "/does-not-exist.json")));
        QCOMPARE(window.document(), before);
        const QStringList warnings = Prompts::takeWarnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(
            QStringLiteral("cannot open the file: No such file or directory")));
    }

    void recoveryAfterACrash()
    {
        std::unique_ptr<Competition> expected;
        {
            auto *crashed = new MainWindow;
            QVERIFY(
                crashed->openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
            crashed->selectNode(crashed->document()->competition().competitors[0].get());
            type(*crashed, "last_name", QStringLiteral("Adeyemi-Smith"));
            crashed->autosave();
            QVERIFY(QFile::exists(crashed->recoveryFile().path()));
            expected.reset(static_cast<Competition *>(
                children::clone(crashed->document()->competition()).release()));
            delete crashed; // no close event: as if the process died
        }
        MainWindow next;
        Prompts::setNextAnswer(QMessageBox::Yes);
        next.offerRecovery();
        QVERIFY(next.document()->isModified());
        QCOMPARE(next.document()->filePath(),
                 QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        QVERIFY(children::sameContent(next.document()->competition(), *expected));
        QCOMPARE(next.document()->competition().competitors[0]->lastName,
                 QStringLiteral("Adeyemi-Smith"));
        // A clean exit removes the copy; nothing is offered next time.
        Prompts::setNextAnswer(QMessageBox::Discard);
        QVERIFY(next.close());
        QVERIFY(RecoveryFile().orphans().isEmpty());
    }

    void dropAFileToOpenIt()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QCOMPARE(window.document()->competition().competitors.size(), size_t(40));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
