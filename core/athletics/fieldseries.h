#pragma once

#include "performance.h"

#include <QList>
#include <QString>

#include <optional>

namespace meetdesk {

// What one attempt on a field card was. Horizontal jumps and throws: a mark, a foul "x", a
// pass "-", retired "r". Vertical jumps: clear "o", failure "x", pass "-", retired "r".
enum class AttemptMark { Mark, Foul, Pass, Retired, Clear };

// An attempt in a long jump, triple jump or throw.
struct HorizontalAttempt
{
    int round = 0; // the attempt number, from 1
    AttemptMark mark = AttemptMark::Foul;
    int centimetres = 0; // for AttemptMark::Mark
    std::optional<int> wind; // tenths of m/s, where it was read
    friend bool operator==(const HorizontalAttempt &, const HorizontalAttempt &) = default;
};
// One athlete's attempts, in the order they were taken.
using HorizontalSeries = QList<HorizontalAttempt>;

// An athlete's attempts at one bar height of a high jump or pole vault.
struct HeightAttempts
{
    int centimetres = 0; // the bar
    QString marks; // "xxo", "-", "xx-", "xxx", "r": o, x, - and r in the order taken
    friend bool operator==(const HeightAttempts &, const HeightAttempts &) = default;
};
// One athlete's card: an entry per height of the competition, in the order the bar went up
// (heights the athlete did not jump at have no marks).
using VerticalSeries = QList<HeightAttempts>;

// Countback in a vertical jump (World Athletics Technical Rules, ties in vertical jumps):
// the height last cleared, the attempts taken at it, and the failures in the whole
// competition up to and including it.
struct Countback
{
    int centimetres = 0;
    int attemptsAtHeight = 0;
    int failures = 0;
    friend bool operator==(const Countback &, const Countback &) = default;
};

namespace fieldseries {

// Horizontal jumps and throws.

// Reads one attempt as typed on a trial card: a mark ("7.42", "7,4", "62"), "x" for a foul,
// "-" for a pass, "r" for retired (in any case). The mark is read as a performance of kind;
// the wind read for it may follow after a space ("7.42 +1.2", "7.42 (-0.4)", "x +0.3": a
// foul's reading is kept too), read as Wind does.
Parsed<HorizontalAttempt> parseAttempt(Performance::Kind kind, QStringView text);
// "7.42", "x", "-", "r": how a card writes the attempt (a trial's result).
QString attemptText(const HorizontalAttempt &attempt);
// "7.42 +1.2": the attempt with its wind, where one was read; as parseAttempt reads it back.
QString cardText(const HorizontalAttempt &attempt);
// The index of the best mark, or -1 when there is none. Among equal best marks, the first
// whose wind is not assisting (it is the one that counts for records), else the first.
int best(const HorizontalSeries &series);
// The marks in centimetres, best first: a tie on the best mark is decided by the next.
QList<int> marksBestFirst(const HorizontalSeries &series);
// The athlete's result: the best mark, NM when there were attempts but no valid mark, an
// empty performance when there were no attempts.
Performance result(Performance::Kind kind, const HorizontalSeries &series);
// Indexes of attempts numbered beyond the allowed number (3, or 6 with a final).
QList<int> beyondAllowed(const HorizontalSeries &series, int allowed);

// High jump and pole vault.

// Reads what was typed into a height's cell: "o", "xo", "xxo", "xxx", "-", "x-", "xx-", "r",
// "xr", "x", "xx" (in any case, spaces ignored) to "xo"; empty text is no attempts.
Parsed<QString> parseHeightAttempts(QStringView text);
// The index of the height last cleared, or -1.
int lastCleared(const VerticalSeries &series);
// The countback figures; nothing when no height was cleared.
std::optional<Countback> countback(const VerticalSeries &series);
// The athlete's result: the best height cleared, NH when there were attempts but no
// clearance, an empty performance when there were none.
Performance result(const VerticalSeries &series);
// The index of the height where the third consecutive failure came (counted across heights:
// a pass does not interrupt them, a clearance does), or -1 while the athlete is still in.
int eliminatedAt(const VerticalSeries &series);
// Indexes of heights with attempts after the athlete was out: after three consecutive
// failures or after retiring.
QList<int> attemptsAfterOut(const VerticalSeries &series);
// The index of the first height that is not above the one before, or -1 when they rise.
int firstOutOfOrder(const QList<int> &heights);

} // namespace fieldseries

} // namespace meetdesk
