#include "edit/addremovenode.h"
#include "format/opentrackreader.h"

#include <QSignalSpy>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestAddRemoveNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insert()
    {
        auto doc = testdata::loadDocument();
        const auto before = children::clone(doc->competition());
        const Competition &c = doc->competition();
        auto team = std::make_unique<Team>();
        team->teamId = QStringLiteral("NEW");
        QSignalSpy about(doc.get(), &Document::nodeAboutToBeInserted);
        QSignalSpy inserted(doc.get(), &Document::nodeInserted);

        auto *command = new InsertNode(*doc, c, ListId::Teams, 2, std::move(team));
        Node *node = command->node();
        doc->undoStack()->push(command);
        QCOMPARE(c.teams.size(), size_t(7));
        QCOMPARE(c.teams[2].get(), node);
        QCOMPARE(node->parent(), &c);
        QCOMPARE(children::indexOf(*node), 2);
        QCOMPARE(about.count(), 1);
        QCOMPARE(about[0][2].toInt(), 2);
        QCOMPARE(inserted.count(), 1);

        doc->undoStack()->undo();
        QVERIFY(children::sameContent(c, *before));
        doc->undoStack()->redo();
        QCOMPARE(c.teams[2].get(), node); // the same node comes back
    }

    void removeWithChildren()
    {
        auto doc = testdata::loadDocument();
        const auto before = children::clone(doc->competition());
        const Competition &c = doc->competition();
        const Event &event = *c.events[0];
        QSignalSpy removed(doc.get(), &Document::nodeRemoved);

        doc->undoStack()->push(new RemoveNode(*doc, event));
        QCOMPARE(c.events.size(), size_t(8));
        QCOMPARE(c.events[0]->eventId, QStringLiteral("T02"));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed[0][2].toInt(), 0);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Delete event T01 100m Men"));

        doc->undoStack()->undo();
        QCOMPARE(c.events[0].get(), &event);
        QVERIFY(children::sameContent(c, *before));
        doc->undoStack()->redo();
        QCOMPARE(c.events.size(), size_t(8));
    }

    void move()
    {
        auto doc = testdata::loadDocument();
        const auto before = children::clone(doc->competition());
        const Competition &c = doc->competition();
        const Competitor *first = c.competitors[0].get();
        QSignalSpy moved(doc.get(), &Document::nodeMoved);

        doc->undoStack()->push(new MoveNode(*doc, *first, 5));
        QCOMPARE(c.competitors[5].get(), first);
        QCOMPARE(children::indexOf(*first), 5);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved[0][1].toInt(), 0);

        doc->undoStack()->undo();
        QVERIFY(children::sameContent(c, *before));
        QCOMPARE(c.competitors[0].get(), first);
        doc->undoStack()->redo();
        QCOMPARE(c.competitors[5].get(), first);
    }
};

QTEST_GUILESS_MAIN(TestAddRemoveNode)
#include "tst_addremovenode.moc"
