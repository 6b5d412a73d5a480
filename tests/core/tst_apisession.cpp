// The 401 rule: at most one new login per session, and a refusal after it ends the session.
#include "opentrack/apisession.h"
#include "support/apitesting.h"
#include "support/fakehttpserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace meetdesk;

namespace {

// Answers 200 to the token "new", 401 to anything else (or to everything).
void acceptOnly(FakeHttpServer &server, const QByteArray &token)
{
    server.setHandler([token](const FakeHttpServer::Request &r) {
        if (!token.isEmpty() && r.headers.value("authorization") == "Token " + token)
            return FakeHttpServer::reply(200, R"({"ok": true})");
        return FakeHttpServer::reply(401, R"({"detail": "Invalid token."})");
    });
}

} // namespace

class TestApiSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneNewLoginAndTheWaitingRequestsGoAgain()
    {
        FakeHttpServer server;
        acceptOnly(server, "new");
        ApiClient client;
        client.setToken(QStringLiteral("old"));
        ApiSession session(&client);
        int asked = 0;
        session.setReauthenticate([&](std::function<void(const QString &)> answer) {
            ++asked;
            QTimer::singleShot(50, [answer] { answer(QStringLiteral("new")); });
        });
        int ok = 0;
        int answers = 0;
        for (int i = 0; i < 6; ++i) {
            session.get(server.url(QStringLiteral("/api/things/%1/").arg(i)),
                        [&](const ApiResponse &r) {
                            ++answers;
                            ok += r.ok();
                        });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answers, 6, 20000);
        QCOMPARE(ok, 6);
        QCOMPARE(asked, 1);
        QCOMPARE(session.logins(), 1);
        QVERIFY(!session.hasEnded());
        QVERIFY(server.requests.size() <= 12); // each at most once with each token
    }

    void aRefusalAfterTheNewLoginEndsTheSession()
    {
        FakeHttpServer server;
        acceptOnly(server, {});
        ApiClient client;
        client.setToken(QStringLiteral("old"));
        ApiSession session(&client);
        int asked = 0;
        session.setReauthenticate([&](std::function<void(const QString &)> answer) {
            ++asked;
            answer(QStringLiteral("new"));
        });
        QSignalSpy ended(&session, &ApiSession::ended);
        const ApiResponse first = apitesting::waitFor(
            [&](auto done) { session.get(server.url(QStringLiteral("/api/a/")), done); }, 20000);
        QCOMPARE(first.error.kind, ApiError::Kind::Unauthorized);
        QVERIFY2(first.error.message.contains(QStringLiteral("refused the new login")),
                 qPrintable(first.error.message));
        QCOMPARE(asked, 1);
        QCOMPARE(ended.size(), 1);
        QVERIFY(session.hasEnded());

        // Nothing more goes out: later requests are answered at once with the reason.
        const qsizetype sent = server.requests.size();
        const ApiResponse later = apitesting::waitFor([&](auto done) {
            session.send("POST", server.url(QStringLiteral("/api/a/")), "{}", done);
        });
        QCOMPARE(later.error.kind, ApiError::Kind::Unauthorized);
        QCOMPARE(later.error.message, session.endMessage());
        QCOMPARE(server.requests.size(), sent);
        QCOMPARE(asked, 1);
    }

    void noNewLoginEndsTheSession()
    {
        FakeHttpServer server;
        acceptOnly(server, {});
        ApiClient client;
        ApiSession session(&client);
        session.setReauthenticate([](std::function<void(const QString &)> answer) { answer({}); });
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { session.get(server.url(QStringLiteral("/api/a/")), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Unauthorized);
        QVERIFY(session.hasEnded());
        QCOMPARE(session.logins(), 1);
    }

    void withoutAWayToLogInA401EndsAtOnce()
    {
        FakeHttpServer server;
        acceptOnly(server, {});
        ApiClient client;
        ApiSession session(&client);
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { session.get(server.url(QStringLiteral("/api/a/")), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Unauthorized);
        QVERIFY(session.hasEnded());
        QCOMPARE(session.logins(), 0);
        QCOMPARE(server.requests.size(), 1);
    }

    void writesAreCounted()
    {
        FakeHttpServer server;
        server.setHandler(
            [](const FakeHttpServer::Request &) { return FakeHttpServer::reply(200); });
        ApiClient client;
        ApiSession session(&client);
        QVERIFY(apitesting::waitFor([&](auto done) {
                    session.send("PATCH", server.url(QStringLiteral("/api/a/")), "{}", done);
                }).ok());
        QVERIFY(apitesting::waitFor([&](auto done) {
                    session.get(server.url(QStringLiteral("/api/a/")), done);
                }).ok());
        QCOMPARE(session.writes(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiSession)
#include "tst_apisession.moc"
