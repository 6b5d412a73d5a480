#include "rules/ruleindex.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

QStringList labels(const QList<const Node *> &nodes)
{
    QStringList out;
    for (const Node *n : nodes)
        out.append(QString::number(int(n->kind())) + u':' + QString::number(children::indexOf(*n)));
    return out;
}

} // namespace

class TestRuleIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indexesTheSample()
    {
        const auto doc = testdata::loadDocument();
        const Competition &c = doc->competition();
        const RuleIndex index(c);
        QCOMPARE(index.holders(RuleIndex::Bib, QStringLiteral("101")),
                 (QList<const Node *> {c.competitors[0].get()}));
        QCOMPARE(index.holders(RuleIndex::Bib, QStringLiteral("R1")),
                 (QList<const Node *> {c.relayTeams[0].get()}));
        QCOMPARE(index.holders(RuleIndex::Team, QStringLiteral("RSH")).size(), 1);
        QCOMPARE(index.holders(RuleIndex::EventId, QStringLiteral("F02")),
                 (QList<const Node *> {c.events[3].get()}));
        QCOMPARE(index.holders(RuleIndex::EventCode,
                               RuleIndex::codeKey(QStringLiteral("HJ"), QStringLiteral("U15W"))),
                 (QList<const Node *> {c.events[7].get()}));
        QCOMPARE(index.holders(RuleIndex::Runner,
                               RuleIndex::runnerKey(QStringLiteral("T02"), QStringLiteral("112"))),
                 (QList<const Node *> {c.relayTeams[2].get()}));
        // 117 in the high jump: a result and twelve trials; the triathlon's parts name M01.
        QCOMPARE(index.holders(RuleIndex::BibRef, QStringLiteral("117")).size(), 13);
        QCOMPARE(index.holders(RuleIndex::EventRef, QStringLiteral("M01")).size(), 4 + 3);
        QVERIFY(index.holders(RuleIndex::Bib, QStringLiteral("999")).isEmpty());
        QVERIFY(index.holders(RuleIndex::Bib, QString()).isEmpty());
    }

    // A snapshot for one full check holds the keys the rules look up, not who refers to them.
    void snapshotKeepsNoReferences()
    {
        const auto doc = testdata::loadDocument();
        const RuleIndex index(doc->competition(), RuleIndex::Use::Snapshot);
        QCOMPARE(index.holders(RuleIndex::Bib, QStringLiteral("117")).size(), 1);
        QCOMPARE(index
                     .holders(RuleIndex::Runner,
                              RuleIndex::runnerKey(QStringLiteral("T02"), QStringLiteral("101")))
                     .size(),
                 1);
        QVERIFY(index.values(RuleIndex::BibRef).isEmpty());
        QVERIFY(index.values(RuleIndex::TeamRef).isEmpty());
        QVERIFY(index.values(RuleIndex::EventRef).isEmpty());
    }

    // A node is taken out under the keys it was added with, whatever its fields say since.
    void removeUsesTheKeysItWasAddedWith()
    {
        Competition c;
        children::insert(c, ListId::Competitors, 0, std::make_unique<Competitor>());
        children::insert(c, ListId::Competitors, 1, std::make_unique<Competitor>());
        auto &a = *c.competitors[0];
        auto &b = *c.competitors[1];
        a.competitorId = QStringLiteral("7");
        a.teamId = QStringLiteral("RSH");
        b.competitorId = QStringLiteral("7");
        RuleIndex index(c);
        QCOMPARE(labels(index.holders(RuleIndex::Bib, QStringLiteral("7"))),
                 (QStringList {"1:0", "1:1"}));

        a.competitorId = QStringLiteral("8");
        const RuleIndex::Keys old = index.remove(a);
        QCOMPARE(old,
                 (RuleIndex::Keys {{RuleIndex::Bib, QStringLiteral("7")},
                                   {RuleIndex::TeamRef, QStringLiteral("RSH")}}));
        index.add(a);
        QCOMPARE(labels(index.holders(RuleIndex::Bib, QStringLiteral("7"))), QStringList {"1:1"});
        QCOMPARE(labels(index.holders(RuleIndex::Bib, QStringLiteral("8"))), QStringList {"1:0"});
        QCOMPARE(index.keysOf(a), RuleIndex::currentKeys(a));
        QVERIFY(index.remove(a).size() == 2 && index.remove(a).isEmpty());
        QVERIFY(!index.values(RuleIndex::TeamRef).contains(QStringLiteral("RSH")));
    }

    void keysOfEachKind_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("relay team: each runner once") << QByteArray(
            R"({"relay_teams": [{"relay_team_id": "R1", "event_id": "T02", "team_id": "A", "runners": ["1", "2", "1", ""]}]})")
                                                      << QStringList {"Bib R1",       "TeamRef A",
                                                                      "EventRef T02", "BibRef 1",
                                                                      "Runner T02/1", "BibRef 2",
                                                                      "Runner T02/2"};
        QTest::newRow("event") << QByteArray(
            R"({"events": [{"event_id": "T1", "event_code": "100", "category": "SM", "parent": "M1"}]})")
                               << QStringList {"EventId T1", "EventCode 100/SM", "EventRef M1"};
        QTest::newRow("event without a code")
            << QByteArray(R"({"events": [{"event_id": "T1", "category": "SM"}]})")
            << QStringList {"EventId T1"};
        QTest::newRow("empty values are no keys")
            << QByteArray(R"({"competitors": [{"first_name": "x", "team_id": ""}]})")
            << QStringList {};
    }
    void keysOfEachKind()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, keys);
        const ReadResult r = OpenTrackReader::read(json);
        const Node &node = r.competition->relayTeams.empty()
            ? (r.competition->events.empty()
                   ? static_cast<const Node &>(*r.competition->competitors[0])
                   : *r.competition->events[0])
            : *r.competition->relayTeams[0];
        static const char *const names[]
            = {"Bib", "Team", "EventId", "EventCode", "Runner", "BibRef", "TeamRef", "EventRef"};
        QStringList got;
        for (const auto &[key, value] : RuleIndex::currentKeys(node))
            got.append(QLatin1StringView(names[key]) + u' '
                       + QString(value).replace(QChar(0x1f), u'/'));
        QCOMPARE(got, keys);
    }
};

QTEST_GUILESS_MAIN(TestRuleIndex)
#include "tst_ruleindex.moc"
