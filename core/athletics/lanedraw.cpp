#include "lanedraw.h"

#include "eventcatalogue.h"
#include "lot.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace meetdesk::lanedraw {

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::lanedraw", text, nullptr, n);
}
} // namespace

Race raceOf(const QString &eventCode)
{
    const auto kind = EventCatalogue::kindOf(eventCode);
    const int metres = EventCatalogue::distanceMetres(eventCode);
    if (kind == EventCatalogue::Kind::Relay) {
        // Relays up to 4x400 m are run in lanes (a medley's distance is not in its code); a 4x800
        // m starts in lanes as an 800 m does.
        if (metres == 0 || metres <= 1600)
            return Race::Bend;
        return metres <= 3200 ? Race::EightHundred : Race::NotInLanes;
    }
    if (kind != EventCatalogue::Kind::Track || metres == 0)
        return Race::NotInLanes;
    if (metres <= 110)
        return Race::Straight;
    if (metres <= 400)
        return Race::Bend;
    return metres <= 800 ? Race::EightHundred : Race::NotInLanes;
}

QList<QList<int>> groups(Race race, int lanes)
{
    QList<QList<int>> eight;
    switch (race) {
    case Race::Straight:
        eight = {{3, 4, 5, 6}, {1, 2, 7, 8}};
        break;
    case Race::Bend:
        eight = {{5, 6, 7}, {3, 4, 8}, {1, 2}};
        break;
    case Race::EightHundred:
        eight = {{3, 4, 5, 6, 7}, {1, 2, 8}};
        break;
    case Race::NotInLanes:
        return {};
    }
    // Centre the eight-lane pattern: 9 and 10 lanes move it out by one, 6 in by one.
    const int offset = lanes >= 8 ? (lanes - 7) / 2 : -((8 - lanes) / 2);
    QList<QList<int>> out;
    int holdsEight = 0;
    for (const QList<int> &group : std::as_const(eight)) {
        QList<int> moved;
        for (const int lane : group) {
            if (lane == 8)
                holdsEight = int(out.size());
            if (lane + offset >= 1 && lane + offset <= lanes)
                moved.append(lane + offset);
        }
        out.append(moved);
    }
    for (int lane = 1; lane <= offset; ++lane)
        out.last().append(lane);
    for (int lane = 8 + offset + 1; lane <= lanes; ++lane)
        out[holdsEight].append(lane);
    for (QList<int> &group : out)
        std::sort(group.begin(), group.end());
    out.removeIf([](const QList<int> &group) { return group.isEmpty(); });
    return out;
}

QList<int> lanesInUse(const QList<int> &lanes, int athletes, int trackLanes)
{
    QList<int> byNearness = lanes;
    const double middle = (trackLanes + 1) / 2.0;
    std::stable_sort(byNearness.begin(), byNearness.end(), [middle](int a, int b) {
        const double da = std::abs(a - middle);
        const double db = std::abs(b - middle);
        return da < db || (da == db && a > b);
    });
    byNearness.resize(std::min<qsizetype>(athletes, byNearness.size()));
    std::sort(byNearness.begin(), byNearness.end());
    return byNearness;
}

Parsed<QList<int>> draw(int athletes, int lanes, Race race, Method method, bool firstRound,
                        QRandomGenerator &lot)
{
    if (race == Race::NotInLanes)
        return Failure {tr("the race is not run in lanes: it has a start order")};
    if (athletes > lanes) {
        return Failure {tr("%1 athletes for %n lane(s): the heat needs a lane for each, or "
                           "another heat",
                           lanes)
                            .arg(athletes)};
    }
    QList<int> out;
    if (method == Method::WorldAthletics && !firstRound) {
        int left = athletes;
        for (const QList<int> &group : groups(race, lanes)) {
            if (left == 0)
                break;
            QList<int> used = lanesInUse(group, std::min<int>(left, int(group.size())), lanes);
            lot::shuffle(used, lot);
            out.append(used);
            left -= int(used.size());
        }
        return out;
    }
    QList<int> all;
    for (int lane = 1; lane <= lanes; ++lane)
        all.append(lane);
    out = lanesInUse(all, athletes, lanes);
    if (method != Method::ByRank)
        lot::shuffle(out, lot);
    return out;
}

QList<int> order(int athletes, Method method, QRandomGenerator &lot)
{
    QList<int> out;
    for (int i = 1; i <= athletes; ++i)
        out.append(i);
    if (method != Method::ByRank)
        lot::shuffle(out, lot);
    return out;
}

} // namespace meetdesk::lanedraw
