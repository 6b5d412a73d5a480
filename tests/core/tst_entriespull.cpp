#include "opentrack/entriespull.h"
#include "opentrack/payload.h"
#include "opentrack/publisher.h"
#include "opentrack/syncstate.h"

#include "format/opentrackreader.h"
#include "support/apitesting.h"
#include "support/sandboxserver.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

// A competition read from the competitors (a JSON list) of the test's rows, with two events
// and one club.
std::unique_ptr<Competition> fileWith(const QByteArray &competitors)
{
    const QByteArray json
        = R"({"slug": "test-meet", "teams": [{"team_id": "RSH", "team_name": "Riverside"}],
        "events": [{"event_id": "T01", "event_code": "100"}, {"event_id": "F01", "event_code": "LJ"}],
        "competitors": )"
        + competitors + "}";
    ReadResult read = OpenTrackReader::read(json);
    return read.ok() ? std::move(read.competition) : nullptr;
}

// A server snapshot holding these competitors (a JSON list) and the club NEW.
ServerSnapshot serverWith(const QByteArray &competitors)
{
    ServerSnapshot s;
    s.apiRoot = QUrl(QStringLiteral("http://127.0.0.1:9/api/"));
    s.competition = payload::parse(R"({"id": 7, "slug": "test-meet"})");
    const JsonValue team
        = payload::parse(R"({"id": 3, "team_id": "NEW", "team_name": "Newtown AC"})");
    s.records.insert(QStringLiteral("team:NEW"), team);
    s.order.append(QStringLiteral("team:NEW"));
    const JsonValue list = payload::parse(competitors);
    for (const JsonValue &c : list.items()) {
        const QString key = ServerSnapshot::keyOf(QStringLiteral("competitors"), c);
        s.records.insert(key, c);
        s.order.append(key);
    }
    return s;
}

// The plan in words: a line per competitor's change, then the counts and who stays.
QStringList words(const PulledEntries &pulled)
{
    QStringList out;
    for (const EntriesPlan::Person &p : pulled.plan.people) {
        const QString who = (p.existing ? QStringLiteral("change ") : QStringLiteral("new "))
            + PulledEntries::label(p);
        for (const QString &line : PulledEntries::changeLines(p))
            out.append(who + QStringLiteral(": ") + line);
        if (!p.existing && p.entries.isEmpty())
            out.append(who);
    }
    for (const auto &t : pulled.plan.teams)
        out.append(QStringLiteral("club ") + t.teamId + u' ' + t.teamName);
    for (const QString &u : pulled.unchanged)
        out.append(QStringLiteral("same ") + u);
    for (const QString &f : pulled.fileOnly)
        out.append(QStringLiteral("file only ") + f);
    out += pulled.issueLines();
    return out;
}

const QByteArray tom = R"({"competitor_id": "101", "first_name": "Tom", "last_name": "Adeyemi",
    "gender": "M", "date_of_birth": "1994-01-03", "team_id": "RSH",
    "events_entered": [{"event_id": "T01", "event_code": "100", "pb": "10.54", "sb": "10.61"}]})";
const QByteArray ann = R"({"competitor_id": "102", "first_name": "Ann", "last_name": "Lee",
    "gender": "F", "date_of_birth": "2001-05-06", "team_id": "RSH", "events_entered": []})";

QByteArray list(std::initializer_list<QByteArray> items)
{
    QByteArrayList l(items);
    return '[' + l.join(',') + ']';
}

QUrl syncUrl(const Document &doc, const QString &key)
{
    const SyncState sync = SyncState::fromMeetdesk(doc.meetdeskData());
    const SyncState::Record *r = sync.record(key);
    return r ? r->url : QUrl();
}

bool write(ApiClient &client, const QByteArray &method, const QUrl &url, const QByteArray &json)
{
    return apitesting::waitFor([&](auto done) { client.sendJson(method, url, json, done); }).ok();
}

} // namespace

class TestEntriesPull : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient m_client;

private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("same") << list({tom}) << list({tom})
                              << QStringList {QStringLiteral("same competitor 101 (Tom Adeyemi)")};
        QByteArray sb = tom;
        sb.replace("\"sb\": \"10.61\"", "\"sb\": \"10.5\"");
        QTest::newRow("seed mark changed, kept as the server writes it")
            << list({tom}) << list({sb})
            << QStringList {QStringLiteral(
                   "change competitor 101 (Tom Adeyemi): T01 (100) sb: 10.61 -> 10.5")};
        QByteArray entered = tom;
        entered.replace("\"sb\": \"10.61\"}]",
                        "\"sb\": \"10.61\"}, {\"event_id\": \"F01\", "
                        "\"event_code\": \"LJ\", \"sb\": \"6.10\"}]");
        QTest::newRow("entry added")
            << list({tom}) << list({entered})
            << QStringList {QStringLiteral(
                   "change competitor 101 (Tom Adeyemi): entered in F01 (LJ), sb 6.10")};
        QByteArray renamed = tom;
        renamed.replace("\"Tom\"", "\"Thomas\"").replace("\"RSH\"", "\"NEW\"");
        renamed.replace("1994-01-03", "1994-01-30");
        QTest::newRow("fields changed, a new club")
            << list({tom}) << list({renamed})
            << QStringList {
                   QStringLiteral("change competitor 101 (Tom Adeyemi): first_name: Tom -> Thomas"),
                   QStringLiteral("change competitor 101 (Tom Adeyemi): date_of_birth: "
                                  "1994-01-03 -> 1994-01-30"),
                   QStringLiteral("change competitor 101 (Tom Adeyemi): team_id: RSH -> NEW"),
                   QStringLiteral("club NEW Newtown AC")};
        QTest::newRow("new competitor; one only in the file")
            << list({tom}) << list({ann})
            << QStringList {QStringLiteral("new competitor 102 (Ann Lee)"),
                            QStringLiteral("file only competitor 101 (Tom Adeyemi)")};
        QByteArray cleared = tom;
        cleared.replace("\"sb\": \"10.61\"", "\"sb\": \"\"").replace("\"Tom\"", "\"\"");
        QTest::newRow("what the server leaves empty stays")
            << list({tom}) << list({cleared})
            << QStringList {QStringLiteral("same competitor 101 (Tom Adeyemi)")};
        QByteArray bad = ann;
        bad.replace("2001-05-06", "sometime")
            .replace("\"events_entered\": []",
                     "\"events_entered\": [{\"event_id\": "
                     "\"X99\", \"event_code\": \"800\"}]");
        QTest::newRow("what cannot be read is named")
            << list({tom}) << list({tom, bad})
            << QStringList {QStringLiteral("new competitor 102 (Ann Lee)"),
                            QStringLiteral("same competitor 101 (Tom Adeyemi)"),
                            QStringLiteral("competitor 102 (Ann Lee), event X99, date_of_birth: "
                                           "\"sometime\" is not a date (day/month/year, or "
                                           "year-month-day)"),
                            QStringLiteral("competitor 102 (Ann Lee), event X99, event_id: no "
                                           "event of the meet has the id or code \"X99\"")};
        QByteArray otherBib = tom;
        otherBib.replace("\"101\"", "\"201\"");
        QTest::newRow("a new bib merges by name and date of birth")
            << list({tom}) << list({otherBib})
            << QStringList {QStringLiteral(
                   "change competitor 101 (Tom Adeyemi): competitor_id: 101 -> 201")};
    }

    void plan()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, server);
        QFETCH(QStringList, expected);
        const auto competition = fileWith(file);
        QVERIFY(competition);
        const PulledEntries pulled = EntriesPull::plan(serverWith(server), *competition);
        QCOMPARE(words(pulled), expected);
    }

    void rebased_data()
    {
        QTest::addColumn<QByteArray>("last"); // empty: no base
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("agreeing fields take the server's value")
            << QByteArray(R"({"a":"1","b":"2"})") << QByteArray(R"({"a":"x","b":"2"})")
            << QByteArray(R"({"id":5,"a":"x","b":2})") << QByteArray(R"({"a":"x","b":2})");
        QTest::newRow("a field changed only in the file keeps its base")
            << QByteArray(R"({"a":"1","b":"2"})") << QByteArray(R"({"a":"1","b":"3"})")
            << QByteArray(R"({"a":"1","b":"2"})") << QByteArray(R"({"a":"1","b":"2"})");
        QTest::newRow("without a base the server's value is the base")
            << QByteArray() << QByteArray(R"({"a":"1","b":"3"})")
            << QByteArray(R"({"a":"1","b":"2","c":"s"})") << QByteArray(R"({"a":"1","b":"2"})");
    }

    void rebased()
    {
        QFETCH(QByteArray, last);
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, server);
        QFETCH(QByteArray, expected);
        SyncState::Record base;
        base.payload = last;
        const SyncState::Record r
            = EntriesPull::rebased(last.isEmpty() ? nullptr : &base, payload::parse(file),
                                   payload::parse(server), QStringLiteral("5"), QUrl());
        QCOMPARE(r.payload, expected);
        QCOMPARE(r.id, QStringLiteral("5"));
    }

    // Against the sandbox: entries changed through the API are pulled into the published
    // document, the preview's plan lists exactly them, applying is one undo step, undo restores,
    // and the next publish finds nothing to send and no conflict.
    void pullsWhatChangedOnTheServer()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY2(m_sandbox->isRunning(), qPrintable(m_sandbox->startError()));
        QVERIFY(!apitesting::logInAsFederation(m_client, m_sandbox->apiRoot()).isEmpty());
        const QUrl root = m_sandbox->apiRoot();

        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root);
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Competition &c = doc->competition();
        const Competitor &tom = *c.competitors[0];
        const Competitor &oliver = *c.competitors[1];
        QCOMPARE(tom.competitorId, QStringLiteral("101"));
        const QString competitionId = SyncState::fromMeetdesk(doc->meetdeskData())
                                          .record(QStringLiteral("competition"))
                                          ->id;

        // Tom's 100 m season's best changes; Oliver is entered in the high jump; a new athlete.
        QByteArray tomEntries = payload::toBytes(*payload::of(tom).find(u"events_entered"));
        QVERIFY(tomEntries.contains("\"sb\":\"10.61\""));
        tomEntries.replace("\"sb\":\"10.61\"", "\"sb\":\"10.49\"");
        QVERIFY(write(m_client, "PATCH", syncUrl(*doc, QStringLiteral("competitor:101")),
                      "{\"events_entered\":" + tomEntries + '}'));
        QByteArray oliverEntries = payload::toBytes(*payload::of(oliver).find(u"events_entered"));
        QVERIFY(!oliverEntries.contains("\"F02\""));
        oliverEntries.chop(1);
        oliverEntries += ",{\"event_id\":\"F02\",\"event_code\":\"HJ\",\"sb\":\"2.05\"}]";
        QVERIFY(write(m_client, "PATCH", syncUrl(*doc, QStringLiteral("competitor:102")),
                      "{\"events_entered\":" + oliverEntries + '}'));
        QVERIFY(write(m_client, "POST", root.resolved(QUrl(QStringLiteral("competitors/"))),
                      "{\"competition\":\"" + competitionId.toUtf8()
                          + "\",\"competitor_id\":\"199\",\"first_name\":\"Zara\","
                            "\"last_name\":\"Quinn\",\"gender\":\"F\",\"date_of_birth\":"
                            "\"2003-07-08\",\"team_id\":\"RSH\",\"events_entered\":[{\"event_id\":"
                            "\"F01\",\"event_code\":\"LJ\",\"sb\":\"5.80\"}]}"));

        EntriesPull pull(&m_client, root);
        QString error = QStringLiteral("not finished");
        pull.read(*doc, [&error](const QString &e) { error = e; });
        QVERIFY(QTest::qWaitFor([&] { return error != u"not finished"; }, 120000));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const PulledEntries pulled = EntriesPull::plan(pull.snapshot(), c);
        QCOMPARE(words(pulled).filter(QStringLiteral("same ")).size(), 38);
        QStringList changes = words(pulled);
        changes.removeIf([](const QString &l) { return l.startsWith(u"same "); });
        QCOMPARE(changes,
                 (QStringList {QStringLiteral("change competitor 101 (Tom Adeyemi): T01 (100) sb: "
                                              "10.61 -> 10.49"),
                               QStringLiteral("change competitor 102 (Oliver Barnes): entered in "
                                              "F02 (HJ), sb 2.05"),
                               QStringLiteral("new competitor 199 (Zara Quinn): entered in F01 "
                                              "(LJ), sb 5.80")}));
        QCOMPARE(pulled.created(), 1);
        QCOMPARE(pulled.changed(), 2);

        const int steps = doc->undoStack()->count();
        const EntriesApplied applied = EntriesPull::apply(*doc, pulled, pull.snapshot());
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(applied.competitorsCreated, 1);
        QCOMPARE(applied.competitorsChanged, 2);
        QCOMPARE(c.competitors.back()->competitorId, QStringLiteral("199"));
        QCOMPARE(tom.eventsEntered[0]->sb, QStringLiteral("10.49"));

        // The next publish finds both sides agree: nothing to write, no conflict.
        const auto again = apitesting::publish(m_client, *doc, root);
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        for (const PublishItem &item : again.items)
            QVERIFY2(item.conflicts.isEmpty() && item.serverChanges.isEmpty(),
                     qPrintable(item.key));
        QCOMPARE(again.report.writes, 0);

        doc->undoStack()->undo();
        QCOMPARE(c.competitors.size(), size_t(40));
        QCOMPARE(tom.eventsEntered[0]->sb, QStringLiteral("10.61"));
        QCOMPARE(payload::toBytes(payload::of(oliver)).contains("\"F02\""), false);
    }

    void cleanupTestCase() { m_sandbox.reset(); }
};

QTEST_GUILESS_MAIN(TestEntriesPull)
#include "tst_entriespull.moc"
