#pragma once

#include "apiclient.h"
#include "apisession.h"
#include "publishplan.h"
#include "serverreader.h"
#include "syncstate.h"

#include "model/document.h"
#include "rules/finding.h"

#include <QObject>

#include <functional>

namespace meetdesk {

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
    QString stopped; // why the publish ended before the end (a refused login), if it did
    QList<Problem> failures; // writes the server refused or that did not arrive
    QList<Problem> notStored; // what the server did not keep of what was sent
    QList<PublishItem> serverChanges; // records changed on OpenTrack: left as they are there
    QList<PublishItem> conflicts; // records changed on both sides: not sent

    // Everything the file had to send was stored (changes made on OpenTrack may remain).
    bool complete() const
    {
        return !cancelled && stopped.isEmpty() && failures.isEmpty() && notStored.isEmpty()
            && conflicts.isEmpty();
    }
};

// Publishes a document to an OpenTrack-style server (current API), in three parts: a
// ServerReader reads what the server holds (the competition by its remembered id or its exact
// slug, its records, the heats that matter), PublishPlan decides per record and field from
// base, file and server, and this class carries the plan out: in order, in bulk where the API
// allows, every answer checked, a POST repeated only where a read-back shows the record absent,
// a heat read again just before it is written. Validation errors stop it before any request.
// The sync state in the document (the base of the next publish) is updated as writes succeed,
// so a publish stopped anywhere completes next time without duplicates.
class Publisher : public QObject
{
    Q_OBJECT

public:
    // apiRoot: the configured server's API root ("https://data.opentrack.run/api/").
    Publisher(ApiClient *client, Document *document, const QUrl &apiRoot,
              QObject *parent = nullptr);
    ~Publisher() override;

    // The validation errors that stop a publish before any request (warnings do not).
    static QList<Finding> errorsIn(const Competition &competition);

    // Read every heat on the server, not only those the file changed: finds every change
    // made there, at one request per heat.
    void setVerify(bool verify) { m_options.verify = verify; }

    // Live results: of the heats, only these (natural keys, "unit:<event>/<round>/<heat>") are
    // written; the other heats, and every delete, are left out of the plan (their sync state
    // untouched) so a heat still being entered is not published. The records the heats need
    // (the competition, events, competitors, teams) go as planned; errors inside the heats left
    // out do not stop the publish. Nothing: no limit.
    void setUnitsOnly(std::optional<QSet<QString>> keys) { m_unitsOnly = std::move(keys); }
    const std::optional<QSet<QString>> &unitsOnly() const { return m_unitsOnly; }

    // Validates, reads the server and works out the plan; planned() or failed() follows.
    void plan();
    // Carries out the plan (planning first if needed); finished() follows.
    void publish();
    // Stops after the requests already sent.
    void cancel();

    const QList<PublishItem> &items() const { return m_items; }
    const PublishReport &report() const { return m_report; }
    // The validation errors that stopped the last plan.
    const QList<Finding> &findings() const { return m_findings; }

    // After planned(): send the file's version of this record over OpenTrack's changes (or
    // not). The plan is made again from what was read.
    void setOverwrite(const QString &key, bool overwrite);
    // Before plan() or publish(): send the file's version over every change made on OpenTrack.
    void setOverwriteAll(bool overwrite) { m_options.overwriteAll = overwrite; }
    // After planned(): takes OpenTrack's version of these records' server changes and
    // conflicts into the document, as one undoable edit, and makes the plan again. Returns
    // what could not be taken, in words (empty when all was).
    QString takeServerVersion(const QStringList &keys);

    // Asked when the server says the token is no longer good: call back with a new token (or
    // an empty one to give up). Asked at most once per publish; a refusal of the new token
    // ends the publish.
    void setReauthenticate(ApiSession::Reauthenticate reauthenticate)
    {
        m_session.setReauthenticate(std::move(reauthenticate));
    }

Q_SIGNALS:
    void planned();
    void progress(int done, int total, const QString &step);
    void finished(const meetdesk::PublishReport &report);
    // The publish could not start: invalid document, no server, no permission, an ambiguous
    // competition...
    void failed(const QString &message);

private:
    enum Phase { CompetitionPhase, TeamsAndEvents, CompetitorsAndRelays, Units, Deletes, Done };
    struct Batch;

    void makePlan();
    void fail(const QString &message);
    void runPhase(int phase);
    void begin() { ++m_outstanding; }
    void end();
    void step(const QString &text);
    void finish();

    void createCompetition(const PublishItem &item, int attempt);
    void postBatch(const QString &collection, std::shared_ptr<Batch> batch, int attempt);
    // After a POST whose answer was lost: what the server holds is stored; the rest is sent
    // again, unless the POST may still arrive (no answer in time, 504): a slow server may store
    // it later, so it is left to the next publish, which reads the server first.
    void readBack(const QString &collection, std::shared_ptr<Batch> batch, int attempt,
                  bool mayStillArrive);
    static bool mayStillArrive(const ApiResponse &response);
    static QString notYetThere();
    void patch(const PublishItem &item, const QUrl &url);
    void writeUnit(const PublishItem &item);
    void remove(const PublishItem &item);
    void stored(const PublishItem &item, const JsonValue &sent, const JsonValue &echo,
                bool created);
    void refused(const PublishItem &item, const QString &message);
    // The report's lists of conflicts and changes made on OpenTrack.
    void noteChanges(const PublishItem &item);
    // Both sides agree: the sync state learns the record as the server holds it.
    void remember(const PublishItem &item);
    bool stopping(const ApiResponse &response) const;

    JsonValue withCompetition(const JsonValue &body) const;
    const JsonValue *serverRecord(const QString &key) const;

    ApiClient *m_client;
    Document *m_document;
    QUrl m_apiRoot;
    ApiSession m_session;
    ServerReader m_reader;
    ServerSnapshot m_snapshot;
    SyncState m_sync;
    PublishPlan::Options m_options;
    std::optional<QSet<QString>> m_unitsOnly;
    QList<PublishItem> m_items;
    QList<Finding> m_findings;
    PublishReport m_report;
    bool m_planned = false;
    bool m_planning = false;
    bool m_publishing = false;
    bool m_cancelled = false;
    int m_phase = 0;
    int m_outstanding = 0;
    int m_done = 0;
    int m_total = 0;
    int m_requestsAtStart = 0;
    int m_writesAtStart = 0;
};

} // namespace meetdesk

Q_DECLARE_METATYPE(meetdesk::PublishReport)
