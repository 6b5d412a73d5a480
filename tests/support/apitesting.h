#pragma once

// Helpers the network tests share: waiting for one answer, logging in, publishing to the end.

#include "opentrack/apiclient.h"
#include "opentrack/publisher.h"

#include <QJsonObject>
#include <QTest>

namespace meetdesk::apitesting {

// Starts a request and waits for its answer (tests only: the app never waits like this).
inline ApiResponse waitFor(const std::function<void(ApiClient::Callback)> &start,
                           int timeoutMs = 60000)
{
    ApiResponse result;
    bool done = false;
    start([&](const ApiResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return result;
}

// Logs in at an API root's get-auth-token/; returns the token (empty when refused) and sets it.
inline QString logIn(ApiClient &client, const QUrl &apiRoot, const QString &user,
                     const QString &password)
{
    const ApiResponse r = waitFor([&](auto done) {
        client.postForm(
            apiRoot.resolved(QUrl(QStringLiteral("get-auth-token/"))),
            {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}}, done);
    });
    const QString token = r.json.object().value(QStringLiteral("token")).toString();
    if (!token.isEmpty())
        client.setToken(token);
    return token;
}

inline QString logInAsFederation(ApiClient &client, const QUrl &apiRoot)
{
    return logIn(client, apiRoot, QStringLiteral("federation"), QStringLiteral("federation-pass"));
}

// Publishes the document and waits for the report.
inline PublishReport publish(ApiClient &client, Document &doc, const QUrl &apiRoot)
{
    Publisher publisher(&client, &doc, apiRoot);
    PublishReport report;
    bool finished = false;
    QObject::connect(&publisher, &Publisher::finished, [&](const PublishReport &r) {
        report = r;
        finished = true;
    });
    QObject::connect(&publisher, &Publisher::failed, [&](const QString &message) {
        qWarning("publish failed: %s", qPrintable(message));
        finished = true;
    });
    publisher.publish();
    if (!QTest::qWaitFor([&] { return finished; }, 240000))
        qWarning("publish did not finish");
    return report;
}

} // namespace meetdesk::apitesting
