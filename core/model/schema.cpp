#include "schema.h"

namespace meetdesk {

QByteArray camelCaseOf(QLatin1StringView snakeName)
{
    QByteArray out;
    out.reserve(snakeName.size());
    bool upper = false;
    for (const char c : snakeName) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out.append(upper && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
        upper = false;
    }
    return out;
}

QStringList splitCommaList(const QString &text)
{
    QStringList items;
    for (const QStringView part : QStringView(text).split(u','))
        if (!part.trimmed().isEmpty())
            items.append(part.trimmed().toString());
    return items;
}

namespace spelling {

std::optional<JsonValue> text(const QString &value, const JsonValue &spelled)
{
    if (spelled.isNumber() && isJsonNumber(value))
        return JsonValue::number(value);
    return std::nullopt;
}

namespace {

// A number field: its spelling while it reads as the value; read as text, it stays text.
template<class T> std::optional<JsonValue> number(T value, const JsonValue &spelled)
{
    bool ok = false;
    const QString text = spelled.text().trimmed();
    const T read = std::is_same_v<T, int> ? T(text.toInt(&ok)) : T(text.toDouble(&ok));
    if (ok && read == value)
        return spelled;
    if (spelled.isString())
        return JsonValue::string(QString::fromLatin1(jsonNumberText(double(value))));
    return std::nullopt;
}

} // namespace

std::optional<JsonValue> integer(int value, const JsonValue &spelled)
{
    return number(value, spelled);
}

std::optional<JsonValue> decimal(double value, const JsonValue &spelled)
{
    return number(value, spelled);
}

std::optional<JsonValue> list(const QStringList &value, const JsonValue &spelled, FieldType type,
                              bool commaListAsText)
{
    const bool asText = type == FieldType::CommaList && commaListAsText;
    if (spelled.isString()) {
        // Read from one string: kept while it says the same list, where text is written.
        if (splitCommaList(spelled.text()) == value && (asText || type == FieldType::List))
            return spelled;
        return std::nullopt;
    }
    if (!spelled.isArray() || asText)
        return std::nullopt;
    QStringList read;
    bool numbers = false;
    for (const JsonValue &item : spelled.items()) {
        read.append(item.text());
        numbers = numbers || item.isNumber();
    }
    if (read == value)
        return spelled;
    if (!numbers)
        return std::nullopt;
    std::vector<JsonValue> items;
    for (const QString &item : value)
        items.push_back(isJsonNumber(item) ? JsonValue::number(item) : JsonValue::string(item));
    return JsonValue::array(std::move(items));
}

} // namespace spelling

using T = FieldType;

template<> const std::vector<FieldSpec<Competition>> &fieldsOf<Competition>()
{
    using N = Competition;
    static const std::vector<FieldSpec<N>> fields {
        {"full_name", T::Text, &N::fullName},
        {"short_name", T::Text, &N::shortName},
        {"slug", T::Text, &N::slug},
        {"name_local", T::Text, &N::nameLocal},
        {"country", T::Text, &N::country, "country_id"},
        {"date", T::Date, &N::date},
        {"finish_date", T::Date, &N::finishDate},
        {"year", T::Text, &N::year},
        {"address", T::Text, &N::address},
        {"venue_id", T::Integer, &N::venueId},
        {"latitude", T::Decimal, &N::latitude},
        {"longitude", T::Decimal, &N::longitude},
        {"altitude", T::Decimal, &N::altitude},
        {"wa_rankings_category", T::Text, &N::waRankingsCategory, "wa_rankings_category_id"},
        {"age_groups", T::List, &N::ageGroups},
        {"basic_description", T::Text, &N::basicDescription},
        {"contact_details", T::Text, &N::contactDetails},
        {"organiser", T::Text, &N::organiser, "organiser_id"},
        {"website", T::Text, &N::website},
        {"entry_link", T::Text, &N::entryLink},
        {"results_link", T::Text, &N::resultsLink},
    };
    return fields;
}

template<> const std::vector<FieldSpec<Competitor>> &fieldsOf<Competitor>()
{
    using N = Competitor;
    static const std::vector<FieldSpec<N>> fields {
        {"competitor_id", T::Text, &N::competitorId},
        {"first_name", T::Text, &N::firstName},
        {"last_name", T::Text, &N::lastName},
        {"gender", T::Text, &N::gender},
        {"date_of_birth", T::Date, &N::dateOfBirth},
        {"nationality", T::Text, &N::nationality},
        {"team_id", T::Text, &N::teamId},
        {"ot_athlete_id", T::Text, &N::otAthleteId},
        {"age_group", T::Text, &N::ageGroup},
        {"category", T::Text, &N::category},
    };
    return fields;
}

template<> const std::vector<FieldSpec<EventEntry>> &fieldsOf<EventEntry>()
{
    using N = EventEntry;
    static const std::vector<FieldSpec<N>> fields {
        {"event_id", T::Text, &N::eventId},
        {"event_code", T::Text, &N::eventCode},
        {"pb", T::Text, &N::pb},
        {"sb", T::Text, &N::sb},
        {"qp", T::Text, &N::qp},
    };
    return fields;
}

template<> const std::vector<FieldSpec<Team>> &fieldsOf<Team>()
{
    using N = Team;
    static const std::vector<FieldSpec<N>> fields {
        {"team_id", T::Text, &N::teamId},
        {"team_name", T::Text, &N::teamName},
        {"flag_url", T::Text, &N::flagUrl},
        {"match_id", T::Text, &N::matchId},
    };
    return fields;
}

template<> const std::vector<FieldSpec<RelayTeam>> &fieldsOf<RelayTeam>()
{
    using N = RelayTeam;
    static const std::vector<FieldSpec<N>> fields {
        {"relay_team_id", T::Text, &N::relayTeamId},
        {"event_id", T::Text, &N::eventId},
        {"name", T::Text, &N::name},
        {"team_id", T::Text, &N::teamId},
        {"runners", T::List, &N::runners},
    };
    return fields;
}

template<> const std::vector<FieldSpec<Event>> &fieldsOf<Event>()
{
    using N = Event;
    static const std::vector<FieldSpec<N>> fields {
        {"event_id", T::Text, &N::eventId},
        {"event_code", T::Text, &N::eventCode},
        {"name", T::Text, &N::name},
        {"genders", T::Text, &N::genders},
        {"category", T::Text, &N::category},
        {"age_groups", T::CommaList, &N::ageGroups},
        {"rounds", T::Text, &N::rounds},
        {"parent", T::Text, &N::parentEvent},
        {"status", T::Text, &N::status},
        {"day", T::Integer, &N::day},
        {"r1_time", T::Text, &N::r1Time},
        {"lanes", T::Integer, &N::lanes},
        {"max_field_attempts", T::Integer, &N::maxFieldAttempts},
        {"cut_after_round", T::Integer, &N::cutAfterRound},
        {"cut_survivors", T::Integer, &N::cutSurvivors},
    };
    return fields;
}

template<> const std::vector<FieldSpec<Unit>> &fieldsOf<Unit>()
{
    using N = Unit;
    static const std::vector<FieldSpec<N>> fields {
        {"round", T::Integer, &N::round},
        {"heat", T::Integer, &N::heat},
        {"status", T::Text, &N::status},
        {"results_status", T::Text, &N::resultsStatus},
        {"day", T::Integer, &N::day},
        {"heat_name", T::Text, &N::heatName},
        {"scheduled_start_time", T::Text, &N::scheduledStartTime},
        {"distance", T::Text, &N::distance},
        {"precision", T::Integer, &N::precision},
        {"rounds", T::Integer, &N::rounds},
        {"heights", T::List, &N::heights},
    };
    return fields;
}

template<> const std::vector<FieldSpec<Result>> &fieldsOf<Result>()
{
    using N = Result;
    static const std::vector<FieldSpec<N>> fields {
        {"bib", T::Text, &N::bib},
        {"place", T::Integer, &N::place},
        {"performance", T::Text, &N::performance},
        {"points", T::Decimal, &N::points},
        {"lane", T::Integer, &N::lane},
        {"order", T::Integer, &N::order},
        {"catpos", T::Integer, &N::catpos},
        {"wind", T::Text, &N::wind},
    };
    return fields;
}

template<> const std::vector<FieldSpec<Trial>> &fieldsOf<Trial>()
{
    using N = Trial;
    static const std::vector<FieldSpec<N>> fields {
        {"bib", T::Text, &N::bib},       {"round", T::Integer, &N::round},
        {"height", T::Text, &N::height}, {"result", T::Text, &N::result},
        {"wind", T::Text, &N::wind},
    };
    return fields;
}

// Content equality of whole subtrees, declared with each node class.

bool sameContent(const Trial &a, const Trial &b)
{
    return sameFields(a, b);
}

bool sameContent(const Result &a, const Result &b)
{
    return sameFields(a, b);
}

bool sameContent(const Unit &a, const Unit &b)
{
    // "trials": [] in a file is kept; a list with trials is written whether or not it was read.
    const auto listed = [](const Unit &u) {
        return u.trialsListed || !u.trials.empty();
    };
    return sameFields(a, b) && listed(a) == listed(b) && sameContent(a.results, b.results)
        && sameContent(a.trials, b.trials);
}

bool sameContent(const Event &a, const Event &b)
{
    const auto listed = [](const Event &e) {
        return e.resultsListed || !e.results.empty();
    };
    return sameFields(a, b) && listed(a) == listed(b) && sameContent(a.units, b.units)
        && sameContent(a.results, b.results);
}

bool sameContent(const EventEntry &a, const EventEntry &b)
{
    return sameFields(a, b);
}

bool sameContent(const Competitor &a, const Competitor &b)
{
    return sameFields(a, b) && sameContent(a.eventsEntered, b.eventsEntered);
}

bool sameContent(const Team &a, const Team &b)
{
    return sameFields(a, b);
}

bool sameContent(const RelayTeam &a, const RelayTeam &b)
{
    return sameFields(a, b);
}

bool sameContent(const Competition &a, const Competition &b)
{
    return sameFields(a, b) && sameContent(a.competitors, b.competitors)
        && sameContent(a.teams, b.teams) && sameContent(a.relayTeams, b.relayTeams)
        && sameContent(a.events, b.events);
}

} // namespace meetdesk
