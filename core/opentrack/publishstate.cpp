#include "publishstate.h"

#include "model/competition.h"
#include "payload.h"

namespace meetdesk {

PublishState publishStateOf(const Node &node, const SyncState &sync)
{
    QJsonObject sent;
    switch (node.kind()) {
    case NodeKind::Competition:
        sent = payload::competition(static_cast<const Competition &>(node));
        break;
    case NodeKind::Team:
        sent = payload::team(static_cast<const Team &>(node));
        break;
    case NodeKind::Competitor:
        sent = payload::competitor(static_cast<const Competitor &>(node));
        break;
    case NodeKind::RelayTeam:
        sent = payload::relayTeam(static_cast<const RelayTeam &>(node));
        break;
    case NodeKind::Event:
        sent = payload::event(static_cast<const Event &>(node));
        break;
    case NodeKind::Unit:
        sent = payload::unit(static_cast<const Unit &>(node));
        break;
    default:
        return PublishState::None;
    }
    const SyncState::Record *record = sync.record(payload::naturalKey(node));
    if (!record)
        return PublishState::New;
    return record->hash == payload::hash(sent) ? PublishState::Published : PublishState::Changed;
}

} // namespace meetdesk
