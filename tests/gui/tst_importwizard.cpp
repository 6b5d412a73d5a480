// The import wizard in the real main window, offscreen, driven with the keyboard and the mouse:
// File > Import entries..., the file through the Prompts seam, then every page.
#include "mainwindow.h"
#include "model/document.h"
#include "models/competitiontreemodel.h"
#include "prompts.h"
#include "support/viewtesting.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QWizard>

using namespace meetdesk;
using windowtesting::fromFileMenu;
using windowtesting::fromMenu;
using windowtesting::screenshot;
using windowtesting::shown;

namespace {

CompetitionTreeModel *treeModel(MainWindow &w)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(
        w.findChild<QTreeView *>(QStringLiteral("competitionTree"))->model());
    return qobject_cast<CompetitionTreeModel *>(proxy->sourceModel());
}

QString group(MainWindow &w, ListId list)
{
    return treeModel(w)->groupIndex(list).data().toString();
}

// Clicks one of the wizard's buttons and waits for the page it leads to (Finish: until the
// wizard is gone).
bool click(QWizard *wizard, QWizard::WizardButton button, int page = -1)
{
    QAbstractButton *b = wizard->button(button);
    if (!b->isVisible() || !b->isEnabled())
        return false;
    const QPointer<QWizard> open(wizard);
    QTest::mouseClick(b, Qt::LeftButton);
    if (button == QWizard::FinishButton)
        return QTest::qWaitFor([&] { return open.isNull(); });
    return QTest::qWaitFor([&] { return wizard->currentId() == page; });
}

// A combo box's item chosen from its popup, as a user does: click, Home, the item's first
// letters unless it is the first item, Enter.
bool choose(QComboBox *combo, const QString &text)
{
    QTest::mouseClick(combo, Qt::LeftButton);
    if (!QTest::qWaitFor([combo] { return combo->view()->isVisible(); }))
        return false;
    QAbstractItemView *list = combo->view();
    QTest::keyClick(list, Qt::Key_Home);
    if (!list->currentIndex().data().toString().startsWith(text))
        QTest::keyClicks(list, text);
    QTest::keyClick(list, Qt::Key_Return);
    return QTest::qWaitFor([&] { return !QApplication::activePopupWidget(); })
        && combo->currentText().startsWith(text);
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // The main window on a copy of the entries tests' meet, shown and active.
    std::unique_ptr<MainWindow> openMeet()
    {
        return windowtesting::openCopy(testdata::fixturePath(QStringLiteral("entries/meet.json")),
                                       m_home.filePath(QStringLiteral("meet.json")));
    }

    // File > Import entries... on a fixture, the file given through the Prompts seam.
    QWizard *importFrom(MainWindow &window, const QString &fixture)
    {
        Prompts::setNextFileName(testdata::fixturePath(fixture));
        if (!fromFileMenu(window, Qt::Key_I))
            return nullptr;
        return shown<QWizard>(window, "importWizard");
    }

private Q_SLOTS:
    void initTestCase() { windowtesting::isolate(m_home, QStringLiteral("import-test")); }

    // The 300-row CSV through every page: the Nationality column ignored, SOL not created,
    // one undo step for the whole import.
    void theSpreadsheetThroughEveryPage()
    {
        auto window = openMeet();
        const Competition &c = window->document()->competition();
        QWizard *wizard = importFrom(*window, QStringLiteral("entries/entries-300.csv"));
        QVERIFY(wizard);

        // The file: what was detected.
        QCOMPARE(wizard->currentId(), 0);
        QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("detected"))->text(),
                 QStringLiteral("text, semicolon, UTF-8 (BOM)"));
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("encoding"))->currentText(),
                 QStringLiteral("UTF-8 (BOM)"));
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("delimiter"))->currentText(),
                 QStringLiteral("Semicolon"));
        QVERIFY(wizard->findChild<QComboBox *>(QStringLiteral("headerRow"))
                    ->currentText()
                    .startsWith(QStringLiteral("Row 1: Bib")));
        auto *rows = wizard->findChild<QTableWidget *>(QStringLiteral("fileRows"));
        QCOMPARE(rows->item(1, 1)->text(), QStringLiteral("Bj\u00F6rn"));
        screenshot(wizard, QStringLiteral("import-1-file"));

        // The columns (Enter goes on, whichever button has the focus): Nationality (J) is
        // ignored from now on.
        QTest::keyClick(wizard, Qt::Key_Return);
        QTRY_COMPARE(wizard->currentId(), 1);
        auto *nationality = wizard->findChild<QComboBox *>(QStringLiteral("role-J"));
        QCOMPARE(nationality->currentText(), QStringLiteral("Nationality"));
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("role-A"))->currentText(),
                 QStringLiteral("Bib"));
        QVERIFY(!wizard->findChild<QComboBox *>(QStringLiteral("dateOrder"))->isEnabled());
        QVERIFY(choose(nationality, QStringLiteral("(ig")));
        screenshot(wizard, QStringLiteral("import-2-columns"));

        // The preview: every row, and only the problems when asked.
        QVERIFY(click(wizard, QWizard::NextButton, 2));
        auto *preview = wizard->findChild<QTableView *>(QStringLiteral("preview"));
        QCOMPARE(preview->model()->rowCount(), 300);
        QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("previewSummary"))->text(),
                 QStringLiteral("300 rows: 288 new athletes, 5 merged into athletes of the meet, "
                                "0 in the meet with nothing to change, 4 athletes held for review, "
                                "2 rows that cannot be imported."));
        screenshot(wizard, QStringLiteral("import-3-preview"));
        QTest::keyClick(wizard, Qt::Key_P, Qt::AltModifier); // Show only rows with &problems
        QTRY_COMPARE(preview->model()->rowCount(), 6);
        QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("295"));
        QCOMPARE(preview->model()->index(0, 1).data().toString(),
                 QStringLiteral("Held: import anyway"));
        QVERIFY(preview->model()->index(0, 6).data().toString().contains(
            QStringLiteral("\"31/02/2001\" is not a date")));
        screenshot(wizard, QStringLiteral("import-3-preview-problems"));

        // The clubs: SOL unticked.
        QVERIFY(click(wizard, QWizard::NextButton, 3));
        auto *clubs = wizard->findChild<QListWidget *>(QStringLiteral("clubs"));
        QCOMPARE(clubs->count(), 3);
        QVERIFY(clubs->item(0)->text().startsWith(QStringLiteral("SOL  Solihull & Small Heath")));
        QTest::mouseClick(clubs->viewport(), Qt::LeftButton, {}, viewtesting::checkBoxOf(clubs, 0));
        QCOMPARE(clubs->item(0)->checkState(), Qt::Unchecked);
        screenshot(wizard, QStringLiteral("import-4-clubs"));
        QCOMPARE(c.competitors.size(), size_t(5)); // nothing yet

        // Import: one step, and what it did.
        QCOMPARE(wizard->button(QWizard::CommitButton)->text(), QStringLiteral("&Import"));
        QVERIFY(click(wizard, QWizard::CommitButton, 4));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("doneSummary"))
                    ->text()
                    .startsWith(QStringLiteral("Competitors created: 288, changed: 5. Teams "
                                               "created: 2.")));
        const QString report
            = wizard->findChild<QPlainTextEdit *>(QStringLiteral("report"))->toPlainText();
        QVERIFY(report.contains(QStringLiteral("entries-300.csv, row 299: no bib")));
        QVERIFY(report.contains(QStringLiteral("Clubs not created (their athletes keep the "
                                               "code):\nSOL")));
        QVERIFY(!report.contains(QStringLiteral("XYZ"))); // the nationality column was ignored
        screenshot(wizard, QStringLiteral("import-5-done"));
        QVERIFY(click(wizard, QWizard::FinishButton));

        QCOMPARE(group(*window, ListId::Competitors), QStringLiteral("Competitors (293)"));
        QCOMPARE(group(*window, ListId::Teams), QStringLiteral("Teams (6)"));
        QCOMPARE(testdata::competitor(c, "301")->teamId, QStringLiteral("SOL"));
        QCOMPARE(testdata::competitor(c, "301")->nationality, QString());
        QVERIFY(testdata::competitor(c, "606")); // held only for its nationality, which was ignored
        QCOMPARE(testdata::competitor(c, "201")->nationality, QString());
        QCOMPARE(window->document()->undoStack()->count(), 1);
        screenshot(window.get(), QStringLiteral("import-6-tree"));

        // One undo takes it all back; redo brings it again.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(group(*window, ListId::Competitors), QStringLiteral("Competitors (5)"));
        QCOMPARE(group(*window, ListId::Teams), QStringLiteral("Teams (4)"));
        QVERIFY(!window->document()->isModified());
        QVERIFY(fromMenu(*window, Qt::Key_E, Qt::Key_R)); // Edit > Redo
        QTRY_COMPARE(group(*window, ListId::Competitors), QStringLiteral("Competitors (293)"));
    }

    // A held athlete ticked in the preview is imported, with what could be read.
    void aHeldRowTickedIsImported()
    {
        auto window = openMeet();
        const Competition &c = window->document()->competition();
        QWizard *wizard = importFrom(*window, QStringLiteral("entries/entries-300.xlsx"));
        QVERIFY(wizard);
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("sheet"))->count(), 2);
        QVERIFY(!wizard->findChild<QComboBox *>(QStringLiteral("encoding"))->isEnabled());
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("encoding"))->currentIndex(), -1);
        QVERIFY(click(wizard, QWizard::NextButton, 1));
        QVERIFY(click(wizard, QWizard::NextButton, 2));
        auto *preview = wizard->findChild<QTableView *>(QStringLiteral("preview"));
        QTest::keyClick(wizard, Qt::Key_P, Qt::AltModifier); // Show only rows with &problems
        QTRY_VERIFY(wizard->findChild<QCheckBox *>(QStringLiteral("onlyProblems"))->isChecked());
        const QModelIndex held = preview->model()->index(0, 1);
        QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("295"));
        QTest::mouseClick(preview->viewport(), Qt::LeftButton, {},
                          viewtesting::checkBoxOf(preview, held));
        QCOMPARE(held.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(click(wizard, QWizard::NextButton, 3));
        QVERIFY(click(wizard, QWizard::CommitButton, 4));
        QVERIFY(click(wizard, QWizard::FinishButton));
        QVERIFY(testdata::competitor(c, "601"));
        QVERIFY(!testdata::competitor(c, "601")->dateOfBirth.isValid());
        QVERIFY(!testdata::competitor(c, "602"));
    }

    // The encoding chosen is read at once: the names show what the choice does.
    void theEncodingChosenIsReadAtOnce()
    {
        auto window = openMeet();
        QWizard *wizard = importFrom(*window, QStringLiteral("entries/entries-300-1252.csv"));
        QVERIFY(wizard);
        auto *rows = wizard->findChild<QTableWidget *>(QStringLiteral("fileRows"));
        auto *encoding = wizard->findChild<QComboBox *>(QStringLiteral("encoding"));
        QCOMPARE(encoding->currentText(), QStringLiteral("Windows-1252"));
        QCOMPARE(rows->item(1, 1)->text(), QStringLiteral("Bj\u00F6rn"));
        QVERIFY(choose(encoding, QStringLiteral("UTF-8")));
        QCOMPARE(rows->item(1, 1)->text(), QStringLiteral("Bj\uFFFDrn"));
        QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("detected"))->text(),
                 QStringLiteral("text, semicolon, UTF-8"));
        screenshot(wizard, QStringLiteral("import-1-file-wrong-encoding"));
        QVERIFY(choose(encoding, QStringLiteral("W")));
        QCOMPARE(rows->item(1, 1)->text(), QStringLiteral("Bj\u00F6rn"));
        QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    }

    // Cancel on any page leaves the competition as it was.
    void cancelChangesNothing()
    {
        auto window = openMeet();
        QWizard *wizard = importFrom(*window, QStringLiteral("entries/entries-300.csv"));
        QVERIFY(wizard);
        QVERIFY(click(wizard, QWizard::NextButton, 1));
        QVERIFY(click(wizard, QWizard::NextButton, 2));
        QVERIFY(click(wizard, QWizard::NextButton, 3));
        QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QWizard *>());
        QCOMPARE(window->document()->undoStack()->count(), 0);
        QVERIFY(!window->document()->isModified());
        QCOMPARE(group(*window, ListId::Competitors), QStringLiteral("Competitors (5)"));
    }

    // A file that changes nothing: said on every page, and no undo step.
    void aFileThatChangesNothing()
    {
        auto window = openMeet();
        const QString same = m_home.filePath(QStringLiteral("same.csv"));
        QFile f(same);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Bib,First name,Last name\n201,\u00C9milie,M\u00FCller\n").toUtf8());
        f.close();
        Prompts::setNextFileName(same);
        QVERIFY(fromFileMenu(*window, Qt::Key_I));
        QWizard *wizard = shown<QWizard>(*window, "importWizard");
        QVERIFY(wizard);
        QVERIFY(click(wizard, QWizard::NextButton, 1));
        QVERIFY(click(wizard, QWizard::NextButton, 2));
        auto *preview = wizard->findChild<QTableView *>(QStringLiteral("preview"));
        QCOMPARE(preview->model()->index(0, 1).data().toString(),
                 QStringLiteral("In the meet as bib 201"));
        QVERIFY(click(wizard, QWizard::CommitButton, 4));
        QCOMPARE(wizard->currentPage()->title(), QStringLiteral("Nothing imported"));
        QVERIFY(click(wizard, QWizard::FinishButton));
        QCOMPARE(window->document()->undoStack()->count(), 0);
        QVERIFY(!window->document()->isModified());
    }

    // A file with no header row: the columns' roles chosen one by one.
    void aFileWithoutAHeaderRow()
    {
        auto window = openMeet();
        const QString bare = m_home.filePath(QStringLiteral("bare.csv"));
        QFile f(bare);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("801;Ann Lee;002\n802;Bo Lee;001\n");
        f.close();
        Prompts::setNextFileName(bare);
        QVERIFY(fromFileMenu(*window, Qt::Key_I));
        QWizard *wizard = shown<QWizard>(*window, "importWizard");
        QVERIFY(wizard);
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("headerRow"))->currentIndex(), 0);
        QVERIFY(click(wizard, QWizard::NextButton, 1));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // no bib, no name yet
        QVERIFY(!wizard->findChild<QLabel *>(QStringLiteral("columnsNote"))->text().isEmpty());
        QVERIFY(choose(wizard->findChild<QComboBox *>(QStringLiteral("role-A")),
                       QStringLiteral("Bib")));
        QVERIFY(choose(wizard->findChild<QComboBox *>(QStringLiteral("role-B")),
                       QStringLiteral("Name")));
        QVERIFY(choose(wizard->findChild<QComboBox *>(QStringLiteral("role-C")),
                       QStringLiteral("Events")));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("columnsNote"))->text().isEmpty());
        QVERIFY(click(wizard, QWizard::NextButton, 2));
        QVERIFY(click(wizard, QWizard::CommitButton, 4));
        QVERIFY(click(wizard, QWizard::FinishButton));
        const Competitor *ann = testdata::competitor(window->document()->competition(), "801");
        QVERIFY(ann);
        QCOMPARE(ann->lastName, QStringLiteral("Lee"));
        QCOMPARE(ann->eventsEntered[0]->eventId, QStringLiteral("002"));
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
