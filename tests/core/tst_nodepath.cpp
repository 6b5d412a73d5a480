#include "rules/nodepath.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

class TestNodePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathsOfTheSample()
    {
        const auto doc = testdata::loadDocument();
        const Competition &c = doc->competition();
        QCOMPARE(nodepath::of(c), QString());
        QCOMPARE(nodepath::of(c, QLatin1StringView("slug")), QStringLiteral("slug"));
        QCOMPARE(nodepath::of(*c.competitors[3]->eventsEntered[2]),
                 QStringLiteral("competitors[3].events_entered[2]"));
        QCOMPARE(nodepath::of(*c.relayTeams[1], QLatin1StringView("runners")),
                 QStringLiteral("relay_teams[1].runners"));
        QCOMPARE(nodepath::of(*c.events[3]->units[0]->trials[5], QLatin1StringView("result")),
                 QStringLiteral("events[3].units[0].trials[5].result"));
        QCOMPARE(nodepath::of(*c.events[5]->results[1]), QStringLiteral("events[5].results[1]"));
    }

    void fileOrder()
    {
        const auto doc = testdata::loadDocument();
        const Competition &c = doc->competition();
        const Unit &hj = *c.events[3]->units[0];
        QCOMPARE(nodepath::compare(c, c), 0);
        QVERIFY(nodepath::compare(c, *c.competitors[0]) < 0); // a parent before its children
        QVERIFY(nodepath::compare(*c.competitors[39], *c.teams[0]) < 0); // lists in tree order
        QVERIFY(nodepath::compare(*c.relayTeams[3], *c.events[0]) < 0);
        QVERIFY(nodepath::compare(*hj.results[4], *hj.trials[0]) < 0); // results, then trials
        QVERIFY(nodepath::compare(*hj.trials[2], *hj.trials[1]) > 0);
        QVERIFY(nodepath::compare(*c.events[2]->units[0]->trials[47], *hj.results[0]) < 0);
        // A combined event's standings come after its heats.
        QVERIFY(nodepath::compare(*c.events[5]->results[0], *c.events[6]) < 0);
    }

    void removedNodesAreNotIn()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Result &result = *c.events[0]->units[1]->results[2];
        QVERIFY(nodepath::isIn(result, c));
        edit.remove({c.events[0]->units[1].get()});
        QVERIFY(!nodepath::isIn(result, c));
        doc->undoStack()->undo();
        QVERIFY(nodepath::isIn(result, c));
        QCOMPARE(nodepath::of(result), QStringLiteral("events[0].units[1].results[2]"));
    }
};

QTEST_GUILESS_MAIN(TestNodePath)
#include "tst_nodepath.moc"
