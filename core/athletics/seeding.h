#pragma once

#include "performance.h"

#include <QList>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

namespace meetdesk {

// One athlete (or relay team) to be placed in a heat: the bib, the mark the seeding goes by
// (Status::Empty when there is none) and the club, to keep club mates apart.
struct Entrant
{
    QString bib;
    Performance seed;
    QString club;
};

// Putting a round's athletes into heats (World Athletics Technical Rules, rule 20.3): rank them,
// then distribute the ranking over the heats. Every function answers indexes into its input;
// a draw by lot takes the generator, so a seeded generator gives the same heats again.
namespace seeding {

enum class Method {
    // The ranking dealt in a zig-zag, as the rule describes for seeded rounds: with three
    // heats, 1 2 3 into heats A B C, 4 5 6 into C B A, 7 8 9 into A B C again.
    Seeded,
    // The ranking cut into seeding groups of as many athletes as there are heats; each group is
    // drawn by lot over the heats, one athlete to a heat.
    RandomInGroups,
    // Graded heats, as open meetings run them: athletes of like marks together, the fastest
    // heat last.
    ByAbility,
};

// The entrants in seeding order: best seed mark first (as compare() orders marks), those
// without a mark last. Equal marks, and the athletes without one, are in an order drawn by lot.
QList<int> rank(const QList<Entrant> &entrants, QRandomGenerator &lot);

// The heat (from 0) that the zig-zag gives the athlete ranked at position (from 0).
int zigzagHeat(int position, int heats);

// The ranked athletes (indexes into an entrant list) over the heats, as the method says: one
// list per heat, each in ranking order. Heat sizes differ by one at most. clubs, when given
// (indexed like the entrants), keeps club mates in different heats wherever the distribution
// allows (rule 20.3: "wherever possible"), by exchanging athletes of the same seeding group,
// so every heat keeps its share of each group; graded heats are left as they are.
QList<QList<int>> distribute(const QList<int> &ranked, int heats, Method method,
                             const QStringList &clubs, QRandomGenerator &lot);

// rank() then distribute(): a first round from the entrants' seed marks.
QList<QList<int>> intoHeats(const QList<Entrant> &entrants, int heats, Method method,
                            bool separateClubs, QRandomGenerator &lot);

// The fewest heats that hold the athletes with at most perHeat in each.
int heatsNeeded(int athletes, int perHeat);

// An event's rounds as OpenTrack writes them, "8,3,1": the heats of each round, the first round
// first; 0 for an entry that is not a number.
QList<int> heatsPerRound(QStringView rounds);
// The same rounds with one round's heats set ("3,1", round 1, 2 heats -> "2,1"); rounds not yet
// listed before it are written as 1 heat.
QString withHeats(QStringView rounds, int round, int heats);

} // namespace seeding

} // namespace meetdesk
