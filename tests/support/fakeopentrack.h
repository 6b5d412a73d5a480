#pragma once

#include "fakehttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

// A small OpenTrack-style server in memory, on a FakeHttpServer, for what the sandbox does
// not do: it ignores every filter but ?competition= (and can ignore that too), can answer 401
// to everything but a login, and can store a POST and then answer 504 as a gateway would.
// Collections: competitions, competitors (string ids), teams, events (making units from
// rounds), relay-teams; units at /api/units/ID/; my-competitions; get-auth-token.
class FakeOpenTrack : public QObject
{
    Q_OBJECT

public:
    explicit FakeOpenTrack(QObject *parent = nullptr);

    QUrl apiRoot() const { return m_http.url(); }
    FakeHttpServer &http() { return m_http; }

    // A record as a web user would make it; returns it with its id and url.
    QJsonObject add(const QString &collection, QJsonObject record);
    QList<QJsonObject> records(const QString &collection) const { return m_data.value(collection); }
    // The requests that wrote (POST, PATCH, PUT, DELETE), logins left out.
    QList<FakeHttpServer::Request> writes() const;

    bool alwaysUnauthorized = false;
    bool ignoreCompetitionFilter = false;
    int pageSize = 500; // when no limit is asked for
    int storeThenFail = 0; // the next POSTs are stored, then answered storeThenFailStatus
    int storeThenFailStatus = 504; // 502 or 504: a gateway's page
    int logins = 0;

private:
    FakeHttpServer::Reply handle(const FakeHttpServer::Request &request);
    FakeHttpServer::Reply list(const QString &collection, const QUrl &url);
    FakeHttpServer::Reply create(const QString &collection, const QByteArray &body);
    QJsonObject shown(const QString &collection, const QJsonObject &record) const;
    QString urlOf(const QString &collection, const QString &id) const;
    void makeUnits(const QJsonObject &event);
    int find(const QString &collection, const QString &id) const;

    FakeHttpServer m_http;
    QMap<QString, QList<QJsonObject>> m_data;
    int m_nextId = 1;
};
