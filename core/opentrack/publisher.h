#pragma once

#include "apiclient.h"
#include "model/document.h"
#include "syncstate.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace meetdesk {

// One thing a publish will do (or did), for the review tree and the report.
struct PublishItem
{
    enum class Action { Create, Update, Delete, Unchanged };

    Action action = Action::Unchanged;
    QString key; // natural key: "competitor:101"
    QString label; // "competitor 101 Tom Adeyemi"
    const Node *node = nullptr; // nullptr for deletes
};

struct PublishReport
{
    struct Problem
    {
        const Node *node = nullptr;
        QString where; // the record, in words
        QString message; // the server's own message, or the fields it did not keep
    };

    int created = 0;
    int updated = 0;
    int deleted = 0;
    int unchanged = 0;
    int requests = 0; // sent over the network, retries included
    int writes = 0; // POST, PATCH, PUT and DELETE among them
    bool cancelled = false;
    QList<Problem> failures; // writes the server refused or that did not arrive
    QList<Problem> notStored; // what the server did not keep of what was sent

    bool complete() const { return !cancelled && failures.isEmpty() && notStored.isEmpty(); }
};

// Publishes a document to an OpenTrack-style server (current API): reads what the server
// holds for the competition (by the ids in the sync state, or by slug), compares it with the
// document by natural keys, and sends only what differs, in order (competition, teams, events
// and their units, competitors, relay teams, unit results), in bulk where the API allows.
// Every write is checked against the server's echo. The sync state in the document is
// updated as writes succeed, so a publish stopped anywhere completes next time without
// duplicates, and publishing an unchanged document writes nothing.
class Publisher : public QObject
{
    Q_OBJECT

public:
    // apiRoot: the configured server's API root ("https://data.opentrack.run/api/").
    Publisher(ApiClient *client, Document *document, const QUrl &apiRoot,
              QObject *parent = nullptr);
    ~Publisher() override;

    // Reads the server and works out the plan; planned() or failed() follows.
    void plan();
    // Carries out the plan (planning first if needed); finished() follows.
    void publish();
    // Stops after the requests already sent.
    void cancel();

    const QList<PublishItem> &items() const { return m_items; }
    const PublishReport &report() const { return m_report; }

    // Asked when the server says the token is no longer good: call back with a new token (or
    // an empty one to give up), and the publish carries on.
    void
    setReauthenticate(std::function<void(std::function<void(const QString &token)>)> reauthenticate)
    {
        m_reauthenticate = std::move(reauthenticate);
    }

Q_SIGNALS:
    void planned();
    void progress(int done, int total, const QString &step);
    void finished(const meetdesk::PublishReport &report);
    // The publish could not start (no server, no permission, no such competition...).
    void failed(const QString &message);

private:
    void discover();
    void findCompetition();
    void readChildren();
    void readAll(const QString &collection, std::function<void(QList<QJsonObject>)> done);
    void buildPlan();
    void runPhase(int phase);
    void send(const QByteArray &method, const QUrl &url, const QJsonValue &body,
              std::function<void(const ApiResponse &)> done);
    void write(const QByteArray &method, const QUrl &url, const QJsonObject &payload,
               const Node *node, const QString &key, PublishItem::Action action,
               std::function<void(const QJsonObject &echo)> stored);
    void writeBulk(const QString &collection, const QList<const Node *> &nodes,
                   const QList<QJsonObject> &payloads);
    void recordEcho(const Node *node, const QString &key, const QJsonObject &sent,
                    const QJsonObject &echo, PublishItem::Action action);
    void fail(const Node *node, const QString &message);
    void step(const QString &text);
    void done(int count = 1);
    void finish();
    QString describe(const Node *node) const;
    // Notes the URLs of an event's units from the server's representation of the event.
    void rememberUnits(const QJsonObject &event);
    QUrl collection(const QString &name) const;
    QJsonObject withCompetition(QJsonObject payload) const;

    ApiClient *m_client;
    Document *m_document;
    QUrl m_apiRoot;
    QJsonObject m_root;
    SyncState m_sync;
    QJsonObject m_serverCompetition;
    QHash<QString, QJsonObject> m_server; // natural key -> the server's representation
    QHash<QString, QUrl> m_unitUrls; // "unit:T01/1/2" -> its URL
    QList<PublishItem> m_items;
    PublishReport m_report;
    std::function<void(std::function<void(const QString &)>)> m_reauthenticate;
    bool m_planned = false;
    bool m_publishing = false;
    bool m_cancelled = false;
    int m_phase = 0;
    int m_outstanding = 0;
    int m_done = 0;
    int m_total = 0;
    int m_requestsAtStart = 0;
};

} // namespace meetdesk

Q_DECLARE_METATYPE(meetdesk::PublishReport)
