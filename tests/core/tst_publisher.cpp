// Publishing against the local OpenTrack-compatible sandbox (tests/sandbox), and against a
// small in-memory server where the sandbox cannot answer the way a test needs.
#include "competitiongenerator.h"
#include "edit/documenteditor.h"
#include "opentrack/apimessages.h"
#include "opentrack/payload.h"
#include "opentrack/publisher.h"
#include "opentrack/publishstate.h"
#include "opentrack/puller.h"
#include "support/apitesting.h"
#include "support/fakeopentrack.h"
#include "support/sandboxserver.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace meetdesk;

namespace {

QUrl syncUrl(const Document &doc, const QString &key)
{
    const SyncState sync = SyncState::fromMeetdesk(doc.meetdeskData());
    const SyncState::Record *record = sync.record(key);
    return record ? record->url : QUrl();
}

QString syncId(const Document &doc, const QString &key)
{
    const SyncState sync = SyncState::fromMeetdesk(doc.meetdeskData());
    const SyncState::Record *record = sync.record(key);
    return record ? record->id : QString();
}

QJsonObject read(ApiClient &client, const QUrl &url)
{
    const ApiResponse r = apitesting::waitFor([&](auto done) { client.get(url, done); });
    return r.ok() ? r.json.object() : QJsonObject();
}

bool write(ApiClient &client, const QByteArray &method, const QUrl &url, const QByteArray &json)
{
    return apitesting::waitFor([&](auto done) { client.sendJson(method, url, json, done); }).ok();
}

int countOnServer(ApiClient &client, const QJsonObject &root, const QString &collection,
                  const QString &competition)
{
    QUrl url = api::collectionUrl(root, collection);
    url.setQuery(QStringLiteral("competition=%1&limit=1").arg(competition));
    return read(client, url).value(QStringLiteral("count")).toInt(-1);
}

// The sandbox's request log, as (method, path) pairs.
QList<std::pair<QString, QString>> sandboxLog(const SandboxServer &sandbox)
{
    QList<std::pair<QString, QString>> out;
    const QJsonArray entries = QJsonDocument::fromJson(sandbox.get(QStringLiteral("/sandbox/log/")))
                                   .object()
                                   .value(QStringLiteral("requests"))
                                   .toArray();
    for (const QJsonValue &e : entries)
        out.append({e.toObject().value(QStringLiteral("method")).toString(),
                    e.toObject().value(QStringLiteral("path")).toString()});
    return out;
}

const PublishItem *findItem(const QList<PublishItem> &items, const QString &key)
{
    for (const PublishItem &item : items) {
        if (item.key == key)
            return &item;
    }
    return nullptr;
}

// Waits for a Publisher's plan (tests only); false when it failed or did not come.
[[nodiscard]] bool waitForPlan(Publisher &publisher, QString *failure)
{
    bool planned = false;
    bool ended = false;
    auto a = QObject::connect(&publisher, &Publisher::planned, [&] { planned = ended = true; });
    auto b = QObject::connect(&publisher, &Publisher::failed, [&](const QString &message) {
        *failure = message;
        ended = true;
    });
    publisher.plan();
    if (!QTest::qWaitFor([&] { return ended; }, 120000))
        *failure = QStringLiteral("no plan within 120 s (test)");
    QObject::disconnect(a);
    QObject::disconnect(b);
    return planned;
}

[[nodiscard]] bool waitForPublish(Publisher &publisher, PublishReport *report)
{
    bool finished = false;
    auto a = QObject::connect(&publisher, &Publisher::finished, [&](const PublishReport &r) {
        *report = r;
        finished = true;
    });
    publisher.publish();
    const bool ended = QTest::qWaitFor([&] { return finished; }, 120000);
    QObject::disconnect(a);
    return ended;
}

} // namespace

class TestPublisher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient m_client;
    QJsonObject m_root;

    QUrl root() const { return m_sandbox->apiRoot(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY2(m_sandbox->isRunning(), qPrintable(m_sandbox->startError()));
        ApiClient::Policy policy;
        policy.baseDelayMs = 20;
        policy.maxDelayMs = 100;
        m_client.setPolicy(policy);
        QVERIFY(!apitesting::logInAsFederation(m_client, root()).isEmpty());
        m_root = read(m_client, root());
        QVERIFY(!m_root.isEmpty());
    }

    void init() { m_sandbox->post(QStringLiteral("/sandbox/reset/"), "{}"); }

    void publishRepublishCorrect()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        QCOMPARE(first.report.created, 1 + 6 + 9 + 40 + 4);
        QVERIFY(doc->isModified()); // the sync state is worth saving
        const QString id = syncId(*doc, QStringLiteral("competition"));
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 40);

        // What the server holds now is the document: a fresh plan finds nothing to do.
        Publisher check(&m_client, doc.get(), root());
        QString failure;
        QVERIFY2(waitForPlan(check, &failure), qPrintable(failure));
        for (const PublishItem &item : check.items())
            QVERIFY2(item.action == PublishItem::Action::Unchanged, qPrintable(item.label));

        // The long jump's trials arrived whole.
        const Unit &lj = *doc->competition().events[2]->units[0];
        const QJsonObject unit = read(m_client, syncUrl(*doc, payload::naturalKey(lj)));
        QCOMPARE(unit.value(QStringLiteral("trials")).toArray().size(),
                 qsizetype(lj.trials.size()));

        // Unchanged: no writes at all, and no heat read.
        const auto again = apitesting::publish(m_client, *doc, root());
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        QCOMPARE(again.report.writes, 0);
        QCOMPARE(again.report.created + again.report.updated, 0);
        QVERIFY2(again.report.requests <= 8, qPrintable(QString::number(again.report.requests)));

        // One corrected result: the heat is read just before, then one write.
        DocumentEditor edit(*doc);
        edit.setValue(*doc->competition().events[0]->units[2]->results[0],
                      QLatin1StringView("performance"), QStringLiteral("10.50"));
        const auto corrected = apitesting::publish(m_client, *doc, root());
        QVERIFY2(corrected.complete(), qPrintable(corrected.problems()));
        QCOMPARE(corrected.report.writes, 1);
        QCOMPARE(corrected.report.updated, 1);

        // Emptying a field clears it on the server.
        const Competitor &tom = *doc->competition().competitors[0];
        edit.setValue(tom, QLatin1StringView("team_id"), QVariant());
        const auto cleared = apitesting::publish(m_client, *doc, root());
        QVERIFY2(cleared.complete(), qPrintable(cleared.problems()));
        QCOMPARE(cleared.report.writes, 1);
        QCOMPARE(read(m_client, syncUrl(*doc, QStringLiteral("competitor:101")))
                     .value(QStringLiteral("team_id"))
                     .toString(),
                 QString());

        // A competitor taken out of the file is taken off the server: one whom no result,
        // trial or relay team names, or the file would not pass its checks.
        const Competition &c = doc->competition();
        QSet<QString> named;
        for (const auto &e : c.events) {
            for (const auto &r : e->results)
                named.insert(r->bib);
            for (const auto &u : e->units) {
                for (const auto &r : u->results)
                    named.insert(r->bib);
                for (const auto &t : u->trials)
                    named.insert(t->bib);
            }
        }
        for (const auto &relay : c.relayTeams) {
            for (const QString &bib : relay->runners.value_or(QStringList()))
                named.insert(bib);
        }
        const auto unnamed
            = std::find_if(c.competitors.rbegin(), c.competitors.rend(),
                           [&](const auto &x) { return !named.contains(x->competitorId); });
        QVERIFY(unnamed != c.competitors.rend());
        edit.remove({unnamed->get()});
        const auto removed = apitesting::publish(m_client, *doc, root());
        QVERIFY2(removed.complete(), qPrintable(removed.problems()));
        QCOMPARE(removed.report.deleted, 1);
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 39);
    }

    // Finding 2: after an event is deleted on the server, the next publish makes it again
    // with every heat's results and trials, although the file did not change them.
    void anEventDeletedOnTheServerIsRestoredWhole()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Event &lj = *doc->competition().events[2];
        QVERIFY(!lj.units[0]->trials.empty());
        const QUrl eventUrl = syncUrl(*doc, payload::naturalKey(lj));
        QVERIFY(write(m_client, "DELETE", eventUrl, {})); // as a web user would

        const auto again = apitesting::publish(m_client, *doc, root());
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        const QUrl newUrl = syncUrl(*doc, payload::naturalKey(lj));
        QVERIFY(newUrl != eventUrl);
        const QJsonArray units = read(m_client, newUrl).value(QStringLiteral("units")).toArray();
        QCOMPARE(units.size(), qsizetype(lj.units.size()));
        for (const auto &u : lj.units) {
            const QJsonObject held = read(m_client, syncUrl(*doc, payload::naturalKey(*u)));
            QCOMPARE(held.value(QStringLiteral("results")).toArray().size(),
                     qsizetype(u->results.size()));
            QCOMPARE(held.value(QStringLiteral("trials")).toArray().size(),
                     qsizetype(u->trials.size()));
        }
        // And nothing is left to do.
        const auto third = apitesting::publish(m_client, *doc, root());
        QVERIFY2(third.complete(), qPrintable(third.problems()));
        QCOMPARE(third.report.writes, 0);
    }

    // Finding 7: an edit made on OpenTrack is shown as a change there and survives a publish
    // of other changes, also in the same record and the same heat.
    void aWebEditSurvivesAnUnrelatedPublish()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Competition &c = doc->competition();
        const Competitor &tom = *c.competitors[0];
        const Unit &heat = *c.events[0]->units[0];
        const QUrl tomUrl = syncUrl(*doc, payload::naturalKey(tom));
        const QUrl heatUrl = syncUrl(*doc, payload::naturalKey(heat));
        QVERIFY(write(m_client, "PATCH", tomUrl, R"({"last_name": "Adeyemi-Web"})"));
        QVERIFY(write(m_client, "PATCH", heatUrl, R"({"heat_name": "Heat 1, re-run"})"));

        // The file changes other fields of the same records.
        DocumentEditor edit(*doc);
        edit.setValue(tom, QLatin1StringView("first_name"), QStringLiteral("Thomas"));
        edit.setValue(*heat.results[0], QLatin1StringView("performance"), QStringLiteral("10.49"));
        const auto run = apitesting::publish(m_client, *doc, root());
        QVERIFY2(run.complete(), qPrintable(run.problems()));
        const QJsonObject tomNow = read(m_client, tomUrl);
        QCOMPARE(tomNow.value(QStringLiteral("last_name")).toString(),
                 QStringLiteral("Adeyemi-Web"));
        QCOMPARE(tomNow.value(QStringLiteral("first_name")).toString(), QStringLiteral("Thomas"));
        const QJsonObject heatNow = read(m_client, heatUrl);
        QCOMPARE(heatNow.value(QStringLiteral("heat_name")).toString(),
                 QStringLiteral("Heat 1, re-run"));
        QCOMPARE(heatNow.value(QStringLiteral("results"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("performance"))
                     .toString(),
                 QStringLiteral("10.49"));
        QVERIFY(findItem(run.report.serverChanges, payload::naturalKey(heat)));
        QVERIFY(findItem(run.report.serverChanges, QStringLiteral("competitor:101")));

        // Still shown the next time, still not overwritten.
        const auto again = apitesting::publish(m_client, *doc, root());
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        QCOMPARE(again.report.writes, 0);
        const PublishItem *shown
            = findItem(again.report.serverChanges, QStringLiteral("competitor:101"));
        QVERIFY(shown);
        QCOMPARE(shown->serverChanges.first().field, QStringLiteral("last_name"));
        QCOMPARE(shown->serverChanges.first().server.text(), QStringLiteral("Adeyemi-Web"));
    }

    // Changed on both sides: nothing sent until the user chooses, then either choice works.
    void aConflictWaitsForAChoice()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Unit &heat = *doc->competition().events[0]->units[0];
        const QString key = payload::naturalKey(heat);
        const QUrl heatUrl = syncUrl(*doc, key);
        QJsonObject web = read(m_client, heatUrl);
        QJsonArray results = web.value(QStringLiteral("results")).toArray();
        QJsonObject winner = results[0].toObject();
        winner.insert(QStringLiteral("performance"), QStringLiteral("10.01"));
        results[0] = winner;
        QVERIFY(write(m_client, "PATCH", heatUrl,
                      QJsonDocument(QJsonObject {{QStringLiteral("results"), results}}).toJson()));
        const QString secondAsPublished = heat.results[1]->performance;
        DocumentEditor edit(*doc);
        edit.setValue(*heat.results[1], QLatin1StringView("performance"), QStringLiteral("10.99"));

        const auto held = apitesting::publish(m_client, *doc, root());
        QVERIFY(held.finished);
        QVERIFY(!held.complete()); // something the file has was not sent
        const PublishItem *conflict = findItem(held.report.conflicts, key);
        QVERIFY(conflict);
        QCOMPARE(conflict->conflicts.first().field, QStringLiteral("results"));
        QCOMPARE(held.report.writes, 0);
        QCOMPARE(read(m_client, heatUrl)
                     .value(QStringLiteral("results"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("performance")),
                 QStringLiteral("10.01"));

        // Take OpenTrack's version: one undoable edit, then nothing to send.
        const int steps = doc->undoStack()->count();
        {
            Publisher publisher(&m_client, doc.get(), root());
            QString failure;
            QVERIFY2(waitForPlan(publisher, &failure), qPrintable(failure));
            QCOMPARE(findItem(publisher.items(), key)->action, PublishItem::Action::Conflict);
            QCOMPARE(publisher.takeServerVersion({key}), QString());
            QCOMPARE(doc->undoStack()->count(), steps + 1);
            const Unit &taken = *doc->competition().events[0]->units[0];
            QCOMPARE(taken.results[0]->performance, QStringLiteral("10.01"));
            QCOMPARE(taken.results[1]->performance, secondAsPublished);
            QCOMPARE(findItem(publisher.items(), key)->action, PublishItem::Action::Unchanged);
            PublishReport report;
            QVERIFY(waitForPublish(publisher, &report));
            QVERIFY(report.complete());
            QCOMPARE(report.writes, 0);
        }
        // Undo it, and send the file's version over OpenTrack's instead.
        doc->undoStack()->undo();
        QCOMPARE(doc->competition().events[0]->units[0]->results[1]->performance,
                 QStringLiteral("10.99"));
        {
            Publisher publisher(&m_client, doc.get(), root());
            QString failure;
            QVERIFY2(waitForPlan(publisher, &failure), qPrintable(failure));
            publisher.setOverwrite(key, true);
            QCOMPARE(findItem(publisher.items(), key)->action, PublishItem::Action::Update);
            PublishReport report;
            QVERIFY(waitForPublish(publisher, &report));
            QVERIFY(report.complete());
        }
        const QJsonArray now = read(m_client, heatUrl).value(QStringLiteral("results")).toArray();
        QCOMPARE(now[1].toObject().value(QStringLiteral("performance")).toString(),
                 QStringLiteral("10.99"));
        QCOMPARE(now[0].toObject().value(QStringLiteral("performance")).toString(),
                 doc->competition().events[0]->units[0]->results[0]->performance);
    }

    // A web edit the user chose to overwrite is overwritten, and not reported as left there.
    void anOverwrittenWebEditIsNotReportedAsLeft()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const QUrl tomUrl = syncUrl(*doc, QStringLiteral("competitor:101"));
        QVERIFY(write(m_client, "PATCH", tomUrl, R"({"last_name": "Adeyemi-Web"})"));
        Publisher publisher(&m_client, doc.get(), root());
        QString failure;
        QVERIFY2(waitForPlan(publisher, &failure), qPrintable(failure));
        QCOMPARE(findItem(publisher.items(), QStringLiteral("competitor:101"))->action,
                 PublishItem::Action::ServerChange);
        publisher.setOverwrite(QStringLiteral("competitor:101"), true);
        PublishReport report;
        QVERIFY(waitForPublish(publisher, &report));
        QVERIFY(report.complete());
        QCOMPARE(report.updated, 1);
        QVERIFY(report.serverChanges.isEmpty());
        QCOMPARE(read(m_client, tomUrl).value(QStringLiteral("last_name")).toString(),
                 doc->competition().competitors[0]->lastName);
    }

    // Changes to a heat the file did not touch are seen when every heat is verified.
    void verifyingReadsEveryHeat()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Unit &heat = *doc->competition().events[0]->units[1];
        const QUrl heatUrl = syncUrl(*doc, payload::naturalKey(heat));
        QVERIFY(write(m_client, "PATCH", heatUrl, R"({"results": []})")); // cleared on the web

        const auto cheap = apitesting::publish(m_client, *doc, root());
        QVERIFY2(cheap.complete(), qPrintable(cheap.problems()));
        QVERIFY(!findItem(cheap.report.serverChanges, payload::naturalKey(heat)));

        apitesting::PublishOptions verify;
        verify.verify = true;
        const auto verified = apitesting::publish(m_client, *doc, root(), verify);
        QVERIFY2(verified.complete(), qPrintable(verified.problems()));
        const PublishItem *seen
            = findItem(verified.report.serverChanges, payload::naturalKey(heat));
        QVERIFY(seen);
        QCOMPARE(seen->serverChanges.first().field, QStringLiteral("results"));
        QVERIFY(verified.report.requests >= cheap.report.requests + 10); // the sample's 10 heats
    }

    // Finding 8: errors stop the publish before any request.
    void validationErrorsStopBeforeAnyRequest()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        edit.setValue(*doc->competition().competitors[3], QLatin1StringView("competitor_id"),
                      QVariant());
        edit.setValue(*doc->competition().competitors[5], QLatin1StringView("competitor_id"),
                      doc->competition().competitors[6]->competitorId);
        m_sandbox->clearFaults();
        const auto run = apitesting::publish(m_client, *doc, root());
        QVERIFY(!run.complete());
        QVERIFY2(run.failure.contains(QStringLiteral("competitors[3].competitor_id: is required")),
                 qPrintable(run.failure));
        QVERIFY2(
            run.failure.contains(QStringLiteral("competitors[5].competitor_id: \"107\" is also "
                                                "the bib of competitor 107")),
            qPrintable(run.failure));
        QCOMPARE(sandboxLog(*m_sandbox).size(), 0);
    }

    // Finding 8: a record the server refuses inside a bulk list is reported alone; the rest
    // of the list is stored.
    void aRecordRefusedInABulkListIsReportedAlone()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competitor &odd = *doc->competition().competitors[7];
        edit.setValue(odd, QLatin1StringView("age_group"),
                      QStringLiteral("an age group far too long for the server"));
        const auto run = apitesting::publish(m_client, *doc, root());
        QVERIFY(run.finished);
        QCOMPARE(run.report.failures.size(), 1);
        QCOMPARE(run.report.failures.first().node, &odd);
        QVERIFY2(run.report.failures.first().message.contains(QStringLiteral("age_group")),
                 qPrintable(run.report.failures.first().message));
        const QString id = syncId(*doc, QStringLiteral("competition"));
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 39);
    }

    // A POST that failed before the server acted is sent again after a read-back shows the
    // records absent; nothing is doubled.
    void aPostTheServerNeverGotIsSentAgain()
    {
        auto doc = testdata::loadDocument();
        m_sandbox->post(
            QStringLiteral("/sandbox/faults/"),
            R"({"method": "POST", "path": "/api/competitors/", "count": 1, "kind": "504"})");
        const auto run = apitesting::publish(m_client, *doc, root());
        QVERIFY2(run.complete(), qPrintable(run.problems()));
        const QString id = syncId(*doc, QStringLiteral("competition"));
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 40);
        int posts = 0;
        for (const auto &[method, path] : sandboxLog(*m_sandbox))
            posts += method == u"POST" && path == u"/api/competitors/";
        QCOMPARE(posts, 2); // the one that failed, and the one after the read-back
    }

    // A POST the server stored before the answer was lost is not sent again.
    void aPostTheServerStoredIsNotRepeated()
    {
        FakeOpenTrack server;
        server.storeThenFail = 2; // the competition, then the teams
        auto doc = testdata::loadDocument();
        ApiClient client;
        QVERIFY(!apitesting::logInAsFederation(client, server.apiRoot()).isEmpty());
        const auto run = apitesting::publish(client, *doc, server.apiRoot());
        QVERIFY2(run.report.failures.isEmpty(), qPrintable(run.problems()));
        QCOMPARE(server.records(QStringLiteral("competitions")).size(), 1);
        QCOMPARE(server.records(QStringLiteral("teams")).size(), 6);
        QCOMPARE(server.records(QStringLiteral("competitors")).size(), 40);
        int competitionPosts = 0;
        int teamPosts = 0;
        for (const auto &r : server.writes()) {
            competitionPosts += r.method == "POST" && r.path == "/api/competitions/";
            teamPosts += r.method == "POST" && r.path == "/api/teams/";
        }
        QCOMPARE(competitionPosts, 1);
        QCOMPARE(teamPosts, 1);
    }

    // Finding 1: a server that ignores ?slug= lists another competition first; it is left
    // untouched, and the file's competition is made.
    void anotherCompetitionListedFirstIsLeftAlone()
    {
        FakeOpenTrack server;
        const QJsonObject other
            = server.add(QStringLiteral("competitions"),
                         {{QStringLiteral("slug"), QStringLiteral("county-champs-2026")},
                          {QStringLiteral("full_name"), QStringLiteral("County Championships")},
                          {QStringLiteral("country"), QStringLiteral("GBR")}});
        const QString otherId = other.value(QStringLiteral("id")).toString();
        server.add(QStringLiteral("competitors"),
                   {{QStringLiteral("competition"), otherId},
                    {QStringLiteral("competitor_id"), QStringLiteral("101")},
                    {QStringLiteral("last_name"), QStringLiteral("Theirs")}});
        auto doc = testdata::loadDocument();
        ApiClient client;
        QVERIFY(!apitesting::logInAsFederation(client, server.apiRoot()).isEmpty());
        const auto run = apitesting::publish(client, *doc, server.apiRoot());
        QVERIFY(run.finished);
        for (const auto &r : server.writes()) {
            QVERIFY2(!r.path.contains(otherId.toUtf8()),
                     QByteArray(r.method + ' ' + r.path).constData());
            QVERIFY2(!r.body.contains(otherId.toUtf8()),
                     QByteArray(r.method + ' ' + r.path).constData());
        }
        const QList<QJsonObject> competitors = server.records(QStringLiteral("competitors"));
        QCOMPARE(competitors.first().value(QStringLiteral("last_name")).toString(),
                 QStringLiteral("Theirs"));
        QCOMPARE(server.records(QStringLiteral("competitions")).size(), 2);
        QVERIFY(syncId(*doc, QStringLiteral("competition")) != otherId);
    }

    // Finding 5: a server that keeps answering 401 costs one more login, then the publish ends.
    void aPermanent401EndsThePublish()
    {
        FakeOpenTrack server;
        server.alwaysUnauthorized = true;
        auto doc = testdata::loadDocument();
        ApiClient client;
        QVERIFY(!apitesting::logInAsFederation(client, server.apiRoot()).isEmpty());
        Publisher publisher(&client, doc.get(), server.apiRoot());
        publisher.setReauthenticate([&](std::function<void(const QString &)> answer) {
            ApiClient fresh;
            answer(apitesting::logInAsFederation(fresh, server.apiRoot()));
        });
        bool ended = false;
        QString message;
        connect(&publisher, &Publisher::failed, [&](const QString &m) {
            message = m;
            ended = true;
        });
        connect(&publisher, &Publisher::finished, [&](const PublishReport &r) {
            message = r.stopped;
            ended = true;
        });
        QElapsedTimer timer;
        timer.start();
        publisher.publish();
        QVERIFY(QTest::qWaitFor([&] { return ended; }, 20000));
        QVERIFY(timer.elapsed() < 20000);
        QVERIFY(server.logins <= 2);
        QVERIFY2(message.contains(QStringLiteral("refused the new login")), qPrintable(message));
        QCOMPARE(server.writes().size(), 0);
    }

    // Finding 10: the helpers report a publish that did not succeed; they never hand back an
    // empty report that looks complete.
    void aFailedPublishIsNotASuccess()
    {
        QTcpServer closed; // a port where nothing answers: listened on, then closed
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1/api/").arg(closed.serverPort()));
        closed.close();
        auto doc = testdata::loadDocument();
        ApiClient client;
        const auto run = apitesting::publish(client, *doc, nowhere);
        QVERIFY(!run.complete());
        QVERIFY(!run.failure.isEmpty());
    }

    void interruptedThenResumedWithoutDuplicates()
    {
        auto doc = testdata::loadDocument();
        // Half-way: every heat's write fails, then the server comes back.
        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"PATCH\", \"path\": \"/api/units/\", \"count\": 1000, "
                        "\"kind\": \"500\"}");
        const auto broken = apitesting::publish(m_client, *doc, root());
        QVERIFY(broken.finished);
        QVERIFY(!broken.report.failures.isEmpty());
        QVERIFY(broken.report.failures.first().message.contains(QStringLiteral("status 500")));
        m_sandbox->clearFaults();

        // The sync state is lost too (the file was never saved): natural keys still find all.
        doc->setMeetdeskData({});
        const auto resumed = apitesting::publish(m_client, *doc, root());
        QVERIFY2(resumed.complete(), qPrintable(resumed.problems()));
        QCOMPARE(resumed.report.created, 0);
        const QString id = syncId(*doc, QStringLiteral("competition"));
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("competitors"), id), 40);
        QCOMPARE(countOnServer(m_client, m_root, QStringLiteral("events"), id), 9);
    }

    // A heat whose write failed is marked failed in the sync state (the tree shows it) and stays
    // so through a publish that fails it again, until one stores it.
    void aFailedHeatStaysFailedUntilStored()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Unit &final = *doc->competition().events[0]->units[2];
        const QString key = payload::naturalKey(final);
        DocumentEditor(*doc).setValue(*final.results[0], QLatin1StringView("performance"),
                                      QStringLiteral("10.55"));
        const auto failedState = [&] {
            return publishStateOf(final, SyncState::fromMeetdesk(doc->meetdeskData()));
        };
        QCOMPARE(failedState(), PublishState::Changed);
        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"PATCH\", \"path\": \"/api/units/\", \"count\": 1000, "
                        "\"kind\": \"500\"}");
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto broken = apitesting::publish(m_client, *doc, root());
            QVERIFY(broken.finished);
            QCOMPARE(broken.report.failures.size(), 1);
            QCOMPARE(failedState(), PublishState::Failed);
            QVERIFY(SyncState::fromMeetdesk(doc->meetdeskData())
                        .failure(key)
                        .contains(QStringLiteral("status 500")));
        }
        m_sandbox->clearFaults();
        const auto mended = apitesting::publish(m_client, *doc, root());
        QVERIFY2(mended.complete(), qPrintable(mended.problems()));
        QCOMPARE(failedState(), PublishState::Published);
        QVERIFY(SyncState::fromMeetdesk(doc->meetdeskData()).failedKeys().isEmpty());
    }

    // While it reads the server, a Publisher says what it is reading, heat by heat: the
    // progress display shows the real stage. Nothing to send is known yet (total 0).
    void planningSaysWhatItReads()
    {
        auto doc = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *doc, root());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        Publisher publisher(&m_client, doc.get(), root());
        publisher.setVerify(true);
        QStringList steps;
        QList<int> totals;
        connect(&publisher, &Publisher::progress, this, [&](int, int total, const QString &step) {
            steps.append(step);
            totals.append(total);
        });
        QString failure;
        QVERIFY2(waitForPlan(publisher, &failure), qPrintable(failure));
        QVERIFY2(steps.contains(QStringLiteral("Looking for the competition on the server")),
                 qPrintable(steps.join(u'|')));
        QVERIFY2(steps.contains(QStringLiteral("Reading what the server holds")),
                 qPrintable(steps.join(u'|')));
        QVERIFY2(steps.contains(QStringLiteral("Reading 10 heat(s) from the server")),
                 qPrintable(steps.join(u'|')));
        QVERIFY2(steps.contains(QStringLiteral("Reading heats from the server: 9 of 10")),
                 qPrintable(steps.join(u'|')));
        QCOMPARE(totals, QList<int>(totals.size(), 0));
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
        const auto run = apitesting::publish(m_client, *doc, root());
        QVERIFY2(run.complete(), qPrintable(run.problems()));
        QCOMPARE(run.report.created, 60);
    }

    void whatTheServerDoesNotKeepIsReported()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath(QStringLiteral("v1-nested.json")));
        const auto run = apitesting::publish(m_client, *doc, root());
        QVERIFY(run.report.failures.isEmpty());
        const QString text = run.problems();
        QVERIFY2(text.contains(QStringLiteral("competition Kingston Summer League, Match 1: not "
                                              "stored: timezone, sponsors")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("results[0].reaction")), qPrintable(text));
        // Sent once and recorded: the next publish sends nothing, and sees no change there.
        const auto again = apitesting::publish(m_client, *doc, root());
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        QCOMPARE(again.report.writes, 0);
        QVERIFY(again.report.serverChanges.isEmpty());
    }

    void serverWithoutRelayTeams()
    {
        SandboxServer plain(QStringLiteral("no-relay-teams"));
        QVERIFY2(plain.isRunning(), qPrintable(plain.startError()));
        ApiClient client;
        QVERIFY(!apitesting::logInAsFederation(client, plain.apiRoot()).isEmpty());
        auto doc = testdata::loadDocument();
        const auto run = apitesting::publish(client, *doc, plain.apiRoot());
        QVERIFY2(run.report.failures.isEmpty(), qPrintable(run.problems()));
        QCOMPARE(run.report.notStored.size(), 4);
        for (const auto &p : run.report.notStored) {
            QCOMPARE(p.node->kind(), NodeKind::RelayTeam);
            QCOMPARE(p.message, QStringLiteral("not stored: the server offers no relay teams"));
        }
    }

    void expiredTokenAsksToLogInAgain()
    {
        auto doc = testdata::loadDocument();
        ApiClient client;
        client.setToken(QStringLiteral("expired"));
        Publisher publisher(&client, doc.get(), root());
        int asked = 0;
        publisher.setReauthenticate([&](std::function<void(const QString &)> answer) {
            ++asked;
            ApiClient fresh;
            answer(apitesting::logInAsFederation(fresh, root()));
        });
        PublishReport report;
        QVERIFY(waitForPublish(publisher, &report));
        QVERIFY(report.complete());
        QCOMPARE(asked, 1);
    }

    void directorMayNotCreateCompetitions()
    {
        auto doc = testdata::loadDocument();
        ApiClient director;
        QVERIFY(!apitesting::logIn(director, root(), QStringLiteral("director"),
                                   QStringLiteral("director-pass"))
                     .isEmpty());
        const auto run = apitesting::publish(director, *doc, root());
        QVERIFY(run.finished);
        QCOMPARE(run.report.failures.size(), 1);
        QCOMPARE(run.report.failures[0].message,
                 QStringLiteral("permission denied: this login may not do that (status 500). "
                                "Creating a competition needs federation rights: ask your "
                                "federation to create it, then publish again."));
        QCOMPARE(run.report.failures[0].node, &doc->competition());
    }

    void aLargeMeetReadBackEqualsTheDocument()
    {
        Document doc(CompetitionGenerator(7).generate({3000, 150, 20000, 40000}));
        const auto run = apitesting::publish(m_client, doc, root());
        QVERIFY2(run.complete(), qPrintable(run.problems()));
        // Bulk: requests follow events, relay teams and heats (one write each), not competitors
        // and teams (500 a request), plus the reads.
        const Competition &c = doc.competition();
        int heats = 0;
        for (const auto &e : c.events)
            heats += int(e->units.size());
        const int writes = 1 + int(c.events.size()) + int(c.relayTeams.size()) + heats
            + int(c.competitors.size() + 499) / 500 + int(c.teams.size() + 499) / 500;
        QVERIFY2(
            run.report.requests <= writes + 60,
            qPrintable(
                QStringLiteral("%1 requests for %2 writes").arg(run.report.requests).arg(writes)));

        // Unchanged again: the bulk reads only, not one request per heat.
        const auto again = apitesting::publish(m_client, doc, root());
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        QCOMPARE(again.report.writes, 0);
        QVERIFY2(again.report.requests < 30, qPrintable(QString::number(again.report.requests)));

        Puller puller(&m_client, root());
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
};

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
