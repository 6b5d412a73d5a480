#include "publishplan.h"

#include "payload.h"

#include "model/describe.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::PublishPlan", text);
}

JsonValue valueOr(const JsonValue *value)
{
    return value ? *value : JsonValue();
}

// What clears a field on the server: empty text for text, an empty list for a list, else null.
JsonValue emptyLike(const JsonValue *like)
{
    if (like && like->isString())
        return JsonValue::string(QString());
    if (like && like->isArray())
        return JsonValue::array();
    return {};
}

QStringList keysOf(const JsonValue &a, const JsonValue *b)
{
    QStringList keys;
    for (const JsonMember &m : a.members())
        keys.append(m.key);
    if (b && b->isObject()) {
        for (const JsonMember &m : b->members()) {
            if (!a.find(m.key))
                keys.append(m.key);
        }
    }
    return keys;
}

bool sameId(const SyncState::Record *base, const QString &id, const QUrl &url)
{
    return base && ((!base->id.isEmpty() && base->id == id) || (url.isValid() && base->url == url));
}

PublishItem itemFrom(const Node &node, const QString &key, PublishPlan::Decision d, bool hasBase,
                     bool overwrite)
{
    PublishItem item;
    item.key = key;
    item.label = PublishPlan::label(node);
    item.node = &node;
    item.overwrite = overwrite;
    item.serverChanges = std::move(d.serverChanges);
    item.conflicts = std::move(d.conflicts);
    item.replaced = std::move(d.replaced);
    if (!item.conflicts.isEmpty() && !overwrite) {
        item.action = PublishItem::Action::Conflict;
    } else if (!d.send.empty()) {
        item.action = PublishItem::Action::Update;
        item.body = JsonValue::object(std::move(d.send));
    } else if (!item.serverChanges.isEmpty()) {
        item.action = PublishItem::Action::ServerChange;
    } else {
        item.action = PublishItem::Action::Unchanged;
        item.remember = d.converged || !hasBase;
    }
    return item;
}

PublishItem createItem(const Node &node, const QString &key, const JsonValue &file, bool known)
{
    PublishItem item;
    item.action = PublishItem::Action::Create;
    item.key = key;
    item.label = PublishPlan::label(node);
    item.node = &node;
    item.body = file;
    if (known)
        item.note = tr("not on OpenTrack any more (deleted there since the last publish?): "
                       "created again");
    return item;
}

} // namespace

QString PublishPlan::label(const Node &node)
{
    const QString own = describe::kindName(node.kind()) + u' ' + describe::label(node);
    if (node.kind() == NodeKind::Unit && node.parent()) // "heat Final" alone says too little
        return own + QStringLiteral(" (") + describe::label(*node.parent()) + u')';
    return own;
}

PublishPlan::Decision PublishPlan::decide(const SyncState::Record *base, const JsonValue &file,
                                          const JsonValue &server, bool overwrite)
{
    Decision d;
    const bool hasBase = base && base->hasBase();
    const JsonValue published = hasBase ? base->base() : JsonValue();
    for (const QString &key : keysOf(file, hasBase ? &published : nullptr)) {
        const JsonValue *f = file.find(key);
        const JsonValue *s = server.isObject() ? server.find(key) : nullptr;
        const bool known = s && !(hasBase && base->dropped.contains(key));
        const auto sendFile = [&] {
            d.send.push_back({key, f ? *f : emptyLike(s ? s : published.find(key))});
        };
        if (!hasBase) {
            if (!known) {
                if (!payload::isEmpty(f))
                    sendFile();
            } else if (!payload::same(f, s)) {
                if (f)
                    sendFile();
                if (f && !payload::isEmpty(s))
                    d.replaced.append({key, {}, valueOr(f), *s});
            }
            continue;
        }
        const JsonValue *b = published.find(key);
        const bool fileChanged = !payload::same(b, f);
        const bool serverChanged = known && !payload::same(base->serverValue(published, key), s);
        if (!fileChanged && !serverChanged)
            continue;
        if (!serverChanged) {
            sendFile();
            continue;
        }
        const FieldChange change {key, valueOr(b), valueOr(f), valueOr(s)};
        if (!fileChanged) {
            d.serverChanges.append(change);
            if (overwrite)
                sendFile();
        } else if (payload::same(f, s)) {
            d.converged = true;
        } else {
            d.conflicts.append(change);
            if (overwrite)
                sendFile();
        }
    }
    return d;
}

PublishItem PublishPlan::unitItem(const Unit &unit, const SyncState &sync,
                                  const ServerSnapshot::Unit *server, bool overwrite)
{
    const QString key = payload::naturalKey(unit);
    const JsonValue file = payload::of(unit);
    if (!server || server->fresh) {
        // Nothing on the server yet (or not known until its event is written).
        PublishItem item;
        item.key = key;
        item.label = label(unit);
        item.node = &unit;
        item.fresh = true;
        bool anything = false;
        for (const JsonMember &m : file.members())
            anything = anything || !payload::isEmpty(&m.value);
        item.action = anything ? PublishItem::Action::Update : PublishItem::Action::Unchanged;
        item.remember = !anything; // an empty heat: its base is what the server made
        if (anything)
            item.body = file;
        if (server) {
            Decision d = decide(nullptr, file, server->known(), overwrite);
            item.action
                = d.send.empty() ? PublishItem::Action::Unchanged : PublishItem::Action::Update;
            item.body = d.send.empty() ? JsonValue() : JsonValue::object(std::move(d.send));
            item.remember = d.send.empty();
        }
        return item;
    }
    const SyncState::Record *base = sync.record(key);
    if (!sameId(base, server->id, server->url))
        base = nullptr; // the heat was made anew on the server: its base is gone with the old one
    PublishItem item = itemFrom(unit, key, decide(base, file, server->known(), overwrite),
                                base && base->hasBase(), overwrite);
    item.checkFirst = item.action == PublishItem::Action::Update;
    return item;
}

QStringList PublishPlan::unitsToRead(const Competition &file, const SyncState &sync,
                                     const ServerSnapshot &server, bool verify)
{
    QStringList keys;
    for (const auto &event : file.events) {
        for (const auto &unit : event->units) {
            const QString key = payload::naturalKey(*unit);
            const auto it = server.units.constFind(key);
            if (it == server.units.constEnd() || it->fresh || it->full.isObject())
                continue;
            const SyncState::Record *base = sync.record(key);
            if (verify || !sameId(base, it->id, it->url) || !base->hasBase()) {
                keys.append(key);
                continue;
            }
            const JsonValue own = payload::of(*unit);
            if (payload::toBytes(own) != base->payload) {
                keys.append(key); // changed in the file
                continue;
            }
            const Decision d = decide(base, own, it->listed);
            if (!d.serverChanges.isEmpty() || !d.conflicts.isEmpty())
                keys.append(key);
        }
    }
    return keys;
}

QList<PublishItem> PublishPlan::make(const Competition &file, const SyncState &sync,
                                     const ServerSnapshot &server, const Options &options)
{
    QList<PublishItem> items;
    QSet<QString> inFile;

    // The competition: by the snapshot's identity; a base of another competition is no base.
    const JsonValue competition = payload::of(file);
    const SyncState::Record *competitionBase = sync.record(QStringLiteral("competition"));
    const bool sameCompetition = server.competition.isObject()
        && sameId(competitionBase, server.competitionId, server.competitionUrl);
    inFile.insert(QStringLiteral("competition"));
    if (!server.competition.isObject()) {
        items.append(createItem(file, QStringLiteral("competition"), competition,
                                competitionBase != nullptr));
    } else {
        const SyncState::Record *base = sameCompetition ? competitionBase : nullptr;
        const bool overwrite = options.overwrites(QStringLiteral("competition"));
        items.append(itemFrom(file, QStringLiteral("competition"),
                              decide(base, competition, server.competition, overwrite),
                              base && base->hasBase(), overwrite));
    }

    payload::forEachRecord(file, [&](const Node &node) {
        const QString key = payload::naturalKey(node);
        if (node.kind() == NodeKind::Competition || key.isEmpty() || inFile.contains(key))
            return; // validation stops a publish with these before it gets here
        inFile.insert(key);
        const bool overwrite = options.overwrites(key);
        if (node.kind() == NodeKind::Unit) {
            const auto &event = static_cast<const Event &>(*node.parent());
            const bool eventCreated
                = !server.records.contains(QStringLiteral("event:") + event.eventId);
            const auto it = server.units.constFind(key);
            const ServerSnapshot::Unit *known
                = eventCreated || it == server.units.constEnd() ? nullptr : &*it;
            items.append(unitItem(static_cast<const Unit &>(node),
                                  sameCompetition ? sync : SyncState(), known, overwrite));
            return;
        }
        const JsonValue own = payload::of(node);
        const auto it = server.records.constFind(key);
        const SyncState::Record *base = sameCompetition ? sync.record(key) : nullptr;
        if (it == server.records.constEnd()) {
            items.append(createItem(node, key, own, base != nullptr));
            return;
        }
        if (!sameId(base, payload::idOf(*it), QUrl()))
            base = nullptr; // made anew on the server: not the record that was published
        items.append(itemFrom(node, key, decide(base, own, *it, overwrite), base && base->hasBase(),
                              overwrite));
    });

    // Gone from the file since the last publish.
    QStringList gone;
    for (const QString &key : sync.keys()) {
        if (!inFile.contains(key))
            gone.append(key);
    }
    std::sort(gone.begin(), gone.end());
    for (const QString &key : std::as_const(gone)) {
        PublishItem item;
        item.action = PublishItem::Action::Delete;
        item.key = key;
        item.label = key;
        const auto it = server.records.constFind(key);
        const SyncState::Record *base = sync.record(key);
        if (key.startsWith(u"unit:") || it == server.records.constEnd() || !sameCompetition
            || !sameId(base, payload::idOf(*it), QUrl())) {
            // Heats go with their event; a record not on the server (or another one by the same
            // key) is only forgotten.
            item.note = tr("no longer on OpenTrack either: forgotten");
            item.remember = true;
            items.append(item);
            continue;
        }
        const JsonValue published = base->base();
        for (const JsonMember &m : published.members()) {
            const JsonValue *s = it->find(m.key);
            if (s && !base->dropped.contains(m.key)
                && !payload::same(base->serverValue(published, m.key), s))
                item.serverChanges.append({m.key, m.value, {}, *s});
        }
        item.overwrite = options.overwrites(key);
        if (!item.serverChanges.isEmpty() && !item.overwrite) {
            item.action = PublishItem::Action::Conflict;
            item.conflicts = std::exchange(item.serverChanges, {});
            item.note = tr("deleted in the file, changed on OpenTrack since the last publish");
        }
        items.append(item);
    }
    return items;
}

SyncState::Record PublishPlan::advance(const SyncState::Record *base, const JsonValue &file,
                                       const QStringList &confirmed, const JsonValue &server,
                                       const QString &id, const QUrl &url)
{
    SyncState::Record r;
    r.id = id;
    r.url = url;
    r.payload = payload::toBytes(file);
    if (base && base->hasBase()) {
        for (const JsonMember &m : base->held) {
            if (!confirmed.contains(m.key))
                r.held.push_back(m);
        }
        for (const QString &key : base->dropped) {
            if (!confirmed.contains(key))
                r.dropped.append(key);
        }
    }
    for (const QString &key : confirmed) {
        const JsonValue *s = server.isObject() ? server.find(key) : nullptr;
        const JsonValue *f = file.find(key);
        if (!s) {
            if (f && !payload::isEmpty(f))
                r.dropped.append(key);
        } else if (!payload::same(f, s)) {
            r.held.push_back({key, *s});
        }
    }
    return r;
}

SyncState::Record PublishPlan::agreed(const SyncState::Record *base, const JsonValue &file,
                                      const JsonValue &server, const QString &id, const QUrl &url)
{
    QStringList keys;
    for (const JsonMember &m : file.members())
        keys.append(m.key);
    return advance(base, file, keys, server, id, url);
}

} // namespace meetdesk
