#pragma once

#include "node.h"

namespace meetdesk {

// A placing in a unit (or, for a combined event's parent, in the whole event).
// bib is a competitor's competitor_id, or a relay team's relay_team_id in relays.
class Result final : public Node
{
public:
    Result()
        : Node(NodeKind::Result)
    { }

    QString bib;
    std::optional<int> place;
    QString performance; // as written: "10.37", "1:59.87", "DNF"
    std::optional<double> points;
    std::optional<int> lane;
    std::optional<int> order;
    std::optional<int> catpos;
    QString wind;
};

bool sameContent(const Result &a, const Result &b);

} // namespace meetdesk
