#include "publisher.h"

#include "apimessages.h"
#include "model/describe.h"
#include "payload.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace meetdesk {

namespace {

constexpr int bulkSize = 500;

enum Phase { CompetitionPhase, TeamsAndEvents, CompetitorsAndRelays, Units, Deletes, Done };

QString idOf(const QJsonObject &server)
{
    const QJsonValue id = server.value(QStringLiteral("id"));
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}

bool isEmptyUnit(const QJsonObject &payload)
{
    for (const char *key : {"results", "trials", "heights"}) {
        if (!payload.value(QLatin1StringView(key)).toArray().isEmpty())
            return false;
    }
    return !payload.contains(QStringLiteral("status"))
        && !payload.contains(QStringLiteral("results_status"));
}

} // namespace

Publisher::Publisher(ApiClient *client, Document *document, const QUrl &apiRoot, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
    , m_apiRoot(api::withTrailingSlash(apiRoot))
    , m_sync(SyncState::fromMeetdesk(document->meetdeskData()))
{
    m_sync.setServer(m_apiRoot);
}

Publisher::~Publisher() = default;

QString Publisher::describe(const Node *node) const
{
    if (!node)
        return {};
    const QString own = describe::kindName(node->kind()) + u' ' + describe::label(*node);
    if (node->kind() == NodeKind::Unit && node->parent()) // "heat Final" alone says too little
        return own + QStringLiteral(" (") + describe::label(*node->parent()) + u')';
    return own;
}

QUrl Publisher::collection(const QString &name) const
{
    return api::collectionUrl(m_root, name);
}

QJsonObject Publisher::withCompetition(QJsonObject payload) const
{
    payload.insert(QStringLiteral("competition"), idOf(m_serverCompetition));
    return payload;
}

void Publisher::rememberUnits(const QJsonObject &event)
{
    const QString eventId = event.value(QStringLiteral("event_id")).toString();
    for (const QJsonValue &u : event.value(QStringLiteral("units")).toArray()) {
        const QJsonObject unit = u.toObject();
        m_unitUrls.insert(QStringLiteral("unit:%1/%2/%3")
                              .arg(eventId)
                              .arg(unit.value(QStringLiteral("round")).toInt())
                              .arg(unit.value(QStringLiteral("heat")).toInt()),
                          QUrl(unit.value(QStringLiteral("url")).toString()));
    }
}

void Publisher::step(const QString &text)
{
    Q_EMIT progress(m_done, m_total, text);
}

void Publisher::send(const QByteArray &method, const QUrl &url, const QJsonValue &body,
                     std::function<void(const ApiResponse &)> done)
{
    if (method != "GET")
        ++m_report.writes;
    auto deliver = [this, method, url, body, done](const ApiResponse &r) {
        if (r.error.kind == ApiError::Kind::Unauthorized && m_reauthenticate && !m_cancelled) {
            m_reauthenticate([this, method, url, body, done, r](const QString &token) {
                if (token.isEmpty()) {
                    done(r);
                    return;
                }
                m_client->setToken(token);
                if (method != "GET")
                    --m_report.writes; // counted again when re-sent
                send(method, url, body, done);
            });
            return;
        }
        done(r);
    };
    if (method == "GET")
        m_client->get(url, deliver);
    else if (method == "POST")
        m_client->post(url, body, deliver);
    else if (method == "PATCH")
        m_client->patch(url, body, deliver);
    else
        m_client->deleteResource(url, deliver);
}

void Publisher::plan()
{
    m_planned = false;
    m_cancelled = false;
    m_items.clear();
    m_server.clear();
    m_unitUrls.clear();
    m_serverCompetition = {};
    m_report = {};
    m_requestsAtStart = m_client->requestsSent();
    if (m_document->competition().slug.isEmpty()) {
        Q_EMIT failed(tr("The competition needs a slug before it can be published."));
        return;
    }
    step(tr("Asking the server what it offers"));
    discover();
}

void Publisher::discover()
{
    send("GET", m_apiRoot, {}, [this](const ApiResponse &r) {
        if (!r.ok() || !r.json.isObject()) {
            Q_EMIT failed(
                tr("The server at %1 could not be used: %2")
                    .arg(m_apiRoot.toDisplayString(),
                         r.ok() ? tr("it does not list its collections") : r.error.message));
            return;
        }
        m_root = r.json.object();
        for (const char *name : {"competitions", "competitors", "teams", "events"}) {
            if (!collection(QLatin1StringView(name)).isValid()) {
                Q_EMIT failed(tr("The server at %1 offers no %2 collection.")
                                  .arg(m_apiRoot.toDisplayString(), QLatin1StringView(name)));
                return;
            }
        }
        findCompetition();
    });
}

void Publisher::findCompetition()
{
    step(tr("Looking for the competition on the server"));
    const auto bySlug = [this] {
        QUrl url = collection(QStringLiteral("competitions"));
        url.setQuery(QStringLiteral("slug=")
                     + QString::fromUtf8(QUrl::toPercentEncoding(m_document->competition().slug)));
        send("GET", url, {}, [this](const ApiResponse &r) {
            if (!r.ok()) {
                Q_EMIT failed(tr("Could not look for the competition: %1").arg(r.error.message));
                return;
            }
            const QJsonArray results = r.json.object().value(QStringLiteral("results")).toArray();
            if (!results.isEmpty())
                m_serverCompetition = results.first().toObject();
            readChildren();
        });
    };
    const SyncState::Record *known = m_sync.record(QStringLiteral("competition"));
    if (!known || !known->url.isValid()) {
        bySlug();
        return;
    }
    send("GET", known->url, {}, [this, bySlug](const ApiResponse &r) {
        if (r.ok() && r.json.isObject()) {
            m_serverCompetition = r.json.object();
            readChildren();
        } else if (r.status == 404) {
            bySlug(); // gone on the server: perhaps recreated under the same slug
        } else {
            Q_EMIT failed(tr("Could not read the competition: %1").arg(r.error.message));
        }
    });
}

void Publisher::readAll(const QString &name, std::function<void(QList<QJsonObject>)> done)
{
    QUrl url = collection(name);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("competition"), idOf(m_serverCompetition));
    query.addQueryItem(QStringLiteral("limit"), QString::number(bulkSize));
    url.setQuery(query);
    auto all = std::make_shared<QList<QJsonObject>>();
    auto next = std::make_shared<std::function<void(const QUrl &)>>();
    *next = [this, all, next, done, name](const QUrl &page) {
        send("GET", page, {}, [this, all, next, done, name](const ApiResponse &r) {
            if (!r.ok()) {
                Q_EMIT failed(tr("Could not read the server's %1: %2").arg(name, r.error.message));
                return;
            }
            for (const QJsonValue &v : r.json.object().value(QStringLiteral("results")).toArray())
                all->append(v.toObject());
            const QJsonValue more = r.json.object().value(QStringLiteral("next"));
            if (more.isString())
                (*next)(QUrl(more.toString()));
            else
                done(*all);
        });
    };
    (*next)(url);
}

void Publisher::readChildren()
{
    if (m_serverCompetition.isEmpty()) {
        buildPlan();
        return;
    }
    step(tr("Reading what the server holds"));
    QStringList names {QStringLiteral("teams"), QStringLiteral("competitors"),
                       QStringLiteral("events")};
    if (collection(QStringLiteral("relay-teams")).isValid())
        names.append(QStringLiteral("relay-teams"));
    auto left = std::make_shared<int>(int(names.size()));
    for (const QString &name : names) {
        readAll(name, [this, name, left](const QList<QJsonObject> &records) {
            for (const QJsonObject &o : records) {
                QString key;
                if (name == u"teams")
                    key = QStringLiteral("team:") + o.value(QStringLiteral("team_id")).toString();
                else if (name == u"competitors")
                    key = QStringLiteral("competitor:")
                        + o.value(QStringLiteral("competitor_id")).toString();
                else if (name == u"relay-teams")
                    key = QStringLiteral("relay_team:")
                        + o.value(QStringLiteral("relay_team_id")).toString();
                else {
                    key = QStringLiteral("event:") + o.value(QStringLiteral("event_id")).toString();
                    rememberUnits(o);
                }
                m_server.insert(key, o);
            }
            if (--*left == 0)
                buildPlan();
        });
    }
}

void Publisher::buildPlan()
{
    const Competition &c = m_document->competition();
    m_items.clear();
    const auto decide = [this](const Node &node, const QJsonObject &sent,
                               const QJsonObject &server) {
        const QString key = payload::naturalKey(node);
        PublishItem item {PublishItem::Action::Unchanged, key, describe(&node), &node};
        if (server.isEmpty()) {
            item.action = PublishItem::Action::Create;
        } else {
            const QString hash = payload::hash(sent);
            const SyncState::Record *known = m_sync.record(key);
            const bool sentBefore = known && known->hash == hash && known->id == idOf(server);
            bool keysMissing = false;
            for (auto it = sent.begin(); it != sent.end(); ++it)
                keysMissing = keysMissing || !server.contains(it.key());
            if (sentBefore) {
                // as it was published: nothing to do
            } else if (payload::serverAgrees(sent, server) && !keysMissing
                       && payload::withClears(sent, server, known ? known->fields : QStringList())
                           == sent) {
                // already there (a publish that stopped before saving): remember it
                m_sync.setRecord(key,
                                 {idOf(server),
                                  QUrl(server.value(QStringLiteral("url")).toString()), hash,
                                  sent.keys()});
            } else {
                item.action = PublishItem::Action::Update;
            }
        }
        m_items.append(item);
    };

    decide(c, payload::competition(c), m_serverCompetition);
    for (const auto &t : c.teams)
        decide(*t, payload::team(*t), m_server.value(payload::naturalKey(*t)));
    for (const auto &e : c.events)
        decide(*e, payload::event(*e), m_server.value(payload::naturalKey(*e)));
    for (const auto &x : c.competitors)
        decide(*x, payload::competitor(*x), m_server.value(payload::naturalKey(*x)));
    for (const auto &r : c.relayTeams)
        decide(*r, payload::relayTeam(*r), m_server.value(payload::naturalKey(*r)));
    for (const auto &e : c.events) {
        for (const auto &u : e->units) {
            const QJsonObject sent = payload::unit(*u);
            const QString key = payload::naturalKey(*u);
            const SyncState::Record *known = m_sync.record(key);
            const bool changed = known ? known->hash != payload::hash(sent) : !isEmptyUnit(sent);
            m_items.append({changed ? PublishItem::Action::Update : PublishItem::Action::Unchanged,
                            key, describe(u.get()), u.get()});
        }
    }
    // Deleted since the last publish: known to the sync state, on the server, not in the file.
    QSet<QString> present;
    for (const PublishItem &item : std::as_const(m_items))
        present.insert(item.key);
    for (const QString &key : m_sync.keys()) {
        if (!present.contains(key) && m_server.contains(key))
            m_items.append({PublishItem::Action::Delete, key, key, nullptr});
    }

    m_total = 0;
    for (const PublishItem &item : std::as_const(m_items))
        m_total += item.action != PublishItem::Action::Unchanged;
    m_planned = true;
    Q_EMIT planned();
    if (m_publishing)
        runPhase(CompetitionPhase);
}

void Publisher::publish()
{
    m_publishing = true;
    if (!m_planned) {
        plan();
        return;
    }
    runPhase(CompetitionPhase);
}

void Publisher::cancel()
{
    m_cancelled = true;
    m_client->cancelAll();
}

void Publisher::fail(const Node *node, const QString &message)
{
    m_report.failures.append({node, node ? describe(node) : QString(), message});
}

void Publisher::done(int count)
{
    m_done += count;
}

void Publisher::recordEcho(const Node *node, const QString &key, const QJsonObject &sent,
                           const QJsonObject &echo, PublishItem::Action action)
{
    const QStringList missing = payload::notStored(sent, echo);
    if (!missing.isEmpty())
        m_report.notStored.append(
            {node, describe(node), tr("not stored: %1").arg(missing.join(QStringLiteral(", ")))});
    // The hash is of what the document says, so an unchanged record is skipped next time.
    const QJsonObject own = payload::of(*node);
    const SyncState::Record *known = m_sync.record(key);
    const QString id
        = echo.contains(QStringLiteral("id")) ? idOf(echo) : (known ? known->id : QString());
    const QUrl url = echo.contains(QStringLiteral("url"))
        ? QUrl(echo.value(QStringLiteral("url")).toString())
        : (known ? known->url : QUrl());
    m_sync.setRecord(key, {id, url, payload::hash(own), own.keys()});
    if (action == PublishItem::Action::Create)
        ++m_report.created;
    else
        ++m_report.updated;
}

void Publisher::write(const QByteArray &method, const QUrl &url, const QJsonObject &sent,
                      const Node *node, const QString &key, PublishItem::Action action,
                      std::function<void(const QJsonObject &echo)> stored)
{
    ++m_outstanding;
    send(method, url, sent, [=, this](const ApiResponse &r) {
        if (r.ok()) {
            recordEcho(node, key, sent, r.json.object(), action);
            if (stored)
                stored(r.json.object());
        } else if (r.error.kind != ApiError::Kind::Cancelled) {
            fail(node, r.error.message);
        }
        done();
        step(describe(node));
        if (--m_outstanding == 0)
            runPhase(m_phase + 1);
    });
}

void Publisher::writeBulk(const QString &name, const QList<const Node *> &nodes,
                          const QList<QJsonObject> &payloads)
{
    for (qsizetype start = 0; start < nodes.size(); start += bulkSize) {
        const qsizetype count = std::min<qsizetype>(bulkSize, nodes.size() - start);
        QJsonArray body;
        for (qsizetype i = start; i < start + count; ++i)
            body.append(payloads[i]);
        ++m_outstanding;
        send("POST", collection(name), body, [=, this](const ApiResponse &r) {
            const QJsonArray echoes = r.json.array();
            for (qsizetype i = 0; i < count; ++i) {
                const Node *node = nodes[start + i];
                if (r.ok() && i < echoes.size())
                    recordEcho(node, payload::naturalKey(*node), payloads[start + i],
                               echoes[i].toObject(), PublishItem::Action::Create);
                else if (r.error.kind != ApiError::Kind::Cancelled)
                    fail(node, r.ok() ? tr("the server did not answer for it") : r.error.message);
            }
            done(int(count));
            step(tr("%n %1 added", nullptr, int(count)).arg(name));
            if (--m_outstanding == 0)
                runPhase(m_phase + 1);
        });
    }
}

void Publisher::runPhase(int phase)
{
    m_phase = phase;
    if (m_cancelled) {
        m_report.cancelled = true;
        finish();
        return;
    }
    if (phase == CompetitionPhase && m_items.first().action == PublishItem::Action::Create) {
        // Nothing else can go before the competition has its id.
        const Competition &c = m_document->competition();
        step(tr("Creating the competition"));
        ++m_outstanding;
        const QJsonObject sent = payload::competition(c);
        send("POST", collection(QStringLiteral("competitions")), sent,
             [this, sent, &c](const ApiResponse &r) {
                 --m_outstanding;
                 done();
                 if (!r.ok()) {
                     fail(&c, r.error.message);
                     finish();
                     return;
                 }
                 m_serverCompetition = r.json.object();
                 recordEcho(&c, QStringLiteral("competition"), sent, m_serverCompetition,
                            PublishItem::Action::Create);
                 runPhase(TeamsAndEvents);
             });
        return;
    }
    if (phase >= Done) {
        finish();
        return;
    }

    const Competition &c = m_document->competition();
    QList<const Node *> bulkNodes;
    QList<QJsonObject> bulkPayloads;
    QString bulkName;
    const auto update = [this](const Node &node, const QJsonObject &sent,
                               std::function<void(const QJsonObject &)> stored = {}) {
        const QString key = payload::naturalKey(node);
        const QJsonObject server
            = node.kind() == NodeKind::Competition ? m_serverCompetition : m_server.value(key);
        const SyncState::Record *known = m_sync.record(key);
        QJsonObject body = payload::withClears(sent, server, known ? known->fields : QStringList());
        if (node.kind() != NodeKind::Competition)
            body = withCompetition(body);
        write("PATCH", QUrl(server.value(QStringLiteral("url")).toString()), body, &node, key,
              PublishItem::Action::Update, stored);
    };
    const auto rememberUnits = [this](const QJsonObject &echo) {
        this->rememberUnits(echo);
    };

    for (const PublishItem &item : std::as_const(m_items)) {
        if (item.action == PublishItem::Action::Unchanged)
            continue;
        const Node *node = item.node;
        const NodeKind kind = node ? node->kind() : NodeKind::Competition;
        const bool create = item.action == PublishItem::Action::Create;
        switch (phase) {
        case CompetitionPhase:
            if (node && kind == NodeKind::Competition)
                update(*node, payload::competition(c));
            break;
        case TeamsAndEvents:
            if (node && kind == NodeKind::Team) {
                const QJsonObject sent = payload::team(static_cast<const Team &>(*node));
                if (create) {
                    bulkName = QStringLiteral("teams");
                    bulkNodes.append(node);
                    bulkPayloads.append(withCompetition(sent));
                } else {
                    update(*node, sent);
                }
            } else if (node && kind == NodeKind::Event) {
                const QJsonObject sent = payload::event(static_cast<const Event &>(*node));
                if (create)
                    write("POST", collection(QStringLiteral("events")), withCompetition(sent), node,
                          item.key, item.action, rememberUnits);
                else
                    update(*node, sent, rememberUnits);
            }
            break;
        case CompetitorsAndRelays:
            if (node && kind == NodeKind::Competitor) {
                const QJsonObject sent
                    = payload::competitor(static_cast<const Competitor &>(*node));
                if (create) {
                    bulkNodes.append(node);
                    bulkPayloads.append(withCompetition(sent));
                } else {
                    update(*node, sent);
                }
            } else if (node && kind == NodeKind::RelayTeam) {
                if (!collection(QStringLiteral("relay-teams")).isValid()) {
                    m_report.notStored.append(
                        {node, describe(node), tr("not stored: the server offers no relay teams")});
                    done();
                    continue;
                }
                const QJsonObject sent = payload::relayTeam(static_cast<const RelayTeam &>(*node));
                if (create)
                    write("POST", collection(QStringLiteral("relay-teams")), withCompetition(sent),
                          node, item.key, item.action, {});
                else
                    update(*node, sent);
            }
            break;
        case Units:
            if (node && kind == NodeKind::Unit) {
                const QUrl url = m_unitUrls.value(item.key);
                if (!url.isValid()) {
                    const auto &u = static_cast<const Unit &>(*node);
                    m_report.notStored.append({node, describe(node),
                                               tr("not stored: the server has no round %1 heat %2 "
                                                  "in this event (it makes "
                                                  "heats from the event's rounds)")
                                                   .arg(u.round.value_or(0))
                                                   .arg(u.heat.value_or(0))});
                    done();
                    continue;
                }
                write("PATCH", url, payload::unit(static_cast<const Unit &>(*node)), node, item.key,
                      item.action, {});
            }
            break;
        case Deletes:
            if (item.action == PublishItem::Action::Delete) {
                const QUrl url(m_server.value(item.key).value(QStringLiteral("url")).toString());
                ++m_outstanding;
                const QString key = item.key;
                send("DELETE", url, {}, [this, key](const ApiResponse &r) {
                    if (r.ok() || r.status == 404) {
                        m_sync.removeRecord(key);
                        ++m_report.deleted;
                    } else if (r.error.kind != ApiError::Kind::Cancelled) {
                        m_report.failures.append({nullptr, key, r.error.message});
                    }
                    done();
                    if (--m_outstanding == 0)
                        runPhase(m_phase + 1);
                });
            }
            break;
        default:
            break;
        }
    }
    if (phase == CompetitorsAndRelays && !bulkNodes.isEmpty()) {
        writeBulk(QStringLiteral("competitors"), bulkNodes, bulkPayloads);
    } else if (phase == TeamsAndEvents && !bulkNodes.isEmpty()) {
        writeBulk(bulkName, bulkNodes, bulkPayloads);
    }
    if (m_outstanding == 0)
        runPhase(phase + 1);
}

void Publisher::finish()
{
    m_publishing = false;
    for (const PublishItem &item : std::as_const(m_items))
        m_report.unchanged += item.action == PublishItem::Action::Unchanged;
    m_report.requests = m_client->requestsSent() - m_requestsAtStart;
    m_report.cancelled = m_report.cancelled || m_cancelled;
    const JsonObject before = m_document->meetdeskData();
    const JsonObject after = m_sync.toMeetdesk(before);
    if (!(before == after)) {
        m_document->setMeetdeskData(after);
        m_document->undoStack()->resetClean(); // the sync state is worth saving
    }
    Q_EMIT progress(m_done, m_total, tr("Done"));
    Q_EMIT finished(m_report);
}

} // namespace meetdesk
