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
    quint64 generation = 0;
    ApiError redirectError;
};

namespace {
std::shared_ptr<ApiClient::Call> makeCall(const char *method, const QUrl &url, QByteArray body,
                                          const char *type, ApiClient::Callback done)
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
} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
}

ApiClient::~ApiClient()
{
    m_generation++;
    m_queue.clear();
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
    auto call = makeCall("", url, json, "application/json", std::move(done));
    call->method = method;
    enqueue(std::move(call));
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

void ApiClient::enqueue(std::shared_ptr<Call> call)
{
    call->generation = m_generation;
    if (!api::isAllowedUrl(call->url)) {
        ApiResponse response;
        response.error
            = {ApiError::Kind::Insecure, 0,
               tr("%1 is not a secure address: Meetdesk talks plain http only to this computer")
                   .arg(call->url.toDisplayString())};
        // Answer asynchronously like every other request.
        QTimer::singleShot(0, this, [this, call, response] { complete(call, response); });
        return;
    }
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
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "Meetdesk/" MEETDESK_VERSION);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", m_scheme + ' ' + m_token.toUtf8());
    if (!call->contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->contentType);
    // OpenTrack's examples send the API root as Referer.
    request.setRawHeader(
        "Referer", call->url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toEncoded() + '/');

    ++call->attempts;
    ++m_inFlight;
    ++m_sent;
    call->redirectError = {};
    QNetworkReply *reply = m_network->sendCustomRequest(request, call->method, call->body);
    Q_EMIT requestSent(call->method, call->url);
    connect(reply, &QNetworkReply::redirected, this, [this, call, reply](const QUrl &target) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (api::isSafeRedirect(call->method, status, call->url, target)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        call->redirectError
            = {ApiError::Kind::Redirect, status,
               tr("the server redirected %1 %2 to %3, which Meetdesk does not follow "
                  "(it would change the request; is a trailing slash missing?)")
                   .arg(QString::fromLatin1(call->method), call->url.toDisplayString(),
                        target.toDisplayString())};
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { finish(call, reply); });
}

void ApiClient::finish(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    reply->deleteLater();
    --m_inFlight;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError networkError = reply->error();

    ApiResponse response;
    response.status = status;
    response.body = body;
    response.attempts = call->attempts;
    api::Failure failure = api::Failure::None;
    int retryAfter = -1;

    if (call->redirectError.kind != ApiError::Kind::None) {
        response.error = call->redirectError;
    } else if (status == 0) {
        // No HTTP answer at all.
        if (networkError == QNetworkReply::OperationCanceledError
            || networkError == QNetworkReply::TimeoutError) {
            failure = api::Failure::Timeout;
            response.error = {ApiError::Kind::Timeout, 0,
                              tr("no answer from %1 within %2 seconds")
                                  .arg(call->url.host())
                                  .arg(m_policy.timeoutMs / 1000.0)};
        } else {
            failure = networkError == QNetworkReply::ConnectionRefusedError
                    || networkError == QNetworkReply::HostNotFoundError
                ? api::Failure::ConnectionRefused
                : api::Failure::ConnectionLost;
            response.error
                = {ApiError::Kind::Network, 0,
                   tr("cannot reach %1: %2").arg(call->url.host(), reply->errorString())};
        }
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

    const bool cancelled = call->generation != m_generation;
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
