// The heats preview on its own, driven with the keyboard: settings change the proposal, Redraw
// draws again, and what would be replaced must be confirmed before Apply.
#include "edit/documenteditor.h"
#include "heats/heatsdialog.h"
#include "testdata.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace meetdesk;
using Kind = StartListPlan::Kind;

namespace {

bool showActive(QDialog &dialog)
{
    dialog.show();
    dialog.activateWindow();
    return QTest::qWaitForWindowActive(&dialog);
}

QTreeWidget *preview(QDialog &dialog)
{
    return dialog.findChild<QTreeWidget *>(QStringLiteral("preview"));
}

QPushButton *applyButton(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// The preview's rows as "heat|lane bib|lane bib...", to compare two draws.
QString shown(QTreeWidget *tree)
{
    QStringList heats;
    for (int h = 0; h < tree->topLevelItemCount(); ++h) {
        QStringList lines;
        for (int i = 0; i < tree->topLevelItem(h)->childCount(); ++i) {
            const QTreeWidgetItem *row = tree->topLevelItem(h)->child(i);
            lines.append(row->text(0) + u' ' + row->text(1));
        }
        heats.append(lines.join(u'|'));
    }
    return heats.join(u'/');
}

// Alt+mnemonic, select what the field holds, type.
void typeInto(QDialog &dialog, Qt::Key mnemonic, const QString &text)
{
    QTest::keyClick(&dialog, mnemonic, Qt::AltModifier);
    QWidget *field = QApplication::focusWidget();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

const Event &eventWithId(const Document &d, const QString &id)
{
    for (const auto &e : d.competition().events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

} // namespace

class TestHeatsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("heats-test"));
    }

    void settingsChangeTheProposal()
    {
        auto doc = testdata::sprintMeet(24);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatsDialog dialog(*doc, event, Kind::Seed, HeatPlanner::request(*doc, event, Kind::Seed));
        QVERIFY(showActive(dialog));
        QTreeWidget *tree = preview(dialog);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Heat 1: 8 athlete(s)"));
        QCOMPARE(tree->headerItem()->text(4), QStringLiteral("Seed mark"));
        QVERIFY(applyButton(dialog)->isEnabled()); // nothing to replace
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("confirmReplace"))->isVisible());

        typeInto(dialog, Qt::Key_H, QStringLiteral("4"));
        QCOMPARE(dialog.request().heats, 4);
        QCOMPARE(dialog.plan().heats.size(), 4);
        QCOMPARE(tree->topLevelItemCount(), 4);
        QCOMPARE(tree->topLevelItem(3)->childCount(), 6);

        typeInto(dialog, Qt::Key_H, QStringLiteral("2"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("error"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("24 athletes need 3 heats on 8 lanes, not 2"));
        QVERIFY(!applyButton(dialog)->isEnabled());
        typeInto(dialog, Qt::Key_H, QStringLiteral("3"));
        QVERIFY(!error->isVisible());

        // Graded heats: the best eight together in the last heat.
        QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
        QCOMPARE(dialog.request().settings.method, seeding::Method::ByAbility);
        for (const auto &line : dialog.plan().heats[2].lines)
            QVERIFY(testdata::sprintRank(line.bib, 24) <= 8);

        // By rank across the track: the last heat's best in lane 1.
        QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
        QCOMPARE(dialog.request().settings.laneDraw, lanedraw::Method::ByRank);
        QCOMPARE(tree->topLevelItem(2)->child(0)->text(0), QStringLiteral("1"));
        QCOMPARE(testdata::sprintRank(tree->topLevelItem(2)->child(0)->text(1), 24), 1);
    }

    void redrawDrawsAgain()
    {
        auto doc = testdata::sprintMeet(24);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatsDialog dialog(*doc, event, Kind::Seed, HeatPlanner::request(*doc, event, Kind::Seed));
        QVERIFY(showActive(dialog));
        const QString first = shown(preview(dialog));
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier); // a button's mnemonic clicks soon
        // 3 x 8! ways to draw the lanes: never the same twice.
        QTRY_VERIFY(shown(preview(dialog)) != first);
        // The heats themselves are the zig-zag's, whatever the draw.
        for (const auto &heat : dialog.plan().heats) {
            QSet<int> groups;
            for (const auto &line : heat.lines)
                groups.insert((testdata::sprintRank(line.bib, 24) - 1) / 3);
            QCOMPARE(groups.size(), 8);
        }
    }

    void replacingMustBeConfirmed()
    {
        auto doc = testdata::loadDocument();
        const Event &event = eventWithId(*doc, QStringLiteral("T01"));
        HeatsDialog dialog(*doc, event, Kind::Seed, HeatPlanner::request(*doc, event, Kind::Seed));
        QVERIFY(showActive(dialog));
        auto *replaced = dialog.findChild<QLabel *>(QStringLiteral("replaced"));
        auto *confirm = dialog.findChild<QCheckBox *>(QStringLiteral("confirmReplace"));
        QVERIFY(replaced->isVisible());
        QVERIFY(replaced->text().contains(QStringLiteral(
            "Heat 1 holds 8 entrant(s), 8 with a place or performance (finished, official)")));
        QVERIFY(!applyButton(dialog)->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_Return); // the default button does nothing yet
        QVERIFY(dialog.isVisible());

        QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(confirm->isChecked());
        QVERIFY(applyButton(dialog)->isEnabled());
        // The same replaced with three heats: still confirmed.
        typeInto(dialog, Qt::Key_H, QStringLiteral("3"));
        QVERIFY(confirm->isChecked());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void aChangedProposalMustBeConfirmedAgain()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatRequest four = HeatPlanner::request(*doc, event, Kind::Seed);
        four.heats = 4;
        HeatPlanner::apply(edit, HeatPlanner::plan(doc->competition(), event, Kind::Seed, four));
        HeatsDialog dialog(*doc, event, Kind::Seed, HeatPlanner::request(*doc, event, Kind::Seed));
        QVERIFY(showActive(dialog));
        auto *replaced = dialog.findChild<QLabel *>(QStringLiteral("replaced"));
        auto *confirm = dialog.findChild<QCheckBox *>(QStringLiteral("confirmReplace"));
        QCOMPARE(dialog.request().heats, 4);
        QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(confirm->isChecked());
        // Three heats: the fourth goes, which the user has not been shown yet.
        typeInto(dialog, Qt::Key_H, QStringLiteral("3"));
        QVERIFY(replaced->text().contains(
            QStringLiteral("Round 1 heat 4 holds 6 entrant(s): deleted")));
        QVERIFY(!confirm->isChecked());
        QVERIFY(!applyButton(dialog)->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(applyButton(dialog)->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.plan().heats.size(), 3);
        QCOMPARE(dialog.plan().surplus.size(), 1);
    }

    void advancingShowsWhoGoesThroughAndHow()
    {
        auto doc = testdata::sprintMeet(24);
        DocumentEditor edit(*doc);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatPlanner::apply(edit,
                           HeatPlanner::plan(doc->competition(), event, Kind::Seed,
                                             HeatPlanner::request(*doc, event, Kind::Seed)));
        testdata::runSprintRound(edit, event, 1, 24);
        HeatsDialog dialog(*doc, event, Kind::Advance,
                           HeatPlanner::request(*doc, event, Kind::Advance));
        QVERIFY(showActive(dialog));
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("byPlace"))->value(), 2);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("byTime"))->value(), 2);
        QTreeWidget *tree = preview(dialog);
        QCOMPARE(tree->headerItem()->text(5), QStringLiteral("Through"));
        QCOMPARE(tree->headerItem()->text(6), QStringLiteral("Round 1"));
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Final: 8 athlete(s)"));
        QString through;
        for (int i = 0; i < 8; ++i)
            through += tree->topLevelItem(0)->child(i)->text(5);
        std::sort(through.begin(), through.end());
        QCOMPARE(through, QStringLiteral("QQQQQQqq"));

        // Three by place and none on time: nine do not fit in eight lanes.
        typeInto(dialog, Qt::Key_C, QStringLiteral("3"));
        typeInto(dialog, Qt::Key_T, QStringLiteral("0"));
        QCOMPARE(dialog.plan().error,
                 QStringLiteral("9 go through by place, more than the 8 "
                                "places in round 2: take fewer by place, "
                                "or more heats"));
        QVERIFY(!applyButton(dialog)->isEnabled());
        typeInto(dialog, Qt::Key_H, QStringLiteral("2")); // two semi-finals hold them
        QVERIFY(dialog.plan().ok());
        QCOMPARE(dialog.plan().heats.size(), 2);
    }

    void aNoteAboutSettingsIsShown()
    {
        auto doc = testdata::sprintMeet(8);
        const Event &event = eventWithId(*doc, QStringLiteral("T05"));
        HeatsDialog dialog(*doc, event, Kind::Seed, HeatPlanner::request(*doc, event, Kind::Seed));
        dialog.addNote(QStringLiteral("a note"));
        QVERIFY(showActive(dialog));
        auto *notes = dialog.findChild<QLabel *>(QStringLiteral("notes"));
        QVERIFY(notes->isVisible());
        QCOMPARE(notes->text(), QStringLiteral("a note"));
    }
};

QTEST_MAIN(TestHeatsDialog)
#include "tst_heatsdialog.moc"
