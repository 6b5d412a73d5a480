#include "format/opentrackreader.h"
#include "model/children.h"

#include <QTest>

using namespace meetdesk;

class TestChildren : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAndCounts()
    {
        ReadResult r = OpenTrackReader::readFile(
            QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        const Competition &c = *r.competition;
        QCOMPARE(children::listsOf(NodeKind::Competition).size(), size_t(4));
        QCOMPARE(children::count(c, ListId::Competitors), 40);
        QCOMPARE(children::at(c, ListId::Events, 2), c.events[2].get());
        QCOMPARE(children::at(c, ListId::Events, 99), nullptr);
        const Unit &lj = *c.events[2]->units[0];
        QCOMPARE(children::totalCount(lj), int(lj.results.size() + lj.trials.size()));
        QCOMPARE(children::listOf(*lj.trials[3]), ListId::Trials);
        QCOMPARE(children::listOf(*lj.results[3]), ListId::UnitResults);
        QCOMPARE(children::listOf(*c.events[5]->results[0]), ListId::EventResults);
        QCOMPARE(children::indexOf(*lj.trials[7]), 7);
        QCOMPARE(children::indexOf(c), -1);
    }

    void cachedIndexRepairsItself()
    {
        Competition c;
        for (int i = 0; i < 5; ++i)
            children::insert(c, ListId::Teams, i, std::make_unique<Team>());
        const Team *last = c.teams[4].get();
        QCOMPARE(children::indexOf(*last), 4);
        auto taken = children::take(c, ListId::Teams, 0);
        QCOMPARE(taken->parent(), nullptr);
        QCOMPARE(children::indexOf(*last), 3);
        children::move(c, ListId::Teams, 3, 0);
        QCOMPARE(children::indexOf(*last), 0);
    }

    void fieldsByIndex()
    {
        Result r;
        const int place = fields::indexOf(NodeKind::Result, QLatin1StringView("place"));
        QVERIFY(place >= 0);
        QCOMPARE(fields::name(NodeKind::Result, place), QLatin1StringView("place"));
        QVERIFY(!fields::value(r, place).isValid());
        fields::setValue(r, place, 3);
        QCOMPARE(fields::value(r, place).toInt(), 3);
        fields::setValue(r, place, QString());
        QVERIFY(!r.place);
        QCOMPARE(fields::indexOf(NodeKind::Result, QLatin1StringView("nope")), -1);
        const int count = fields::count(NodeKind::Competition);
        QCOMPARE(fields::name(NodeKind::Competition, count - 1), QLatin1StringView("results_link"));
    }

    void cloneIsDeepAndEqual()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/v1-nested.json"));
        const auto copy = children::clone(*r.competition);
        QVERIFY(children::sameContent(*copy, *r.competition));
        const auto &c = static_cast<const Competition &>(*copy);
        QVERIFY(c.events[2]->units[0].get() != r.competition->events[2]->units[0].get());
        QCOMPARE(c.events[2]->units[0]->parent(), c.events[2].get());
    }
};

QTEST_GUILESS_MAIN(TestChildren)
#include "tst_children.moc"
