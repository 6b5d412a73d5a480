// The findings panel from the real main window, offscreen, driven with the keyboard and the
// mouse: a bad time and an unknown club typed into the forms are listed at once, marked in
// the tree and counted in the status bar; the list is filtered by severity; a double click
// goes to the record and its field; Validate shows the panel; undo clears the finding; a
// fresh form does not say "is required" until the field is left.
#include "editors/fieldform.h"
#include "editors/nodeeditor.h"
#include "findings/findingspanel.h"
#include "mainwindow.h"
#include "models/findingsmodel.h"
#include "prompts.h"
#include "support/viewtesting.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeView>
#include <QUndoStack>

using namespace meetdesk;
using namespace meetdesk::windowtesting;

namespace {

QTreeView *findingsView(MainWindow &w)
{
    return w.findChild<QTreeView *>(QStringLiteral("findingsView"));
}

QString countText(MainWindow &w)
{
    auto *count = w.findChild<QPushButton *>(QStringLiteral("findingsCount"));
    // Shown whole, not elided, as the status bar lays it out.
    if (count->width() < count->sizeHint().width())
        return QStringLiteral("elided: ") + count->text();
    return count->text();
}

// The rows the panel shows: "Severity | Record | Field | Message | Rule".
QStringList listed(MainWindow &w)
{
    QAbstractItemModel *model = findingsView(w)->model();
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells.append(model->index(row, column).data().toString());
        rows.append(cells.join(QStringLiteral(" | ")));
    }
    return rows;
}

// The decoration of a node's row in the main window's tree (through its filter proxy).
QIcon treeMark(MainWindow &w, const Node *node)
{
    auto *tree = w.findChild<QTreeView *>(QStringLiteral("competitionTree"));
    w.selectNode(node);
    return tree->currentIndex().data(Qt::DecorationRole).value<QIcon>();
}

// Clicks into a field of the current form, selects what it holds and types over it.
void typeInto(MainWindow &w, const char *field, const QString &text)
{
    QWidget *widget = w.currentEditor()->form()->widget(QLatin1StringView(field));
    auto *box = qobject_cast<QComboBox *>(widget);
    QWidget *line = box && box->isEditable() ? box->lineEdit() : widget;
    QTest::mouseClick(line, Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), text);
}

// A competitor no relay team lists: a club of its own concerns nobody else.
const Competitor &notInARelay(const Competition &c)
{
    for (const auto &x : c.competitors) {
        bool listed = false;
        for (const auto &team : c.relayTeams)
            listed = listed || (team->runners && team->runners->contains(x->competitorId));
        if (!listed)
            return *x;
    }
    qFatal("every competitor runs in a relay");
}

bool focusIsIn(QWidget *widget)
{
    QWidget *focus = QApplication::focusWidget();
    return focus && (focus == widget || widget->isAncestorOf(focus));
}

} // namespace

class TestFindingsPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        isolate(m_home, QStringLiteral("meetdesk-test"));
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
    }

    void cleanup()
    {
        Prompts::takeWarnings();
        Prompts::setNextAnswer(QMessageBox::Discard); // the window closes without asking
    }

    void typedMistakesAreListedMarkedAndCounted()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        const Competition &c = w->document()->competition();
        auto *dock = w->findChild<QDockWidget *>(QStringLiteral("findingsDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        QTRY_COMPARE(countText(*w), QStringLiteral("No findings"));

        // View > Findings: an empty list says so.
        QVERIFY(fromMenu(*w, Qt::Key_V, Qt::Key_F));
        QTRY_VERIFY(dock->isVisible());
        // Offscreen, the closed menu gives the activation back to no one; a user would click.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTRY_VERIFY(w->findChild<QLabel *>(QStringLiteral("findingsEmpty"))->isVisible());
        QCOMPARE(listed(*w), QStringList());

        // A time that does not read, typed into a 100 m result.
        const Event &sprint = *c.events[0];
        const Result &result = *sprint.units[0]->results[0];
        const QString was = result.performance;
        w->selectNode(&result);
        typeInto(*w, "performance", QStringLiteral("1O.95"));
        QTRY_COMPARE(findingsView(*w)->model()->rowCount(), 1);
        QVERIFY(!w->findChild<QLabel *>(QStringLiteral("findingsEmpty"))->isVisible());
        QCOMPARE(listed(*w).constFirst().section(QStringLiteral(" | "), 0, 0),
                 QStringLiteral("Error"));
        QCOMPARE(listed(*w).constFirst().section(QStringLiteral(" | "), 2, 2),
                 QStringLiteral("Performance"));
        QCOMPARE(listed(*w).constFirst().section(QStringLiteral(" | "), 4, 4),
                 QStringLiteral("performance"));
        QTRY_COMPARE(countText(*w), QStringLiteral("1 error"));
        QVERIFY(!w->currentEditor()
                     ->form()
                     ->widget(QLatin1StringView("performance"))
                     ->property("finding")
                     .isNull());
        QVERIFY(!treeMark(*w, &result).isNull());
        QVERIFY(!treeMark(*w, &sprint).isNull()); // under it
        QVERIFY(treeMark(*w, c.events[1].get()).isNull());

        // A club that does not exist: a warning.
        const Competitor &x = notInARelay(c);
        w->selectNode(&x);
        typeInto(*w, "team_id", QStringLiteral("ZZZ"));
        QTRY_COMPARE(findingsView(*w)->model()->rowCount(), 2);
        QTRY_COMPARE(countText(*w), QStringLiteral("1 error, 1 warning"));
        QVERIFY(!treeMark(*w, &x).isNull());
        screenshot(w.get(), QStringLiteral("findings-panel"));

        // Errors only, warnings only, all: with the keyboard in the filter.
        auto *show = w->findChild<QComboBox *>(QStringLiteral("findingsShow"));
        QTest::mouseClick(findingsView(*w)->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
        QTest::keyClick(findingsView(*w), Qt::Key_Tab, Qt::ShiftModifier);
        QTRY_VERIFY(focusIsIn(show));
        QTest::keyClick(show, Qt::Key_Down);
        QCOMPARE(show->currentText(), QStringLiteral("Errors only"));
        QCOMPARE(listed(*w).size(), 1);
        QVERIFY(listed(*w).constFirst().startsWith(QStringLiteral("Error |")));
        QTest::keyClick(show, Qt::Key_Down);
        QCOMPARE(listed(*w).size(), 1);
        QVERIFY(listed(*w).constFirst().startsWith(QStringLiteral("Warning |")));
        QTest::keyClick(show, Qt::Key_Home);
        QCOMPARE(listed(*w).size(), 2);

        // A double click on the error goes to the result, the keyboard in its Performance.
        QTreeView *view = findingsView(*w);
        const auto rowOf = [view](const QString &severity) {
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                if (view->model()->index(row, 0).data(FindingsModel::SeverityRole) == severity)
                    return row;
            }
            return -1;
        };
        const QModelIndex error
            = view->model()->index(rowOf(QStringLiteral("error")), FindingsModel::MessageColumn);
        QVERIFY(error.isValid());
        viewtesting::doubleClick(view->viewport(), view->visualRect(error).center());
        QTRY_COMPARE(w->currentNode(), &result);
        QWidget *performance = w->currentEditor()->form()->widget(QLatin1StringView("performance"));
        QTRY_VERIFY(focusIsIn(performance));

        // Enter on the warning goes to the competitor's Team.
        view->setFocus();
        QTest::keyClick(view, rowOf(QStringLiteral("warning")) > 0 ? Qt::Key_Down : Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(w->currentNode(), &x);
        QTRY_VERIFY(focusIsIn(w->currentEditor()->form()->widget(QLatin1StringView("team_id"))));

        // Undo (twice: the club, then the time) clears both.
        w->document()->undoStack()->undo();
        QTRY_COMPARE(findingsView(*w)->model()->rowCount(), 1);
        QVERIFY(treeMark(*w, &x).isNull());
        w->document()->undoStack()->undo();
        QCOMPARE(result.performance, was);
        QTRY_COMPARE(countText(*w), QStringLiteral("No findings"));
        QVERIFY(treeMark(*w, &result).isNull());
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("findingsEmpty"))->isVisible());
    }

    // A new competitor's form does not say its bib is required until the bib is left; the
    // panel lists it at once; Validate (F7) shows the panel and every finding in the form.
    void requiredOnceLeftOrValidated()
    {
        auto w = openCopy(m_home, testdata::samplePath());
        auto *dock = w->findChild<QDockWidget *>(QStringLiteral("findingsDock"));
        const Competition &c = w->document()->competition();
        w->selectNode(c.competitors[0].get());
        auto *tree = w->findChild<QTreeView *>(QStringLiteral("competitionTree"));
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Insert); // Edit > Add: a competitor after the first
        QTRY_COMPARE(c.competitors.size(), size_t(41));
        const Competitor &added = *c.competitors[1];
        QCOMPARE(w->currentNode(), &added);
        QWidget *bib = w->currentEditor()->form()->widget(QLatin1StringView("competitor_id"));
        QTRY_VERIFY(focusIsIn(bib));
        QTRY_COMPARE(countText(*w), QStringLiteral("1 error")); // the panel's count knows
        QVERIFY(bib->property("finding").isNull()); // the form does not say it yet
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(bib->property("finding").toString(), QStringLiteral("is required"));

        // Another new one, then Validate: the panel and the form's marks.
        tree->setFocus();
        w->selectNode(&added);
        QTest::keyClick(tree, Qt::Key_Insert);
        QTRY_COMPARE(c.competitors.size(), size_t(42));
        bib = w->currentEditor()->form()->widget(QLatin1StringView("competitor_id"));
        QVERIFY(bib->property("finding").isNull());
        QVERIFY(!dock->isVisible());
        press(*w, Qt::Key_F7);
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(bib->property("finding").toString(), QStringLiteral("is required"));
        QCOMPARE(findingsView(*w)->model()->rowCount(), 2);
        QTRY_COMPARE(countText(*w), QStringLiteral("2 errors"));
    }
};

QTEST_MAIN(TestFindingsPanel)
#include "tst_findingspanel.moc"
