// Reading what a server holds: identity by remembered id or exact slug, paging, membership.
#include "opentrack/apisession.h"
#include "opentrack/payload.h"
#include "opentrack/serverreader.h"
#include "support/fakeopentrack.h"

#include <QTest>

using namespace meetdesk;

namespace {

QJsonObject meet(const char *slug, const char *date = "2026-06-01")
{
    return {{QStringLiteral("slug"), QString::fromLatin1(slug)},
            {QStringLiteral("full_name"), QString::fromLatin1(slug).toUpper()},
            {QStringLiteral("country"), QStringLiteral("GBR")},
            {QStringLiteral("date"), QString::fromLatin1(date)}};
}

// One reader over one session and snapshot; each step waited for (tests only).
struct Reading
{
    ApiClient client;
    ApiSession session {&client};
    ServerReader reader {session};
    ServerSnapshot snapshot;

    [[nodiscard]] QString wait(const std::function<void(ServerReader::Done)> &start)
    {
        QString error;
        bool done = false;
        start([&](const QString &e) {
            error = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return QStringLiteral("no answer within 30 s (test)");
        return error;
    }
    [[nodiscard]] QString find(const QUrl &root, const ServerReader::Wanted &wanted)
    {
        const QString error
            = wait([&](auto done) { reader.readRoot(snapshot, root, std::move(done)); });
        if (!error.isEmpty())
            return error;
        return wait([&](auto done) { reader.findCompetition(snapshot, wanted, std::move(done)); });
    }
};

} // namespace

class TestServerReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Finding 1: a server that ignores ?slug= lists every competition; the one meant is found
    // by comparing each slug, never by taking the first.
    void theSlugIsComparedExactly()
    {
        FakeOpenTrack server;
        server.add(QStringLiteral("competitions"), meet("county-champs-2026", "2026-05-01"));
        server.add(QStringLiteral("competitions"), meet("riverside-open-2026-u15"));
        const QJsonObject wanted
            = server.add(QStringLiteral("competitions"), meet("riverside-open-2026"));
        Reading r;
        QCOMPARE(r.find(server.apiRoot(), {QStringLiteral("riverside-open-2026"), {}, {}}),
                 QString());
        QVERIFY(r.snapshot.problems.isEmpty());
        QCOMPARE(r.snapshot.competitionId, wanted.value(QStringLiteral("id")).toString());
        QCOMPARE(payload::textOf(r.snapshot.competition, u"slug"),
                 QStringLiteral("riverside-open-2026"));

        Reading none;
        QCOMPARE(none.find(server.apiRoot(), {QStringLiteral("no-such-meet"), {}, {}}), QString());
        QVERIFY(!none.snapshot.competition.isObject()); // not there: nothing else taken for it
        QVERIFY(none.snapshot.problems.isEmpty());
    }

    void twoCompetitionsWithTheSlugStop()
    {
        FakeOpenTrack server;
        server.add(QStringLiteral("competitions"), meet("riverside-open-2026"));
        server.add(QStringLiteral("competitions"), meet("riverside-open-2026"));
        Reading r;
        QCOMPARE(r.find(server.apiRoot(), {QStringLiteral("riverside-open-2026"), {}, {}}),
                 QString());
        QCOMPARE(r.snapshot.problems.size(), 1);
        QVERIFY2(r.snapshot.problems.first().contains(QStringLiteral("2 competitions")),
                 qPrintable(r.snapshot.problems.first()));
    }

    void aRememberedIdIsReadAndChecked()
    {
        FakeOpenTrack server;
        const QJsonObject ours = server.add(QStringLiteral("competitions"), meet("ours"));
        const QString id = ours.value(QStringLiteral("id")).toString();
        const QUrl url(ours.value(QStringLiteral("url")).toString());

        Reading same;
        QCOMPARE(same.find(server.apiRoot(), {QStringLiteral("ours"), id, url}), QString());
        QVERIFY(same.snapshot.problems.isEmpty());
        QCOMPARE(same.snapshot.competitionId, id);
        QCOMPARE(server.http().requests.size(), 2); // the root and the competition: no listing

        // Renamed on the server since: whose is it now? Stop.
        Reading renamed;
        QCOMPARE(renamed.find(server.apiRoot(), {QStringLiteral("ours-renamed"), id, url}),
                 QString());
        QCOMPARE(renamed.snapshot.problems.size(), 1);
        QVERIFY(renamed.snapshot.problems.first().contains(
            QStringLiteral("called \"ours\" on the server and \"ours-renamed\" in the file")));

        // Gone from the server: looked for by slug, as if never published.
        Reading gone;
        const QUrl missing = server.apiRoot().resolved(QUrl(QStringLiteral("competitions/x/")));
        QCOMPARE(
            gone.find(server.apiRoot(), {QStringLiteral("ours"), QStringLiteral("x"), missing}),
            QString());
        QCOMPARE(gone.snapshot.competitionId, id);
    }

    void recordsOfAnotherCompetitionAreLeftOut()
    {
        FakeOpenTrack server;
        server.ignoreCompetitionFilter = true; // a server that ignores ?competition= too
        const QString ours = server.add(QStringLiteral("competitions"), meet("ours"))
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QString theirs = server.add(QStringLiteral("competitions"), meet("theirs"))
                                   .value(QStringLiteral("id"))
                                   .toString();
        server.add(QStringLiteral("competitors"),
                   {{QStringLiteral("competition"), theirs},
                    {QStringLiteral("competitor_id"), QStringLiteral("7")}});
        server.add(QStringLiteral("competitors"),
                   {{QStringLiteral("competition"), ours},
                    {QStringLiteral("competitor_id"), QStringLiteral("8")}});
        Reading r;
        QCOMPARE(r.find(server.apiRoot(), {QStringLiteral("ours"), {}, {}}), QString());
        QCOMPARE(r.wait([&](auto done) { r.reader.readRecords(r.snapshot, std::move(done)); }),
                 QString());
        QVERIFY(r.snapshot.records.contains(QStringLiteral("competitor:8")));
        QVERIFY(!r.snapshot.records.contains(QStringLiteral("competitor:7")));
        QCOMPARE(r.snapshot.problems.size(), 1);
        QVERIFY2(r.snapshot.problems.first().contains(QStringLiteral("competitor 7")),
                 qPrintable(r.snapshot.problems.first()));
    }

    void twoRecordsWithOneKeyStop()
    {
        FakeOpenTrack server;
        const QString ours = server.add(QStringLiteral("competitions"), meet("ours"))
                                 .value(QStringLiteral("id"))
                                 .toString();
        for (int i = 0; i < 2; ++i)
            server.add(QStringLiteral("competitors"),
                       {{QStringLiteral("competition"), ours},
                        {QStringLiteral("competitor_id"), QStringLiteral("101")}});
        Reading r;
        QCOMPARE(r.find(server.apiRoot(), {QStringLiteral("ours"), {}, {}}), QString());
        QCOMPARE(r.wait([&](auto done) { r.reader.readRecords(r.snapshot, std::move(done)); }),
                 QString());
        QCOMPARE(r.snapshot.problems.size(), 1);
        QVERIFY(r.snapshot.problems.first().contains(QStringLiteral("competitor:101")));
    }

    void everyPageIsRead()
    {
        FakeOpenTrack server;
        server.pageSize = 2;
        const QString ours = server.add(QStringLiteral("competitions"), meet("ours"))
                                 .value(QStringLiteral("id"))
                                 .toString();
        for (int i = 0; i < 5; ++i)
            server.add(QStringLiteral("teams"),
                       {{QStringLiteral("competition"), ours},
                        {QStringLiteral("team_id"), QString::number(i)}});
        Reading r;
        QCOMPARE(r.find(server.apiRoot(), {QStringLiteral("ours"), {}, {}}), QString());
        std::vector<JsonValue> teams;
        QString error = QStringLiteral("no answer");
        QUrl first = r.snapshot.collection(QStringLiteral("teams"));
        first.setQuery(QStringLiteral("competition=") + ours + QStringLiteral("&limit=2"));
        bool done = false;
        r.reader.readPages(first, QStringLiteral("results"),
                           [&](std::vector<JsonValue> records, const QString &e) {
                               teams = std::move(records);
                               error = e;
                               done = true;
                           });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QCOMPARE(error, QString());
        QCOMPARE(teams.size(), size_t(5));
    }

    void aNextPageElsewhereIsNotFollowed()
    {
        FakeHttpServer server;
        server.setHandler([](const FakeHttpServer::Request &) {
            return FakeHttpServer::reply(
                200, "{\"results\": [], \"next\": \"http://127.0.0.2:1/api/teams/?offset=2\"}");
        });
        ApiClient client;
        ApiSession session(&client);
        ServerReader reader(session);
        QString error;
        bool done = false;
        reader.readPages(server.url(QStringLiteral("/api/teams/")), QStringLiteral("results"),
                         [&](std::vector<JsonValue>, const QString &e) {
                             error = e;
                             done = true;
                         });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        QVERIFY2(error.contains(QStringLiteral("another address")), qPrintable(error));
        QCOMPARE(server.requests.size(), 1);
    }

    void unitsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("unit");
        QTest::addColumn<bool>("ok");
        QTest::newRow("that heat") << QByteArray(R"({"round": 1, "heat": 2, "event": 5})") << true;
        QTest::newRow("no round given") << QByteArray(R"({"results": []})") << true;
        QTest::newRow("another heat") << QByteArray(R"({"round": 1, "heat": 3})") << false;
        QTest::newRow("another event")
            << QByteArray(R"({"round": 1, "heat": 2, "event": 6})") << false;
        QTest::newRow("not an object") << QByteArray("[]") << false;
    }
    void unitsAreChecked()
    {
        QFETCH(QByteArray, unit);
        QFETCH(bool, ok);
        ServerSnapshot snapshot;
        snapshot.records.insert(QStringLiteral("event:T01"),
                                payload::parse(R"({"id": 5, "event_id": "T01"})"));
        QCOMPARE(
            ServerReader::checkUnit(snapshot, QStringLiteral("unit:T01/1/2"), payload::parse(unit))
                .isEmpty(),
            ok);
    }
};

QTEST_GUILESS_MAIN(TestServerReader)
#include "tst_serverreader.moc"
