#pragma once

#include "apiclient.h"
#include "publisher.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace meetdesk {

class Document;
class Node;
class Unit;

// Live results: while the competition's live switch is on (the file's "meetdesk" object,
// key "live"), a heat whose results are official (OpenTrack's results_status "official") is
// published within seconds of becoming so, and again after each later change to it. Heats are
// queued (by natural key), gathered for a moment so a burst of edits goes as one publish, and
// sent by the safe Publisher limited to those heats (setUnitsOnly): only what changed goes,
// web edits are never overwritten (a heat in conflict is left and marked for review). Trouble
// (no network, the server down, a refused write) keeps the heats queued and tries again with
// backoff (1 s, doubling, at most maxBackoffMs); entry is never blocked: everything is
// asynchronous. Without a token nothing is sent: loginNeeded() is emitted once per lack and
// the heats wait for setToken().
class LiveResults : public QObject
{
    Q_OBJECT

public:
    enum class State { None, Queued, Publishing, Published, Failed, NeedsReview };
    struct HeatState
    {
        State state = State::None;
        QString message; // why it failed, or what needs review
    };

    explicit LiveResults(Document *document, QObject *parent = nullptr);
    ~LiveResults() override;

    static bool isOn(const Document &document);
    static bool isOfficial(const Unit &unit);
    static constexpr QLatin1StringView liveKey {"live"};

    void setServer(const QUrl &apiRoot);
    void setToken(const QString &token);
    bool hasToken() const { return !m_client.token().isEmpty(); }
    ApiClient *client() { return &m_client; }

    // Reads the switch from the document (after an edit, an undo, an open).
    void refresh();
    bool enabled() const { return m_enabled; }

    // Queues an official heat (by hand; the document's changes queue heats by themselves).
    void enqueue(const Unit &unit);
    HeatState stateOf(const Node &node) const;
    QStringList queued() const;
    bool busy() const { return m_publisher != nullptr; }
    // While held (a publish or pull of the whole file is open), queued heats wait: two
    // publishes at once would each write back the sync state they started from.
    void setHeld(bool held);

    static constexpr int gatherMs = 400;
    static constexpr int firstBackoffMs = 1000;
    static constexpr int maxBackoffMs = 30000;

Q_SIGNALS:
    void stateChanged(); // some heat's state: the tree's status column is read again
    void published(const meetdesk::PublishReport &report);
    void loginNeeded();
    void message(const QString &text);

private:
    void nodeTouched(const Node *node);
    void schedule(int ms);
    void run();
    void done(const QSet<QString> &batch, const PublishReport *report, const QString &failure);
    void setState(const QString &key, State state, const QString &message = {});

    Document *m_document;
    ApiClient m_client;
    QUrl m_apiRoot;
    bool m_enabled = false;
    bool m_askedLogin = false;
    bool m_held = false;
    QSet<QString> m_queue;
    QHash<QString, HeatState> m_states;
    QTimer m_timer;
    int m_backoffMs = firstBackoffMs;
    QPointer<Publisher> m_publisher;
};

} // namespace meetdesk
