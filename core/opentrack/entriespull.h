#pragma once

#include "apisession.h"
#include "serverreader.h"
#include "syncstate.h"

#include "import/entriesapply.h"
#include "import/entriesimport.h"

#include <QHash>
#include <QObject>

namespace meetdesk {

class ApiClient;
class Competition;
class Document;

// What a pull of entries would do to the open document: the entries plan (EntriesImport's, so
// merging by bib, else by name and date of birth, is the importer's rule, written once), with
// each of its rows named after the server's record, and what stays as it is.
struct PulledEntries
{
    EntriesPlan plan;
    QHash<int, QString> rowLabels; // plan row -> "competitor 101 (Anna Smith), event T01"
    QStringList unchanged; // competitors on both sides that agree: "competitor 101 (Anna Smith)"
    QStringList fileOnly; // competitors only in the file: left alone
    int serverCompetitors = 0;

    // An issue as the preview says it: "competitor 101 (Anna Smith), date_of_birth: ..."
    QString describe(const EntriesPlan::Issue &issue) const;
    QStringList issueLines() const;
    // What applying would do to one of plan.people, a line each: "first_name: Tom -> Thomas",
    // "entered in F01 (LJ), sb 6.10", "T01 (100) sb: 10.61 -> 10.50".
    static QStringList changeLines(const EntriesPlan::Person &person);
    // "competitor 101 (Tom Adeyemi)", from the file's record where it merges into one.
    static QString label(const EntriesPlan::Person &person);
    int created() const;
    int changed() const;
    bool changesAnything() const { return created() + changed() + plan.teams.size() > 0; }
    // "2 new competitors, 3 changed, 1 new club; 40 unchanged; 2 only in this file (left alone)"
    QString summary() const;
};

// Pulls the competitors, their events entered and seed marks of the open document's
// competition from an OpenTrack-style server: read() finds the competition as a publish does
// (the one the sync state remembers, else the file's slug) and reads its teams, competitors and
// events (no heats); plan() makes the previewed merge; apply() takes it as one undo step, the
// sync state's bases of the records taken moving with it.
class EntriesPull : public QObject
{
    Q_OBJECT

public:
    EntriesPull(ApiClient *client, const QUrl &apiRoot, QObject *parent = nullptr);
    ~EntriesPull() override;

    void setReauthenticate(ApiSession::Reauthenticate reauthenticate)
    {
        m_session.setReauthenticate(std::move(reauthenticate));
    }

    // Reads the document's competition; done() gets the error, empty when the snapshot is in.
    void read(const Document &document, std::function<void(const QString &error)> done);
    const ServerSnapshot &snapshot() const { return m_snapshot; }

    // The pure parts, tested with data rows.
    // The server's competitors as an entries table: a row per event entered (one for a
    // competitor entered in none), columns named as OpenTrack names the fields.
    static Table table(const ServerSnapshot &snapshot, QHash<int, QString> *rowLabels = nullptr);
    static EntriesMapping mapping(const Table &table);
    static PulledEntries plan(const ServerSnapshot &snapshot, const Competition &file);
    // The base of a record after a pull, per top-level field: where the file now holds what
    // the server holds, that value (both sides agree); elsewhere the last base's, so a change
    // on either side is still told apart (the server's value when there was no base, so what
    // the file holds otherwise is the file's change, sent by the next publish).
    static SyncState::Record rebased(const SyncState::Record *last, const JsonValue &file,
                                     const JsonValue &server, const QString &id, const QUrl &url);
    // Applies the plan (every new club, every competitor, the values that could be read) and
    // the records' new bases as one undo step; undo restores both.
    static EntriesApplied apply(Document &document, const PulledEntries &pulled,
                                const ServerSnapshot &snapshot);

private:
    QUrl m_apiRoot;
    ApiSession m_session;
    ServerReader m_reader;
    ServerSnapshot m_snapshot;
};

} // namespace meetdesk
