#include "places.h"

#include <algorithm>
#include <functional>
#include <limits>

namespace meetdesk::places {

namespace {

// Ranks the placed indexes with compare (negative: the first is better) and gives equal
// ones the same place.
QList<Placing> rank(int count, const std::function<bool(int)> &placed,
                    const std::function<int(int, int)> &compare)
{
    QList<int> ranked;
    for (int i = 0; i < count; ++i) {
        if (placed(i))
            ranked.append(i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](int a, int b) { return compare(a, b) < 0; });
    QList<Placing> out(count);
    for (int k = 0; k < ranked.size(); ++k) {
        const int i = ranked[k];
        if (k > 0 && compare(ranked[k - 1], i) == 0) {
            out[i].place = out[ranked[k - 1]].place;
            out[i].tie = true;
            out[ranked[k - 1]].tie = true;
        } else {
            out[i].place = k + 1;
        }
    }
    return out;
}

bool hasStatusWord(const QList<Performance::Status> &statuses, int i)
{
    if (i >= statuses.size())
        return false;
    return statuses[i] != Performance::Status::Empty && statuses[i] != Performance::Status::Mark;
}

int compareValues(int a, int b, bool higherIsBetter)
{
    if (a == b)
        return 0;
    return (a > b) == higherIsBetter ? -1 : 1;
}

} // namespace

QList<Placing> byPerformance(const QList<Performance> &performances)
{
    return rank(
        int(performances.size()), [&](int i) { return performances[i].isMark(); },
        [&](int a, int b) { return compare(performances[a], performances[b]); });
}

QList<QList<Placing>> acrossHeats(const QList<QList<Performance>> &heats)
{
    QList<Performance> all;
    for (const auto &heat : heats)
        all.append(heat);
    const QList<Placing> overall = byPerformance(all);
    QList<QList<Placing>> out;
    qsizetype next = 0;
    for (const auto &heat : heats) {
        out.append(overall.mid(next, heat.size()));
        next += heat.size();
    }
    return out;
}

QList<Placing> horizontal(const QList<HorizontalSeries> &series,
                          const QList<Performance::Status> &statuses)
{
    QList<QList<int>> marks;
    for (const HorizontalSeries &s : series)
        marks.append(fieldseries::marksBestFirst(s));
    return rank(
        int(series.size()),
        [&](int i) { return !marks[i].isEmpty() && !hasStatusWord(statuses, i); },
        [&](int a, int b) {
            const QList<int> &x = marks[a];
            const QList<int> &y = marks[b];
            for (qsizetype k = 0; k < std::min(x.size(), y.size()); ++k) {
                if (const int c = compareValues(x[k], y[k], true))
                    return c;
            }
            // one more valid mark beats none
            return compareValues(int(x.size()), int(y.size()), true);
        });
}

QList<Placing> vertical(const QList<VerticalSeries> &series,
                        const QList<Performance::Status> &statuses)
{
    QList<std::optional<Countback>> counts;
    for (const VerticalSeries &s : series)
        counts.append(fieldseries::countback(s));
    return rank(
        int(series.size()),
        [&](int i) { return counts[i].has_value() && !hasStatusWord(statuses, i); },
        [&](int a, int b) {
            const Countback &x = *counts[a];
            const Countback &y = *counts[b];
            if (const int c = compareValues(x.centimetres, y.centimetres, true))
                return c;
            if (const int c = compareValues(x.attemptsAtHeight, y.attemptsAtHeight, false))
                return c;
            return compareValues(x.failures, y.failures, false);
        });
}

QList<int> order(const QList<Placing> &placings)
{
    QList<int> indexes(placings.size());
    for (int i = 0; i < placings.size(); ++i)
        indexes[i] = i;
    std::stable_sort(indexes.begin(), indexes.end(), [&](int a, int b) {
        const int pa = placings[a].isPlaced() ? placings[a].place : std::numeric_limits<int>::max();
        const int pb = placings[b].isPlaced() ? placings[b].place : std::numeric_limits<int>::max();
        return pa < pb;
    });
    return indexes;
}

} // namespace meetdesk::places
