#include "apisession.h"

#include <QPointer>
#include <QTimer>

namespace meetdesk {

struct ApiSession::Request
{
    QByteArray method;
    QUrl url;
    QByteArray body;
    Callback done;
    int generation = 0;
};

ApiSession::ApiSession(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ApiSession::~ApiSession() = default;

void ApiSession::get(const QUrl &url, Callback done)
{
    send("GET", url, {}, std::move(done));
}

void ApiSession::send(const QByteArray &method, const QUrl &url, const QByteArray &json,
                      Callback done)
{
    auto request = std::make_shared<Request>();
    request->method = method;
    request->url = url;
    request->body = json;
    request->done = std::move(done);
    if (method != "GET")
        ++m_writes;
    dispatch(request);
}

void ApiSession::dispatch(const std::shared_ptr<Request> &request)
{
    if (hasEnded()) {
        ApiResponse response;
        response.error = {ApiError::Kind::Unauthorized, 401, m_endMessage};
        QTimer::singleShot(0, this, [request, response] { request->done(response); });
        return;
    }
    request->generation = m_generation;
    QPointer<ApiSession> self(this);
    auto answer = [self, request](const ApiResponse &r) {
        if (!self)
            return;
        if (r.error.kind == ApiError::Kind::Unauthorized)
            self->unauthorized(request, r);
        else
            request->done(r);
    };
    if (request->method == "GET")
        m_client->get(request->url, std::move(answer));
    else if (request->method == "DELETE")
        m_client->deleteResource(request->url, std::move(answer));
    else
        m_client->sendJson(request->method, request->url, request->body, std::move(answer));
}

void ApiSession::unauthorized(const std::shared_ptr<Request> &request, const ApiResponse &response)
{
    if (hasEnded()) {
        request->done(response);
        return;
    }
    if (request->generation < m_generation) {
        dispatch(request); // sent with the old token; the new one is here already
        return;
    }
    if (m_loggingIn) {
        m_waiting.push_back(request);
        return;
    }
    if (m_logins > 0 || !m_reauthenticate) {
        m_waiting.push_back(request);
        end(m_logins > 0 ? tr("The server refused the new login too (%1). Nothing more was sent; "
                              "check that this user may change the competition, then try again.")
                               .arg(response.error.message)
                         : tr("The server wants a new login (%1). Nothing more was sent.")
                               .arg(response.error.message),
            response);
        return;
    }
    ++m_logins;
    m_loggingIn = true;
    m_waiting.push_back(request);
    QPointer<ApiSession> self(this);
    m_reauthenticate([self, response](const QString &token) {
        if (!self)
            return;
        self->m_loggingIn = false;
        if (token.isEmpty()) {
            self->end(tr("The server asked for a new login and none was given (%1). Nothing "
                         "more was sent.")
                          .arg(response.error.message),
                      response);
            return;
        }
        self->m_client->setToken(token);
        ++self->m_generation;
        const auto waiting = std::exchange(self->m_waiting, {});
        for (const auto &r : waiting)
            self->dispatch(r);
    });
}

void ApiSession::end(const QString &message, const ApiResponse &response)
{
    m_endMessage = message;
    ApiResponse refused = response;
    refused.error.message = message;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &r : waiting)
        r->done(refused);
    Q_EMIT ended(message);
}

} // namespace meetdesk
