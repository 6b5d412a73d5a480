#pragma once

#include "node.h"

namespace meetdesk {

class Team final : public Node
{
public:
    Team()
        : Node(NodeKind::Team)
    { }

    QString teamId;
    QString teamName;
    QString flagUrl;
    QString matchId;
};

bool sameContent(const Team &a, const Team &b);

} // namespace meetdesk
