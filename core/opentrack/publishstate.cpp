#include "publishstate.h"

#include "payload.h"

namespace meetdesk {

PublishState publishStateOf(const Node &node, const SyncState &sync)
{
    const JsonValue sent = payload::of(node);
    if (!sent.isObject())
        return PublishState::None;
    const QString key = payload::naturalKey(node);
    if (!sync.failure(key).isEmpty())
        return PublishState::Failed;
    const SyncState::Record *record = sync.record(key);
    if (!record)
        return PublishState::New;
    return record->payload == payload::toBytes(sent) ? PublishState::Published
                                                     : PublishState::Changed;
}

} // namespace meetdesk
