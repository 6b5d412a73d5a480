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
    ServerReader::Wanted wanted;
    if (QUuid::fromString(competition).isNull())
        wanted.slug = competition;
    else
        wanted.id = competition;
    const auto everyHeat = [this] {
        QStringList keys = m_snapshot.units.keys();
        keys.removeIf([this](const QString &key) { return m_snapshot.units[key].full.isObject(); });
        return keys;
    };
    m_reader.read(m_snapshot, m_apiRoot, wanted, everyHeat,
                  [this, competition](const QString &error) {
                      if (!error.isEmpty())
                          fail(error);
                      else if (!m_snapshot.competition.isObject())
                          fail(tr("The server has no competition %1.").arg(competition));
                      else
                          assemble();
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
                // A heat echoes its event's id and name: the event above holds them.
                if (const ServerSnapshot::Unit *unit = unitsByUrl.value(url.toString()))
                    units.push_back(ServerSnapshot::fileRecord(
                        unit->known(), {QStringLiteral("event_id"), QStringLiteral("event_name")}));
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
    const auto remember
        = [&sync](const Node &node, const JsonValue &server, const QString &id, const QUrl &url) {
              sync.setRecord(payload::naturalKey(node),
                             PublishPlan::agreed(nullptr, payload::of(node), server, id, url));
          };
    payload::forEachRecord(document->competition(), [&](const Node &node) {
        const QString key = payload::naturalKey(node);
        if (node.kind() == NodeKind::Competition) {
            remember(node, m_snapshot.competition, m_snapshot.competitionId,
                     m_snapshot.competitionUrl);
        } else if (node.kind() == NodeKind::Unit) {
            const ServerSnapshot::Unit unit = m_snapshot.units.value(key);
            remember(node, unit.known(), unit.id, unit.url);
        } else {
            const JsonValue server = m_snapshot.records.value(key);
            remember(node, server, payload::idOf(server),
                     m_apiRoot.resolved(QUrl(payload::textOf(server, u"url"))));
        }
    });
    document->setMeetdeskData(sync.toMeetdesk({}));
    Done done = std::exchange(m_done, {});
    done(std::move(document), QString());
}

} // namespace meetdesk
