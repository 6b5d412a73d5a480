#pragma once

#include "parsed.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace meetdesk {

// Lanes for a heat (World Athletics Technical Rules, rule 20.4). The athletes come in ranking
// order, best first; each function answers per athlete, in that order. A draw by lot takes the
// generator, so a seeded generator gives the same lanes again.
namespace lanedraw {

enum class Method {
    // By lot in a first round; in later rounds each ranking group drawn by lot within its lanes.
    WorldAthletics,
    // Every round by lot over the lanes in use, as many club meetings do.
    ByLot,
    // No draw: the ranking straight across the track, the best in the lowest lane in use.
    ByRank,
};

// How the rule groups the lanes, by the race.
enum class Race {
    Straight, // 100 m and the hurdles up to 110 m: the top four in 3 to 6, the rest in 1, 2, 7, 8
    Bend, // 200 m to 400 m and relays: the top three in 5 to 7, the next three in 3, 4, 8,
          // the last two in 1 and 2
    EightHundred, // 800 m (and 600 m): the top five in 3 to 7, the rest in 1, 2, 8
    NotInLanes, // longer races: a start order, not lanes
};

Race raceOf(const QString &eventCode);

// The rule's ranking groups for a track of the given lanes, best group first, each a list of
// lanes. On eight lanes they are the rule's; other tracks follow it "with necessary
// modifications" (rule 20.4): the eight-lane pattern is centred on the track, lanes it leaves
// on the inside join the last group and lanes on the outside the group holding its lane 8, and
// lanes past the edge of a narrower track drop out.
QList<QList<int>> groups(Race race, int lanes);

// Which of the lanes a heat of fewer athletes uses: those nearest the middle of a track of
// trackLanes lanes (between two equally near, the outer one: the inside lane is the tightest),
// ascending.
QList<int> lanesInUse(const QList<int> &lanes, int athletes, int trackLanes);

// A lane per athlete. firstRound: World Athletics draws every lane by lot. Refuses a heat with
// more athletes than lanes, or a race not run in lanes.
Parsed<QList<int>> draw(int athletes, int lanes, Race race, Method method, bool firstRound,
                        QRandomGenerator &lot);

// A start position per athlete, from 1, for a race not run in lanes: by lot, or in ranking order
// for Method::ByRank.
QList<int> order(int athletes, Method method, QRandomGenerator &lot);

} // namespace lanedraw

} // namespace meetdesk
