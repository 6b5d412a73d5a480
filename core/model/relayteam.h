#pragma once

#include "node.h"

namespace meetdesk {

class RelayTeam final : public Node
{
public:
    RelayTeam()
        : Node(NodeKind::RelayTeam)
    { }

    QString relayTeamId; // the relay's bib in results
    QString eventId;
    QString name;
    QString teamId;
    std::optional<QStringList> runners; // competitor bibs in running order
};

bool sameContent(const RelayTeam &a, const RelayTeam &b);

} // namespace meetdesk
