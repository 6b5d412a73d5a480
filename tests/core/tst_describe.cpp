#include "format/opentrackreader.h"
#include "model/describe.h"

#include <QTest>

using namespace meetdesk;

class TestDescribe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels()
    {
        ReadResult r = OpenTrackReader::readFile(
            QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        const Competition &c = *r.competition;
        QCOMPARE(describe::label(c), QStringLiteral("Riverside Harriers Open Meeting 2026"));
        QCOMPARE(describe::label(*c.competitors[0]), QStringLiteral("101 Tom Adeyemi"));
        QCOMPARE(describe::details(*c.competitors[0]), QStringLiteral("RSH M SM"));
        QCOMPARE(describe::label(*c.events[0]), QStringLiteral("T01 100m Men"));
        QCOMPARE(describe::label(*c.events[0]->units[2]), QStringLiteral("Final"));
        QCOMPARE(describe::label(*c.events[2]->units[0]->trials[0]),
                 QStringLiteral("121 attempt 1"));
        QCOMPARE(describe::label(Competitor()), QStringLiteral("New competitor"));
        Unit u;
        u.round = 2;
        QCOMPARE(describe::label(u), QStringLiteral("Round 2, heat ?"));
    }

    void fieldTitles()
    {
        QCOMPARE(describe::fieldTitle(QLatin1StringView("last_name")), QStringLiteral("Last name"));
        QCOMPARE(describe::fieldTitle(QLatin1StringView("competitor_id")), QStringLiteral("Bib"));
        QCOMPARE(describe::kindName(NodeKind::Unit), QStringLiteral("heat"));
    }
};

QTEST_GUILESS_MAIN(TestDescribe)
#include "tst_describe.moc"
