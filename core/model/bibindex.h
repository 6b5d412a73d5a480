#pragma once

#include "competition.h"

#include <QHash>

namespace meetdesk {

// Who wears a bib in a competition: a competitor (competitor_id) or a relay team
// (relay_team_id, the relay's bib in results). A snapshot: build it again after edits.
struct BibIndex
{
    explicit BibIndex(const Competition &competition)
    {
        for (const auto &c : competition.competitors)
            competitors.insert(c->competitorId, c.get());
        for (const auto &r : competition.relayTeams)
            relayTeams.insert(r->relayTeamId, r.get());
    }

    QHash<QString, const Competitor *> competitors;
    QHash<QString, const RelayTeam *> relayTeams;
};

} // namespace meetdesk
