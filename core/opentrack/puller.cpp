#include "puller.h"

#include "apimessages.h"
#include "payload.h"
#include "publishplan.h"
#include "syncstate.h"

#include "format/opentrackreader.h"

#include <QUuid>

namespace meetdesk {

Puller::Puller(ApiClient *client, const QUrl &apiRoot, QObject *parent)
    : QObject(parent)
    , m_apiRoot(api::withTrailingSlash(apiRoot))
    , m_session(client)
    , m_reader(m_session)
{ }

Puller::~Puller() = default;

void Puller::fail(const QString &message)
{
    Done done = std::exchange(m_done, {});
    if (done)
        done(nullptr, message);
}

void Puller::pull(const QString &competition, Done done)
{
    m_done = std::move(done);
    m_snapshot = {};
    m_reader.readRoot(m_snapshot, m_apiRoot, [this, competition](const QString &error) {
        if (!error.isEmpty())
            fail(error);
        else
            readRecords(competition);
    });
}

void Puller::readRecords(const QString &competition)
{
    ServerReader::Wanted wanted;
    if (QUuid::fromString(competition).isNull())
        wanted.slug = competition;
    else
        wanted.id = competition;
    m_reader.findCompetition(m_snapshot, wanted, [this, competition](const QString &error) {
        if (const QString trouble = m_snapshot.trouble(error); !trouble.isEmpty()) {
            fail(trouble);
            return;
        }
        if (!m_snapshot.competition.isObject()) {
            fail(tr("The server has no competition %1.").arg(competition));
            return;
        }
        m_reader.readRecords(m_snapshot, [this](const QString &readError) {
            if (const QString trouble = m_snapshot.trouble(readError); !trouble.isEmpty()) {
                fail(trouble);
                return;
            }
            QStringList units;
            for (auto it = m_snapshot.units.cbegin(); it != m_snapshot.units.cend(); ++it) {
                if (!it->full.isObject())
                    units.append(it.key());
            }
            m_reader.readUnits(m_snapshot, units, [this](const QString &unitError) {
                if (const QString trouble = m_snapshot.trouble(unitError); !trouble.isEmpty())
                    fail(trouble);
                else
                    assemble();
            });
        });
    });
}

void Puller::assemble()
{
    // One nested document, as a file would hold it, read by the same reader as files.
    JsonObject nested
        = ServerSnapshot::fileRecord(m_snapshot.competition, {QStringLiteral("directors")})
              .members();
    const auto list = [this](const char *kind) {
        std::vector<JsonValue> out;
        const QString prefix = QLatin1StringView(kind) + u':';
        for (const QString &key : std::as_const(m_snapshot.order)) {
            if (key.startsWith(prefix))
                out.push_back(ServerSnapshot::fileRecord(m_snapshot.records.value(key)));
        }
        return out;
    };
    nested.push_back({QStringLiteral("competitors"), JsonValue::array(list("competitor"))});
    nested.push_back({QStringLiteral("teams"), JsonValue::array(list("team"))});
    nested.push_back({QStringLiteral("relay_teams"), JsonValue::array(list("relay_team"))});
    std::vector<JsonValue> events;
    QHash<QString, const ServerSnapshot::Unit *> unitsByUrl;
    for (auto it = m_snapshot.units.cbegin(); it != m_snapshot.units.cend(); ++it)
        unitsByUrl.insert(it->url.toString(), &*it);
    for (const QString &key : std::as_const(m_snapshot.order)) {
        if (!key.startsWith(u"event:"))
            continue;
        const JsonValue &server = m_snapshot.records[key];
        JsonObject event = ServerSnapshot::fileRecord(server).members();
        std::vector<JsonValue> units;
        if (const JsonValue *listed = server.find(u"units"); listed && listed->isArray()) {
            for (const JsonValue &entry : listed->items()) {
                const QUrl url = m_apiRoot.resolved(QUrl(payload::textOf(entry, u"url")));
                if (const ServerSnapshot::Unit *unit = unitsByUrl.value(url.toString()))
                    units.push_back(ServerSnapshot::fileRecord(unit->known()));
            }
        }
        event.push_back({QStringLiteral("units"), JsonValue::array(std::move(units))});
        events.push_back(JsonValue::object(std::move(event)));
    }
    nested.push_back({QStringLiteral("events"), JsonValue::array(std::move(events))});

    ReadResult read = OpenTrackReader::read(payload::toBytes(JsonValue::object(std::move(nested))));
    if (!read.ok()) {
        fail(tr("The server's competition could not be read: %1").arg(read.error));
        return;
    }
    auto document = std::make_unique<Document>(std::move(read.competition));

    // Every record as the server has it is the base of the next publish, so publishing the
    // pulled document writes nothing, and later changes on either side are told apart.
    SyncState sync;
    sync.setServer(m_apiRoot);
    const auto remember = [this, &sync](const Node &node, const JsonValue &server,
                                        const QString &id, const QUrl &url) {
        const JsonValue file = payload::of(node);
        QStringList keys;
        for (const JsonMember &m : file.members())
            keys.append(m.key);
        sync.setRecord(payload::naturalKey(node),
                       PublishPlan::advance(nullptr, file, keys, server, id, url));
    };
    const auto recordUrl = [this](const JsonValue &server) {
        return m_apiRoot.resolved(QUrl(payload::textOf(server, u"url")));
    };
    const Competition &c = document->competition();
    remember(c, m_snapshot.competition, m_snapshot.competitionId, m_snapshot.competitionUrl);
    const auto child = [&](const Node &node) {
        const JsonValue server = m_snapshot.records.value(payload::naturalKey(node));
        remember(node, server, payload::idOf(server), recordUrl(server));
    };
    for (const auto &t : c.teams)
        child(*t);
    for (const auto &x : c.competitors)
        child(*x);
    for (const auto &r : c.relayTeams)
        child(*r);
    for (const auto &e : c.events) {
        child(*e);
        for (const auto &u : e->units) {
            const ServerSnapshot::Unit unit = m_snapshot.units.value(payload::naturalKey(*u));
            remember(*u, unit.known(), unit.id, unit.url);
        }
    }
    document->setMeetdeskData(sync.toMeetdesk({}));
    Done done = std::exchange(m_done, {});
    done(std::move(document), QString());
}

} // namespace meetdesk
