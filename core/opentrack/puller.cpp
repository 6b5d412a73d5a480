#include "puller.h"

#include "apimessages.h"
#include "format/opentrackreader.h"
#include "payload.h"
#include "syncstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace meetdesk {

namespace {

// What only the server has (its ids and links) and empty values are not part of the document.
QJsonObject clean(QJsonObject o, std::initializer_list<const char *> serverKeys)
{
    for (const char *key : serverKeys)
        o.remove(QLatin1StringView(key));
    for (auto it = o.begin(); it != o.end();) {
        const QJsonValue v = it.value();
        const bool empty = v.isNull() || (v.isString() && v.toString().isEmpty())
            || (v.isArray() && v.toArray().isEmpty());
        it = empty ? o.erase(it) : it + 1;
    }
    return o;
}

} // namespace

Puller::Puller(ApiClient *client, const QUrl &apiRoot, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_apiRoot(api::withTrailingSlash(apiRoot))
{ }

void Puller::fail(const QString &message)
{
    if (m_done)
        m_done(nullptr, message);
    m_done = {};
}

void Puller::pull(const QString &competition, Done done)
{
    m_done = std::move(done);
    m_client->get(m_apiRoot, [this, competition](const ApiResponse &r) {
        if (!r.ok()) {
            fail(tr("The server at %1 could not be used: %2")
                     .arg(m_apiRoot.toDisplayString(), r.error.message));
            return;
        }
        m_root = r.json.object();
        readCompetition(competition);
    });
}

void Puller::readCompetition(const QString &competition)
{
    const bool isId = QUuid::fromString(competition).isNull() == false;
    QUrl url = api::collectionUrl(m_root, QStringLiteral("competitions"));
    if (isId)
        url = url.resolved(QUrl(competition + u'/'));
    else
        url.setQuery(QStringLiteral("slug=")
                     + QString::fromUtf8(QUrl::toPercentEncoding(competition)));
    m_client->get(url, [this, competition, isId](const ApiResponse &r) {
        if (!r.ok()) {
            fail(r.status == 404 ? tr("The server has no competition %1.").arg(competition)
                                 : r.error.message);
            return;
        }
        if (isId) {
            m_competition = r.json.object();
        } else {
            const QJsonArray results = r.json.object().value(QStringLiteral("results")).toArray();
            if (results.isEmpty()) {
                fail(tr("The server has no competition %1.").arg(competition));
                return;
            }
            m_competition = results.first().toObject();
        }
        readChildren();
    });
}

void Puller::readChildren()
{
    QStringList names {QStringLiteral("teams"), QStringLiteral("competitors"),
                       QStringLiteral("events")};
    if (api::collectionUrl(m_root, QStringLiteral("relay-teams")).isValid())
        names.append(QStringLiteral("relay-teams"));
    auto left = std::make_shared<int>(int(names.size()));
    const QJsonValue id = m_competition.value(QStringLiteral("id"));
    const QString competitionId = id.isString() ? id.toString() : QString::number(id.toInteger());
    for (const QString &name : names) {
        QUrl first = api::collectionUrl(m_root, name);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("competition"), competitionId);
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
        first.setQuery(query);
        auto next = std::make_shared<std::function<void(const QUrl &)>>();
        *next = [this, name, next, left](const QUrl &page) {
            m_client->get(page, [this, name, next, left](const ApiResponse &r) {
                if (!m_done)
                    return;
                if (!r.ok()) {
                    fail(tr("Could not read the server's %1: %2").arg(name, r.error.message));
                    return;
                }
                for (const QJsonValue &v :
                     r.json.object().value(QStringLiteral("results")).toArray())
                    m_lists[name].append(v);
                const QJsonValue more = r.json.object().value(QStringLiteral("next"));
                if (more.isString())
                    (*next)(QUrl(more.toString()));
                else if (--*left == 0)
                    readUnits();
            });
        };
        (*next)(first);
    }
}

void Puller::readUnits()
{
    QList<QUrl> urls;
    for (const QJsonValue &e : m_lists.value(QStringLiteral("events"))) {
        for (const QJsonValue &u : e.toObject().value(QStringLiteral("units")).toArray())
            urls.append(QUrl(u.toObject().value(QStringLiteral("url")).toString()));
    }
    if (urls.isEmpty()) {
        assemble();
        return;
    }
    auto left = std::make_shared<int>(int(urls.size()));
    for (const QUrl &url : urls) {
        m_client->get(url, [this, url, left](const ApiResponse &r) {
            if (!m_done)
                return;
            if (!r.ok()) {
                fail(tr("Could not read a heat (%1): %2")
                         .arg(url.toDisplayString(), r.error.message));
                return;
            }
            m_units.insert(url.toString(), r.json.object());
            if (--*left == 0)
                assemble();
        });
    }
}

void Puller::assemble()
{
    // One nested document, as a file would hold it, read by the same reader as files.
    QJsonObject nested = clean(m_competition, {"id", "url", "directors"});
    const auto children = [this](const QString &name) {
        QJsonArray out;
        for (const QJsonValue &v : m_lists.value(name))
            out.append(clean(v.toObject(), {"id", "url", "competition"}));
        return out;
    };
    nested.insert(QStringLiteral("teams"), children(QStringLiteral("teams")));
    nested.insert(QStringLiteral("competitors"), children(QStringLiteral("competitors")));
    nested.insert(QStringLiteral("relay_teams"), children(QStringLiteral("relay-teams")));
    QJsonArray events;
    for (const QJsonValue &v : m_lists.value(QStringLiteral("events"))) {
        QJsonObject event = clean(v.toObject(), {"id", "url", "competition", "units"});
        QJsonArray units;
        for (const QJsonValue &u : v.toObject().value(QStringLiteral("units")).toArray()) {
            const QJsonObject unit
                = m_units.value(u.toObject().value(QStringLiteral("url")).toString());
            units.append(clean(unit, {"id", "url", "event"}));
        }
        event.insert(QStringLiteral("units"), units);
        events.append(event);
    }
    nested.insert(QStringLiteral("events"), events);

    ReadResult read = OpenTrackReader::read(QJsonDocument(nested).toJson(QJsonDocument::Compact));
    if (!read.ok()) {
        fail(tr("The server's competition could not be read: %1").arg(read.error));
        return;
    }
    auto document = std::make_unique<Document>(std::move(read.competition));

    // Every record as the server has it, so publishing the pulled document writes nothing.
    SyncState sync;
    sync.setServer(m_apiRoot);
    const Competition &c = document->competition();
    const auto remember
        = [&sync](const Node &node, const QJsonObject &sent, const QJsonObject &server) {
              const QJsonValue id = server.value(QStringLiteral("id"));
              sync.setRecord(payload::naturalKey(node),
                             {id.isString() ? id.toString() : QString::number(id.toInteger()),
                              QUrl(server.value(QStringLiteral("url")).toString()),
                              payload::hash(sent), sent.keys()});
          };
    remember(c, payload::competition(c), m_competition);
    const auto byKey = [this](const QString &name, const char *field, const QString &value) {
        for (const QJsonValue &v : m_lists.value(name)) {
            if (v.toObject().value(QLatin1StringView(field)).toString() == value)
                return v.toObject();
        }
        return QJsonObject();
    };
    for (const auto &t : c.teams)
        remember(*t, payload::team(*t), byKey(QStringLiteral("teams"), "team_id", t->teamId));
    for (const auto &x : c.competitors)
        remember(*x, payload::competitor(*x),
                 byKey(QStringLiteral("competitors"), "competitor_id", x->competitorId));
    for (const auto &r : c.relayTeams)
        remember(*r, payload::relayTeam(*r),
                 byKey(QStringLiteral("relay-teams"), "relay_team_id", r->relayTeamId));
    for (const auto &e : c.events) {
        const QJsonObject server = byKey(QStringLiteral("events"), "event_id", e->eventId);
        remember(*e, payload::event(*e), server);
        for (const auto &u : e->units) {
            for (const QJsonValue &ref : server.value(QStringLiteral("units")).toArray()) {
                const QJsonObject r = ref.toObject();
                if (r.value(QStringLiteral("round")).toInt() == u->round
                    && r.value(QStringLiteral("heat")).toInt() == u->heat)
                    remember(*u, payload::unit(*u), r);
            }
        }
    }
    document->setMeetdeskData(sync.toMeetdesk({}));
    Done done = std::move(m_done);
    m_done = {};
    done(std::move(document), QString());
}

} // namespace meetdesk
