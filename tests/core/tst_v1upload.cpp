#include "opentrack/payload.h"
#include "opentrack/v1upload.h"
#include "support/sandboxserver.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace meetdesk;

class TestV1Upload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentUsesV1Names()
    {
        auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("current-nested.json")));
        const JsonValue v1 = V1Upload::document(doc->competition());
        QCOMPARE(payload::textOf(v1, u"country_id"), QStringLiteral("GBR"));
        QVERIFY(v1.find(u"organiser_id"));
        QVERIFY(!v1.find(u"meetdesk"));
        QVERIFY(v1.find(u"events")->items()[0].find(u"age_groups")->isArray());
    }

    void theV1RootFromTheApiRoot_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("root");
        QTest::newRow("api root") << QStringLiteral("https://api.opentrack.run/api/")
                                  << QStringLiteral("https://api.opentrack.run/api/v1/");
        QTest::newRow("no slash") << QStringLiteral("https://test-api.opentrack.run/api")
                                  << QStringLiteral("https://test-api.opentrack.run/api/v1/");
        QTest::newRow("v1 root") << QStringLiteral("https://api.opentrack.run/api/v1/")
                                 << QStringLiteral("https://api.opentrack.run/api/v1/");
        QTest::newRow("a query goes") << QStringLiteral("http://127.0.0.1:8000/api/?x=1")
                                      << QStringLiteral("http://127.0.0.1:8000/api/v1/");
        QTest::newRow("a competition page")
            << QStringLiteral("https://opentrack.run/x/2026/") << QString();
        QTest::newRow("no host") << QStringLiteral("api/") << QString();
    }
    void theV1RootFromTheApiRoot()
    {
        QFETCH(QString, given);
        QFETCH(QString, root);
        const std::optional<QUrl> found = V1Upload::v1RootFor(QUrl(given));
        QCOMPARE(found ? found->toString() : QString(), root);
    }

    void uploadToTheSandbox()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        ApiClient client;
        V1Upload upload(&client, sandbox.url(QStringLiteral("/api/v1/")));
        QString loginError = QStringLiteral("pending");
        upload.login(QStringLiteral("federation"), QStringLiteral("wrong"),
                     [&](const QString &e) { loginError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(loginError != u"pending", 30000);
        QCOMPARE(loginError,
                 QStringLiteral("Unable to log in with provided credentials. (status 400)"));
        loginError = QStringLiteral("pending");
        upload.login(QStringLiteral("federation"), QStringLiteral("federation-pass"),
                     [&](const QString &e) { loginError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(loginError != u"pending", 30000);
        QVERIFY2(loginError.isEmpty(), qPrintable(loginError));

        auto doc = testdata::loadDocument();
        ApiResponse response;
        bool done = false;
        upload.upload(doc->competition(), [&](const ApiResponse &r) {
            response = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(response.status, 201);
        QCOMPARE(response.json.object().value(QStringLiteral("slug")).toString(),
                 QStringLiteral("riverside-open-2026"));
    }
};

QTEST_GUILESS_MAIN(TestV1Upload)
#include "tst_v1upload.moc"
