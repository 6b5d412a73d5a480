// Publishing against the local OpenTrack-compatible sandbox (tests/sandbox).
#include "competitiongenerator.h"
#include "edit/documenteditor.h"
#include "opentrack/apimessages.h"
#include "opentrack/payload.h"
#include "opentrack/publisher.h"
#include "opentrack/puller.h"
#include "support/apitesting.h"
#include "support/sandboxserver.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace meetdesk;

namespace {

QString problems(const PublishReport &r)
{
    QStringList lines;
    for (const auto &p : r.failures)
        lines.append(QStringLiteral("failed: ") + p.where + QStringLiteral(": ") + p.message);
    for (const auto &p : r.notStored)
        lines.append(p.where + QStringLiteral(": ") + p.message);
    return lines.join(u'\n');
}

int countOnServer(ApiClient &client, const QJsonObject &root, const QString &collection,
                  const QString &competition)
{
    QUrl url = api::collectionUrl(root, collection);
    url.setQuery(QStringLiteral("competition=%1&limit=1").arg(competition));
    return apitesting::waitFor([&](auto done) { client.get(url, done); })
        .json.object()
        .value(QStringLiteral("count"))
        .toInt();
}

} // namespace

class TestPublisher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient m_client;
    QJsonObject m_root;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY2(m_sandbox->isRunning(), qPrintable(m_sandbox->startError()));
        ApiClient::Policy policy;
        policy.baseDelayMs = 20;
        policy.maxDelayMs = 100;
        m_client.setPolicy(policy);
        apitesting::logInAsFederation(m_client, m_sandbox->apiRoot());
        m_root = apitesting::waitFor([&](auto done) {
                     m_client.get(m_sandbox->apiRoot(), done);
                 }).json.object();
    }

    void init() { m_sandbox->post(QStringLiteral("/sandbox/reset/"), "{}"); }

    void publishRepublishCorrect()
    {
        auto doc = testdata::loadDocument();
        const PublishReport first = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(first.complete(), qPrintable(problems(first)));
        QCOMPARE(first.created, 1 + 6 + 9 + 40 + 4);
        QVERIFY(doc->isModified()); // the sync state is worth saving
        const QString id = SyncState::fromMeetdesk(doc->meetdeskData())
                               .record(QStringLiteral("competition"))
                               ->id;
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 40);

        // What the server holds now is the document: a fresh plan finds nothing to do.
        Publisher check(&m_client, doc.get(), m_sandbox->apiRoot());
        bool planned = false;
        connect(&check, &Publisher::planned, [&] { planned = true; });
        check.plan();
        QTRY_VERIFY_WITH_TIMEOUT(planned, 60000);
        for (const PublishItem &item : check.items())
            QVERIFY2(item.action == PublishItem::Action::Unchanged, qPrintable(item.label));

        // The long jump's trials arrived whole.
        const Unit &lj = *doc->competition().events[2]->units[0];
        const QUrl unitUrl
            = SyncState::fromMeetdesk(doc->meetdeskData()).record(payload::naturalKey(lj))->url;
        const QJsonObject unit
            = apitesting::waitFor([&](auto done) { m_client.get(unitUrl, done); }).json.object();
        QCOMPARE(unit.value(QStringLiteral("trials")).toArray().size(),
                 qsizetype(lj.trials.size()));

        // Unchanged: no writes at all.
        const PublishReport again = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(again.complete(), qPrintable(problems(again)));
        QCOMPARE(again.writes, 0);
        QCOMPARE(again.created + again.updated, 0);

        // One corrected result: one write.
        DocumentEditor edit(*doc);
        edit.setValue(*doc->competition().events[0]->units[2]->results[0],
                      QLatin1StringView("performance"), QStringLiteral("10.50"));
        const PublishReport corrected = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(corrected.complete(), qPrintable(problems(corrected)));
        QCOMPARE(corrected.writes, 1);
        QCOMPARE(corrected.updated, 1);

        // Emptying a field clears it on the server.
        const Competitor &tom = *doc->competition().competitors[0];
        edit.setValue(tom, QLatin1StringView("team_id"), QVariant());
        const PublishReport cleared = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(cleared.complete(), qPrintable(problems(cleared)));
        QCOMPARE(cleared.writes, 1);
        const QUrl tomUrl = SyncState::fromMeetdesk(doc->meetdeskData())
                                .record(QStringLiteral("competitor:101"))
                                ->url;
        QCOMPARE(apitesting::waitFor([&](auto done) { m_client.get(tomUrl, done); })
                     .json.object()
                     .value(QStringLiteral("team_id"))
                     .toString(),
                 QString());

        // A competitor taken out of the file is taken off the server.
        edit.remove({doc->competition().competitors[39].get()});
        const PublishReport removed = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(removed.complete(), qPrintable(problems(removed)));
        QCOMPARE(removed.deleted, 1);
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 39);
    }

    void interruptedThenResumedWithoutDuplicates()
    {
        auto doc = testdata::loadDocument();
        // Half-way: every unit write fails, then the server comes back.
        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"PATCH\", \"path\": \"/api/units/\", \"count\": 1000, "
                        "\"kind\": \"500\"}");
        const PublishReport broken = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY(!broken.complete());
        QVERIFY(!broken.failures.isEmpty());
        QVERIFY(broken.failures.first().message.contains(QStringLiteral("status 500")));
        m_sandbox->clearFaults();

        // The sync state is lost too (the file was never saved): natural keys still find all.
        doc->setMeetdeskData({});
        const PublishReport resumed = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(resumed.complete(), qPrintable(problems(resumed)));
        QCOMPARE(resumed.created, 0);
        const QString id = SyncState::fromMeetdesk(doc->meetdeskData())
                               .record(QStringLiteral("competition"))
                               ->id;
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 40);
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("events"), id), 9);
    }

    void transientFaultsAreRiddenOut()
    {
        auto doc = testdata::loadDocument();
        m_sandbox->post(
            QStringLiteral("/sandbox/faults/"),
            "{\"method\": \"*\", \"path\": \"/api/\", \"count\": 3, \"kind\": \"503\"}");
        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"POST\", \"path\": \"/api/events/\", \"count\": 2, "
                        "\"kind\": \"429\", \"retry_after\": 0}");
        const PublishReport report = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY2(report.complete(), qPrintable(problems(report)));
        QCOMPARE(report.created, 60);
    }

    void whatTheServerDoesNotKeepIsReported()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath(QStringLiteral("v1-nested.json")));
        const PublishReport report = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QVERIFY(report.failures.isEmpty());
        const QString text = problems(report);
        QVERIFY2(
            text.contains(QStringLiteral(
                "competition Kingston Summer League, Match 1: not stored: sponsors, timezone")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("results[0].reaction")), qPrintable(text));
        // Sent once and recorded: the next publish does not send it again.
        const PublishReport again = apitesting::publish(m_client, *doc, m_sandbox->apiRoot());
        QCOMPARE(again.writes, 0);
    }

    void serverWithoutRelayTeams()
    {
        SandboxServer plain(QStringLiteral("no-relay-teams"));
        QVERIFY2(plain.isRunning(), qPrintable(plain.startError()));
        ApiClient client;
        apitesting::logInAsFederation(client, plain.apiRoot());
        auto doc = testdata::loadDocument();
        const PublishReport report = apitesting::publish(client, *doc, plain.apiRoot());
        QVERIFY(report.failures.isEmpty());
        QCOMPARE(report.notStored.size(), 4);
        for (const auto &p : report.notStored) {
            QCOMPARE(p.node->kind(), NodeKind::RelayTeam);
            QCOMPARE(p.message, QStringLiteral("not stored: the server offers no relay teams"));
        }
    }

    void expiredTokenAsksToLogInAgain()
    {
        auto doc = testdata::loadDocument();
        ApiClient client;
        client.setToken(QStringLiteral("expired"));
        Publisher publisher(&client, doc.get(), m_sandbox->apiRoot());
        int asked = 0;
        publisher.setReauthenticate([&](std::function<void(const QString &)> answer) {
            ++asked;
            ApiClient fresh;
            apitesting::logInAsFederation(fresh, m_sandbox->apiRoot());
            answer(fresh.token());
        });
        bool finished = false;
        PublishReport report;
        connect(&publisher, &Publisher::finished, [&](const PublishReport &r) {
            report = r;
            finished = true;
        });
        publisher.publish();
        QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
        QVERIFY2(report.complete(), qPrintable(problems(report)));
        QCOMPARE(asked, 1);
    }

    void aLargeMeetReadBackEqualsTheDocument()
    {
        Document doc(CompetitionGenerator(7).generate({3000, 150, 20000, 40000}));
        const PublishReport report = apitesting::publish(m_client, doc, m_sandbox->apiRoot());
        QVERIFY2(report.complete(), qPrintable(problems(report)));
        QVERIFY(report.requests < 3000); // bulk: requests follow events and units, not competitors

        Puller puller(&m_client, m_sandbox->apiRoot());
        std::unique_ptr<Document> back;
        QString error;
        bool finished = false;
        puller.pull(doc.competition().slug, [&](std::unique_ptr<Document> d, const QString &e) {
            back = std::move(d);
            error = e;
            finished = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return finished; }, 240000));
        QVERIFY2(back, qPrintable(error));
        const Competition &a = doc.competition();
        const Competition &b = back->competition();
        // Bulk lists of 500 go four at a time, so the server's order is by arrival: match by bib.
        QCOMPARE(b.competitors.size(), a.competitors.size());
        QHash<QString, const Competitor *> people;
        for (const auto &x : b.competitors)
            people.insert(x->competitorId, x.get());
        for (const auto &x : a.competitors) {
            const Competitor *other = people.value(x->competitorId);
            QVERIFY2(other && children::sameContent(*other, *x), qPrintable(x->competitorId));
        }
        QCOMPARE(b.teams.size(), a.teams.size());
        for (size_t i = 0; i < a.teams.size(); ++i) { // the server adds its default match_id
            QCOMPARE(b.teams[i]->teamId, a.teams[i]->teamId);
            QCOMPARE(b.teams[i]->teamName, a.teams[i]->teamName);
        }
        QCOMPARE(b.events.size(), a.events.size());
        QHash<QString, const Event *> events;
        for (const auto &e : b.events)
            events.insert(e->eventId, e.get());
        for (const auto &e : a.events) {
            const Event *other = events.value(e->eventId);
            QVERIFY2(other && other->units.size() == e->units.size(), qPrintable(e->eventId));
            for (size_t i = 0; i < e->units.size(); ++i)
                QVERIFY2(children::sameContent(*other->units[i], *e->units[i]),
                         qPrintable(e->eventId));
        }
    }

    void directorMayNotCreateCompetitions()
    {
        auto doc = testdata::loadDocument();
        ApiClient director;
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            director.postForm(m_sandbox->url(QStringLiteral("/api/get-auth-token/")),
                              {{QStringLiteral("username"), QStringLiteral("director")},
                               {QStringLiteral("password"), QStringLiteral("director-pass")}},
                              done);
        });
        director.setToken(r.json.object().value(QStringLiteral("token")).toString());
        const PublishReport report = apitesting::publish(director, *doc, m_sandbox->apiRoot());
        QCOMPARE(report.failures.size(), 1);
        QCOMPARE(report.failures[0].message,
                 QStringLiteral("Creating competitions needs federation rights. (status 403)"));
        QCOMPARE(report.failures[0].node, &doc->competition());
    }
};

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
