#include "syncstate.h"

#include <algorithm>

namespace meetdesk {

SyncState SyncState::fromMeetdesk(const JsonObject &meetdesk)
{
    SyncState state;
    const JsonValue *sync = findMember(meetdesk, u"sync");
    if (!sync || !sync->isObject())
        return state;
    if (const JsonValue *server = sync->find(u"server"))
        state.m_server = QUrl(server->text());
    if (const JsonValue *records = sync->find(u"records"); records && records->isObject()) {
        for (const JsonMember &m : records->members()) {
            if (!m.value.isObject())
                continue;
            Record r;
            if (const JsonValue *id = m.value.find(u"id"))
                r.id = id->text();
            if (const JsonValue *url = m.value.find(u"url"))
                r.url = QUrl(url->text());
            if (const JsonValue *hash = m.value.find(u"hash"))
                r.hash = hash->text();
            if (const JsonValue *fields = m.value.find(u"fields"))
                r.fields = fields->text().split(u',', Qt::SkipEmptyParts);
            state.m_records.insert(m.key, r);
        }
    }
    return state;
}

JsonObject SyncState::toMeetdesk(JsonObject meetdesk) const
{
    std::vector<JsonMember> records;
    QList<QString> keys = m_records.keys();
    std::sort(keys.begin(), keys.end()); // stable files: a re-save changes nothing
    for (const QString &key : keys) {
        const Record &r = m_records[key];
        records.push_back(
            {key,
             JsonValue::object(
                 {{QStringLiteral("id"), JsonValue::string(r.id)},
                  {QStringLiteral("url"), JsonValue::string(r.url.toString())},
                  {QStringLiteral("hash"), JsonValue::string(r.hash)},
                  {QStringLiteral("fields"), JsonValue::string(r.fields.join(u','))}})});
    }
    JsonValue sync
        = JsonValue::object({{QStringLiteral("server"), JsonValue::string(m_server.toString())},
                             {QStringLiteral("records"), JsonValue::object(std::move(records))}});
    setMember(meetdesk, QStringLiteral("sync"), std::move(sync));
    return meetdesk;
}

void SyncState::setServer(const QUrl &server)
{
    if (server == m_server)
        return;
    m_server = server;
    m_records.clear();
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
