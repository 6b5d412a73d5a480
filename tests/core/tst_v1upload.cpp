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
        const QJsonObject v1 = V1Upload::document(doc->competition());
        QCOMPARE(v1.value(QStringLiteral("country_id")).toString(), QStringLiteral("GBR"));
        QVERIFY(v1.contains(QStringLiteral("organiser_id")));
        QVERIFY(!v1.contains(QStringLiteral("meetdesk")));
        QVERIFY(v1.value(QStringLiteral("events"))
                    .toArray()[0]
                    .toObject()
                    .value(QStringLiteral("age_groups"))
                    .isArray());
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
