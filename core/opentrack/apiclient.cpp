#include "apiclient.h"

#include "apimessages.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace meetdesk {

struct ApiClient::Call
{
    QByteArray method;
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    Callback done;
    int attempts = 0;
    int redirects = 0;
    quint64 generation = 0;
};

namespace {

constexpr int maxRedirects = 5;

std::shared_ptr<ApiClient::Call> makeCall(const QByteArray &method, const QUrl &url,
                                          QByteArray body, const char *type,
                                          ApiClient::Callback done)
{
    auto call = std::make_shared<ApiClient::Call>();
    call->method = method;
    call->url = url;
    call->body = std::move(body);
    call->contentType = type;
    call->done = std::move(done);
    return call;
}

QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

// A request body that can be read once and never rewound. When a connection closes before the
// answer, Qt's HTTP layer sends the request again by itself on a new connection, but only
// after rewinding the body (QHttpNetworkConnectionChannel::resetUploadData); with this body
// the rewind fails, and the reply ends with ContentReSendError instead of a second POST.
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_read + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_read);
        std::copy_n(m_data.constData() + m_read, n, data);
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

QUrl originOf(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                        | QUrl::RemoveUserInfo);
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects are followed here, not by Qt, so that credentials are chosen for each address.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    m_generation++;
    m_queue.clear();
}

void ApiClient::setApiRoot(const QUrl &root)
{
    // A token belongs to the server that gave it.
    if (!m_trustedOrigin.isEmpty() && !api::sameOrigin(root, m_trustedOrigin))
        m_token.clear();
    m_apiRoot = root;
    m_trustedOrigin = originOf(root);
}

bool ApiClient::isTrusted(const QUrl &url) const
{
    return api::sameOrigin(url, m_trustedOrigin);
}

void ApiClient::setToken(const QString &token, const QByteArray &scheme)
{
    m_token = token;
    m_scheme = scheme;
}

void ApiClient::get(const QUrl &url, Callback done)
{
    enqueue(makeCall("GET", url, {}, "", std::move(done)));
}

void ApiClient::post(const QUrl &url, const QJsonValue &body, Callback done)
{
    enqueue(makeCall("POST", url, compact(body), "application/json", std::move(done)));
}

void ApiClient::patch(const QUrl &url, const QJsonValue &body, Callback done)
{
    enqueue(makeCall("PATCH", url, compact(body), "application/json", std::move(done)));
}

void ApiClient::put(const QUrl &url, const QJsonValue &body, Callback done)
{
    enqueue(makeCall("PUT", url, compact(body), "application/json", std::move(done)));
}

void ApiClient::sendJson(const QByteArray &method, const QUrl &url, const QByteArray &json,
                         Callback done)
{
    enqueue(makeCall(method, url, json, "application/json", std::move(done)));
}

void ApiClient::deleteResource(const QUrl &url, Callback done)
{
    enqueue(makeCall("DELETE", url, {}, "", std::move(done)));
}

void ApiClient::postForm(const QUrl &url, const QList<std::pair<QString, QString>> &fields,
                         Callback done)
{
    QUrlQuery query;
    for (const auto &[key, value] : fields)
        query.addQueryItem(key, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    enqueue(makeCall("POST", url, query.toString(QUrl::FullyEncoded).toUtf8(),
                     "application/x-www-form-urlencoded", std::move(done)));
}

void ApiClient::logIn(const QString &user, const QString &password, Callback done)
{
    const QUrl root = m_apiRoot;
    if (root.isEmpty()) {
        answerLater(makeCall("POST", root, {}, "", std::move(done)),
                    {ApiError::Kind::Login, 0, tr("no server to log in to")});
        return;
    }
    m_token.clear(); // a stale token would make the server refuse even the listing
    get(root, [this, root, user, password, done](const ApiResponse &listing) {
        if (!listing.ok() || !listing.json.isObject()) {
            ApiResponse failed = listing;
            if (listing.ok())
                failed.error
                    = {ApiError::Kind::Login, listing.status,
                       tr("%1 does not answer as an OpenTrack server").arg(root.toDisplayString())};
            done(failed);
            return;
        }
        const api::LoginUrl login = api::loginUrl(listing.json.object(), root);
        if (login.url.isEmpty()) {
            ApiResponse refused;
            refused.error = {ApiError::Kind::Login, 0, login.error};
            done(refused);
            return;
        }
        postLogin(login.url, user, password, done);
    });
}

void ApiClient::postLogin(const QUrl &url, const QString &user, const QString &password,
                          Callback done)
{
    postForm(url, {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}},
             [this, done](const ApiResponse &r) {
                 const QString token = r.json.object().value(QStringLiteral("token")).toString();
                 ApiResponse answer = r;
                 if (r.ok() && token.isEmpty())
                     answer.error = {ApiError::Kind::Login, r.status,
                                     tr("the server answered the login without a token")};
                 if (answer.ok())
                     setToken(token);
                 done(answer);
             });
}

void ApiClient::answerLater(const std::shared_ptr<Call> &call, const ApiError &error)
{
    ApiResponse response;
    response.error = error;
    // Answer asynchronously like every other request.
    QTimer::singleShot(0, this, [this, call, response] { complete(call, response); });
}

void ApiClient::enqueue(std::shared_ptr<Call> call)
{
    call->generation = m_generation;
    if (!api::isAllowedUrl(call->url)) {
        answerLater(call,
                    {ApiError::Kind::Insecure, 0,
                     tr("%1 is not a secure address: Meetdesk talks plain http only to this "
                        "computer")
                         .arg(call->url.toDisplayString())});
        return;
    }
    if (m_trustedOrigin.isEmpty())
        m_trustedOrigin = originOf(call->url);
    m_queue.push_back(std::move(call));
    pump();
}

void ApiClient::pump()
{
    while (m_inFlight < m_policy.maxInFlight && !m_queue.empty()) {
        std::shared_ptr<Call> call = m_queue.front();
        m_queue.pop_front();
        send(call);
    }
}

void ApiClient::send(const std::shared_ptr<Call> &call)
{
    QNetworkRequest request(call->url);
    request.setTransferTimeout(m_policy.timeoutMs);
    // HTTP/1.1 throughout: the protocol whose resend rules tst_apiclient proves (below), and one
    // connection pool for reads and writes.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "Meetdesk/" MEETDESK_VERSION);
    if (!m_token.isEmpty() && isTrusted(call->url))
        request.setRawHeader("Authorization", m_scheme + ' ' + m_token.toUtf8());
    if (!call->contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->contentType);
    // OpenTrack's examples send the API root as Referer.
    request.setRawHeader("Referer", originOf(call->url).toEncoded() + '/');

    ++m_inFlight;
    ++m_sent;
    QNetworkReply *reply = nullptr;
    if (api::isIdempotent(call->method)) {
        reply = m_network->sendCustomRequest(request, call->method, call->body);
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, call->body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(call->body, nullptr);
        reply = m_network->sendCustomRequest(request, call->method, body);
        body->setParent(reply);
    }
    Q_EMIT requestSent(call->method, call->url);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finish(call, reply); });
}

// Follows a redirect the policy allows (sending the request again to the new address, with
// credentials only if that address is trusted); otherwise fills in why not.
bool ApiClient::followRedirect(const std::shared_ptr<Call> &call, QNetworkReply *reply, int status,
                               ApiResponse &response)
{
    const QUrl target
        = call->url.resolved(QUrl::fromEncoded(reply->rawHeader("Location"), QUrl::StrictMode));
    QString why;
    switch (target.isValid() ? api::redirectVerdict(call->method, status, call->url, target)
                             : api::Redirect::Insecure) {
    case api::Redirect::Follow:
        if (call->redirects < maxRedirects) {
            ++call->redirects;
            call->url = target;
            send(call);
            return true;
        }
        why = tr("it redirects again and again");
        break;
    case api::Redirect::Downgrade:
        why = tr("it would leave https");
        break;
    case api::Redirect::Insecure:
        why = tr("it is not a secure address");
        break;
    case api::Redirect::ChangesMethod:
        why = tr("it would change the request; is a trailing slash missing?");
        break;
    case api::Redirect::OtherOrigin:
        why = tr("it would carry the request and its data to another server");
        break;
    }
    response.error = {ApiError::Kind::Redirect, status,
                      tr("the server redirected %1 %2 to %3, which Meetdesk does not follow (%4)")
                          .arg(QString::fromLatin1(call->method), call->url.toDisplayString(),
                               target.toDisplayString(), why)};
    return false;
}

void ApiClient::finish(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    --m_inFlight;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError networkError = reply->error();
    const bool cancelled = call->generation != m_generation;

    ApiResponse response;
    response.status = status;
    response.body = body;
    api::Failure failure = api::Failure::None;
    int retryAfter = -1;

    if (status == 0) {
        // No HTTP answer at all.
        if (networkError == QNetworkReply::OperationCanceledError
            || networkError == QNetworkReply::TimeoutError) {
            failure = api::Failure::Timeout;
            response.error = {ApiError::Kind::Timeout, 0,
                              tr("no answer from %1 within %2 seconds")
                                  .arg(call->url.host())
                                  .arg(m_policy.timeoutMs / 1000.0)};
        } else if (networkError == QNetworkReply::ContentReSendError) {
            // The connection closed before the answer and Qt could not send the body again.
            failure = api::Failure::ConnectionLost;
            response.error = {
                ApiError::Kind::Network, 0,
                tr("the connection to %1 closed before the server answered").arg(call->url.host())};
        } else {
            failure = networkError == QNetworkReply::ConnectionRefusedError
                    || networkError == QNetworkReply::HostNotFoundError
                ? api::Failure::ConnectionRefused
                : api::Failure::ConnectionLost;
            response.error
                = {ApiError::Kind::Network, 0,
                   tr("cannot reach %1: %2").arg(call->url.host(), reply->errorString())};
        }
    } else if (api::isRedirectStatus(status) && reply->hasRawHeader("Location")) {
        if (!cancelled && followRedirect(call, reply, status, response))
            return;
    } else {
        const QByteArray contentType
            = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const bool html = api::looksLikeHtml(contentType, body);
        const bool success = status >= 200 && status < 300;
        if (!success)
            failure = api::Failure::Status;
        if (html) {
            response.error = {ApiError::Kind::WebPage, status,
                              tr("the server answered with a web page (status %1)").arg(status)};
        } else if (success) {
            if (!body.trimmed().isEmpty()) {
                QJsonParseError parse {};
                response.json = QJsonDocument::fromJson(body, &parse);
                if (parse.error != QJsonParseError::NoError)
                    response.error = {ApiError::Kind::InvalidJson, status,
                                      tr("the server's answer is not valid JSON (%1 at byte %2)")
                                          .arg(parse.errorString())
                                          .arg(parse.offset)};
            }
        } else {
            const QString text = api::errorText(body);
            if (status == 401) {
                response.error
                    = {ApiError::Kind::Unauthorized, status,
                       text.isEmpty() ? tr("the server wants you to log in again") : text};
            } else if (api::isPermissionDenied(status, body)) {
                response.error
                    = {ApiError::Kind::Permission, status,
                       tr("permission denied: this login may not do that (status %1)").arg(status)};
                if (!text.isEmpty())
                    response.error.message = tr("%1 (status %2)").arg(text).arg(status);
            } else {
                response.error
                    = {ApiError::Kind::Http, status,
                       text.isEmpty() ? tr("the server answered with status %1").arg(status)
                                      : tr("%1 (status %2)").arg(text).arg(status)};
            }
            response.json = QJsonDocument::fromJson(body);
            if (status == 429)
                retryAfter = api::retryAfterSeconds(reply->rawHeader("Retry-After"),
                                                    QDateTime::currentDateTimeUtc())
                                 .value_or(-1);
        }
    }
    response.attempts = ++call->attempts; // a redirect followed is part of the same attempt

    if (!cancelled && call->attempts < m_policy.maxAttempts
        && api::isRetryable(call->method, failure, status)) {
        int delay = api::backoffDelayMs(call->attempts, m_policy.baseDelayMs, m_policy.maxDelayMs,
                                        QRandomGenerator::global()->generateDouble());
        if (retryAfter >= 0)
            delay = std::max(delay, std::min(retryAfter, m_policy.maxRetryAfterSeconds) * 1000);
        Q_EMIT retrying(call->url, call->attempts + 1, delay, response.error.message);
        QTimer::singleShot(delay, this, [this, call] {
            if (call->generation != m_generation) {
                ApiResponse cancelledResponse;
                cancelledResponse.error = {ApiError::Kind::Cancelled, 0, tr("cancelled")};
                complete(call, cancelledResponse);
                return;
            }
            m_queue.push_front(call);
            pump();
        });
        pump();
        return;
    }
    if (!response.ok() && call->redirects > 0 && !isTrusted(call->url))
        response.error.message
            = tr("%1, from %2: the server redirected the request there, to another server, "
                 "which got no login")
                  .arg(response.error.message, call->url.toDisplayString());
    if (!api::isIdempotent(call->method) && api::mayHaveActed(failure, status)) {
        response.error.maybeStored = true;
        response.error.message
            = tr("%1: the request may have been stored; not repeated").arg(response.error.message);
    }
    complete(call, std::move(response));
    pump();
}

void ApiClient::complete(const std::shared_ptr<Call> &call, ApiResponse response)
{
    if (call->generation != m_generation && response.error.kind == ApiError::Kind::None)
        response.error = {ApiError::Kind::Cancelled, response.status, tr("cancelled")};
    if (call->done)
        call->done(response);
}

void ApiClient::cancelAll()
{
    ++m_generation;
    std::deque<std::shared_ptr<Call>> waiting;
    waiting.swap(m_queue);
    for (const auto &call : waiting) {
        ApiResponse response;
        response.error = {ApiError::Kind::Cancelled, 0, tr("cancelled")};
        complete(call, response);
    }
}

} // namespace meetdesk
