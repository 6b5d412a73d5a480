// Meet day > Seed heats..., Draw lanes... and Advance to next round... from the real main window,
// offscreen, with the keyboard and the mouse: the preview, applying, the tree, undo and redo.
#include "edit/documenteditor.h"
#include "format/documentfile.h"
#include "heats/heatsdialog.h"
#include "mainwindow.h"
#include "prompts.h"
#include "testdata.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace meetdesk;

namespace {

QByteArray state(const Document &d)
{
    return DocumentFile::serialize(d.competition(), d.meetdeskData());
}

const Event &eventWithId(const Document &d, const QString &id)
{
    for (const auto &e : d.competition().events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

// Clicks a row of the tree by its text, expanding (with the Right key) the rows above it as a
// user opens them.
bool clickInTree(MainWindow &w, const QString &text)
{
    auto *tree = w.findChild<QTreeView *>(QStringLiteral("competitionTree"));
    const QModelIndexList found
        = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole, text, 1,
                               Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return false;
    QModelIndexList above;
    for (QModelIndex p = found.first().parent(); p.isValid(); p = p.parent())
        above.prepend(p);
    for (const QModelIndex &p : std::as_const(above)) {
        if (tree->isExpanded(p))
            continue;
        tree->scrollTo(p);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(p).center());
        QTest::keyClick(tree, Qt::Key_Right);
        if (!tree->isExpanded(p))
            return false;
    }
    tree->scrollTo(found.first());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(found.first()).center());
    return tree->currentIndex() == found.first();
}

// Alt+D, then the item's mnemonic, as a user opens a Meet day menu item.
bool fromMeetDayMenu(MainWindow &w, Qt::Key mnemonic)
{
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w))
        return false;
    QTest::keyClick(&w, Qt::Key_D, Qt::AltModifier);
    if (!QTest::qWaitFor([] { return qobject_cast<QMenu *>(QApplication::activePopupWidget()); }))
        return false;
    QTest::keyClick(QApplication::activePopupWidget(), mnemonic);
    return true;
}

// The preview once it is shown and has the keyboard.
HeatsDialog *shownPreview(MainWindow &w)
{
    HeatsDialog *found = nullptr;
    const bool visible = QTest::qWaitFor(
        [&] {
            found = w.findChild<HeatsDialog *>(QStringLiteral("heatsDialog"));
            return found && found->isVisible();
        },
        10000);
    if (!visible)
        return nullptr;
    QCoreApplication::processEvents();
    found->activateWindow();
    return QTest::qWaitForWindowActive(found) ? found : nullptr;
}

bool closed(MainWindow &w)
{
    return QTest::qWaitFor([&] { return !w.findChild<HeatsDialog *>(); });
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(MEETDESK_TEST_OUTPUT "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

// The preview's heats: per heat, "lane bib" per row.
QList<QStringList> previewed(HeatsDialog &dialog)
{
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("preview"));
    QList<QStringList> out;
    for (int h = 0; h < tree->topLevelItemCount(); ++h) {
        QStringList rows;
        for (int i = 0; i < tree->topLevelItem(h)->childCount(); ++i) {
            const QTreeWidgetItem *row = tree->topLevelItem(h)->child(i);
            rows.append(row->text(0) + u' ' + row->text(1));
        }
        out.append(rows);
    }
    return out;
}

QStringList heldIn(const Unit &unit)
{
    QStringList rows;
    for (const auto &r : unit.results)
        rows.append(QString::number(r->lane.value_or(0)) + u' ' + r->bib);
    return rows;
}

} // namespace

class TestMeetDayActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    std::unique_ptr<MainWindow> openCopy(const QString &name, const QByteArray &content)
    {
        const QString file = m_home.filePath(name);
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) < 0)
            qFatal("cannot write %s", qPrintable(file));
        f.close();
        auto window = std::make_unique<MainWindow>();
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the main window is not active");
        if (!window->openFile(file))
            qWarning("cannot open %s", qPrintable(file));
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("meetday-test"));
        Prompts::setRecordWarnings(true);
    }

    // The sample's 100 m has run its heats: seeding them again shows what it replaces, waits
    // for the user to confirm, and is one undo step.
    void seedHeatsFromTheMenu()
    {
        QFile sample(testdata::samplePath());
        QVERIFY(sample.open(QIODevice::ReadOnly));
        auto window = openCopy(QStringLiteral("meet.json"), sample.readAll());
        Document &doc = *window->document();
        const Event &event = eventWithId(doc, QStringLiteral("T01"));
        const QByteArray before = state(doc);

        QVERIFY(clickInTree(*window, QStringLiteral("T01 100m Men")));
        QCOMPARE(window->currentNode(), &event);
        QVERIFY(fromMeetDayMenu(*window, Qt::Key_S));
        HeatsDialog *dialog = shownPreview(*window);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Seed heats: T01 100m Men"));
        const QList<QStringList> heats = previewed(*dialog);
        QCOMPARE(heats.size(), 2);
        QCOMPARE(heats[0].size(), 8);
        QCOMPARE(heats[1].size(), 8);
        auto *apply = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!apply->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("replaced"))->isVisible());
        screenshot(dialog, QStringLiteral("seeding-preview"));

        QTest::keyClick(dialog, Qt::Key_P, Qt::AltModifier); // Re&place what these heats hold
        QTRY_VERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("confirmReplace"))->isChecked());
        QVERIFY(apply->isEnabled());
        QTest::keyClick(dialog, Qt::Key_A, Qt::AltModifier); // &Apply
        QVERIFY(closed(*window));

        // The tree: the first heat selected, holding the start list the preview showed.
        QCOMPARE(window->currentNode(), event.units[0].get());
        QCOMPARE(heldIn(*event.units[0]), heats[0]);
        QCOMPARE(heldIn(*event.units[1]), heats[1]);
        auto *tree = window->findChild<QTreeView *>(QStringLiteral("competitionTree"));
        QCOMPARE(tree->model()->rowCount(tree->currentIndex()), 8);
        QVERIFY(window->statusBar()->currentMessage().contains(
            QStringLiteral("2 heat(s) of round 1 with 16 athletes")));
        const QByteArray after = state(doc);
        QVERIFY(after != before);

        window->activateWindow(); // as a click on it after the dialog closed
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(state(doc), before);
        QTest::keyClick(tree, Qt::Key_Y, Qt::ControlModifier); // the redo key on every platform
        QCOMPARE(state(doc), after);
    }

    // Issue 9: 24 athletes seeded into three heats, the heats run, and 2 Q + 2 q taken into an
    // eight-lane final with the four best-ranked in lanes 3 to 6.
    void twentyFourAthletesToTheFinal()
    {
        auto generated = testdata::sprintMeet(24);
        auto window = openCopy(QStringLiteral("sprint.json"),
                               DocumentFile::serialize(generated->competition(), {}));
        Document &doc = *window->document();
        const Event &event = eventWithId(doc, QStringLiteral("T05"));

        QVERIFY(clickInTree(*window, QStringLiteral("T05 100m Men")));
        QVERIFY(fromMeetDayMenu(*window, Qt::Key_S));
        HeatsDialog *dialog = shownPreview(*window);
        QVERIFY(dialog);
        QCOMPARE(previewed(*dialog).size(), 3);
        screenshot(dialog, QStringLiteral("seeding-preview-24-athletes"));
        QTest::keyClick(dialog, Qt::Key_A, Qt::AltModifier);
        QVERIFY(closed(*window));
        QCOMPARE(event.units.size(), size_t(3));
        for (const auto &unit : event.units)
            QCOMPARE(unit->results.size(), size_t(8));

        DocumentEditor edit(doc); // the heats are run, and their results typed in
        testdata::runSprintRound(edit, event, 1, 24);

        QVERIFY(clickInTree(*window, QStringLiteral("Round 1 heat 2")));
        QVERIFY(fromMeetDayMenu(*window, Qt::Key_A));
        dialog = shownPreview(*window);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(),
                 QStringLiteral("Advance: T05 100m Men, round 1 to round 2"));
        const QList<QStringList> final = previewed(*dialog);
        QCOMPARE(final.size(), 1);
        QCOMPARE(final[0].size(), 8);
        screenshot(dialog, QStringLiteral("advance-preview"));
        QTest::keyClick(dialog, Qt::Key_A, Qt::AltModifier);
        QVERIFY(closed(*window));

        QCOMPARE(event.units.size(), size_t(4));
        const Unit &unit = *event.units[3];
        QCOMPARE(unit.round, 2);
        QCOMPARE(window->currentNode(), &unit);
        QCOMPARE(heldIn(unit), final[0]);
        for (const auto &result : unit.results) {
            const int rank = testdata::sprintRank(result->bib, 24);
            const int lane = result->lane.value();
            QVERIFY(rank <= 8);
            QCOMPARE(lane >= 3 && lane <= 6, rank <= 4);
        }

        // Draw lanes... on the final draws again within the same groups.
        QVERIFY(fromMeetDayMenu(*window, Qt::Key_L));
        dialog = shownPreview(*window);
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("redraw"))->isHidden());
        QTest::keyClick(dialog, Qt::Key_P, Qt::AltModifier); // the lanes drawn before go
        QTRY_VERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("confirmReplace"))->isChecked());
        QTest::keyClick(dialog, Qt::Key_A, Qt::AltModifier);
        QVERIFY(closed(*window));
        QCOMPARE(unit.results.size(), size_t(8));
        for (const auto &result : unit.results) {
            const int lane = result->lane.value();
            QCOMPARE(lane >= 3 && lane <= 6, testdata::sprintRank(result->bib, 24) <= 4);
        }
    }

    // Outside a race the commands are off.
    void onlyForRaces()
    {
        QFile sample(testdata::samplePath());
        QVERIFY(sample.open(QIODevice::ReadOnly));
        auto window = openCopy(QStringLiteral("meet2.json"), sample.readAll());
        auto *seed = window->findChild<QAction *>(QStringLiteral("seedHeatsAction"));
        QVERIFY(clickInTree(*window, QStringLiteral("F01 Long Jump Women")));
        QVERIFY(fromMeetDayMenu(*window, Qt::Key_Escape));
        QVERIFY(!seed->isEnabled());
        QVERIFY(clickInTree(*window, QStringLiteral("T02 4x100m Relay Men")));
        QVERIFY(fromMeetDayMenu(*window, Qt::Key_Escape));
        QVERIFY(seed->isEnabled());
    }
};

QTEST_MAIN(TestMeetDayActions)
#include "tst_meetdayactions.moc"
