#pragma once

#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace meetdesk {

// Why a request did not give what was asked, in the user's terms.
struct ApiError
{
    enum class Kind {
        None,
        Network, // no connection, reset, refused
        Timeout, // no answer in time
        Http, // an error status with the server's own message
        Unauthorized, // 401: log in again
        WebPage, // an HTML page instead of JSON (a challenge or an error page)
        InvalidJson,
        Redirect, // a redirect that would downgrade to http, turn a POST into a GET, or carry a
                  // write to another server
        Insecure, // plain http to another machine
        Cancelled,
        Login, // the login could not be tried (e.g. the server names another host for it)
        Permission, // the login may not do this (403, or OpenTrack's 500 "Permission Denied")
    };

    Kind kind = Kind::None;
    int status = 0;
    QString message;
    // A POST was sent and no answer says what became of it (a timeout, a connection lost before
    // the answer, 502, 504): the server may have stored it. It was not sent again; read back
    // what the server holds before deciding to send it once more.
    bool maybeStored = false;
};

struct ApiResponse
{
    int status = 0;
    QJsonDocument json;
    QByteArray body; // the answer as received, for readers that keep every number's digits
    ApiError error;
    int attempts = 0;

    bool ok() const { return error.kind == ApiError::Kind::None; }
};

// The one HTTP service of the app: owns its QNetworkAccessManager; every request has a
// transfer timeout, goes through a deliberate redirect policy, and is checked for status,
// Content-Type and JSON as well as network errors. Failures that may pass (network errors,
// 429 with Retry-After, 502, 503, 504) are retried with exponential backoff and jitter, POST
// only where the server cannot have acted; Qt's own HTTP layer is kept from sending a POST
// again by itself. At most maxInFlight requests run at once; the rest wait in order. No nested
// event loops: results come back through callbacks.
//
// Credentials go only to the API root's origin (scheme, host and port): the token is sent
// with requests there and nowhere else, redirects included, and the password only to a login
// address there.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    struct Policy
    {
        int timeoutMs = 30000;
        int maxAttempts = 5;
        int baseDelayMs = 500;
        int maxDelayMs = 30000;
        int maxRetryAfterSeconds = 120;
        int maxInFlight = 4;
    };
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setPolicy(const Policy &policy) { m_policy = policy; }
    const Policy &policy() const { return m_policy; }
    // The API root this client serves; its origin is the only one trusted with credentials.
    // Until it is set, the origin of the first request sent is the trusted one. A root on
    // another origin drops the token, which belongs to the server that gave it.
    void setApiRoot(const QUrl &root);
    QUrl apiRoot() const { return m_apiRoot; }
    bool isTrusted(const QUrl &url) const;
    // The credentials sent with every request to the trusted origin: "Token" (current API) or
    // "Bearer" (v1).
    void setToken(const QString &token, const QByteArray &scheme = "Token");
    QString token() const { return m_token; }

    // Logs in at the API root (set first) with OpenTrack's login form and keeps the new token
    // (the old one is dropped first).
    // The password goes only to a login address on the API root's own origin; anything else
    // is refused without sending it. The response is the login's (its error says why not).
    void logIn(const QString &user, const QString &password, Callback done);

    void get(const QUrl &url, Callback done);
    void post(const QUrl &url, const QJsonValue &body, Callback done);
    void patch(const QUrl &url, const QJsonValue &body, Callback done);
    void put(const QUrl &url, const QJsonValue &body, Callback done);
    // A request whose JSON body is already written (e.g. by JsonWriter, keeping numbers exact).
    void sendJson(const QByteArray &method, const QUrl &url, const QByteArray &json, Callback done);
    void deleteResource(const QUrl &url, Callback done);
    void postForm(const QUrl &url, const QList<std::pair<QString, QString>> &fields, Callback done);

    // Stops everything: waiting requests and retries are dropped, the ones in flight finish
    // (a request already sent cannot be taken back); their callbacks get Cancelled.
    void cancelAll();
    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }
    // Requests sent over the network so far, retries included.
    int requestsSent() const { return m_sent; }

Q_SIGNALS:
    void retrying(const QUrl &url, int attempt, int delayMs, const QString &reason);
    void requestSent(const QByteArray &method, const QUrl &url);

public:
    struct Call; // one request, through its retries

private:
    void enqueue(std::shared_ptr<Call> call);
    void pump();
    void send(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void complete(const std::shared_ptr<Call> &call, ApiResponse response);
    bool followRedirect(const std::shared_ptr<Call> &call, QNetworkReply *reply, int status,
                        ApiResponse &response);
    void answerLater(const std::shared_ptr<Call> &call, const ApiError &error);
    void postLogin(const QUrl &url, const QString &user, const QString &password, Callback done);

    QNetworkAccessManager *m_network;
    Policy m_policy;
    QUrl m_apiRoot;
    QUrl m_trustedOrigin;
    QString m_token;
    QByteArray m_scheme = "Token";
    std::deque<std::shared_ptr<Call>> m_queue;
    int m_inFlight = 0;
    int m_sent = 0;
    quint64 m_generation = 0; // bumped by cancelAll
};

} // namespace meetdesk
