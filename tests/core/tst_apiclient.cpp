#include "opentrack/apiclient.h"
#include "support/apitesting.h"
#include "support/fakehttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace meetdesk;

namespace {

ApiClient::Policy fastPolicy()
{
    ApiClient::Policy p;
    p.timeoutMs = 500;
    p.baseDelayMs = 10;
    p.maxDelayMs = 50;
    p.maxRetryAfterSeconds = 1;
    return p;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsTokenJsonAndTrailingSlashUrls()
    {
        FakeHttpServer server;
        server.enqueue(201, R"({"id": 1})");
        ApiClient client;
        client.setToken(QStringLiteral("abc"));
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.post(
                server.url(QStringLiteral("/api/competitors/")),
                QJsonArray {QJsonObject {{QStringLiteral("competitor_id"), QStringLiteral("7")}}},
                done);
        });
        QVERIFY(r.ok());
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.object().value(QStringLiteral("id")).toInt(), 1);
        const auto &request = server.requests.first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/competitors/"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Token abc"));
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(request.body, QByteArray(R"([{"competitor_id":"7"}])"));
    }

    void sendsPreWrittenJsonAsItIsAndKeepsTheAnswer()
    {
        FakeHttpServer server;
        server.enqueue(200, R"({"distance": 800, "big": 12345678901234567890})");
        ApiClient client;
        const QByteArray json = R"({"big":12345678901234567890,"distance":800})";
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.sendJson("PATCH", server.url(QStringLiteral("/api/units/1/")), json, done);
        });
        QVERIFY(r.ok());
        QCOMPARE(server.requests.first().method, QByteArray("PATCH"));
        QCOMPARE(server.requests.first().body, json);
        QCOMPARE(server.requests.first().headers.value("content-type"),
                 QByteArray("application/json"));
        QCOMPARE(r.body, QByteArray(R"({"distance": 800, "big": 12345678901234567890})"));
    }

    void loginForm()
    {
        FakeHttpServer server;
        server.enqueue(200, R"({"token": "t0k"})");
        ApiClient client;
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.postForm(server.url(QStringLiteral("/api/get-auth-token/")),
                            {{QStringLiteral("username"), QStringLiteral("sec")},
                             {QStringLiteral("password"), QStringLiteral("a&b=c d")}},
                            done);
        });
        QVERIFY(r.ok());
        QCOMPARE(server.requests.first().body, QByteArray("username=sec&password=a%26b%3Dc%20d"));
        QCOMPARE(server.requests.first().headers.value("content-type"),
                 QByteArray("application/x-www-form-urlencoded"));
    }

    void retriesPassingFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("502") << 502;
        QTest::newRow("503") << 503;
        QTest::newRow("504") << 504;
        QTest::newRow("429") << 429;
    }
    void retriesPassingFailures()
    {
        QFETCH(int, status);
        FakeHttpServer server;
        FakeHttpServer::Reply failing = FakeHttpServer::reply(status, R"({"detail": "busy"})");
        failing.headers = {{"Retry-After", "0"}};
        server.enqueue(failing);
        server.enqueue(failing);
        server.enqueue(200, R"({"ok": true})");
        ApiClient client;
        client.setPolicy(fastPolicy());
        QSignalSpy retrying(&client, &ApiClient::retrying);
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(server.requests.size(), 3);
    }

    void honoursRetryAfter()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply throttled
            = FakeHttpServer::reply(429, R"({"detail": "Request was throttled."})");
        throttled.headers = {{"Retry-After", "1"}};
        server.enqueue(throttled);
        server.enqueue(200);
        ApiClient client;
        client.setPolicy(fastPolicy());
        QSignalSpy retrying(&client, &ApiClient::retrying);
        QElapsedTimer timer;
        timer.start();
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.post(server.url(QStringLiteral("/api/teams/")), QJsonObject {}, done);
        });
        QVERIFY(r.ok());
        QCOMPARE(retrying.first().at(2).toInt(), 1000); // waited what the server asked
        QVERIFY(timer.elapsed() >= 900);
    }

    void givesUpAfterMaxAttempts()
    {
        FakeHttpServer server;
        for (int i = 0; i < 5; ++i)
            server.enqueue(503, R"({"detail": "down for maintenance"})");
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Http);
        QCOMPARE(r.error.message, QStringLiteral("down for maintenance (status 503)"));
        QCOMPARE(r.attempts, 5);
    }

    void doesNotRetryOtherErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("400") << 400
                             << QByteArray(
                                    R"({"slug": ["competition with this slug already exists."]})")
                             << int(ApiError::Kind::Http)
                             << "slug: competition with this slug already exists. (status 400)";
        QTest::newRow("401") << 401 << QByteArray(R"({"detail": "Invalid token."})")
                             << int(ApiError::Kind::Unauthorized) << "Invalid token.";
        QTest::newRow("403")
            << 403
            << QByteArray(R"({"detail": "You do not have permission to perform this action."})")
            << int(ApiError::Kind::Permission)
            << "You do not have permission to perform this action. (status 403)";
        QTest::newRow("404") << 404 << QByteArray(R"({"detail": "Not found."})")
                             << int(ApiError::Kind::Http) << "Not found. (status 404)";
        QTest::newRow("500 permission")
            << 500 << QByteArray("Permission Denied") << int(ApiError::Kind::Permission)
            << "permission denied: this login may not do that (status 500)";
    }
    void doesNotRetryOtherErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.enqueue(status, body);
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.error.message, message);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(server.requests.size(), 1);
    }

    void webPageInsteadOfJson()
    {
        FakeHttpServer server;
        server.enqueue(FakeHttpServer::reply(
            403, "<!DOCTYPE html><html>Checking your browser</html>", "text/html"));
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::WebPage);
        QCOMPARE(r.error.message,
                 QStringLiteral("the server answered with a web page (status 403)"));
    }

    void invalidJson()
    {
        FakeHttpServer server;
        server.enqueue(200, R"({"results": [1, 2)");
        ApiClient client;
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::InvalidJson);
        QVERIFY(
            r.error.message.startsWith(QStringLiteral("the server's answer is not valid JSON")));
    }

    void timeoutThenSuccessForGet()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply silent;
        silent.silent = true;
        server.enqueue(silent);
        server.enqueue(200);
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.attempts, 2);
    }

    void timeoutOfAPostIsReportedNotRepeated()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply silent;
        silent.silent = true;
        server.enqueue(silent);
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.post(server.url(), QJsonObject {}, done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QCOMPARE(r.error.message,
                 QStringLiteral("no answer from 127.0.0.1 within 0.5 seconds: the request may have "
                                "been stored; not repeated"));
        QVERIFY(r.error.maybeStored); // the caller reads back
        QCOMPARE(server.requests.size(), 1);
    }

    void connectionReset()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply drop;
        drop.drop = true;
        server.enqueue(drop); // Qt itself sends once more on a closed connection...
        server.enqueue(drop); // ...and then it is ours to retry
        server.enqueue(200);
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.patch(server.url(QStringLiteral("/api/units/1/")), QJsonObject {}, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(server.requests.size(), 3);
    }

    void gatewayErrorOfAPostMayHaveBeenStored_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("maybeStored");
        QTest::addColumn<int>("requests");
        QTest::newRow("502") << 502 << true << 1;
        QTest::newRow("504") << 504 << true << 1;
        QTest::newRow("400") << 400 << false << 1;
        QTest::newRow("503 is retried") << 503 << false << 5;
    }
    void gatewayErrorOfAPostMayHaveBeenStored()
    {
        QFETCH(int, status);
        QFETCH(bool, maybeStored);
        QFETCH(int, requests);
        FakeHttpServer server;
        for (int i = 0; i < 5; ++i)
            server.enqueue(status, R"({"detail": "gateway"})");
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.post(server.url(QStringLiteral("/api/teams/")), QJsonObject {}, done);
        });
        QCOMPARE(r.status, status);
        QCOMPARE(r.error.maybeStored, maybeStored);
        QCOMPARE(server.requests.size(), requests);
    }

    // Qt's HTTP layer sends a request again by itself when the connection closes before any
    // answer arrives. After a POST the server may have stored the record: nothing may repeat it.
    void postResetOnAKeptAliveConnectionIsNotSentAgain()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply root = FakeHttpServer::reply(200, R"({"teams": "x"})");
        root.keepAlive = true;
        server.enqueue(root);
        FakeHttpServer::Reply reset;
        reset.reset = true;
        server.enqueue(reset);
        server.enqueue(201, R"({"id": 2})"); // what a second POST would get
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse first
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QVERIFY2(first.ok(), qPrintable(first.error.message));
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.post(server.url(QStringLiteral("/api/teams/")),
                        QJsonObject {{QStringLiteral("team_id"), QStringLiteral("RIV")}}, done);
        });
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(server.requests[1].method, QByteArray("POST"));
        QCOMPARE(server.requests[1].connection, server.requests[0].connection); // kept alive
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.maybeStored);
        QCOMPARE(r.attempts, 1);
        QVERIFY2(r.error.message.contains(QStringLiteral("may have been stored; not repeated")),
                 qPrintable(r.error.message));
        QTest::qWait(200); // nothing arrives later either
        QCOMPARE(server.requests.size(), 2);
    }

    void postResetOnAFreshConnectionIsNotSentAgain()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply reset;
        reset.reset = true;
        server.enqueue(reset);
        server.enqueue(201, R"({"id": 2})");
        ApiClient client;
        client.setPolicy(fastPolicy());
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.sendJson("POST", server.url(QStringLiteral("/api/teams/")),
                            R"({"team_id":"RIV"})", done);
        });
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.maybeStored);
        QCOMPARE(server.requests.size(), 1);
    }

    void resetOfAPatchIsRepeated()
    {
        FakeHttpServer server;
        FakeHttpServer::Reply root = FakeHttpServer::reply(200);
        root.keepAlive = true;
        server.enqueue(root);
        FakeHttpServer::Reply reset;
        reset.reset = true;
        server.enqueue(reset);
        server.enqueue(200, R"({"status": "finished"})");
        ApiClient client;
        client.setPolicy(fastPolicy());
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(server.url(), done); }).ok());
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.patch(server.url(QStringLiteral("/api/units/1/")), QJsonObject {}, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.json.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("finished"));
        QCOMPARE(server.requests.size(), 3);
        QVERIFY(!r.error.maybeStored);
    }

    void nothingListening()
    {
        FakeHttpServer server;
        const QUrl url = server.url();
        ApiClient client;
        ApiClient::Policy policy = fastPolicy();
        policy.maxAttempts = 2;
        client.setPolicy(policy);
        QUrl closed = url;
        closed.setPort(1); // nothing listens there
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.post(closed, QJsonObject {}, done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.message.startsWith(QStringLiteral("cannot reach 127.0.0.1: ")));
        QCOMPARE(r.attempts, 2); // refused: nothing was sent, so a POST may go again
    }

    void redirectTurningAPostIntoAGetIsRefused()
    {
        FakeHttpServer server;
        const FakeHttpServer::Reply moved = FakeHttpServer::redirect(
            301, server.url(QStringLiteral("/api/competitors/")).toEncoded());
        server.enqueue(moved);
        ApiClient client;
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.post(server.url(QStringLiteral("/api/competitors")), QJsonObject {}, done);
        });
        QCOMPARE(r.error.kind, ApiError::Kind::Redirect);
        QVERIFY(r.error.message.contains(QStringLiteral("is a trailing slash missing?")));
        QCOMPARE(server.requests.size(), 1); // the GET never went
    }

    void redirectOfAPostWithinTheOriginKeepsTheRequest()
    {
        FakeHttpServer server;
        const FakeHttpServer::Reply moved = FakeHttpServer::redirect(308, "/api/v2/teams/");
        server.enqueue(moved);
        server.enqueue(201, R"({"id": 1})");
        ApiClient client;
        client.setApiRoot(server.url());
        client.setToken(QStringLiteral("abc"));
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.sendJson("POST", server.url(QStringLiteral("/api/teams/")), R"({"a":1})", done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.attempts, 1);
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(server.requests[1].method, QByteArray("POST"));
        QCOMPARE(server.requests[1].path, QByteArray("/api/v2/teams/"));
        QCOMPARE(server.requests[1].body, QByteArray(R"({"a":1})"));
        QCOMPARE(server.requests[1].headers.value("authorization"), QByteArray("Token abc"));
    }

    // Two servers on two ports are two origins.
    void tokenGoesOnlyToTheApiRootsOrigin()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        api.enqueue(200);
        other.enqueue(200);
        ApiClient client;
        client.setApiRoot(api.url());
        client.setToken(QStringLiteral("secret"));
        QVERIFY(client.isTrusted(api.url(QStringLiteral("/api/units/3/"))));
        QVERIFY(!client.isTrusted(other.url()));
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(api.url(), done); }).ok());
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(other.url(), done); }).ok());
        QCOMPARE(api.requests.size(), 1);
        QCOMPARE(other.requests.size(), 1);
        QCOMPARE(api.requests[0].headers.value("authorization"), QByteArray("Token secret"));
        QVERIFY(!other.requests[0].headers.contains("authorization"));
    }

    void withoutAnApiRootTheFirstRequestsOriginIsTrusted()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        api.enqueue(200);
        api.enqueue(200);
        other.enqueue(200);
        ApiClient client;
        client.setToken(QStringLiteral("secret"));
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(api.url(), done); }).ok());
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(other.url(), done); }).ok());
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(api.url(), done); }).ok());
        QCOMPARE(api.requests[1].headers.value("authorization"), QByteArray("Token secret"));
        QVERIFY(!other.requests[0].headers.contains("authorization"));
    }

    void redirectOfAGetToAnotherOriginDropsTheToken()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        const FakeHttpServer::Reply moved
            = FakeHttpServer::redirect(302, other.url(QStringLiteral("/api/hello/")).toEncoded());
        api.enqueue(moved);
        other.enqueue(200, R"({"hello": "there"})");
        ApiClient client;
        client.setApiRoot(api.url());
        client.setToken(QStringLiteral("secret"));
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.get(api.url(QStringLiteral("/api/hello/")), done); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.json.object().value(QStringLiteral("hello")).toString(),
                 QStringLiteral("there"));
        QCOMPARE(api.requests[0].headers.value("authorization"), QByteArray("Token secret"));
        QCOMPARE(other.requests.size(), 1);
        QVERIFY(!other.requests[0].headers.contains("authorization"));
    }

    // An error from the other server says where it came from: not the server the user chose.
    void anErrorAfterARedirectToAnotherOriginNamesIt()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        const QUrl there = other.url(QStringLiteral("/api/hello/"));
        api.enqueue(FakeHttpServer::redirect(302, there.toEncoded()));
        other.enqueue(404, R"({"detail": "Not found."})");
        ApiClient client;
        client.setApiRoot(api.url());
        client.setToken(QStringLiteral("secret"));
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.get(api.url(QStringLiteral("/api/hello/")), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Http);
        QCOMPARE(r.error.message,
                 QStringLiteral("Not found. (status 404), from %1: the server redirected the "
                                "request there, to another server, which got no login")
                     .arg(there.toDisplayString()));
        QVERIFY(!other.requests[0].headers.contains("authorization"));
    }

    void redirectOfAWriteToAnotherOriginIsRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("POST") << QByteArray("POST");
        QTest::newRow("PATCH") << QByteArray("PATCH");
    }
    void redirectOfAWriteToAnotherOriginIsRefused()
    {
        QFETCH(QByteArray, method);
        FakeHttpServer api;
        FakeHttpServer other;
        const FakeHttpServer::Reply moved
            = FakeHttpServer::redirect(307, other.url(QStringLiteral("/api/teams/")).toEncoded());
        api.enqueue(moved);
        other.enqueue(201);
        ApiClient client;
        client.setApiRoot(api.url());
        client.setToken(QStringLiteral("secret"));
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            client.sendJson(method, api.url(QStringLiteral("/api/teams/")), "{}", done);
        });
        QCOMPARE(r.error.kind, ApiError::Kind::Redirect);
        QVERIFY2(r.error.message.contains(QStringLiteral("to another server")),
                 qPrintable(r.error.message));
        QCOMPARE(other.requests.size(), 0);
    }

    void tooManyRedirects()
    {
        FakeHttpServer server;
        for (int i = 0; i < 10; ++i) {
            const FakeHttpServer::Reply moved = FakeHttpServer::redirect(302, "/api/again/");
            server.enqueue(moved);
        }
        ApiClient client;
        const ApiResponse r
            = apitesting::waitFor([&](auto done) { client.get(server.url(), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Redirect);
        QCOMPARE(server.requests.size(), 6);
    }

    void logInAtTheListedAddress()
    {
        FakeHttpServer server;
        server.enqueue(200,
                       FakeHttpServer::listing(QStringLiteral("get-auth-token"),
                                               server.url(QStringLiteral("/api/login/"))));
        server.enqueue(200, R"({"token": "t0k"})");
        server.enqueue(200);
        ApiClient client;
        client.setApiRoot(server.url());
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.logIn(QStringLiteral("sec"), QStringLiteral("pa ss"), done); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(client.token(), QStringLiteral("t0k"));
        QCOMPARE(server.requests[1].path, QByteArray("/api/login/"));
        QCOMPARE(server.requests[1].body, QByteArray("username=sec&password=pa%20ss"));
        QVERIFY(apitesting::waitFor([&](auto done) { client.get(server.url(), done); }).ok());
        QCOMPARE(server.requests[2].headers.value("authorization"), QByteArray("Token t0k"));
    }

    void logInAtTheDocumentedAddressWhenNoneIsListed()
    {
        FakeHttpServer server;
        server.enqueue(200, R"({"competitions": "x"})");
        server.enqueue(200, R"({"token": "t0k"})");
        ApiClient client;
        client.setApiRoot(server.url());
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.logIn(QStringLiteral("sec"), QStringLiteral("pw"), done); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(server.requests[1].path, QByteArray("/api/get-auth-token/"));
    }

    void passwordNeverGoesToAnotherOrigin()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        api.enqueue(200,
                    FakeHttpServer::listing(QStringLiteral("get-auth-token"),
                                            other.url(QStringLiteral("/api/get-auth-token/"))));
        other.enqueue(200, R"({"token": "stolen"})");
        ApiClient client;
        client.setApiRoot(api.url());
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.logIn(QStringLiteral("sec"), QStringLiteral("pw"), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Login);
        QCOMPARE(r.error.message,
                 QStringLiteral("%1 sends its login to %2, another server; Meetdesk gives your "
                                "password only to the server you chose")
                     .arg(api.url().toDisplayString(),
                          other.url(QStringLiteral("/api/get-auth-token/")).toDisplayString()));
        QCOMPARE(other.requests.size(), 0);
        QVERIFY(client.token().isEmpty());
    }

    void loginRedirectedToAnotherOriginIsRefused()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        api.enqueue(200, R"({})");
        const FakeHttpServer::Reply moved = FakeHttpServer::redirect(
            307, other.url(QStringLiteral("/api/get-auth-token/")).toEncoded());
        api.enqueue(moved);
        other.enqueue(200, R"({"token": "stolen"})");
        ApiClient client;
        client.setApiRoot(api.url());
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.logIn(QStringLiteral("sec"), QStringLiteral("pw"), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Redirect);
        QCOMPARE(other.requests.size(), 0);
    }

    void refusedLogIn()
    {
        FakeHttpServer server;
        server.enqueue(200, R"({})");
        server.enqueue(400,
                       R"({"non_field_errors": ["Unable to log in with provided credentials."]})");
        ApiClient client;
        client.setApiRoot(server.url());
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.logIn(QStringLiteral("sec"), QStringLiteral("wrong"), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Http);
        QCOMPARE(r.error.message,
                 QStringLiteral("Unable to log in with provided credentials. (status 400)"));
        QVERIFY(client.token().isEmpty());
    }

    void redirectOfAGetIsFollowed()
    {
        FakeHttpServer server;
        const FakeHttpServer::Reply moved
            = FakeHttpServer::redirect(301, server.url(QStringLiteral("/api/hello/")).toEncoded());
        server.enqueue(moved);
        server.enqueue(200, R"({"hello": "x"})");
        ApiClient client;
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.get(server.url(QStringLiteral("/api/hello")), done); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(server.requests.last().path, QByteArray("/api/hello/"));
    }

    void plainHttpOnlyToThisComputer()
    {
        ApiClient client;
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { client.get(QUrl(QStringLiteral("http://example.org/api/")), done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Insecure);
        QCOMPARE(client.requestsSent(), 0);
    }

    void atMostFourInFlight()
    {
        FakeHttpServer server;
        for (int i = 0; i < 10; ++i) {
            FakeHttpServer::Reply slow;
            slow.delayMs = 100;
            server.enqueue(slow);
        }
        ApiClient client;
        int done = 0;
        for (int i = 0; i < 10; ++i)
            client.get(server.url(), [&](const ApiResponse &r) { done += r.ok(); });
        QCOMPARE(client.inFlight(), 4);
        QCOMPARE(client.queued(), 6);
        QTRY_COMPARE_WITH_TIMEOUT(done, 10, 10000);
        QVERIFY(server.maxConcurrent <= 4);
    }

    void cancelStopsWaitingRequests()
    {
        FakeHttpServer server;
        for (int i = 0; i < 6; ++i) {
            FakeHttpServer::Reply slow;
            slow.delayMs = 100;
            server.enqueue(slow);
        }
        ApiClient client;
        int ok = 0;
        int cancelled = 0;
        for (int i = 0; i < 6; ++i)
            client.get(server.url(), [&](const ApiResponse &r) {
                (r.error.kind == ApiError::Kind::Cancelled ? cancelled : ok)++;
            });
        client.cancelAll();
        QCOMPARE(cancelled, 2); // the two that had not gone yet
        QTRY_COMPARE_WITH_TIMEOUT(ok + cancelled, 6, 5000);
        QCOMPARE(server.requests.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
