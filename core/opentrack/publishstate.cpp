#include "publishstate.h"

#include "payload.h"

namespace meetdesk {

PublishState publishStateOf(const Node &node, const SyncState &sync)
{
    const QJsonObject sent = payload::of(node);
    if (sent.isEmpty())
        return PublishState::None;
    const SyncState::Record *record = sync.record(payload::naturalKey(node));
    if (!record)
        return PublishState::New;
    return record->hash == payload::hash(sent) ? PublishState::Published : PublishState::Changed;
}

} // namespace meetdesk
