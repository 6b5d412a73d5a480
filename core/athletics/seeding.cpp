#include "seeding.h"

#include "lot.h"

#include <QHash>

#include <algorithm>

namespace meetdesk::seeding {

QList<int> rank(const QList<Entrant> &entrants, QRandomGenerator &lot)
{
    QList<int> order = lot::indexes(int(entrants.size()));
    lot::shuffle(order, lot); // equal marks stay in the order drawn
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return compare(entrants[a].seed, entrants[b].seed) < 0; });
    return order;
}

int zigzagHeat(int position, int heats)
{
    const int row = position / heats;
    const int column = position % heats;
    return row % 2 == 0 ? column : heats - 1 - column;
}

namespace {

// Exchanges athletes of the same seeding group (a row of the distribution: one athlete per
// heat) where that puts fewer club mates together. Rows are settled in ranking order, each
// against the rows above it; every exchange lowers the row's clashes, so it ends.
void keepClubsApart(const QList<int> &ranked, int heats, QList<int> &heatOf,
                    const QStringList &clubs)
{
    const int n = int(ranked.size());
    QList<QHash<QString, int>> placed(heats);
    for (int start = 0; start < n; start += heats) {
        const int end = std::min(n, start + heats);
        const auto clashes = [&](int p, int heat) {
            const QString club = clubs.value(ranked[p]);
            return club.isEmpty() ? 0 : placed[heat].value(club);
        };
        bool improved = true;
        while (improved) {
            improved = false;
            for (int i = start; i < end; ++i) {
                for (int j = i + 1; j < end; ++j) {
                    const int now = clashes(i, heatOf[i]) + clashes(j, heatOf[j]);
                    if (clashes(i, heatOf[j]) + clashes(j, heatOf[i]) < now) {
                        std::swap(heatOf[i], heatOf[j]);
                        improved = true;
                    }
                }
                // A short last row may use any heat the row leaves free.
                for (int heat = 0; end - start < heats && heat < heats; ++heat) {
                    const bool taken = std::any_of(heatOf.begin() + start, heatOf.begin() + end,
                                                   [heat](int h) { return h == heat; });
                    if (!taken && clashes(i, heat) < clashes(i, heatOf[i])) {
                        heatOf[i] = heat;
                        improved = true;
                    }
                }
            }
        }
        for (int p = start; p < end; ++p) {
            if (const QString club = clubs.value(ranked[p]); !club.isEmpty())
                ++placed[heatOf[p]][club];
        }
    }
}

} // namespace

QList<QList<int>> distribute(const QList<int> &ranked, int heats, Method method,
                             const QStringList &clubs, QRandomGenerator &lot)
{
    heats = std::max(1, heats);
    const int n = int(ranked.size());
    QList<int> heatOf(n);
    switch (method) {
    case Method::Seeded:
        for (int p = 0; p < n; ++p)
            heatOf[p] = zigzagHeat(p, heats);
        break;
    case Method::RandomInGroups:
        for (int start = 0; start < n; start += heats) {
            QList<int> drawn = lot::indexes(heats);
            lot::shuffle(drawn, lot);
            for (int p = start; p < std::min(n, start + heats); ++p)
                heatOf[p] = drawn[p - start];
        }
        break;
    case Method::ByAbility: {
        // The last heat takes the best; the later heats take the extra athletes.
        int p = 0;
        for (int heat = heats - 1; heat >= 0; --heat) {
            const int size = n / heats + (heat >= heats - n % heats ? 1 : 0);
            for (int k = 0; k < size; ++k)
                heatOf[p++] = heat;
        }
        break;
    }
    }
    if (!clubs.isEmpty() && method != Method::ByAbility)
        keepClubsApart(ranked, heats, heatOf, clubs);
    QList<QList<int>> out(heats);
    for (int p = 0; p < n; ++p)
        out[heatOf[p]].append(ranked[p]);
    return out;
}

QList<QList<int>> intoHeats(const QList<Entrant> &entrants, int heats, Method method,
                            bool separateClubs, QRandomGenerator &lot)
{
    QStringList clubs;
    if (separateClubs) {
        for (const Entrant &e : entrants)
            clubs.append(e.club);
    }
    return distribute(rank(entrants, lot), heats, method, clubs, lot);
}

int heatsNeeded(int athletes, int perHeat)
{
    if (athletes <= 0)
        return 0;
    if (perHeat <= 0)
        return 1;
    return (athletes + perHeat - 1) / perHeat;
}

QList<int> heatsPerRound(QStringView rounds)
{
    QList<int> out;
    for (QStringView part : rounds.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int heats = part.trimmed().toInt(&ok);
        out.append(ok && heats > 0 ? heats : 0);
    }
    return out;
}

QString withHeats(QStringView rounds, int round, int heats)
{
    QStringList parts;
    for (QStringView part : rounds.split(u',', Qt::SkipEmptyParts))
        parts.append(part.trimmed().toString());
    while (parts.size() < round)
        parts.append(QStringLiteral("1"));
    parts[round - 1] = QString::number(heats);
    return parts.join(u',');
}

} // namespace meetdesk::seeding
