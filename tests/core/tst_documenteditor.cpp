#include "edit/documenteditor.h"
#include "format/opentrackreader.h"

#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestDocumentEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setValueByName()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        edit.setValue(doc->competition(), QLatin1StringView("short_name"), QStringLiteral("RHO"));
        QCOMPARE(doc->competition().shortName, QStringLiteral("RHO"));
        edit.setValue(doc->competition(), QLatin1StringView("short_name"), QStringLiteral("RHO"));
        QCOMPARE(doc->undoStack()->count(), 1); // no command for no change
    }

    void appendEmptyNode()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        Node *node = edit.append(doc->competition(), ListId::Competitors);
        QCOMPARE(node->kind(), NodeKind::Competitor);
        QCOMPARE(doc->competition().competitors.back().get(), node);
    }

    void multiSelectDeleteIsOneStep()
    {
        auto doc = testdata::loadDocument();
        const auto before = children::clone(doc->competition());
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Event &event = *c.events[0];
        // A heat inside the chosen event goes with the event, not twice.
        edit.remove({c.competitors[3].get(), &event, event.units[1].get(), c.teams[0].get()});
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Delete 3 item(s)"));
        QCOMPARE(c.competitors.size(), size_t(39));
        QCOMPARE(c.events.size(), size_t(8));
        QCOMPARE(c.teams.size(), size_t(5));
        doc->undoStack()->undo();
        QVERIFY(children::sameContent(c, *before));
    }

    void duplicateCopiesChildren()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Event &event = *doc->competition().events[2]; // long jump with trials
        Node *copy = edit.duplicate(event);
        QCOMPARE(doc->competition().events[3].get(), copy);
        QVERIFY(children::sameContent(*copy, event));
        QVERIFY(copy != &event);
        const auto &copied = static_cast<const Event &>(*copy);
        QCOMPARE(copied.units[0]->parent(), copy);
        QCOMPARE(copied.units[0]->trials[0]->parent(), copied.units[0].get());
    }

    void moveClampsToTheList()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Team *first = doc->competition().teams[0].get();
        edit.move(*first, 99);
        QCOMPARE(doc->competition().teams.back().get(), first);
        edit.move(*first, 5);
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void createUnitsFromRounds()
    {
        Document doc;
        DocumentEditor edit(doc);
        Node *node = edit.append(doc.competition(), ListId::Events);
        const auto &event = static_cast<const Event &>(*node);
        edit.setValue(event, QLatin1StringView("rounds"), QStringLiteral("3,1"));
        QCOMPARE(edit.createUnits(event), 4);
        QCOMPARE(event.units.size(), size_t(4));
        QCOMPARE(event.units[2]->heatName, QStringLiteral("Round 1 heat 3"));
        QCOMPARE(event.units[3]->round.value(), 2);
        QCOMPARE(event.units[3]->heatName, QStringLiteral("Final"));
        QCOMPARE(edit.createUnits(event), 0); // nothing missing
        doc.undoStack()->undo();
        QVERIFY(event.units.empty());
    }

    void createUnitsOfOneRound()
    {
        Document doc;
        DocumentEditor edit(doc);
        Node *node = edit.append(doc.competition(), ListId::Events);
        const auto &event = static_cast<const Event &>(*node);
        edit.setValue(event, QLatin1StringView("rounds"), QStringLiteral("3,1"));
        QCOMPARE(edit.createUnits(event, 2), 1);
        QCOMPARE(event.units.size(), size_t(1));
        QCOMPARE(event.units[0]->round.value(), 2);
        QCOMPARE(event.units[0]->heatName, QStringLiteral("Final"));
        QCOMPARE(edit.createUnits(event, 1), 3);
        QCOMPARE(event.units[3]->heatName, QStringLiteral("Round 1 heat 3"));
        QCOMPARE(edit.createUnits(event, 3), 0); // the rounds have no third round
    }

    void setExtraAndMeetdeskValue()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Event &event = *doc->competition().events[0];
        edit.setExtra(event, QStringLiteral("qual_by_place"),
                      JsonValue::number(QStringLiteral("2")));
        edit.setExtra(event, QStringLiteral("qual_by_place"),
                      JsonValue::number(QStringLiteral("2")));
        QCOMPARE(doc->undoStack()->count(), 1); // no command for no change
        edit.setMeetdeskValue(QStringLiteral("seeding"), JsonValue::object());
        edit.setMeetdeskValue(QStringLiteral("absent"), std::nullopt);
        QCOMPARE(doc->undoStack()->count(), 2);
        QVERIFY(findMember(doc->meetdeskData(), u"seeding"));
    }
};

QTEST_GUILESS_MAIN(TestDocumentEditor)
#include "tst_documenteditor.moc"
