#pragma once

#include "competitor.h"
#include "event.h"
#include "relayteam.h"
#include "team.h"

namespace meetdesk {

// The root of the tree: one meet, shaped like OpenTrack's nested competition document.
class Competition final : public Node
{
public:
    Competition()
        : Node(NodeKind::Competition)
    { }

    QString fullName;
    QString shortName;
    QString slug;
    QString nameLocal;
    QString country;
    QDate date;
    QDate finishDate;
    QString year;
    QString address;
    std::optional<int> venueId;
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::optional<double> altitude;
    QString waRankingsCategory;
    std::optional<QStringList> ageGroups;
    QString basicDescription;
    QString contactDetails;
    QString organiser;
    QString website;
    QString entryLink;
    QString resultsLink;

    NodeList<Competitor> competitors;
    NodeList<Team> teams;
    NodeList<RelayTeam> relayTeams;
    NodeList<Event> events;
};

bool sameContent(const Competition &a, const Competition &b);

} // namespace meetdesk
