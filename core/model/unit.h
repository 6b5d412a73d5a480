#pragma once

#include "result.h"
#include "trial.h"

namespace meetdesk {

// One heat of one round of an event.
class Unit final : public Node
{
public:
    Unit()
        : Node(NodeKind::Unit)
    { }

    std::optional<int> round;
    std::optional<int> heat;
    QString status;
    QString resultsStatus; // provisional | official
    std::optional<int> day;
    QString heatName;
    QString scheduledStartTime; // "hh:mm"
    QString distance;
    std::optional<int> precision;
    std::optional<int> rounds; // number of field trials
    std::optional<QStringList> heights;
    NodeList<Result> results;
    NodeList<Trial> trials;
    bool trialsListed = false; // the file had "trials" though it may be empty

    bool isVerticalJump() const { return heights.has_value() && !heights->isEmpty(); }
};

bool sameContent(const Unit &a, const Unit &b);

} // namespace meetdesk
