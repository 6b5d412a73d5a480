#pragma once

// Helpers the network tests share: waiting for one answer, logging in, publishing to the end.
// None of them hands back a success it did not see: a timeout or a failure comes back as an
// error the caller must check ([[nodiscard]]).

#include "opentrack/apiclient.h"
#include "opentrack/publisher.h"

#include <QJsonObject>
#include <QTest>

namespace meetdesk::apitesting {

// Starts a request and waits for its answer (tests only: the app never waits like this). No
// answer in time is a Timeout error, never an empty success.
[[nodiscard]] inline ApiResponse waitFor(const std::function<void(ApiClient::Callback)> &start,
                                         int timeoutMs = 60000)
{
    ApiResponse result;
    bool done = false;
    start([&](const ApiResponse &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        result.error = {ApiError::Kind::Timeout, 0,
                        QStringLiteral("no answer within %1 ms (test)").arg(timeoutMs)};
    return result;
}

// Logs in at an API root's get-auth-token/; returns the token (empty when refused or not
// answered) and sets it.
[[nodiscard]] inline QString logIn(ApiClient &client, const QUrl &apiRoot, const QString &user,
                                   const QString &password)
{
    const ApiResponse r = waitFor([&](auto done) {
        client.postForm(
            apiRoot.resolved(QUrl(QStringLiteral("get-auth-token/"))),
            {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}}, done);
    });
    const QString token = r.json.object().value(QStringLiteral("token")).toString();
    if (r.ok() && !token.isEmpty())
        client.setToken(token);
    return r.ok() ? token : QString();
}

[[nodiscard]] inline QString logInAsFederation(ApiClient &client, const QUrl &apiRoot)
{
    return logIn(client, apiRoot, QStringLiteral("federation"), QStringLiteral("federation-pass"));
}

// What a publish came to: finished with a report, or failed (or did not end) with a reason.
struct PublishRun
{
    bool finished = false;
    QString failure; // failed(), or that it did not finish in time
    PublishReport report;
    QList<PublishItem> items; // the plan it carried out (node pointers may be stale)

    // Finished, and everything the file had to send was stored.
    bool complete() const { return finished && failure.isEmpty() && report.complete(); }
    // In words, for QVERIFY2.
    QString problems() const
    {
        QStringList lines;
        if (!failure.isEmpty())
            lines.append(QStringLiteral("publish failed: ") + failure);
        if (!report.stopped.isEmpty())
            lines.append(QStringLiteral("stopped: ") + report.stopped);
        for (const auto &p : report.failures)
            lines.append(QStringLiteral("failed: ") + p.where + QStringLiteral(": ") + p.message);
        for (const auto &p : report.notStored)
            lines.append(p.where + QStringLiteral(": ") + p.message);
        for (const auto &item : report.conflicts)
            lines.append(QStringLiteral("conflict: ") + item.label);
        if (report.cancelled)
            lines.append(QStringLiteral("cancelled"));
        return lines.join(u'\n');
    }
};

struct PublishOptions
{
    bool verify = false;
    bool overwriteAll = false;
    int timeoutMs = 240000;
};

// Publishes the document and waits for the end.
[[nodiscard]] inline PublishRun publish(ApiClient &client, Document &doc, const QUrl &apiRoot,
                                        const PublishOptions &options = {})
{
    Publisher publisher(&client, &doc, apiRoot);
    publisher.setVerify(options.verify);
    publisher.setOverwriteAll(options.overwriteAll);
    PublishRun run;
    bool ended = false;
    QObject::connect(&publisher, &Publisher::finished, [&](const PublishReport &r) {
        run.report = r;
        run.finished = true;
        ended = true;
    });
    QObject::connect(&publisher, &Publisher::failed, [&](const QString &message) {
        run.failure = message;
        ended = true;
    });
    publisher.publish();
    if (!QTest::qWaitFor([&] { return ended; }, options.timeoutMs)) {
        run.failure = QStringLiteral("the publish did not end within %1 ms").arg(options.timeoutMs);
        publisher.cancel();
    }
    run.items = publisher.items();
    return run;
}

} // namespace meetdesk::apitesting
