#pragma once

#include "performance.h"

#include <QList>
#include <QRandomGenerator>

namespace meetdesk {

// One athlete's line in a heat of the round just run.
struct Finisher
{
    QString bib;
    int place = 0; // from 1; 0 for none (DNS, DNF, DQ, not placed)
    Performance performance;
    Performance seed; // the entry's seed mark, which later rounds of longer races still use
};

// Who goes on from a round (World Athletics Technical Rules, rule 20: by place in each heat, Q,
// then the fastest of the rest, q; ties as rule 21 settles them), and how they rank for the next
// round's heats and lanes. Athletes are named by their position in the heats given.
namespace advancement {

struct Position
{
    int heat = 0;
    int index = 0;
    friend bool operator==(const Position &, const Position &) = default;
};

struct Rule
{
    int byPlace = 0; // the first so many of each heat (Q)
    int byTime = 0; // then the fastest so many of the rest (q)
    int capacity = 0; // places in the next round (lanes times heats); 0 for no limit
};

// A tie for the last place that goes through. Rule 21: the tied athletes all go on where the
// next round has room; otherwise the places left are drawn by lot among them.
struct Tie
{
    enum class Kind { Place, Time };
    Kind kind = Kind::Place;
    QList<Position> athletes; // every athlete in the tie
    int places = 0; // how many of them the rule's numbers let through
    QList<Position> through; // those who go on
    bool drawn() const { return through.size() < athletes.size(); }
};

struct Outcome
{
    QList<Position> byPlace; // Q, heat by heat
    QList<Position> byTime; // q, fastest first
    QList<Position> ranked; // everyone going on, in rank() order
    QList<Tie> ties;
};

// The athletes who go on. When ties by place fill the next round, fewer go through on time
// (the places by time are what the capacity leaves).
Outcome advance(const QList<QList<Finisher>> &heats, const Rule &rule, QRandomGenerator &lot);

// The ranking for the next round (rule 20.3): those through by place first, by their place and
// then their time (the heat winners by time, then the second places...), then those through on
// time, by time. Equal athletes are in an order drawn by lot.
QList<Position> rank(const QList<QList<Finisher>> &heats, const QList<Position> &byPlace,
                     const QList<Position> &byTime, QRandomGenerator &lot);

// The ranking for the heats of later rounds over 400 m (rule 20.3): the seed marks, each
// improved by the athlete's time in the round; no mark last, equals by lot.
QList<Position> rankByImprovedMarks(const QList<QList<Finisher>> &heats,
                                    const QList<Position> &athletes, QRandomGenerator &lot);

} // namespace advancement

} // namespace meetdesk
