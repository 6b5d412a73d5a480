#pragma once

#include "parsed.h"
#include "json/jsonvalue.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace meetdesk {

// The day an age is counted on, for a competition held on a given day.
struct AgeOn
{
    enum class Basis {
        CompetitionDay, // "day": the day of competition (masters)
        InYear, // "12-31": that day of the competition's calendar year
        LastBefore, // "last 08-31": the latest such day on or before the competition
        Fixed, // "2026-08-31": that date
    };
    Basis basis = Basis::CompetitionDay;
    int month = 0;
    int day = 0;
    QDate date;

    static AgeOn competitionDay() { return {}; }
    static AgeOn inYear(int month, int day) { return {Basis::InYear, month, day, {}}; }
    static AgeOn lastBefore(int month, int day) { return {Basis::LastBefore, month, day, {}}; }
    static AgeOn fixed(QDate date) { return {Basis::Fixed, 0, 0, date}; }

    QDate dateFor(QDate competitionDay) const;
    // "day", "12-31", "last 08-31", "2026-08-31"; parse() reads them back.
    QString toString() const;
    static Parsed<AgeOn> parse(QStringView text);
    friend bool operator==(const AgeOn &, const AgeOn &) = default;
};

// How a competition turns dates of birth into OpenTrack's age groups (U11, U13, U15, U17,
// U18, U20, U23, SEN, V35, V40...). Federations differ: World Athletics counts U18 and U20 by
// the age on 31 December of the competition year; UK Athletics counts U11 to U17 by the age
// on 31 August and U20 by 31 December; masters count from the day the athlete reaches the
// age. Kept per competition, in the file's "meetdesk" object (toJson / fromJson).
class AgeGroupRules
{
public:
    struct Youth
    {
        QString group; // "U17"
        int under = 0; // younger than this on ageOn
        AgeOn ageOn;
        friend bool operator==(const Youth &, const Youth &) = default;
    };
    QList<Youth> youth; // youngest first
    int mastersFrom = 35; // V35 from 35; 0 for no masters groups (everyone older is SEN)
    int mastersStep = 5; // V35, V40, V45...
    AgeOn mastersAgeOn;

    static AgeGroupRules worldAthletics(); // U18, U20 on 31 December; V35+ on the day
    static AgeGroupRules europeanAthletics(); // U18, U20, U23 on 31 December; V35+ on the day
    static AgeGroupRules ukTrackAndField(); // U11-U17 on 31 August, U20 on 31 December; V35+
    static AgeGroupRules ukRoadAndCrossCountry(); // U13-U20 on the 31 August before; V35+

    // The conventions above by name, for a user to choose from.
    struct Preset
    {
        QString key; // "world-athletics", "european-athletics", "uk-track-and-field", ...
        QString name; // "World Athletics", "UK Athletics (track and field)", ...
        AgeGroupRules (*rules)();
    };
    static QList<Preset> presets();
    // The preset these rules are, or nothing (a convention of the competition's own).
    std::optional<Preset> preset() const;
    // Where a competition keeps no convention: UK Athletics' track and field rules for a
    // meet in Great Britain (GBR), World Athletics' elsewhere.
    static AgeGroupRules defaultFor(const QString &country);

    // {"youth": [{"group": "U17", "under": 17, "age_on": "08-31"}, ...],
    //  "masters": {"from": 35, "step": 5, "age_on": "day"}}; "masters": null for none.
    JsonValue toJson() const;
    // Reads toJson()'s form; a failure names the key that is wrong ("youth[1].under: ...").
    static Parsed<AgeGroupRules> fromJson(const JsonValue &json);

    friend bool operator==(const AgeGroupRules &, const AgeGroupRules &) = default;
};

// What an event allows, as an event record says it: genders "M", "F", "MF" (or empty), its
// age groups ("U17", "U20"), and its category ("U15W", "SM", "V40M"), used when it lists no
// age groups.
struct EventEligibility
{
    QString genders;
    QStringList ageGroups;
    QString category;
};

namespace agegroups {

// Whole years from birth to the day (someone born on 29 February turns a year older on
// 1 March in other years).
int ageOn(QDate birth, QDate day);
// The narrowest group the athlete belongs to on the competition day: the first youth group
// they are young enough for, else V35 (V40...) when old enough on the masters day, else SEN.
// Empty when the date of birth is unknown.
QString groupOf(const AgeGroupRules &rules, QDate birth, QDate competitionDay);
// Whether an athlete may compete in a group: U17 takes anyone under 17 on U17's day; V40
// anyone 40 or over on the masters day; SEN, ALL and codes the rules cannot judge take anyone.
bool fits(const AgeGroupRules &rules, QDate birth, QDate competitionDay, const QString &group);
// The age group a category names: "U15W" U15, "SM" and "SW" SEN, "V40M" and "M40" V40.
QString ageGroupOfCategory(const QString &category);
// The gender a category names: "U15W" F, "SM" M; empty when it does not say.
QString genderOfCategory(const QString &category);
// Why an athlete (gender "M", "F" or "X"; date of birth) may not enter the event, or nothing
// when they may (or when what is known cannot tell).
std::optional<QString> eligibilityProblem(const QString &gender, QDate birth,
                                          const EventEligibility &event, QDate competitionDay,
                                          const AgeGroupRules &rules);

} // namespace agegroups

} // namespace meetdesk
