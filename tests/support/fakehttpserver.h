#pragma once

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <deque>
#include <functional>

// A scripted HTTP/1.1 server on loopback for client tests: each request gets the next
// scripted reply (status, headers, body, a delay, or no answer, or a dropped connection).
class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        int status = 200;
        QByteArray body = "{}";
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        bool drop = false; // close the connection without answering
        bool reset = false; // reset the connection (TCP RST) without answering
        bool silent = false; // never answer
        bool keepAlive = false; // answer and keep the connection open for the next request
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        int connection = 0; // which connection it came on, counted from 1
    };

    explicit FakeHttpServer(QObject *parent = nullptr);

    QUrl url(const QString &path = QStringLiteral("/api/")) const;
    static Reply reply(int status, const QByteArray &body = "{}",
                       const QByteArray &contentType = "application/json")
    {
        Reply r;
        r.status = status;
        r.body = body;
        r.contentType = contentType;
        return r;
    }
    // A redirect to location (absolute, or a path on this server).
    static Reply redirect(int status, const QByteArray &location)
    {
        Reply r = reply(status, "");
        r.headers = {{"Location", location}};
        return r;
    }
    // An API root's listing with one entry, e.g. {"get-auth-token": "http://..."}.
    static QByteArray listing(const QString &name, const QUrl &url);
    void enqueue(const Reply &reply) { m_script.push_back(reply); }
    // Answers every request through the handler instead of the script.
    void setHandler(std::function<Reply(const Request &)> handler)
    {
        m_handler = std::move(handler);
    }
    void enqueue(int status, const QByteArray &body = "{}")
    {
        m_script.push_back(reply(status, body));
    }

    QList<Request> requests;
    int maxConcurrent = 0;
    int connections = 0; // accepted so far

private:
    void serve(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Reply &reply);

    QTcpServer m_server;
    std::deque<Reply> m_script;
    std::function<Reply(const Request &)> m_handler;
    int m_open = 0;
};
