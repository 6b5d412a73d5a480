#include "editors/fieldform.h"
#include "editors/nodeeditor.h"
#include "format/opentrackreader.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace meetdesk;

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
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked) {
                const QString bib = list->item(i)->data(Qt::UserRole).toString();
                list->item(i)->setCheckState(Qt::Unchecked);
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
        auto *bib = editor.findChild<QLineEdit *>(QStringLiteral("field_competitor_id"));
        bib->selectAll();
        QTest::keyClicks(bib, QStringLiteral("101")); // the first competitor's bib
        QTRY_COMPARE(bib->property("finding").toString(),
                     QStringLiteral("\"101\" is also the bib of competitor 101 Tom Adeyemi"));
    }
};

QTEST_MAIN(TestNodeEditor)
#include "tst_nodeeditor.moc"
