#include "publisher.h"

#include "apimessages.h"
#include "payload.h"

#include "serverversion.h"

#include "rules/validator.h"

namespace meetdesk {

namespace {

constexpr int bulkSize = 500;
constexpr int maxPostAttempts = 3; // the first POST, and at most two after read-backs

QString collectionOf(const Node &node)
{
    switch (node.kind()) {
    case NodeKind::Team:
        return QStringLiteral("teams");
    case NodeKind::Competitor:
        return QStringLiteral("competitors");
    case NodeKind::RelayTeam:
        return QStringLiteral("relay-teams");
    case NodeKind::Event:
        return QStringLiteral("events");
    default:
        return {};
    }
}

QStringList keysOf(const JsonValue &object)
{
    QStringList keys;
    for (const JsonMember &m : object.members()) {
        if (m.key != u"competition")
            keys.append(m.key);
    }
    return keys;
}

} // namespace

Publisher::Publisher(ApiClient *client, Document *document, const QUrl &apiRoot, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
    , m_apiRoot(api::withTrailingSlash(apiRoot))
    , m_session(client)
    , m_reader(m_session)
{
    m_reader.setStageReporter([this](const QString &stage) { step(stage); });
}

Publisher::~Publisher() = default;

QList<Finding> Publisher::errorsIn(const Competition &competition)
{
    QList<Finding> errors;
    for (const Finding &f : Validator::validate(competition)) {
        if (f.severity == Finding::Severity::Error)
            errors.append(f);
    }
    return errors;
}

void Publisher::step(const QString &text)
{
    Q_EMIT progress(m_done, m_total, text);
}

void Publisher::fail(const QString &message)
{
    m_planning = false;
    m_publishing = false;
    Q_EMIT failed(message);
}

JsonValue Publisher::withCompetition(const JsonValue &body) const
{
    JsonObject members = body.members();
    const JsonValue *id = m_snapshot.competition.find(u"id");
    setMember(members, QStringLiteral("competition"),
              id ? *id : JsonValue::string(m_snapshot.competitionId));
    return JsonValue::object(std::move(members));
}

const JsonValue *Publisher::serverRecord(const QString &key) const
{
    if (key == u"competition")
        return m_snapshot.competition.isObject() ? &m_snapshot.competition : nullptr;
    if (key.startsWith(u"unit:")) {
        const auto it = m_snapshot.units.constFind(key);
        return it == m_snapshot.units.constEnd() ? nullptr : &it->known();
    }
    const auto it = m_snapshot.records.constFind(key);
    return it == m_snapshot.records.constEnd() ? nullptr : &*it;
}

void Publisher::plan()
{
    m_planned = false;
    m_planning = true;
    m_cancelled = false;
    m_items.clear();
    m_findings.clear();
    m_report = {};
    m_snapshot = {};
    m_done = 0;
    m_total = 0; // nothing to send is known until the plan is made
    m_requestsAtStart = m_client->requestsSent();
    m_writesAtStart = m_session.writes();
    m_sync = SyncState::fromMeetdesk(m_document->meetdeskData());
    m_sync.setServer(m_apiRoot);

    // Errors block the publish before any request: the server would refuse those records, or
    // (a missing or doubled key) take them for others.
    m_findings = errorsIn(m_document->competition());
    if (m_unitsOnly) {
        // Live: a heat still being typed, and not sent, does not hold up the official ones.
        m_findings.removeIf([this](const Finding &f) {
            for (const Node *n = f.node; n; n = n->parent()) {
                if (n->kind() == NodeKind::Unit)
                    return !m_unitsOnly->contains(payload::naturalKey(*n));
            }
            return false;
        });
    }
    QStringList lines;
    for (const Finding &f : std::as_const(m_findings))
        lines.append(f.toString());
    if (!m_findings.isEmpty()) {
        fail(tr("The competition has %n error(s); nothing was sent. Mend them first:", nullptr,
                int(m_findings.size()))
             + u'\n' + lines.join(u'\n'));
        return;
    }
    const SyncState::Record *known = m_sync.record(QStringLiteral("competition"));
    const ServerReader::Wanted wanted {m_document->competition().slug,
                                       known ? known->id : QString(), known ? known->url : QUrl()};
    m_reader.read(
        m_snapshot, m_apiRoot, wanted,
        [this] {
            return PublishPlan::unitsToRead(m_document->competition(), m_sync, m_snapshot,
                                            m_options.verify);
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                fail(error);
            else
                makePlan();
        });
}

void Publisher::makePlan()
{
    m_items = PublishPlan::make(m_document->competition(), m_sync, m_snapshot, m_options);
    if (m_unitsOnly) {
        m_items.removeIf([this](const PublishItem &item) {
            if (item.action == PublishItem::Action::Delete)
                return true;
            return item.key.startsWith(u"unit:") && !m_unitsOnly->contains(item.key);
        });
    }
    m_total = 0;
    for (const PublishItem &item : std::as_const(m_items)) {
        const bool writes = item.action == PublishItem::Action::Create
            || item.action == PublishItem::Action::Update
            || (item.action == PublishItem::Action::Delete && !item.remember);
        m_total += writes;
    }
    m_planning = false;
    if (!m_planned) {
        m_planned = true;
        // Asked to publish before the plan was there: go on. (Asked from planned(): already on.)
        const bool publishNow = m_publishing;
        Q_EMIT planned();
        if (publishNow)
            runPhase(CompetitionPhase);
    }
}

void Publisher::setOverwrite(const QString &key, bool overwrite)
{
    if (overwrite)
        m_options.overwrite.insert(key);
    else
        m_options.overwrite.remove(key);
    if (m_planned && !m_publishing)
        makePlan();
}

QString Publisher::takeServerVersion(const QStringList &keys)
{
    if (!m_planned || m_publishing)
        return tr("Read the server first.");
    QList<ServerVersion::Take> takes;
    QStringList notRead;
    for (const QString &key : keys) {
        const auto it = std::find_if(m_items.cbegin(), m_items.cend(),
                                     [&key](const PublishItem &i) { return i.key == key; });
        if (it == m_items.cend() || (it->serverChanges.isEmpty() && it->conflicts.isEmpty()))
            continue;
        const JsonValue *server = serverRecord(key);
        if (!server) {
            notRead.append(tr("%1: the server's version was not read").arg(it->label));
            continue;
        }
        ServerVersion::Take take {key, it->label, it->node, {}, *server};
        for (const auto *list : {&it->serverChanges, &it->conflicts}) {
            for (const FieldChange &change : *list)
                take.fields.append(change.field);
        }
        takes.append(take);
    }
    const QString notTaken = ServerVersion::take(*m_document, takes);
    makePlan(); // the nodes the items pointed at may be gone
    return (notRead + QStringList {notTaken}).join(u'\n').trimmed();
}

void Publisher::publish()
{
    m_publishing = true;
    if (!m_planned) {
        if (!m_planning)
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

bool Publisher::stopping(const ApiResponse &response) const
{
    return response.error.kind == ApiError::Kind::Cancelled || m_session.hasEnded() || m_cancelled;
}

void Publisher::refused(const PublishItem &item, const QString &message)
{
    m_report.failures.append({item.node, item.label, message});
    if (!item.key.isEmpty())
        m_sync.setFailure(item.key, message); // shown in the tree until a publish stores it
}

void Publisher::end()
{
    if (--m_outstanding == 0)
        runPhase(m_phase + 1);
}

struct Publisher::Batch
{
    QList<PublishItem> items;
};

void Publisher::runPhase(int phase)
{
    m_phase = phase;
    if (m_cancelled || m_session.hasEnded() || phase >= Done
        || (phase > CompetitionPhase && m_snapshot.competitionId.isEmpty())) {
        finish();
        return;
    }
    std::shared_ptr<Batch> teams;
    std::shared_ptr<Batch> competitors;
    for (const PublishItem &item : std::as_const(m_items)) {
        const bool create = item.action == PublishItem::Action::Create;
        const bool update = item.action == PublishItem::Action::Update;
        const NodeKind kind = item.node ? item.node->kind() : NodeKind::Competition;
        if (phase == Deletes) {
            if (item.action == PublishItem::Action::Delete && !item.remember)
                remove(item);
            continue;
        }
        if (!item.node || !(create || update))
            continue;
        const bool inPhase = (phase == CompetitionPhase && kind == NodeKind::Competition)
            || (phase == TeamsAndEvents && (kind == NodeKind::Team || kind == NodeKind::Event))
            || (phase == CompetitorsAndRelays
                && (kind == NodeKind::Competitor || kind == NodeKind::RelayTeam))
            || (phase == Units && kind == NodeKind::Unit);
        if (!inPhase)
            continue;
        if (kind == NodeKind::Competition) {
            if (create)
                createCompetition(item, 1);
            else
                patch(item, m_snapshot.competitionUrl);
        } else if (kind == NodeKind::Unit) {
            writeUnit(item);
        } else if (kind == NodeKind::RelayTeam
                   && !m_snapshot.offers(QStringLiteral("relay-teams"))) {
            m_report.notStored.append(
                {item.node, item.label, tr("not stored: the server offers no relay teams")});
            ++m_done;
        } else if (update) {
            const JsonValue *server = serverRecord(item.key);
            const QString url = server ? payload::textOf(*server, u"url") : QString();
            patch(item, url.isEmpty() ? QUrl() : m_snapshot.apiRoot.resolved(QUrl(url)));
        } else if (kind == NodeKind::Team || kind == NodeKind::Competitor) {
            auto &batch = kind == NodeKind::Team ? teams : competitors;
            if (!batch) {
                batch = std::make_shared<Batch>();
            } else if (batch->items.size() >= bulkSize) {
                postBatch(collectionOf(*item.node), batch, 1);
                batch = std::make_shared<Batch>();
            }
            batch->items.append(item);
        } else {
            auto single = std::make_shared<Batch>();
            single->items.append(item);
            postBatch(collectionOf(*item.node), single, 1);
        }
    }
    if (teams)
        postBatch(QStringLiteral("teams"), teams, 1);
    if (competitors)
        postBatch(QStringLiteral("competitors"), competitors, 1);
    if (m_outstanding == 0)
        runPhase(phase + 1);
}

void Publisher::createCompetition(const PublishItem &item, int attempt)
{
    begin();
    step(tr("Creating the competition"));
    m_session.send(
        "POST", m_snapshot.collection(QStringLiteral("competitions")), payload::toBytes(item.body),
        [this, item, attempt](const ApiResponse &r) {
            if (r.ok()) {
                const JsonValue echo = payload::parse(r.body);
                if (payload::textOf(echo, u"slug") != m_document->competition().slug
                    || payload::idOf(echo).isEmpty()) {
                    refused(item, tr("the server answered with another competition"));
                } else {
                    m_snapshot.competition = echo;
                    m_snapshot.competitionId = payload::idOf(echo);
                    m_snapshot.competitionUrl
                        = m_snapshot.apiRoot.resolved(QUrl(payload::textOf(echo, u"url")));
                    stored(item, item.body, echo, true);
                }
                ++m_done;
                end();
                return;
            }
            if (stopping(r) || !r.error.maybeStored) {
                if (r.error.kind == ApiError::Kind::Permission)
                    refused(item,
                            tr("%1. Creating a competition needs federation rights: "
                               "ask your federation to create it, then publish again.")
                                .arg(r.error.message));
                else if (!stopping(r))
                    refused(item, r.error.message);
                end();
                return;
            }
            // It may be there: look again, by the slug, before any second POST.
            step(tr("Checking whether the server stored the competition"));
            m_reader.findCompetition(
                m_snapshot, {m_document->competition().slug, {}, {}},
                [this, item, attempt, r](const QString &error) {
                    if (!error.isEmpty() || !m_snapshot.problems.isEmpty()) {
                        refused(item,
                                tr("%1; whether it was stored could not be told: %2")
                                    .arg(r.error.message,
                                         error.isEmpty() ? m_snapshot.problems.join(u' ') : error));
                    } else if (m_snapshot.competition.isObject()) {
                        stored(item, item.body, m_snapshot.competition, true);
                        ++m_done;
                    } else if (mayStillArrive(r)) {
                        refused(item, notYetThere()); // it may still be on its way
                    } else if (attempt < maxPostAttempts) {
                        createCompetition(item, attempt + 1); // absent: the POST never arrived
                    } else {
                        refused(item, r.error.message);
                    }
                    end();
                });
        });
}

void Publisher::postBatch(const QString &collection, std::shared_ptr<Batch> batch, int attempt)
{
    const bool bulk = collection == u"teams" || collection == u"competitors";
    std::vector<JsonValue> bodies;
    for (const PublishItem &item : std::as_const(batch->items))
        bodies.push_back(withCompetition(item.body));
    const JsonValue body = bulk ? JsonValue::array(bodies) : bodies.front();
    begin();
    m_session.send("POST", m_snapshot.collection(collection), payload::toBytes(body),
                   [=, this](const ApiResponse &r) {
                       const auto count = int(batch->items.size());
                       if (r.ok()) {
                           const JsonValue answer = payload::parse(r.body);
                           QHash<QString, const JsonValue *> echoes;
                           const auto note = [&](const JsonValue &echo) {
                               if (m_snapshot.belongs(echo))
                                   echoes.insert(ServerSnapshot::keyOf(collection, echo), &echo);
                           };
                           if (answer.isArray()) {
                               for (const JsonValue &echo : answer.items())
                                   note(echo);
                           } else {
                               note(answer);
                           }
                           for (qsizetype i = 0; i < batch->items.size(); ++i) {
                               const PublishItem &item = batch->items[i];
                               if (const JsonValue *echo = echoes.value(item.key))
                                   stored(item, bodies[size_t(i)], *echo, true);
                               else
                                   refused(item, tr("the server's answer did not hold it"));
                           }
                           m_done += count;
                           step(tr("%n record(s) added", nullptr, count));
                       } else if (stopping(r)) {
                           // the end of the publish says why
                       } else if (r.error.maybeStored) {
                           readBack(collection, batch, attempt, mayStillArrive(r));
                       } else {
                           // A bulk list is validated whole: one error object per item, empty for
                           // the good ones, and nothing stored. The bad ones are reported; the good
                           // ones go again.
                           const JsonValue errors = payload::parse(r.body);
                           auto good = std::make_shared<Batch>();
                           int bad = 0;
                           if (bulk && r.status == 400 && errors.isArray()
                               && qsizetype(errors.items().size()) == count) {
                               for (qsizetype i = 0; i < count; ++i) {
                                   const QString text = api::errorText(
                                       payload::toBytes(errors.items()[size_t(i)]));
                                   if (text.isEmpty()) {
                                       good->items.append(batch->items[i]);
                                   } else {
                                       refused(batch->items[i], tr("%1 (status 400)").arg(text));
                                       ++bad;
                                   }
                               }
                           }
                           const bool again = bad > 0 && !good->items.isEmpty();
                           if (again) {
                               postBatch(collection, good, attempt); // none of them was stored
                           } else if (bad == 0) {
                               for (const PublishItem &item : std::as_const(batch->items))
                                   refused(item, r.error.message);
                           }
                           m_done += count - (again ? int(good->items.size()) : 0);
                       }
                       end();
                   });
}

void Publisher::readBack(const QString &collection, std::shared_ptr<Batch> batch, int attempt,
                         bool mayStillArrive)
{
    begin();
    step(tr("Checking what the server stored"));
    m_reader.readCollection(
        m_snapshot, collection,
        [this, collection, batch, attempt, mayStillArrive](std::vector<JsonValue> records,
                                                           const QString &error) {
            if (!error.isEmpty()) {
                for (const PublishItem &item : std::as_const(batch->items))
                    refused(item,
                            tr("whether it was stored could not be told (%1); publish "
                               "again to find out")
                                .arg(error));
                end();
                return;
            }
            QHash<QString, const JsonValue *> onServer;
            for (const JsonValue &record : records)
                onServer.insert(ServerSnapshot::keyOf(collection, record), &record);
            auto missing = std::make_shared<Batch>();
            for (const PublishItem &item : std::as_const(batch->items)) {
                if (const JsonValue *record = onServer.value(item.key)) {
                    stored(item, withCompetition(item.body), *record, true);
                    ++m_done;
                } else {
                    missing->items.append(item);
                }
            }
            if (!missing->items.isEmpty()) {
                if (mayStillArrive) {
                    // No answer in time: the server may still be storing it, so absent now
                    // does not mean never arrived. The next publish reads it again first.
                    for (const PublishItem &item : std::as_const(missing->items))
                        refused(item, notYetThere());
                } else if (attempt < maxPostAttempts) {
                    postBatch(collection, missing, attempt + 1); // absent: the POST never arrived
                } else {
                    for (const PublishItem &item : std::as_const(missing->items))
                        refused(item, tr("the server did not answer, and does not hold it"));
                }
            }
            end();
        });
}

bool Publisher::mayStillArrive(const ApiResponse &r)
{
    // No answer in time, or a gateway's 504 (it gave up waiting; the server may still work).
    return r.error.kind == ApiError::Kind::Timeout || r.status == 504;
}

QString Publisher::notYetThere()
{
    return tr("no answer in time, and the server does not hold it yet; it may still be storing "
              "it, so it was not sent again: publish again in a minute to finish (nothing is "
              "sent twice)");
}

void Publisher::patch(const PublishItem &item, const QUrl &url)
{
    if (!url.isValid()) {
        refused(item, tr("the server gave no address for it"));
        return;
    }
    const NodeKind kind = item.node->kind();
    const JsonValue body = kind == NodeKind::Competition || kind == NodeKind::Unit
        ? item.body
        : withCompetition(item.body);
    begin();
    m_session.send("PATCH", url, payload::toBytes(body), [this, item, body](const ApiResponse &r) {
        if (r.ok()) {
            stored(item, body, payload::parse(r.body), false);
        } else if (!stopping(r)) {
            refused(item,
                    r.status == 404
                        ? tr("it was deleted on OpenTrack meanwhile (%1)").arg(r.error.message)
                        : r.error.message);
        }
        ++m_done;
        step(item.label);
        end();
    });
}

void Publisher::writeUnit(const PublishItem &planned)
{
    const auto &unit = static_cast<const Unit &>(*planned.node);
    const auto it = m_snapshot.units.constFind(planned.key);
    if (it == m_snapshot.units.constEnd()) {
        const auto *event = static_cast<const Event *>(unit.parent());
        if (!m_snapshot.records.contains(QStringLiteral("event:") + event->eventId))
            refused(planned, tr("not sent: its event is not on the server"));
        else
            m_report.notStored.append(
                {&unit, planned.label,
                 tr("not stored: the server has no round %1 heat %2 in this event (it makes heats "
                    "from the event's rounds)")
                     .arg(unit.round.value_or(0))
                     .arg(unit.heat.value_or(0))});
        ++m_done;
        return;
    }
    const QUrl url = it->url;
    // Settles the heat against what the server holds now, then writes what is still to write.
    const auto settle = [this, url, &unit, overwrite = planned.overwrite] {
        const auto now = m_snapshot.units.constFind(payload::naturalKey(unit));
        const PublishItem item = PublishPlan::unitItem(unit, m_sync, &*now, overwrite);
        noteChanges(item);
        if (item.action == PublishItem::Action::Update) {
            patch(item, url);
            return;
        }
        if (item.remember)
            remember(item);
        else if (item.action == PublishItem::Action::Unchanged)
            m_sync.clearFailure(item.key); // as last published on both sides
        ++m_done;
    };
    if (it->fresh) {
        settle();
        return;
    }
    // On the server before this publish: read it again just before writing, to see a web edit.
    begin();
    m_session.get(url, [this, planned, url, settle](const ApiResponse &r) {
        if (stopping(r)) {
            end();
            return;
        }
        QString error;
        const JsonValue held = r.ok() ? payload::parse(r.body, &error) : JsonValue();
        if (!r.ok() || !error.isEmpty()) {
            refused(planned,
                    tr("not sent: it could not be read first (%1)")
                        .arg(r.ok() ? error : r.error.message));
        } else if (const QString wrong = ServerReader::checkUnit(m_snapshot, planned.key, held);
                   !wrong.isEmpty()) {
            refused(planned, tr("not sent: %1").arg(wrong));
        } else {
            m_snapshot.units[planned.key].full = held;
            settle();
        }
        end();
    });
}

void Publisher::remove(const PublishItem &item)
{
    const JsonValue *server = serverRecord(item.key);
    const QUrl url
        = server ? m_snapshot.apiRoot.resolved(QUrl(payload::textOf(*server, u"url"))) : QUrl();
    begin();
    m_session.send("DELETE", url, {}, [this, item](const ApiResponse &r) {
        if (r.ok() || r.status == 404) {
            m_sync.removeRecord(item.key);
            m_sync.clearFailure(item.key);
            ++m_report.deleted;
        } else if (!stopping(r)) {
            refused(item, r.error.message);
        }
        ++m_done;
        end();
    });
}

void Publisher::stored(const PublishItem &item, const JsonValue &sent, const JsonValue &echo,
                       bool created)
{
    const Node &node = *item.node;
    const NodeKind kind = node.kind();
    if (kind != NodeKind::Competition && kind != NodeKind::Unit
        && (!m_snapshot.belongs(echo)
            || ServerSnapshot::keyOf(collectionOf(node), echo) != item.key)) {
        refused(item, tr("the server answered with another record"));
        return;
    }
    if (kind == NodeKind::Unit) {
        if (const QString wrong = ServerReader::checkUnit(m_snapshot, item.key, echo);
            !wrong.isEmpty()) {
            refused(item, wrong);
            return;
        }
    }
    const QStringList missing = payload::notStored(sent, echo);
    if (!missing.isEmpty())
        m_report.notStored.append(
            {&node, item.label, tr("not stored: %1").arg(missing.join(QStringLiteral(", ")))});

    const JsonValue file = payload::of(node);
    QString id = payload::idOf(echo);
    QUrl url;
    if (const QString own = payload::textOf(echo, u"url"); !own.isEmpty())
        url = m_snapshot.apiRoot.resolved(QUrl(own));
    if (kind == NodeKind::Unit) {
        const ServerSnapshot::Unit &unit = m_snapshot.units[item.key];
        id = id.isEmpty() ? unit.id : id;
        url = url.isValid() ? url : unit.url;
        m_snapshot.units[item.key].full = echo;
        m_snapshot.units[item.key].fresh = false;
    } else if (kind == NodeKind::Competition) {
        m_snapshot.competition = echo;
    } else {
        m_snapshot.records.insert(item.key, echo);
    }
    if (kind == NodeKind::Event)
        ServerReader::noteUnits(m_snapshot, echo, true); // new heats: nothing on them yet
    const SyncState::Record *base = m_sync.record(item.key);
    if (base && base->id != id)
        base = nullptr;
    m_sync.setRecord(item.key, PublishPlan::advance(base, file, keysOf(sent), echo, id, url));
    m_sync.clearFailure(item.key);
    if (created)
        ++m_report.created;
    else
        ++m_report.updated;
}

void Publisher::noteChanges(const PublishItem &item)
{
    if (item.overwrite)
        return; // the file's version went over them: nothing was left on OpenTrack
    if (item.action == PublishItem::Action::Conflict)
        m_report.conflicts.append(item);
    else if (!item.serverChanges.isEmpty())
        m_report.serverChanges.append(item);
}

void Publisher::remember(const PublishItem &item)
{
    const JsonValue *server = serverRecord(item.key);
    if (!server || !item.node)
        return;
    QString id = payload::idOf(*server);
    QUrl url = m_snapshot.apiRoot.resolved(QUrl(payload::textOf(*server, u"url")));
    if (item.key.startsWith(u"unit:")) {
        id = m_snapshot.units.value(item.key).id;
        url = m_snapshot.units.value(item.key).url;
    } else if (item.key == u"competition") {
        url = m_snapshot.competitionUrl;
    }
    const SyncState::Record *base = m_sync.record(item.key);
    m_sync.setRecord(item.key,
                     PublishPlan::agreed(base && base->id == id ? base : nullptr,
                                         payload::of(*item.node), *server, id, url));
    m_sync.clearFailure(item.key);
}

void Publisher::finish()
{
    m_publishing = false;
    m_planned = false; // what was read is old now: another publish reads again
    m_report.cancelled = m_report.cancelled || m_cancelled;
    if (m_session.hasEnded())
        m_report.stopped = m_session.endMessage();
    for (const PublishItem &item : std::as_const(m_items)) {
        if (item.action == PublishItem::Action::Unchanged) {
            ++m_report.unchanged;
            if (item.remember)
                remember(item);
            else if (!m_cancelled && !m_session.hasEnded())
                m_sync.clearFailure(item.key); // as last published on both sides
        } else if (item.action == PublishItem::Action::Delete) {
            if (item.remember)
                m_sync.removeRecord(item.key);
        } else if (!(item.action == PublishItem::Action::Update && item.key.startsWith(u"unit:"))) {
            noteChanges(item); // a heat to write was settled again when it was written
        }
    }
    m_report.requests = m_client->requestsSent() - m_requestsAtStart;
    m_report.writes = m_session.writes() - m_writesAtStart;
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
