#include "editors/fieldform.h"
#include "editors/nodeeditor.h"
#include "format/opentrackreader.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include "support/viewtesting.h"
#include "testdata.h"

using namespace meetdesk;
using viewtesting::checkBoxOf;

namespace {

QStringList listed(QListWidget *list)
{
    QStringList bibs;
    for (int i = 0; i < list->count(); ++i)
        bibs.append(list->item(i)->data(Qt::UserRole).toString());
    return bibs;
}

const Competitor &competitor(const Document &doc, const QString &bib)
{
    const auto &all = doc.competition().competitors;
    return **std::find_if(all.begin(), all.end(),
                          [&bib](const auto &x) { return x->competitorId == bib; });
}

} // namespace

class TestNodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slugFollowsTheNameUntilWrittenByHand()
    {
        Document doc;
        DocumentEditor edit(doc);
        NodeEditor editor(edit, doc.competition());
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("field_full_name"));
        auto *slug = editor.findChild<QLineEdit *>(QStringLiteral("field_slug"));
        QTest::keyClicks(name, QStringLiteral("Summer Open"));
        QCOMPARE(doc.competition().slug, QStringLiteral("summer-open"));
        QCOMPARE(slug->text(), QStringLiteral("summer-open"));
        slug->selectAll();
        QTest::keyClicks(slug, QStringLiteral("Mine"));
        QCOMPARE(doc.competition().slug, QStringLiteral("mine"));
        QTest::keyClicks(name, QStringLiteral(" 2026"));
        QCOMPARE(doc.competition().slug, QStringLiteral("mine")); // left alone now
        QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("suggestSlug")),
                          Qt::LeftButton);
        QCOMPARE(doc.competition().slug, QStringLiteral("summer-open-2026"));
    }

    void eventNameAndHeats()
    {
        Document doc;
        DocumentEditor edit(doc);
        const auto &event
            = static_cast<const Event &>(*edit.append(doc.competition(), ListId::Events));
        NodeEditor editor(edit, event);
        QTest::keyClicks(
            editor.findChild<QComboBox *>(QStringLiteral("field_event_code"))->lineEdit(),
            QStringLiteral("400H"));
        auto *genders = editor.findChild<QComboBox *>(QStringLiteral("field_genders"));
        genders->setCurrentIndex(genders->findData(QStringLiteral("M")));
        QCOMPARE(event.name, QStringLiteral("400m Hurdles Men"));
        QTest::keyClicks(editor.findChild<QLineEdit *>(QStringLiteral("field_rounds")),
                         QStringLiteral("2,1"));
        QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("createUnits")),
                          Qt::LeftButton);
        QCOMPARE(event.units.size(), size_t(3));
    }

    void unitEditorHasTheRightCard()
    {
        ReadResult r = OpenTrackReader::readFile(
            QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        Document doc(std::move(r.competition));
        DocumentEditor edit(doc);
        const Competition &c = doc.competition();
        NodeEditor track(edit, *c.events[0]->units[0]);
        QVERIFY(track.findChild<QTableView *>(QStringLiteral("resultsGrid")));
        QVERIFY(!track.findChild<QTableView *>(QStringLiteral("trialCard")));
        NodeEditor jump(edit, *c.events[2]->units[0]);
        QVERIFY(jump.findChild<QTableView *>(QStringLiteral("trialCard")));
        NodeEditor high(edit, *c.events[3]->units[0]);
        QVERIFY(high.findChild<QTableView *>(QStringLiteral("heightsGrid")));
    }

    void relayRunnersAmongTheEntered()
    {
        ReadResult r = OpenTrackReader::readFile(
            QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        Document doc(std::move(r.competition));
        DocumentEditor edit(doc);
        const RelayTeam &relay = *doc.competition().relayTeams[0];
        NodeEditor editor(edit, relay);
        auto *list = editor.findChild<QListWidget *>(QStringLiteral("runnersList"));
        // Everyone entered in the 4x100, four of them checked in running order.
        int entered = 0;
        for (const auto &x : doc.competition().competitors)
            entered
                += std::any_of(x->eventsEntered.begin(), x->eventsEntered.end(),
                               [](const auto &e) { return e->eventId == QStringLiteral("T02"); });
        QVERIFY(entered >= 8);
        QCOMPARE(list->count(), entered);
        int checked = 0;
        for (int i = 0; i < list->count(); ++i)
            checked += list->item(i)->checkState() == Qt::Checked;
        QCOMPARE(checked, 4);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked) {
                const QString bib = list->item(i)->data(Qt::UserRole).toString();
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, checkBoxOf(list, i));
                QVERIFY(!relay.runners->contains(bib));
                break;
            }
        }
        QCOMPARE(relay.runners->size(), 3);
        doc.undoStack()->undo();
        QCOMPARE(relay.runners->size(), 4);
    }

    void findingsOfItsNodeOnly()
    {
        ReadResult r = OpenTrackReader::readFile(
            QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        Document doc(std::move(r.competition));
        DocumentEditor edit(doc);
        const Competitor &x = *doc.competition().competitors[1];
        NodeEditor editor(edit, x);
        auto *team = editor.findChild<QComboBox *>(QStringLiteral("field_team_id"));
        team->lineEdit()->selectAll();
        QTest::keyClicks(team->lineEdit(), QStringLiteral("ZZZ")); // no such club
        QTRY_COMPARE(team->property("finding").toString(),
                     QStringLiteral("no team has the id \"ZZZ\""));
        auto *bib = editor.findChild<QLineEdit *>(QStringLiteral("field_competitor_id"));
        QVERIFY(bib->property("finding").isNull());
    }

    void newBibFollowsTheAthleteInOneStep()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Competitor &x = competitor(*doc, QStringLiteral("104"));
        NodeEditor editor(edit, x);
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        const Unit &highJump = *c.events[3]->units[0];
        const auto trialsOf = [&highJump](const char *bib) {
            return std::count_if(highJump.trials.begin(), highJump.trials.end(),
                                 [bib](const auto &t) { return t->bib == QLatin1StringView(bib); });
        };
        QCOMPARE(trialsOf("104"), 8);
        auto *bib = editor.findChild<QLineEdit *>(QStringLiteral("field_competitor_id"));
        bib->setFocus();
        bib->selectAll();
        QTest::keyClicks(bib, QStringLiteral("204"));
        QCOMPARE(x.competitorId, QStringLiteral("104")); // not one keystroke at a time
        QTest::keyClick(bib, Qt::Key_Tab);
        QCOMPARE(x.competitorId, QStringLiteral("204"));
        QCOMPARE(trialsOf("204"), 8);
        QCOMPARE(trialsOf("104"), 0);
        QVERIFY(c.relayTeams[3]->runners->contains(QStringLiteral("204")));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(editor.findChild<QLabel *>(QStringLiteral("editorTitle"))->text(),
                 QStringLiteral("Competitor: 204 Harry Dlamini"));
        doc->undoStack()->undo();
        QCOMPARE(bib->text(), QStringLiteral("104"));
        QCOMPARE(trialsOf("104"), 8);
    }

    void bibOfAnotherAthleteIsRefusedWithAMessage()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competitor &x = *doc->competition().competitors[1];
        NodeEditor editor(edit, x);
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        auto *bib = editor.findChild<QLineEdit *>(QStringLiteral("field_competitor_id"));
        bib->setFocus();
        bib->selectAll();
        QTest::keyClicks(bib, QStringLiteral("101")); // the first competitor's bib
        QTest::keyClick(bib, Qt::Key_Return);
        QCOMPARE(x.competitorId, QStringLiteral("102"));
        QCOMPARE(doc->undoStack()->count(), 0);
        QCOMPARE(bib->text(), QStringLiteral("101")); // kept, to be corrected
        QCOMPARE(editor.form()->inputError(QLatin1StringView("competitor_id")),
                 QStringLiteral("101 is already the bib of Tom Adeyemi: 102 kept"));
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("findings"))->isVisible());
    }

    void choosingRunnersKeepsTheClubListed()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        // A 4x400 nobody has entered yet: the club's members are the candidates.
        const auto &event = static_cast<const Event &>(*edit.append(c, ListId::Events));
        edit.setValue(event, QLatin1StringView("event_id"), QStringLiteral("T05"));
        edit.setValue(event, QLatin1StringView("event_code"), QStringLiteral("4x400"));
        const auto &relay = static_cast<const RelayTeam &>(*edit.append(c, ListId::RelayTeams));
        edit.setValue(relay, QLatin1StringView("relay_team_id"), QStringLiteral("R5"));
        edit.setValue(relay, QLatin1StringView("event_id"), QStringLiteral("T05"));
        edit.setValue(relay, QLatin1StringView("team_id"), QStringLiteral("RSH"));
        QStringList club;
        for (const auto &x : c.competitors) {
            if (x->teamId == u"RSH")
                club.append(x->competitorId);
        }
        QCOMPARE(club.size(), 7);

        NodeEditor editor(edit, relay);
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        auto *list = editor.findChild<QListWidget *>(QStringLiteral("runnersList"));
        QCOMPARE(listed(list), club);
        // The first with the mouse on its box...
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, checkBoxOf(list, 0));
        QCOMPARE(relay.runners.value(), QStringList({club[0]}));
        QCoreApplication::processEvents();
        QCOMPARE(listed(list), club);
        // ...the third from the keyboard (a click on a box leaves no current row): down to
        // it, Space.
        list->setFocus();
        QCOMPARE(list->currentRow(), -1);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(list->currentRow(), 2);
        QTest::keyClick(list, Qt::Key_Space);
        QCoreApplication::processEvents();
        QCOMPARE(listed(list), club);
        QCOMPARE(relay.runners.value(), QStringList({club[0], club[2]}));
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        QCOMPARE(list->item(2)->checkState(), Qt::Checked);
        QVERIFY(list->item(2)->text().endsWith(QStringLiteral(" (leg 2)")));
        QCOMPARE(list->currentRow(), 2);
        // Untick the first with Space too: one undo step each.
        QTest::keyClick(list, Qt::Key_Up);
        QTest::keyClick(list, Qt::Key_Up);
        QTest::keyClick(list, Qt::Key_Space);
        QCoreApplication::processEvents();
        QCOMPARE(relay.runners.value(), QStringList({club[2]}));
        QCOMPARE(listed(list), club);
    }

    void enteringInAnEventFromTheList()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Competitor &x = *c.competitors[0];
        const size_t entries = x.eventsEntered.size();
        NodeEditor editor(edit, x);
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QList<const Node *> requested;
        connect(&editor, &NodeEditor::nodeRequested, this,
                [&requested](const Node *n) { requested.append(n); });
        auto *enter = editor.findChild<QComboBox *>(QStringLiteral("enterInEvent"));
        enter->setFocus();
        QTest::keyClick(enter, Qt::Key_Down); // opens the list, enters nobody
        QCOMPARE(x.eventsEntered.size(), entries);
        QTRY_VERIFY(enter->view()->isVisible());
        for (int i = 0; i < 5; ++i) // the javelin, fifth event
            QTest::keyClick(enter->view(), Qt::Key_Down);
        QTest::keyClick(enter->view(), Qt::Key_Return);
        QCOMPARE(x.eventsEntered.size(), entries + 1);
        QCOMPARE(x.eventsEntered.back()->eventId, QStringLiteral("F03"));
        QCOMPARE(x.eventsEntered.back()->eventCode, QStringLiteral("JT"));
        QCOMPARE(requested, QList<const Node *>({x.eventsEntered.back().get()}));
        QCOMPARE(enter->currentIndex(), 0);
        // An event already entered: no second row, its entry is shown.
        editor.chooseEventToEnter();
        QTRY_VERIFY(enter->view()->isVisible());
        QTest::keyClick(enter->view(), Qt::Key_Down);
        QTest::keyClick(enter->view(), Qt::Key_Return);
        QCOMPARE(x.eventsEntered.size(), entries + 1);
        QCOMPARE(requested.last(), x.eventsEntered[0].get());
    }
};

QTEST_MAIN(TestNodeEditor)
#include "tst_nodeeditor.moc"
