#pragma once

#include "fieldseries.h"
#include "performance.h"

#include <QList>

namespace meetdesk {

// Where an athlete finished: a place from 1, or 0 for no place (DNS, DNF, DQ, NM, NH, r, or
// nothing recorded), and whether the place is shared.
struct Placing
{
    int place = 0;
    bool tie = false;
    bool isPlaced() const { return place > 0; }
    friend bool operator==(const Placing &, const Placing &) = default;
};

// Places from performances, as World Athletics ranks them. Every function answers one Placing
// per input, in the input's order; equal athletes share a place and the next place is skipped
// (1, 2=, 2=, 4). Athletes without a mark come last, unplaced.
namespace places {

// A heat (or any one list) by its performances: times lower first, distances and points
// higher first. Ties are judged on the times as recorded (Technical Rules, ties in track
// events: to the precision the timing gives), and stay ties.
QList<Placing> byPerformance(const QList<Performance> &performances);
// An event across its heats: one overall ranking of every heat's performances, answered in
// the heats' shape.
QList<QList<Placing>> acrossHeats(const QList<QList<Performance>> &heats);

// A long jump, triple jump or throw: the best mark, then the next best, and so on; still
// equal, the athletes share the place (first place included). statuses, where given, are the
// athletes' result status (DNS, DQ...): an athlete with a status word is unplaced whatever
// their series holds.
QList<Placing> horizontal(const QList<HorizontalSeries> &series,
                          const QList<Performance::Status> &statuses = {});
// A high jump or pole vault: the best height, then countback (fewest attempts at the height
// last cleared, then fewest failures in the whole competition up to and including it).
// Athletes still equal share the place; a shared first place is settled by a jump-off (or
// stays shared if the athletes so decide), which the unit's trials cannot record.
QList<Placing> vertical(const QList<VerticalSeries> &series,
                        const QList<Performance::Status> &statuses = {});

// The input's indexes in finishing order: by place, unplaced last, the input's order among
// equals.
QList<int> order(const QList<Placing> &placings);

} // namespace places

} // namespace meetdesk
