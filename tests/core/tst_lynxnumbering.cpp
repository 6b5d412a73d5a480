#include "format/lynxnumbering.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

std::unique_ptr<Competition> withEventIds(const QStringList &ids)
{
    auto c = std::make_unique<Competition>();
    for (const QString &id : ids) {
        auto e = std::make_unique<Event>();
        e->eventId = id;
        e->eventCode = QStringLiteral("100");
        c->events.push_back(std::move(e));
    }
    return c;
}

} // namespace

class TestLynxNumbering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersByEventIdWhenAllAreNumbers()
    {
        const auto c = withEventIds({"011", "3", "020"});
        const LynxNumbering n(*c);
        QVERIFY(n.byEventId());
        QCOMPARE(n.number(*c->events[0]), 11);
        QCOMPARE(n.number(*c->events[1]), 3);
        QCOMPARE(n.number(*c->events[2]), 20);
        QCOMPARE(n.event(20), c->events[2].get());
        QCOMPARE(n.event(1), nullptr);
    }

    void numbersByPlaceOtherwise_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("letters") << QStringList {"T01", "T02", "F01"};
        QTest::newRow("one with letters") << QStringList {"1", "2", "3a"};
        QTest::newRow("equal as numbers") << QStringList {"01", "1", "2"};
        QTest::newRow("zero") << QStringList {"0", "1"};
        QTest::newRow("signed") << QStringList {"+1", "2"};
    }
    void numbersByPlaceOtherwise()
    {
        QFETCH(QStringList, ids);
        const auto c = withEventIds(ids);
        const LynxNumbering n(*c);
        QVERIFY(!n.byEventId());
        for (int i = 0; i < int(ids.size()); ++i) {
            QCOMPARE(n.number(*c->events[i]), i + 1);
            QCOMPARE(n.event(i + 1), c->events[i].get());
        }
    }

    void theSampleMeetIsNumberedInItsOrder()
    {
        const auto doc = testdata::loadDocument();
        const Competition &c = doc->competition();
        const LynxNumbering n(c);
        QCOMPARE(n.number(*c.events[0]), 1); // T01
        QCOMPARE(c.events[6]->eventId, QStringLiteral("M01a"));
        QCOMPARE(n.number(*c.events[6]), 7);
    }

    void timedEvents_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("timed");
        QTest::newRow("100") << QString("100") << true;
        QTest::newRow("hurdles") << QString("110H") << true;
        QTest::newRow("steeple") << QString("3000SC") << true;
        QTest::newRow("relay") << QString("4x400") << true;
        QTest::newRow("long jump") << QString("LJ") << false;
        QTest::newRow("javelin") << QString("JT") << false;
        QTest::newRow("combined") << QString("TRI") << false;
        QTest::newRow("road") << QString("10K") << false;
    }
    void timedEvents()
    {
        QFETCH(QString, code);
        QFETCH(bool, timed);
        Event e;
        e.eventCode = code;
        QCOMPARE(LynxNumbering::isTimed(e), timed);
    }

    void eventNameFallsBackToTheCatalogue()
    {
        Event e;
        e.eventCode = QStringLiteral("100");
        e.genders = QStringLiteral("F");
        QVERIFY(!LynxNumbering::eventName(e).isEmpty());
        e.name = QStringLiteral("  100m   Women ");
        QCOMPARE(LynxNumbering::eventName(e), QStringLiteral("100m Women"));
    }
};

QTEST_GUILESS_MAIN(TestLynxNumbering)
#include "tst_lynxnumbering.moc"
