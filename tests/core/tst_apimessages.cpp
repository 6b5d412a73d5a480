#include "opentrack/apimessages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace meetdesk;
using api::Failure;

Q_DECLARE_METATYPE(api::Failure)
Q_DECLARE_METATYPE(api::Redirect)

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

    // OpenTrack's documentation: a permission problem "will normally get a 500: Permission
    // Denied error"; Django REST framework's own answer is 403.
    void permissionDenied_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("denied");
        QTest::newRow("OpenTrack's 500") << 500 << QByteArray("Permission Denied") << true;
        QTest::newRow("with a newline") << 500 << QByteArray("Permission Denied\n") << true;
        QTest::newRow("403") << 403 << QByteArray(R"({"detail": "No."})") << true;
        QTest::newRow("another 500") << 500 << QByteArray("Server Error") << false;
        QTest::newRow("400 saying it") << 400 << QByteArray("Permission Denied") << false;
    }

    void permissionDenied()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, denied);
        QCOMPARE(api::isPermissionDenied(status, body), denied);
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
        QTest::addColumn<api::Redirect>("verdict");
        using R = api::Redirect;
        const QString same = QStringLiteral("https://data.opentrack.run/api/competitors/");
        QTest::newRow("GET 301") << QByteArray("GET") << 301 << same << R::Follow;
        QTest::newRow("POST 301 becomes GET")
            << QByteArray("POST") << 301 << same << R::ChangesMethod;
        QTest::newRow("POST 302") << QByteArray("POST") << 302 << same << R::ChangesMethod;
        QTest::newRow("POST 303") << QByteArray("POST") << 303 << same << R::ChangesMethod;
        QTest::newRow("POST 308 keeps POST") << QByteArray("POST") << 308 << same << R::Follow;
        QTest::newRow("PATCH 307") << QByteArray("PATCH") << 307 << same << R::Follow;
        QTest::newRow("downgrade") << QByteArray("GET") << 301
                                   << "http://data.opentrack.run/api/competitors/" << R::Downgrade;
        QTest::newRow("GET to another host")
            << QByteArray("GET") << 302 << "https://cdn.example.org/competitors/" << R::Follow;
        QTest::newRow("POST 307 to another host")
            << QByteArray("POST") << 307 << "https://evil.example.org/api/competitors/"
            << R::OtherOrigin;
        QTest::newRow("PATCH 308 to another port")
            << QByteArray("PATCH") << 308 << "https://data.opentrack.run:8443/api/competitors/"
            << R::OtherOrigin;
        QTest::newRow("DELETE 307 to another host")
            << QByteArray("DELETE") << 307 << "https://evil.example.org/api/competitors/"
            << R::OtherOrigin;
    }
    void redirects()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        QFETCH(QString, to);
        QFETCH(api::Redirect, verdict);
        QCOMPARE(api::redirectVerdict(
                     method, status,
                     QUrl(QStringLiteral("https://data.opentrack.run/api/competitors")), QUrl(to)),
                 verdict);
    }

    void origins_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("paths differ") << "https://data.opentrack.run/api/"
                                      << "https://data.opentrack.run/x/y/" << true;
        QTest::newRow("default port written") << "https://data.opentrack.run/api/"
                                              << "https://data.opentrack.run:443/api/" << true;
        QTest::newRow("host case") << "https://Data.OpenTrack.run/api/"
                                   << "https://data.opentrack.run/api/" << true;
        QTest::newRow("other host") << "https://data.opentrack.run/api/"
                                    << "https://test-data.opentrack.run/api/" << false;
        QTest::newRow("subdomain") << "https://opentrack.run/api/"
                                   << "https://data.opentrack.run/api/" << false;
        QTest::newRow("other port") << "http://127.0.0.1:8000/api/"
                                    << "http://127.0.0.1:8001/api/" << false;
        QTest::newRow("other scheme") << "https://data.opentrack.run/api/"
                                      << "http://data.opentrack.run/api/" << false;
        QTest::newRow("http to https on the same host") << "http://localhost/api/"
                                                        << "https://localhost/api/" << false;
        QTest::newRow("relative") << "https://data.opentrack.run/api/"
                                  << "/api/" << false;
    }
    void origins()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(api::sameOrigin(QUrl(a), QUrl(b)), same);
        QCOMPARE(api::sameOrigin(QUrl(b), QUrl(a)), same);
    }

    void loginUrl_data()
    {
        QTest::addColumn<QString>("listed");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("refused");
        QTest::newRow("listed") << "https://data.opentrack.run/api/get-auth-token/"
                                << "https://data.opentrack.run/api/get-auth-token/" << false;
        QTest::newRow("not listed")
            << QString() << "https://data.opentrack.run/api/get-auth-token/" << false;
        QTest::newRow("listed relative") << "/auth/token/"
                                         << "https://data.opentrack.run/auth/token/" << false;
        QTest::newRow("another host")
            << "https://collect.example.org/api/get-auth-token/" << QString() << true;
        QTest::newRow("plain http on the same host")
            << "http://data.opentrack.run/api/get-auth-token/" << QString() << true;
    }
    void loginUrl()
    {
        QFETCH(QString, listed);
        QFETCH(QString, url);
        QFETCH(bool, refused);
        QJsonObject listing;
        if (!listed.isEmpty())
            listing.insert(QStringLiteral("get-auth-token"), listed);
        const QUrl root(QStringLiteral("https://data.opentrack.run/api/"));
        const api::LoginUrl login = api::loginUrl(listing, root);
        QCOMPARE(login.url, QUrl(url));
        QCOMPARE(!login.error.isEmpty(), refused);
        if (refused)
            QVERIFY(login.error.contains(QStringLiteral("another server")));
    }

    void mayHaveActed_data()
    {
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("acted");
        QTest::newRow("refused") << Failure::ConnectionRefused << 0 << false;
        QTest::newRow("timeout") << Failure::Timeout << 0 << true;
        QTest::newRow("lost") << Failure::ConnectionLost << 0 << true;
        QTest::newRow("502") << Failure::Status << 502 << true;
        QTest::newRow("504") << Failure::Status << 504 << true;
        QTest::newRow("503") << Failure::Status << 503 << false;
        QTest::newRow("429") << Failure::Status << 429 << false;
        QTest::newRow("400") << Failure::Status << 400 << false;
    }
    void mayHaveActed()
    {
        QFETCH(Failure, failure);
        QFETCH(int, status);
        QFETCH(bool, acted);
        QCOMPARE(api::mayHaveActed(failure, status), acted);
        QVERIFY(!api::isIdempotent("POST"));
        QVERIFY(api::isIdempotent("PATCH"));
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
