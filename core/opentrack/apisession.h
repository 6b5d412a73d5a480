#pragma once

#include "apiclient.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace meetdesk {

// The requests of one publish or one pull, on an ApiClient. When the server answers 401, the
// caller is asked once for a new login; the requests that met the 401 wait for it and then go
// again with the new token. A 401 after that login (or no new login) ends the session: the
// requests still waiting are dropped, every later one is answered at once with the reason,
// and ended() says why. So a server that keeps refusing costs at most one extra login.
// Answers come only while the session exists.
class ApiSession : public QObject
{
    Q_OBJECT

public:
    using Callback = ApiClient::Callback;
    // Asked for a new token; call back with it, or with an empty string to give up.
    using Reauthenticate = std::function<void(std::function<void(const QString &token)>)>;

    explicit ApiSession(ApiClient *client, QObject *parent = nullptr);
    ~ApiSession() override;

    ApiClient *client() const { return m_client; }
    void setReauthenticate(Reauthenticate reauthenticate)
    {
        m_reauthenticate = std::move(reauthenticate);
    }

    void get(const QUrl &url, Callback done);
    // POST, PATCH or PUT with a JSON body written elsewhere (numbers exact); DELETE without.
    void send(const QByteArray &method, const QUrl &url, const QByteArray &json, Callback done);

    bool hasEnded() const { return !m_endMessage.isEmpty(); }
    QString endMessage() const { return m_endMessage; }
    // New logins asked for so far (0 or 1).
    int logins() const { return m_logins; }
    // POST, PATCH, PUT and DELETE asked for so far.
    int writes() const { return m_writes; }

Q_SIGNALS:
    void ended(const QString &message);

private:
    struct Request;
    void dispatch(const std::shared_ptr<Request> &request);
    void unauthorized(const std::shared_ptr<Request> &request, const ApiResponse &response);
    void end(const QString &message, const ApiResponse &response);

    ApiClient *m_client;
    Reauthenticate m_reauthenticate;
    int m_generation = 0; // a new token makes a new generation
    int m_logins = 0;
    int m_writes = 0;
    bool m_loggingIn = false;
    std::vector<std::shared_ptr<Request>> m_waiting; // for the new login
    QString m_endMessage;
};

} // namespace meetdesk
