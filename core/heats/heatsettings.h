#pragma once

#include "athletics/lanedraw.h"
#include "athletics/parsed.h"
#include "athletics/seeding.h"
#include "json/jsonvalue.h"

#include <optional>

namespace meetdesk {

class Event;

// How an event's heats are made and its lanes drawn. OpenTrack has no field for these, so
// they are Meetdesk's own and live in the file's "meetdesk" object, under "seeding", by
// event_id:
//
//   "seeding": {"T01": {"seed_mark": "sb", "method": "seeded", "separate_clubs": true,
//                        "lane_draw": "world_athletics"}}
//
// What OpenTrack does have is read from (and written to) the event itself: "lanes", "lanes_r2"
// and "lanes_r3" (lanes per round), "qual_by_place" and "qual_fastest_losers" (into round 2),
// "qual_by_place_r3" and "qual_fastest_losers_r3" (into round 3).
struct HeatSettings
{
    // Which mark of the entry (events_entered) seeds an athlete; the other where it is missing.
    enum class SeedMark { SeasonBest, PersonalBest };

    SeedMark seedMark = SeedMark::SeasonBest;
    seeding::Method method = seeding::Method::Seeded;
    bool separateClubs = true;
    lanedraw::Method laneDraw = lanedraw::Method::WorldAthletics;

    JsonValue toJson() const;
    // Refuses what is not one, naming the key ("lane_draw: ..."); missing keys keep defaults.
    static Parsed<HeatSettings> fromJson(const JsonValue &json);

    // An event's settings in the "meetdesk" object; the defaults when it has none. A value that
    // cannot be read gives the defaults too, and the reason (with its path) in problem.
    static HeatSettings of(const JsonObject &meetdesk, const QString &eventId,
                           QString *problem = nullptr);
    // The "seeding" object with one event's settings set, the other events' kept as they are.
    static JsonValue withEvent(const JsonObject &meetdesk, const QString &eventId,
                               const HeatSettings &settings);
    static const QString key; // "seeding"

    // OpenTrack's lanes for a round (from 1): "lanes", "lanes_r2", "lanes_r3"; none when unset
    // or beyond round 3 (laneKey is then empty).
    static std::optional<int> lanes(const Event &event, int round);
    static QString laneKey(int round);
    // OpenTrack's qualification into a round (2 or 3): by place ("qual_by_place", "_r3") and
    // by time ("qual_fastest_losers", "_r3"); the keys are empty for other rounds.
    static std::optional<int> byPlace(const Event &event, int intoRound);
    static std::optional<int> byTime(const Event &event, int intoRound);
    static QString byPlaceKey(int intoRound);
    static QString byTimeKey(int intoRound);

    friend bool operator==(const HeatSettings &, const HeatSettings &) = default;
};

} // namespace meetdesk
