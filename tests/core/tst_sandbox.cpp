// The client against the local OpenTrack-compatible sandbox (tests/sandbox): what the sandbox
// serves, and that ApiClient copes with its faults.
#include "opentrack/apiclient.h"
#include "opentrack/apimessages.h"
#include "support/apitesting.h"
#include "support/sandboxserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace meetdesk;

namespace { } // namespace

class TestSandbox : public QObject
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
        policy.maxDelayMs = 200;
        policy.timeoutMs = 3000;
        m_client.setPolicy(policy);
        const ApiResponse root
            = apitesting::waitFor([&](auto done) { m_client.get(m_sandbox->apiRoot(), done); });
        QVERIFY2(root.ok(), qPrintable(root.error.message));
        m_root = root.json.object();
    }

    void init()
    {
        QVERIFY(m_sandbox->post(QStringLiteral("/sandbox/reset/"), "{}").contains("reset"));
    }

    void discoversCollections()
    {
        for (const char *name :
             {"competitions", "competitors", "teams", "events", "relay-teams", "my-competitions"})
            QVERIFY2(api::collectionUrl(m_root, QString::fromLatin1(name)).isValid(), name);
    }

    void loginAndHello()
    {
        ApiClient client;
        QCOMPARE(apitesting::logIn(client, m_sandbox->apiRoot(), QStringLiteral("federation"),
                                   QStringLiteral("wrong")),
                 QString());
        const ApiResponse bad = apitesting::waitFor([&](auto done) {
            client.postForm(m_sandbox->apiRoot().resolved(QUrl(QStringLiteral("get-auth-token/"))),
                            {{QStringLiteral("username"), QStringLiteral("x")},
                             {QStringLiteral("password"), QStringLiteral("y")}},
                            done);
        });
        QCOMPARE(bad.error.message,
                 QStringLiteral("Unable to log in with provided credentials. (status 400)"));
        const QString token
            = apitesting::logIn(client, m_sandbox->apiRoot(), QStringLiteral("director"),
                                QStringLiteral("director-pass"));
        QVERIFY(!token.isEmpty());
        client.setToken(token);
        const ApiResponse hello = apitesting::waitFor([&](auto done) {
            client.get(api::collectionUrl(m_root, QStringLiteral("hello")), done);
        });
        QCOMPARE(hello.json.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Hello, Meeting Director <director@sandbox.invalid>!"));
        const ApiResponse mine = apitesting::waitFor([&](auto done) {
            client.get(api::collectionUrl(m_root, QStringLiteral("my-competitions")), done);
        });
        const QJsonArray list = mine.json.object().value(QStringLiteral("competitions")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QStringLiteral("slug")).toString(),
                 QStringLiteral("sandbox-director-meet"));
        // A director may not create competitions: OpenTrack's documented "500: Permission Denied".
        const ApiResponse create = apitesting::waitFor([&](auto done) {
            client.post(api::collectionUrl(m_root, QStringLiteral("competitions")),
                        QJsonObject {{QStringLiteral("slug"), QStringLiteral("x")}}, done);
        });
        QCOMPARE(create.status, 500);
        QCOMPARE(create.error.kind, ApiError::Kind::Permission);
        QCOMPARE(create.error.message,
                 QStringLiteral("permission denied: this login may not do that (status 500)"));
        client.setToken(QStringLiteral("not-a-token"));
        const ApiResponse expired = apitesting::waitFor([&](auto done) {
            client.get(api::collectionUrl(m_root, QStringLiteral("hello")), done);
        });
        QCOMPARE(expired.error.kind, ApiError::Kind::Unauthorized);
        QCOMPARE(expired.error.message, QStringLiteral("Invalid token."));
    }

    void competitionWithChildren()
    {
        m_client.setToken(apitesting::logIn(m_client, m_sandbox->apiRoot(),
                                            QStringLiteral("federation"),
                                            QStringLiteral("federation-pass")));
        const ApiResponse competition = apitesting::waitFor([&](auto done) {
            m_client.post(
                api::collectionUrl(m_root, QStringLiteral("competitions")),
                QJsonObject {{QStringLiteral("slug"), QStringLiteral("club-open")},
                             {QStringLiteral("full_name"), QStringLiteral("Club Open")},
                             {QStringLiteral("country"), QStringLiteral("GBR")},
                             {QStringLiteral("date"), QStringLiteral("2026-05-16")},
                             {QStringLiteral("finish_date"), QStringLiteral("2026-05-16")}},
                done);
        });
        QVERIFY2(competition.ok(), qPrintable(competition.error.message));
        const QString id = competition.json.object().value(QStringLiteral("id")).toString();

        QJsonArray people;
        for (int i = 0; i < 120; ++i)
            people.append(QJsonObject {{QStringLiteral("competition"), id},
                                       {QStringLiteral("competitor_id"), QString::number(100 + i)},
                                       {QStringLiteral("first_name"), QStringLiteral("A")},
                                       {QStringLiteral("shoe_size"), 42}});
        const ApiResponse bulk = apitesting::waitFor([&](auto done) {
            m_client.post(api::collectionUrl(m_root, QStringLiteral("competitors")), people, done);
        });
        QVERIFY2(bulk.ok(), qPrintable(bulk.error.message));
        QCOMPARE(bulk.json.array().size(), 120);
        QVERIFY(!bulk.json.array()[0].toObject().contains(
            QStringLiteral("shoe_size"))); // not kept, not echoed

        QUrl page = api::collectionUrl(m_root, QStringLiteral("competitors"));
        page.setQuery(QStringLiteral("competition=%1&limit=50").arg(id));
        const ApiResponse first = apitesting::waitFor([&](auto done) { m_client.get(page, done); });
        QCOMPARE(first.json.object().value(QStringLiteral("count")).toInt(), 120);
        QVERIFY(first.json.object().value(QStringLiteral("next")).isString());

        const ApiResponse event = apitesting::waitFor([&](auto done) {
            m_client.post(api::collectionUrl(m_root, QStringLiteral("events")),
                          QJsonObject {{QStringLiteral("competition"), id},
                                       {QStringLiteral("event_id"), QStringLiteral("T01")},
                                       {QStringLiteral("event_code"), QStringLiteral("100")},
                                       {QStringLiteral("rounds"), QStringLiteral("8,3,1")}},
                          done);
        });
        const QJsonArray units = event.json.object().value(QStringLiteral("units")).toArray();
        QCOMPARE(units.size(), 12);
        const QUrl unit(units.last().toObject().value(QStringLiteral("url")).toString());
        QJsonArray results {QJsonObject {{QStringLiteral("bib"), QStringLiteral("101")},
                                         {QStringLiteral("place"), 1},
                                         {QStringLiteral("performance"), QStringLiteral("10.37")},
                                         {QStringLiteral("wind"), QStringLiteral("+1.2")},
                                         {QStringLiteral("reaction"), 0.14}}};
        const ApiResponse patched = apitesting::waitFor([&](auto done) {
            m_client.patch(unit,
                           QJsonObject {{QStringLiteral("results"), results},
                                        {QStringLiteral("status"), QStringLiteral("finished")}},
                           done);
        });
        QVERIFY2(patched.ok(), qPrintable(patched.error.message));
        const QJsonObject stored
            = patched.json.object().value(QStringLiteral("results")).toArray()[0].toObject();
        QCOMPARE(stored.value(QStringLiteral("wind")).toString(), QStringLiteral("+1.2"));
        QVERIFY(!stored.contains(QStringLiteral("reaction")));
    }

    void postWithoutTrailingSlashIsRefusedNotTurnedIntoAGet()
    {
        m_client.setToken(apitesting::logIn(m_client, m_sandbox->apiRoot(),
                                            QStringLiteral("federation"),
                                            QStringLiteral("federation-pass")));
        QUrl slashless = api::collectionUrl(m_root, QStringLiteral("teams"));
        slashless.setPath(slashless.path().chopped(1));
        const ApiResponse r = apitesting::waitFor(
            [&](auto done) { m_client.post(slashless, QJsonObject {}, done); });
        QCOMPARE(r.error.kind, ApiError::Kind::Redirect);
    }

    void retriesInjectedFaults_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::newRow("503") << QByteArray("503");
        QTest::newRow("502") << QByteArray("502");
        QTest::newRow("429") << QByteArray("429");
        QTest::newRow("drop") << QByteArray("drop");
    }
    void retriesInjectedFaults()
    {
        QFETCH(QByteArray, kind);
        m_client.setToken(apitesting::logIn(m_client, m_sandbox->apiRoot(),
                                            QStringLiteral("federation"),
                                            QStringLiteral("federation-pass")));
        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"GET\", \"path\": \"/api/hello/\", \"count\": 2, "
                        "\"retry_after\": 0, \"kind\": \""
                            + kind + "\"}");
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            m_client.get(api::collectionUrl(m_root, QStringLiteral("hello")), done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(r.attempts >= 2);
    }

    void webPageAndStall()
    {
        m_client.setToken(apitesting::logIn(m_client, m_sandbox->apiRoot(),
                                            QStringLiteral("federation"),
                                            QStringLiteral("federation-pass")));
        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"GET\", \"path\": \"/api/hello/\", \"kind\": \"html\"}");
        const ApiResponse page = apitesting::waitFor([&](auto done) {
            m_client.get(api::collectionUrl(m_root, QStringLiteral("hello")), done);
        });
        QCOMPARE(page.error.message,
                 QStringLiteral("the server answered with a web page (status 403)"));

        m_sandbox->post(QStringLiteral("/sandbox/faults/"),
                        "{\"method\": \"POST\", \"path\": \"/api/teams/\", \"kind\": \"stall\", "
                        "\"seconds\": 5}");
        const ApiResponse stalled = apitesting::waitFor([&](auto done) {
            m_client.post(api::collectionUrl(m_root, QStringLiteral("teams")), QJsonObject {},
                          done);
        });
        QCOMPARE(stalled.error.kind, ApiError::Kind::Timeout);
        QVERIFY(m_sandbox->get(QStringLiteral("/sandbox/log/")).contains("\"fault\": \"html\""));
    }

    void withoutRelayTeams()
    {
        SandboxServer plain(QStringLiteral("no-relay-teams"));
        QVERIFY2(plain.isRunning(), qPrintable(plain.startError()));
        ApiClient client;
        const ApiResponse root
            = apitesting::waitFor([&](auto done) { client.get(plain.apiRoot(), done); });
        QVERIFY(root.ok());
        QVERIFY(api::collectionUrl(root.json.object(), QStringLiteral("competitors")).isValid());
        QVERIFY(!api::collectionUrl(root.json.object(), QStringLiteral("relay-teams")).isValid());
    }

    void v1NestedPost()
    {
        ApiClient v1;
        const ApiResponse token = apitesting::waitFor([&](auto done) {
            v1.postForm(m_sandbox->url(QStringLiteral("/api/v1/auth/token")),
                        {{QStringLiteral("username"), QStringLiteral("federation")},
                         {QStringLiteral("password"), QStringLiteral("federation-pass")}},
                        done);
        });
        v1.setToken(token.json.object().value(QStringLiteral("access_token")).toString(), "Bearer");
        const QJsonObject document {
            {QStringLiteral("slug"), QStringLiteral("v1-meet")},
            {QStringLiteral("full_name"), QStringLiteral("V1 Meet")},
            {QStringLiteral("country_id"), QStringLiteral("GBR")},
            {QStringLiteral("date"), QStringLiteral("2026-06-06")},
            {QStringLiteral("finish_date"), QStringLiteral("2026-06-06")},
            {QStringLiteral("competitors"),
             QJsonArray {QJsonObject {{QStringLiteral("competitor_id"), QStringLiteral("11")}}}},
            {QStringLiteral("events"),
             QJsonArray {
                 QJsonObject {{QStringLiteral("event_id"), QStringLiteral("F01")},
                              {QStringLiteral("event_code"), QStringLiteral("LJ")},
                              {QStringLiteral("age_groups"), QJsonArray {QStringLiteral("SEN")}},
                              {QStringLiteral("units"),
                               QJsonArray {QJsonObject {
                                   {QStringLiteral("round"), 1},
                                   {QStringLiteral("heat"), 1},
                                   {QStringLiteral("trials"),
                                    QJsonArray {QJsonObject {
                                        {QStringLiteral("bib"), QStringLiteral("11")},
                                        {QStringLiteral("round"), 1},
                                        {QStringLiteral("result"), QStringLiteral("x")}}}}}}}}}}};
        const ApiResponse r = apitesting::waitFor([&](auto done) {
            v1.post(m_sandbox->url(QStringLiteral("/api/v1/competitions/")), document, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.object().value(QStringLiteral("slug")).toString(),
                 QStringLiteral("v1-meet"));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
