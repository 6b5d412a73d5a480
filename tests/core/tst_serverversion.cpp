// Taking OpenTrack's version of records into the document: one undo step, nothing else lost.
#include "opentrack/payload.h"
#include "opentrack/serverversion.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

JsonValue json(const char *text)
{
    return payload::parse(QByteArrayView(text, qsizetype(qstrlen(text))));
}

} // namespace

class TestServerVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFieldOfARecord()
    {
        auto doc = testdata::loadDocument();
        const Competitor &tom = *doc->competition().competitors[0];
        const JsonValue before = payload::of(tom);
        const QString notTaken = ServerVersion::take(
            *doc,
            {{QStringLiteral("competitor:101"),
              QStringLiteral("competitor 101"),
              &tom,
              {QStringLiteral("last_name")},
              json(R"({"id": "7", "competitor_id": "101", "first_name": "Someone",
                             "last_name": "Adeyemi-Web"})")}});
        QCOMPARE(notTaken, QString());
        QCOMPARE(doc->undoStack()->count(), 1);
        const Competitor &now = *doc->competition().competitors[0];
        QCOMPARE(now.lastName, QStringLiteral("Adeyemi-Web"));
        QCOMPARE(now.firstName, QStringLiteral("Tom")); // only the field taken
        QCOMPARE(now.eventsEntered.size(), tom.eventsEntered.size());
        doc->undoStack()->undo();
        QCOMPARE(payload::toBytes(payload::of(*doc->competition().competitors[0])),
                 payload::toBytes(before));
    }

    void aHeatsResults()
    {
        auto doc = testdata::loadDocument();
        const Unit &heat = *doc->competition().events[0]->units[0];
        const QString heatName = heat.heatName;
        ServerVersion::take(*doc,
                            {{QStringLiteral("unit:T01/1/1"),
                              QStringLiteral("heat 1"),
                              &heat,
                              {QStringLiteral("results")},
                              json(R"({"round": 1, "heat": 1, "heat_name": "Other",
                                             "results": [{"bib": "101", "place": 1,
                                                          "performance": "10.01"}]})")}});
        const Unit &now = *doc->competition().events[0]->units[0];
        QCOMPARE(now.results.size(), size_t(1));
        QCOMPARE(now.results[0]->performance, QStringLiteral("10.01"));
        QCOMPARE(now.heatName, heatName); // not taken
        QCOMPARE(*now.round, 1);
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void anEventKeepsItsHeats()
    {
        auto doc = testdata::loadDocument();
        const Event &event = *doc->competition().events[0];
        const size_t heats = event.units.size();
        ServerVersion::take(*doc,
                            {{QStringLiteral("event:T01"),
                              QStringLiteral("T01"),
                              &event,
                              {QStringLiteral("name")},
                              json(R"({"event_id": "T01", "name": "100 metres"})")}});
        const Event &now = *doc->competition().events[0];
        QCOMPARE(now.name, QStringLiteral("100 metres"));
        QCOMPARE(now.units.size(), heats);
        QCOMPARE(now.units[0]->parent(), &now);
    }

    void aRecordDeletedInTheFileComesBack()
    {
        auto doc = testdata::loadDocument();
        const size_t count = doc->competition().competitors.size();
        ServerVersion::take(*doc,
                            {{QStringLiteral("competitor:999"),
                              QStringLiteral("999"),
                              nullptr,
                              {QStringLiteral("last_name")},
                              json(R"({"id": "12", "url": "u", "competition": "c",
                                             "competitor_id": "999", "last_name": "Back"})")}});
        QCOMPARE(doc->competition().competitors.size(), count + 1);
        const Competitor &back = *doc->competition().competitors.back();
        QCOMPARE(back.competitorId, QStringLiteral("999"));
        QVERIFY(back.extras.empty()); // the server's id, url and competition stay out
    }

    void theCompetitionsTypedFieldsOnly()
    {
        auto doc = testdata::loadDocument();
        const QString notTaken = ServerVersion::take(
            *doc,
            {{QStringLiteral("competition"),
              QStringLiteral("competition"),
              &doc->competition(),
              {QStringLiteral("full_name"), QStringLiteral("timezone")},
              json(R"({"full_name": "Renamed Open", "timezone": "Europe/London"})")}});
        QCOMPARE(doc->competition().fullName, QStringLiteral("Renamed Open"));
        QVERIFY2(notTaken.contains(QStringLiteral("timezone")), qPrintable(notTaken));
        QCOMPARE(doc->undoStack()->count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerVersion)
#include "tst_serverversion.moc"
