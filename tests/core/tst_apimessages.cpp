#include "opentrack/apimessages.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace meetdesk;
using api::Failure;

Q_DECLARE_METATYPE(api::Failure)

class TestApiMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorText_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("text");
        QTest::newRow("field") << QByteArray(
            R"({"slug": ["competition with this slug already exists."]})")
                               << "slug: competition with this slug already exists.";
        QTest::newRow("detail") << QByteArray(R"({"detail": "Invalid token."})")
                                << "Invalid token.";
        QTest::newRow("login") << QByteArray(
            R"({"non_field_errors": ["Unable to log in with provided credentials."]})")
                               << "Unable to log in with provided credentials.";
        QTest::newRow("two fields")
            << QByteArray(
                   R"({"date": ["Enter a valid date."], "country": ["This field is required."]})")
            << "country: This field is required.; date: Enter a valid date.";
        QTest::newRow("bulk") << QByteArray(
            R"([{}, {"competitor_id": ["This field may not be blank."]}, {}])")
                              << "[1] competitor_id: This field may not be blank.";
        QTest::newRow("nested") << QByteArray(R"({"results": {"0": {"bib": ["Required."]}}})")
                                << "results: 0: bib: Required.";
        QTest::newRow("not json") << QByteArray("<html>") << "";
        QTest::newRow("empty") << QByteArray() << "";
    }
    void errorText()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, text);
        QCOMPARE(api::errorText(body), text);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("seconds");
        QTest::newRow("seconds") << QByteArray("7") << 7;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("date") << QByteArray("Sat, 28 Nov 2026 10:00:30 GMT") << 30;
        QTest::newRow("past date") << QByteArray("Sat, 28 Nov 2026 09:00:00 GMT") << 0;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
        QTest::newRow("negative") << QByteArray("-3") << -1;
        QTest::newRow("missing") << QByteArray() << -1;
    }
    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, seconds);
        const QDateTime now(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::utc());
        QCOMPARE(api::retryAfterSeconds(header, now).value_or(-1), seconds);
    }

    void backoff()
    {
        QCOMPARE(api::backoffDelayMs(1, 500, 30000, 0.0), 500);
        QCOMPARE(api::backoffDelayMs(2, 500, 30000, 0.0), 1000);
        QCOMPARE(api::backoffDelayMs(4, 500, 30000, 0.0), 4000);
        QCOMPARE(api::backoffDelayMs(30, 500, 30000, 0.0), 30000); // capped
        QCOMPARE(api::backoffDelayMs(1, 500, 30000, 0.5), 750); // jitter
    }

    void retryable_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retry");
        QTest::newRow("GET timeout") << QByteArray("GET") << Failure::Timeout << 0 << true;
        QTest::newRow("POST timeout") << QByteArray("POST") << Failure::Timeout << 0 << false;
        QTest::newRow("POST refused")
            << QByteArray("POST") << Failure::ConnectionRefused << 0 << true;
        QTest::newRow("PATCH reset") << QByteArray("PATCH") << Failure::ConnectionLost << 0 << true;
        QTest::newRow("POST 429") << QByteArray("POST") << Failure::Status << 429 << true;
        QTest::newRow("POST 503") << QByteArray("POST") << Failure::Status << 503 << true;
        QTest::newRow("POST 502") << QByteArray("POST") << Failure::Status << 502 << false;
        QTest::newRow("GET 504") << QByteArray("GET") << Failure::Status << 504 << true;
        QTest::newRow("GET 500") << QByteArray("GET") << Failure::Status << 500 << false;
        QTest::newRow("GET 404") << QByteArray("GET") << Failure::Status << 404 << false;
        QTest::newRow("PUT 400") << QByteArray("PUT") << Failure::Status << 400 << false;
        QTest::newRow("GET 401") << QByteArray("GET") << Failure::Status << 401 << false;
    }
    void retryable()
    {
        QFETCH(QByteArray, method);
        QFETCH(Failure, failure);
        QFETCH(int, status);
        QFETCH(bool, retry);
        QCOMPARE(api::isRetryable(method, failure, status), retry);
    }

    void urls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://data.opentrack.run/api/" << true;
        QTest::newRow("http loopback") << "http://127.0.0.1:8000/api/" << true;
        QTest::newRow("http localhost") << "http://localhost:8000/api/" << true;
        QTest::newRow("http ipv6 loopback") << "http://[::1]:8000/api/" << true;
        QTest::newRow("http elsewhere") << "http://data.opentrack.run/api/" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1/" << false;
        QTest::newRow("no host") << "https:///api/" << false;
    }
    void urls()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(api::isAllowedUrl(QUrl(url)), allowed);
    }

    void redirects_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("safe");
        const QString from = QStringLiteral("https://data.opentrack.run/api/competitors");
        QTest::newRow("GET 301") << QByteArray("GET") << 301
                                 << "https://data.opentrack.run/api/competitors/" << true;
        QTest::newRow("POST 301 becomes GET")
            << QByteArray("POST") << 301 << "https://data.opentrack.run/api/competitors/" << false;
        QTest::newRow("POST 302") << QByteArray("POST") << 302
                                  << "https://data.opentrack.run/api/competitors/" << false;
        QTest::newRow("POST 308 keeps POST")
            << QByteArray("POST") << 308 << "https://data.opentrack.run/api/competitors/" << true;
        QTest::newRow("PATCH 307")
            << QByteArray("PATCH") << 307 << "https://data.opentrack.run/api/competitors/" << true;
        QTest::newRow("downgrade")
            << QByteArray("GET") << 301 << "http://data.opentrack.run/api/competitors/" << false;
        Q_UNUSED(from);
    }
    void redirects()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        QFETCH(QString, to);
        QFETCH(bool, safe);
        QCOMPARE(api::isSafeRedirect(
                     method, status,
                     QUrl(QStringLiteral("https://data.opentrack.run/api/competitors")), QUrl(to)),
                 safe);
    }

    void html()
    {
        QVERIFY(api::looksLikeHtml("text/html; charset=utf-8", "{}"));
        QVERIFY(api::looksLikeHtml("application/octet-stream", "  <!DOCTYPE html><html>"));
        QVERIFY(!api::looksLikeHtml("application/json", "{\"a\": \"<html>\"}"));
    }

    void collections()
    {
        // (not a raw string: moc reads the // in one as a comment)
        const QJsonObject root
            = QJsonDocument::fromJson("{\"competitors\": \"https://x/api/competitors/\"}").object();
        QCOMPARE(api::collectionUrl(root, QStringLiteral("competitors")),
                 QUrl(QStringLiteral("https://x/api/competitors/")));
        QVERIFY(api::collectionUrl(root, QStringLiteral("relay-teams")).isEmpty());
        QCOMPARE(api::withTrailingSlash(QUrl(QStringLiteral("https://x/api/units/3"))),
                 QUrl(QStringLiteral("https://x/api/units/3/")));
        QCOMPARE(api::withTrailingSlash(QUrl(QStringLiteral("https://x/api/"))),
                 QUrl(QStringLiteral("https://x/api/")));
    }
};

QTEST_GUILESS_MAIN(TestApiMessages)
#include "tst_apimessages.moc"
