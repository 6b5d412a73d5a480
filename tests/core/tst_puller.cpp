#include "opentrack/payload.h"
#include "opentrack/publisher.h"
#include "opentrack/puller.h"
#include "support/apitesting.h"
#include "support/fakeopentrack.h"
#include "support/sandboxserver.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

[[nodiscard]] std::unique_ptr<Document> pull(ApiClient &client, const QUrl &root,
                                             const QString &competition, QString *error)
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
        *error = QStringLiteral("the pull did not finish within 120 s (test)");
    return result;
}

// Every record of a, with every field it would send, is in b: the differences, in words.
QStringList lostFields(const Competition &a, const Competition &b)
{
    QHash<QString, const Node *> pulled;
    payload::forEachRecord(b,
                           [&pulled](const Node &n) { pulled.insert(payload::naturalKey(n), &n); });
    QStringList lost;
    payload::forEachRecord(a, [&](const Node &n) {
        const QString key = payload::naturalKey(n);
        const Node *other = pulled.value(key);
        if (!other) {
            lost.append(key + QStringLiteral(": missing"));
            return;
        }
        const JsonValue sent = payload::of(n);
        for (const QString &field : payload::notStored(sent, payload::of(*other))) {
            const JsonValue *value = sent.find(field); // nullptr for a place inside a list
            if (!value || !payload::isEmpty(value)) // an empty value comes back as none
                lost.append(key + QStringLiteral(": ") + field);
        }
    });
    return lost;
}

} // namespace

class TestPuller : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient m_client;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY2(m_sandbox->isRunning(), qPrintable(m_sandbox->startError()));
        QVERIFY(!apitesting::logInAsFederation(m_client, m_sandbox->apiRoot()).isEmpty());
    }

    void init() { m_sandbox->post(QStringLiteral("/sandbox/reset/"), "{}"); }

    void pullWhatWasPublished()
    {
        auto original = testdata::loadDocument();
        const auto first = apitesting::publish(m_client, *original, m_sandbox->apiRoot());
        QVERIFY2(first.complete(), qPrintable(first.problems()));

        QString error;
        auto pulled
            = pull(m_client, m_sandbox->apiRoot(), QStringLiteral("riverside-open-2026"), &error);
        QVERIFY2(pulled, qPrintable(error));
        const Competition &a = original->competition();
        const Competition &b = pulled->competition();
        QCOMPARE(b.competitors.size(), a.competitors.size());
        const QStringList lost = lostFields(a, b);
        QVERIFY2(lost.isEmpty(), qPrintable(lost.join(u'\n')));
        for (const auto &e : b.events) {
            if (e->eventId == u"F02")
                QVERIFY(e->units[0]->isVerticalJump());
        }
        QVERIFY(b.extras.empty()); // the server's ids and links stay in the sync state
        // Corrections start here: publishing the pulled document as it is writes nothing.
        const auto again = apitesting::publish(m_client, *pulled, m_sandbox->apiRoot());
        QVERIFY2(again.complete(), qPrintable(again.problems()));
        QCOMPARE(again.report.writes, 0);

        // By id too.
        const QString id = SyncState::fromMeetdesk(pulled->meetdeskData())
                               .record(QStringLiteral("competition"))
                               ->id;
        QVERIFY2(pull(m_client, m_sandbox->apiRoot(), id, &error), qPrintable(error));
        QVERIFY(!pull(m_client, m_sandbox->apiRoot(), QStringLiteral("no-such-meet"), &error));
        QCOMPARE(error, QStringLiteral("The server has no competition no-such-meet."));
    }

    // Every field the file sent comes back, numbers by value (800 and "800" alike).
    void everyFieldSentComesBack()
    {
        auto original = testdata::loadDocument(
            testdata::fixturePath(QStringLiteral("full-competition.json")));
        const auto published = apitesting::publish(m_client, *original, m_sandbox->apiRoot());
        QVERIFY2(published.complete(), qPrintable(published.problems()));
        QVERIFY(published.report.notStored.isEmpty());
        QString error;
        auto pulled
            = pull(m_client, m_sandbox->apiRoot(), QStringLiteral("lakeside-open-2026"), &error);
        QVERIFY2(pulled, qPrintable(error));
        const QStringList lost = lostFields(original->competition(), pulled->competition());
        QVERIFY2(lost.isEmpty(), qPrintable(lost.join(u'\n')));
    }

    // Finding 1 for pull: a server that ignores ?slug= lists another competition first.
    void theCompetitionIsFoundBySlugNotByFilter()
    {
        FakeOpenTrack server;
        server.add(QStringLiteral("competitions"),
                   {{QStringLiteral("slug"), QStringLiteral("county-champs-2026")},
                    {QStringLiteral("full_name"), QStringLiteral("County Championships")}});
        ApiClient client;
        QString error;
        QVERIFY(!pull(client, server.apiRoot(), QStringLiteral("riverside-open-2026"), &error));
        QCOMPARE(error, QStringLiteral("The server has no competition riverside-open-2026."));

        server.add(QStringLiteral("competitions"),
                   {{QStringLiteral("slug"), QStringLiteral("riverside-open-2026")},
                    {QStringLiteral("full_name"), QStringLiteral("Riverside Open")}});
        auto pulled = pull(client, server.apiRoot(), QStringLiteral("riverside-open-2026"), &error);
        QVERIFY2(pulled, qPrintable(error));
        QCOMPARE(pulled->competition().fullName, QStringLiteral("Riverside Open"));
    }
};

QTEST_GUILESS_MAIN(TestPuller)
#include "tst_puller.moc"
