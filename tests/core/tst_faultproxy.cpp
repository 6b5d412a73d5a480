// The fault proxy's launcher (tests/support/faultproxy.h) in front of the sandbox, seen from a
// plain QNetworkAccessManager: what each rule does to a Qt client, and that a reset after a
// forwarded POST on a kept-alive connection is where Qt sends the POST again by itself.
#include "support/faultproxy.h"
#include "support/sandboxserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace {

struct Reply
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonDocument json;
};

// Waits for one reply; a reply that does not finish fails the test.
Reply waitFor(QNetworkReply *reply, int timeoutMs = 60000)
{
    Reply r;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs)) {
        QTest::qFail("the reply did not finish", __FILE__, __LINE__);
        return r;
    }
    r.finished = true;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    if (reply->isOpen())
        r.json = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    return r;
}

QNetworkRequest jsonRequest(const QUrl &url, const QString &token)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Token " + token.toUtf8());
    return request;
}

QJsonArray entries(const QJsonArray &log, const QString &method, const QString &path)
{
    QJsonArray out;
    for (const QJsonValue &v : log) {
        if (v[QStringLiteral("method")].toString() == method
            && v[QStringLiteral("path")].toString() == path)
            out.append(v);
    }
    return out;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<FaultProxy> m_proxy;
    QUrl m_root; // the sandbox's API root, through the proxy

    QUrl api(const QString &path) const { return m_root.resolved(QUrl(path)); }

    QString logIn(QNetworkAccessManager &network)
    {
        QNetworkRequest request(api(QStringLiteral("get-auth-token/")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        const Reply r = waitFor(
            network.post(request, QByteArray("username=federation&password=federation-pass")));
        return r.json[QStringLiteral("token")].toString();
    }

    QString createCompetition(QNetworkAccessManager &network, const QString &token)
    {
        const QJsonObject competition {
            {QStringLiteral("slug"), QStringLiteral("proxied")},
            {QStringLiteral("full_name"), QStringLiteral("Proxied")},
            {QStringLiteral("country"), QStringLiteral("GBR")},
            {QStringLiteral("date"), QStringLiteral("2026-06-10")},
            {QStringLiteral("finish_date"), QStringLiteral("2026-06-10")}};
        const Reply r
            = waitFor(network.post(jsonRequest(api(QStringLiteral("competitions/")), token),
                                   QJsonDocument(competition).toJson()));
        return r.json[QStringLiteral("id")].toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No unique keys: a POST that arrives twice is stored twice, where it can be counted.
        m_sandbox = std::make_unique<SandboxServer>(QStringLiteral("no-unique-keys"));
        QVERIFY2(m_sandbox->isRunning(), qPrintable(m_sandbox->startError()));
        m_proxy = std::make_unique<FaultProxy>(m_sandbox->apiRoot());
        QVERIFY2(m_proxy->isRunning(), qPrintable(m_proxy->startError()));
        m_root = m_proxy->through(m_sandbox->apiRoot());
        QCOMPARE_NE(m_root.port(), m_sandbox->apiRoot().port());
    }

    void init()
    {
        m_sandbox->post(QStringLiteral("/sandbox/reset/"), "{}");
        m_sandbox->clearFaults();
        m_proxy->reset();
    }

    void forwardsOnAKeptAliveConnection()
    {
        QNetworkAccessManager network;
        const Reply first = waitFor(network.get(QNetworkRequest(m_root)));
        const Reply second = waitFor(network.get(QNetworkRequest(m_root)));
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        // The upstream sees the client's Host, so its links lead back through the proxy.
        QCOMPARE(QUrl(first.json[QStringLiteral("teams")].toString()).port(), m_root.port());
        const QJsonArray log = m_proxy->log();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[1][QStringLiteral("connection")], log[0][QStringLiteral("connection")]);
        QCOMPARE(log[1][QStringLiteral("index")].toInt(), 2);
        QCOMPARE(log[1][QStringLiteral("action")].toString(), QStringLiteral("forward"));
    }

    void qtSendsThePostAgainAfterAResetOnAKeptAliveConnection()
    {
        QNetworkAccessManager network;
        const QString token = logIn(network);
        QVERIFY(!token.isEmpty());
        const QString competition = createCompetition(network, token);
        QVERIFY(!competition.isEmpty());
        m_proxy->addRule({{QStringLiteral("method"), QStringLiteral("POST")},
                          {QStringLiteral("path"), QStringLiteral("/api/competitors/")},
                          {QStringLiteral("reused"), true},
                          {QStringLiteral("action"), QStringLiteral("reset-after-forward")}});
        const QJsonArray people {
            QJsonObject {{QStringLiteral("competition"), competition},
                         {QStringLiteral("competitor_id"), QStringLiteral("371")}}};
        const QByteArray body = QJsonDocument(people).toJson();
        const Reply r
            = waitFor(network.post(jsonRequest(api(QStringLiteral("competitors/")), token), body));
        QVERIFY(r.finished);

        const QJsonArray proxied
            = entries(m_proxy->log(), QStringLiteral("POST"), QStringLiteral("/api/competitors/"));
        QVERIFY(!proxied.isEmpty());
        QCOMPARE(proxied[0][QStringLiteral("action")].toString(),
                 QStringLiteral("reset-after-forward"));
        QVERIFY(proxied[0][QStringLiteral("index")].toInt() > 1); // on a kept-alive connection
        QCOMPARE(proxied[0][QStringLiteral("status")].toInt(), 201); // stored before the reset
        // Qt saw the connection reset before any answer and sent the same POST again, on a
        // new connection: the server now holds the competitor twice. ApiClient must prevent it.
        QCOMPARE(proxied.size(), 2);
        QVERIFY(proxied[1][QStringLiteral("connection")]
                != proxied[0][QStringLiteral("connection")]);
        QCOMPARE(r.status, 201);
        const QJsonArray stored = entries(m_sandbox->log(), QStringLiteral("POST"),
                                          QStringLiteral("/api/competitors/"));
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[0][QStringLiteral("body")], stored[1][QStringLiteral("body")]);
    }

    void persistentUnauthorized()
    {
        m_proxy->addRule({{QStringLiteral("path"), QStringLiteral("/api/hello/")},
                          {QStringLiteral("action"), QStringLiteral("unauthorized")},
                          {QStringLiteral("always"), true}});
        QNetworkAccessManager network;
        const QString token = logIn(network);
        for (int i = 0; i < 3; ++i) {
            const Reply r = waitFor(network.get(jsonRequest(api(QStringLiteral("hello/")), token)));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json[QStringLiteral("detail")].toString(), QStringLiteral("Invalid token."));
        }
        QCOMPARE(
            entries(m_sandbox->log(), QStringLiteral("GET"), QStringLiteral("/api/hello/")).size(),
            0);
    }

    void stall()
    {
        m_proxy->addRule({{QStringLiteral("path"), QStringLiteral("/api/")},
                          {QStringLiteral("action"), QStringLiteral("stall")},
                          {QStringLiteral("seconds"), 3}});
        QNetworkAccessManager network;
        QNetworkRequest request(m_root);
        request.setTransferTimeout(1000);
        const Reply r = waitFor(network.get(request));
        QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // Qt's transfer timeout
        QCOMPARE(m_proxy->log()[0][QStringLiteral("action")].toString(), QStringLiteral("stall"));
    }

    void redirectToTheOtherHost()
    {
        m_proxy->addRule({{QStringLiteral("method"), QStringLiteral("GET")},
                          {QStringLiteral("path"), QStringLiteral("/api/hello/")},
                          {QStringLiteral("action"), QStringLiteral("redirect")},
                          {QStringLiteral("status"), 302}});
        QNetworkAccessManager network;
        QNetworkRequest request(api(QStringLiteral("hello/?x=1")));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("Authorization", "Token not-for-others");
        const Reply r = waitFor(network.get(request));
        QCOMPARE(r.status, 302);
        const QUrl expected
            = m_proxy->otherHost().resolved(QUrl(QStringLiteral("/api/hello/?x=1")));
        QCOMPARE(m_proxy->log()[0][QStringLiteral("location")].toString(), expected.toString());

        // What the other host records when a client goes there with the header.
        QNetworkRequest follow(expected);
        follow.setRawHeader("Authorization", "Token not-for-others");
        QCOMPARE(waitFor(network.get(follow)).status, 404);
        const QJsonArray seen = m_proxy->otherLog();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0][QStringLiteral("path")].toString(), QStringLiteral("/api/hello/?x=1"));
        QCOMPARE(seen[0][QStringLiteral("headers")][QStringLiteral("Authorization")].toString(),
                 QStringLiteral("Token not-for-others"));
    }

    void latency()
    {
        FaultProxy slow(m_sandbox->apiRoot(), 250);
        QVERIFY2(slow.isRunning(), qPrintable(slow.startError()));
        QNetworkAccessManager network;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(waitFor(network.get(QNetworkRequest(slow.through(m_sandbox->apiRoot())))).status,
                 200);
        QVERIFY(timer.elapsed() >= 250);
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
