#include "syncstate.h"

#include "payload.h"

#include <algorithm>

namespace meetdesk {

JsonValue SyncState::Record::base() const
{
    return payload::parse(payload);
}

const JsonValue *SyncState::Record::serverValue(const JsonValue &base, QStringView key) const
{
    if (const JsonValue *kept = findMember(held, key))
        return kept;
    return base.isObject() ? base.find(key) : nullptr;
}

SyncState SyncState::fromMeetdesk(const JsonObject &meetdesk)
{
    SyncState state;
    const JsonValue *sync = findMember(meetdesk, u"sync");
    if (!sync || !sync->isObject())
        return state;
    if (const JsonValue *server = sync->find(u"server"))
        state.m_server = QUrl(server->text());
    if (const JsonValue *failed = sync->find(u"failed"); failed && failed->isObject()) {
        for (const JsonMember &m : failed->members())
            state.m_failures.insert(m.key, m.value.text());
    }
    const JsonValue *records = sync->find(u"records");
    if (!records || !records->isObject())
        return state;
    for (const JsonMember &m : records->members()) {
        if (!m.value.isObject())
            continue;
        Record r;
        if (const JsonValue *id = m.value.find(u"id"))
            r.id = id->text();
        if (const JsonValue *url = m.value.find(u"url"))
            r.url = QUrl(url->text());
        if (const JsonValue *payload = m.value.find(u"payload"); payload && payload->isString())
            r.payload = payload->text().toUtf8();
        if (const JsonValue *held = m.value.find(u"held"); held && held->isObject())
            r.held = held->members();
        if (const JsonValue *dropped = m.value.find(u"dropped"); dropped && dropped->isArray()) {
            for (const JsonValue &key : dropped->items())
                r.dropped.append(key.text());
        }
        state.m_records.insert(m.key, std::move(r));
    }
    return state;
}

JsonObject SyncState::toMeetdesk(JsonObject meetdesk) const
{
    std::vector<JsonMember> records;
    QList<QString> keys = m_records.keys();
    std::sort(keys.begin(), keys.end()); // stable files: a re-save changes nothing
    records.reserve(size_t(keys.size()));
    for (const QString &key : keys) {
        const Record &r = m_records[key];
        JsonObject record {{QStringLiteral("id"), JsonValue::string(r.id)},
                           {QStringLiteral("url"), JsonValue::string(r.url.toString())}};
        if (r.hasBase())
            record.push_back(
                {QStringLiteral("payload"), JsonValue::string(QString::fromUtf8(r.payload))});
        if (!r.held.empty())
            record.push_back({QStringLiteral("held"), JsonValue::object(r.held)});
        if (!r.dropped.isEmpty()) {
            std::vector<JsonValue> dropped;
            for (const QString &field : r.dropped)
                dropped.push_back(JsonValue::string(field));
            record.push_back({QStringLiteral("dropped"), JsonValue::array(std::move(dropped))});
        }
        records.push_back({key, JsonValue::object(std::move(record))});
    }
    JsonObject members {{QStringLiteral("server"), JsonValue::string(m_server.toString())},
                        {QStringLiteral("records"), JsonValue::object(std::move(records))}};
    if (!m_failures.isEmpty()) {
        QList<QString> failed = m_failures.keys();
        std::sort(failed.begin(), failed.end());
        std::vector<JsonMember> messages;
        for (const QString &key : std::as_const(failed))
            messages.push_back({key, JsonValue::string(m_failures.value(key))});
        members.push_back({QStringLiteral("failed"), JsonValue::object(std::move(messages))});
    }
    JsonValue sync = JsonValue::object(std::move(members));
    setMember(meetdesk, QStringLiteral("sync"), std::move(sync));
    return meetdesk;
}

void SyncState::setServer(const QUrl &server)
{
    if (server == m_server)
        return;
    m_server = server;
    m_records.clear();
    m_failures.clear();
}

const SyncState::Record *SyncState::record(const QString &key) const
{
    const auto it = m_records.constFind(key);
    return it == m_records.constEnd() ? nullptr : &*it;
}

void SyncState::setRecord(const QString &key, const Record &record)
{
    m_records.insert(key, record);
}

void SyncState::removeRecord(const QString &key)
{
    m_records.remove(key);
}

} // namespace meetdesk
