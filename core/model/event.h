#pragma once

#include "result.h"
#include "unit.h"

namespace meetdesk {

class Event final : public Node
{
public:
    Event()
        : Node(NodeKind::Event)
    { }

    QString eventId;
    QString eventCode;
    QString name;
    QString genders;
    QString category;
    std::optional<QStringList> ageGroups; // "SEN,U20" in the current API, a list in v1
    QString rounds; // heats per round: "8,3,1"
    QString parentEvent; // "parent": the event_id of the combined event
    QString status;
    std::optional<int> day;
    QString r1Time;
    std::optional<int> lanes;
    std::optional<int> maxFieldAttempts;
    std::optional<int> cutAfterRound;
    std::optional<int> cutSurvivors;
    NodeList<Unit> units;
    NodeList<Result> results; // a combined event's overall standings
    bool resultsListed = false;
};

bool sameContent(const Event &a, const Event &b);

} // namespace meetdesk
