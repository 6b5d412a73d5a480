#pragma once

#include "evententry.h"

namespace meetdesk {

class Competitor final : public Node
{
public:
    Competitor()
        : Node(NodeKind::Competitor)
    { }

    QString competitorId; // the bib
    QString firstName;
    QString lastName;
    QString gender; // M | F | X
    QDate dateOfBirth;
    QString nationality;
    QString teamId;
    QString otAthleteId;
    QString ageGroup;
    QString category;
    NodeList<EventEntry> eventsEntered;
};

bool sameContent(const Competitor &a, const Competitor &b);

} // namespace meetdesk
