#include "opentrack/publisher.h"
#include "opentrack/puller.h"
#include "support/apitesting.h"
#include "support/sandboxserver.h"
#include "testdata.h"

#include <QJsonObject>
#include <QTest>

using namespace meetdesk;

namespace {

std::unique_ptr<Document> pull(ApiClient &client, const QUrl &root, const QString &competition,
                               QString *error)
{
    Puller puller(&client, root);
    std::unique_ptr<Document> result;
    bool finished = false;
    puller.pull(competition, [&](std::unique_ptr<Document> doc, const QString &e) {
        result = std::move(doc);
        *error = e;
        finished = true;
    });
    if (!QTest::qWaitFor([&] { return finished; }, 120000))
        qWarning("pull did not finish");
    return result;
}

} // namespace

class TestPuller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pullWhatWasPublished()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        ApiClient client;
        apitesting::logInAsFederation(client, sandbox.apiRoot());
        auto original = testdata::loadDocument();
        QVERIFY(apitesting::publish(client, *original, sandbox.apiRoot()).complete());

        QString error;
        auto pulled
            = pull(client, sandbox.apiRoot(), QStringLiteral("riverside-open-2026"), &error);
        QVERIFY2(pulled, qPrintable(error));
        const Competition &a = original->competition();
        const Competition &b = pulled->competition();
        QCOMPARE(b.fullName, a.fullName);
        QCOMPARE(b.date, a.date);
        QCOMPARE(b.competitors.size(), a.competitors.size());
        QVERIFY(children::sameContent(*b.competitors[5], *a.competitors[5]));
        for (const auto &r : a.relayTeams) {
            const auto match
                = std::find_if(b.relayTeams.begin(), b.relayTeams.end(),
                               [&](const auto &o) { return o->relayTeamId == r->relayTeamId; });
            QVERIFY(match != b.relayTeams.end());
            QVERIFY(children::sameContent(**match, *r));
        }
        // Events come in the server's order (they were created four at a time): match by id.
        const auto eventById = [](const Competition &c, const QString &id) {
            for (const auto &e : c.events) {
                if (e->eventId == id)
                    return e.get();
            }
            return static_cast<Event *>(nullptr);
        };
        QCOMPARE(b.events.size(), a.events.size());
        for (const auto &e : a.events) {
            const Event *other = eventById(b, e->eventId);
            QVERIFY2(other, qPrintable(e->eventId));
            for (size_t i = 0; i < e->units.size(); ++i)
                QVERIFY2(children::sameContent(*other->units[i], *e->units[i]),
                         qPrintable(e->eventId));
        }
        QVERIFY(eventById(b, QStringLiteral("F02"))->units[0]->isVerticalJump());
        QVERIFY(b.extras.empty()); // the server's ids and links stay in the sync state
        // Corrections start here: publishing the pulled document as it is writes nothing.
        const PublishReport again = apitesting::publish(client, *pulled, sandbox.apiRoot());
        QVERIFY(again.complete());
        QCOMPARE(again.writes, 0);

        // By id too.
        const QString id = SyncState::fromMeetdesk(pulled->meetdeskData())
                               .record(QStringLiteral("competition"))
                               ->id;
        QVERIFY(pull(client, sandbox.apiRoot(), id, &error));
        QVERIFY(!pull(client, sandbox.apiRoot(), QStringLiteral("no-such-meet"), &error));
        QCOMPARE(error, QStringLiteral("The server has no competition no-such-meet."));
    }
};

QTEST_GUILESS_MAIN(TestPuller)
#include "tst_puller.moc"
