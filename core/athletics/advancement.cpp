#include "advancement.h"

#include "lot.h"

#include <algorithm>

namespace meetdesk::advancement {

namespace {

const Finisher &at(const QList<QList<Finisher>> &heats, const Position &p)
{
    return heats[p.heat][p.index];
}

// The positions in an order drawn by lot, then stably sorted: equals stay as drawn.
template<class Less>
QList<Position> sorted(QList<Position> positions, QRandomGenerator &lot, Less less)
{
    lot::shuffle(positions, lot);
    std::stable_sort(positions.begin(), positions.end(), less);
    return positions;
}

// Draws by lot which of the positions to keep, keeping count of them.
QList<Position> keepByLot(QList<Position> positions, int count, QRandomGenerator &lot)
{
    lot::shuffle(positions, lot);
    positions.resize(std::clamp<qsizetype>(count, 0, positions.size()));
    return positions;
}

} // namespace

Outcome advance(const QList<QList<Finisher>> &heats, const Rule &rule, QRandomGenerator &lot)
{
    Outcome out;
    for (int h = 0; h < heats.size(); ++h) {
        QList<Position> in;
        int worst = 0;
        for (int i = 0; i < heats[h].size(); ++i) {
            const int place = heats[h][i].place;
            if (place >= 1 && place <= rule.byPlace) {
                in.append({h, i});
                worst = std::max(worst, place);
            }
        }
        if (in.size() > rule.byPlace) { // a tie for the last place by place
            Tie tie;
            tie.kind = Tie::Kind::Place;
            for (const Position &p : std::as_const(in)) {
                if (at(heats, p).place == worst)
                    tie.athletes.append(p);
            }
            tie.places = rule.byPlace - int(in.size() - tie.athletes.size());
            tie.through = tie.athletes;
            out.ties.append(tie);
        }
        out.byPlace.append(in);
    }

    // More through by place than the next round holds: the places are drawn among the tied.
    if (rule.capacity > 0 && out.byPlace.size() > rule.capacity) {
        qsizetype excess = out.byPlace.size() - rule.capacity;
        QList<int> order = lot::indexes(int(out.ties.size()));
        lot::shuffle(order, lot);
        for (const int t : std::as_const(order)) {
            Tie &tie = out.ties[t];
            const qsizetype cut = std::min<qsizetype>(excess, tie.through.size() - tie.places);
            if (cut <= 0)
                continue;
            const QList<Position> kept = keepByLot(tie.through, int(tie.through.size() - cut), lot);
            for (const Position &p : std::as_const(tie.through)) {
                if (!kept.contains(p))
                    out.byPlace.removeOne(p);
            }
            tie.through = kept;
            excess -= cut;
        }
    }

    int slots = rule.byTime;
    if (rule.capacity > 0)
        slots = std::clamp(rule.capacity - int(out.byPlace.size()), 0, rule.byTime);
    QList<Position> rest;
    for (int h = 0; h < heats.size(); ++h) {
        for (int i = 0; i < heats[h].size(); ++i) {
            if (heats[h][i].performance.isMark() && !out.byPlace.contains(Position {h, i}))
                rest.append({h, i});
        }
    }
    rest = sorted(rest, lot, [&](const Position &a, const Position &b) {
        return compare(at(heats, a).performance, at(heats, b).performance) < 0;
    });
    const auto same = [&](qsizetype a, qsizetype b) {
        return compare(at(heats, rest[a]).performance, at(heats, rest[b]).performance) == 0;
    };
    if (slots > 0 && rest.size() > slots && same(slots - 1, slots)) {
        qsizetype first = slots - 1;
        while (first > 0 && same(first - 1, slots - 1))
            --first;
        qsizetype end = slots;
        while (end < rest.size() && same(end, slots - 1))
            ++end;
        Tie tie;
        tie.kind = Tie::Kind::Time;
        tie.athletes = rest.mid(first, end - first);
        tie.places = int(slots - first);
        const bool room = rule.capacity == 0 || out.byPlace.size() + end <= rule.capacity;
        tie.through = room ? tie.athletes : keepByLot(tie.athletes, tie.places, lot);
        out.ties.append(tie);
        out.byTime = rest.mid(0, first) + tie.through;
    } else {
        out.byTime = rest.mid(0, std::min<qsizetype>(slots, rest.size()));
    }
    out.ranked = rank(heats, out.byPlace, out.byTime, lot);
    return out;
}

QList<Position> rank(const QList<QList<Finisher>> &heats, const QList<Position> &byPlace,
                     const QList<Position> &byTime, QRandomGenerator &lot)
{
    const auto byTimeOnly = [&](const Position &a, const Position &b) {
        return compare(at(heats, a).performance, at(heats, b).performance) < 0;
    };
    return sorted(byPlace, lot,
                  [&](const Position &a, const Position &b) {
                      const int pa = at(heats, a).place;
                      const int pb = at(heats, b).place;
                      return pa != pb ? pa < pb : byTimeOnly(a, b);
                  })
        + sorted(byTime, lot, byTimeOnly);
}

QList<Position> rankByImprovedMarks(const QList<QList<Finisher>> &heats,
                                    const QList<Position> &athletes, QRandomGenerator &lot)
{
    const auto best = [&](const Position &p) {
        const Finisher &f = at(heats, p);
        return compare(f.performance, f.seed) <= 0 ? f.performance : f.seed;
    };
    return sorted(athletes, lot, [&](const Position &a, const Position &b) {
        return compare(best(a), best(b)) < 0;
    });
}

} // namespace meetdesk::advancement
