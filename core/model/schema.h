#pragma once

#include "competition.h"

#include <QByteArray>
#include <QLatin1StringView>

#include <algorithm>
#include <variant>

namespace meetdesk {

// How a field's value is typed in the model and written in JSON.
enum class FieldType {
    Text, // QString; a JSON string (a number in a file is read as its text)
    Integer, // std::optional<int>
    Decimal, // std::optional<double>
    Date, // QDate, "YYYY-MM-DD"
    List, // std::optional<QStringList>, a JSON list of strings
    CommaList, // the same, written "SEN,U20" in the current API and as a list in v1
};

// One OpenTrack field of a node kind: its names in each API generation and where it lives.
// The order of a kind's fields is the order Meetdesk writes them.
template<class N> struct FieldSpec
{
    using Member = std::variant<QString N::*, std::optional<int> N::*, std::optional<double> N::*,
                                QDate N::*, std::optional<QStringList> N::*>;

    FieldSpec(const char *name, FieldType type, Member member, const char *v1Name = nullptr);

    QLatin1StringView name; // current API and Meetdesk files
    QLatin1StringView v1Name; // the v1 API's name (the same for most fields)
    QByteArray camelName; // the public /json/ download's name
    FieldType type;
    Member member;

    // Whether a key as written in a file names this field in any generation.
    bool matches(QByteArrayView key) const
    {
        return key == name || key == v1Name || key == camelName;
    }
    bool matches(QStringView key) const
    {
        return key == name || key == v1Name || key == QLatin1StringView(camelName);
    }
};

// A child list's name in files and in the /json/ download.
struct ListSpec
{
    QLatin1StringView name;
    QLatin1StringView camelName;

    bool matches(QByteArrayView key) const { return key == name || key == camelName; }
    bool matches(QStringView key) const { return key == name || key == camelName; }
};

namespace lists {
inline const ListSpec competitors {QLatin1StringView("competitors"),
                                   QLatin1StringView("competitors")};
inline const ListSpec teams {QLatin1StringView("teams"), QLatin1StringView("teams")};
inline const ListSpec relayTeams {QLatin1StringView("relay_teams"),
                                  QLatin1StringView("relayTeams")};
inline const ListSpec events {QLatin1StringView("events"), QLatin1StringView("events")};
inline const ListSpec eventsEntered {QLatin1StringView("events_entered"),
                                     QLatin1StringView("eventsEntered")};
inline const ListSpec units {QLatin1StringView("units"), QLatin1StringView("units")};
inline const ListSpec results {QLatin1StringView("results"), QLatin1StringView("results")};
inline const ListSpec trials {QLatin1StringView("trials"), QLatin1StringView("trials")};
} // namespace lists

template<class N> const std::vector<FieldSpec<N>> &fieldsOf();

template<> const std::vector<FieldSpec<Competition>> &fieldsOf<Competition>();
template<> const std::vector<FieldSpec<Competitor>> &fieldsOf<Competitor>();
template<> const std::vector<FieldSpec<EventEntry>> &fieldsOf<EventEntry>();
template<> const std::vector<FieldSpec<Team>> &fieldsOf<Team>();
template<> const std::vector<FieldSpec<RelayTeam>> &fieldsOf<RelayTeam>();
template<> const std::vector<FieldSpec<Event>> &fieldsOf<Event>();
template<> const std::vector<FieldSpec<Unit>> &fieldsOf<Unit>();
template<> const std::vector<FieldSpec<Result>> &fieldsOf<Result>();
template<> const std::vector<FieldSpec<Trial>> &fieldsOf<Trial>();

// "SEN, U20" -> {"SEN", "U20"}: a list written as one string, blanks dropped.
QStringList splitCommaList(const QString &text);

// "full_name" -> "fullName"
QByteArray camelCaseOf(QLatin1StringView snakeName);

template<class N>
FieldSpec<N>::FieldSpec(const char *n, FieldType t, Member m, const char *v1)
    : name(n)
    , v1Name(v1 ? v1 : n)
    , camelName(camelCaseOf(QLatin1StringView(n)))
    , type(t)
    , member(m)
{ }

template<class N> bool isSet(const N &node, const FieldSpec<N> &field)
{
    return std::visit(
        [&node](auto m) {
            const auto &v = node.*m;
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, QString>)
                return !v.isNull();
            else if constexpr (std::is_same_v<V, QDate>)
                return v.isValid();
            else
                return v.has_value();
        },
        field.member);
}

template<class N> void clearField(N &node, const FieldSpec<N> &field)
{
    std::visit([&node](auto m) { node.*m = std::decay_t<decltype(node.*m)>(); }, field.member);
}

// What a field is written (and sent) as when the file spelled it in a way its typed value does
// not keep (Node::spellings), or nothing when the typed value is written as usual:
// - a text field read from a JSON number stays a number while its text is one (800, not "800");
// - a number keeps its digits and form while its value is the one read
//   (12345678901234567890, 1.50, 1e3); a number read as text stays text ("1");
// - a list keeps the numbers in it, and the text it was written as ("SEN, U20", "ALL").
// commaListAsText: a CommaList goes out as "SEN,U20" (the current API) rather than as a list.
namespace spelling {
std::optional<JsonValue> text(const QString &value, const JsonValue &spelled);
std::optional<JsonValue> integer(int value, const JsonValue &spelled);
std::optional<JsonValue> decimal(double value, const JsonValue &spelled);
std::optional<JsonValue> list(const QStringList &value, const JsonValue &spelled, FieldType type,
                              bool commaListAsText);
} // namespace spelling

template<class N>
std::optional<JsonValue> spelledValue(const N &node, int field, bool commaListAsText)
{
    const auto found = std::find_if(node.spellings.begin(), node.spellings.end(),
                                    [field](const FieldSpelling &s) { return s.field == field; });
    const FieldSpec<N> &f = fieldsOf<N>()[size_t(field)];
    if (found == node.spellings.end() || !isSet(node, f))
        return std::nullopt;
    return std::visit(
        [&](auto member) -> std::optional<JsonValue> {
            const auto &v = node.*member;
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, QString>)
                return spelling::text(v, found->value);
            else if constexpr (std::is_same_v<V, std::optional<int>>)
                return spelling::integer(*v, found->value);
            else if constexpr (std::is_same_v<V, std::optional<double>>)
                return spelling::decimal(*v, found->value);
            else if constexpr (std::is_same_v<V, std::optional<QStringList>>)
                return spelling::list(*v, found->value, f.type, commaListAsText);
            else
                return std::nullopt; // dates have one spelling
        },
        f.member);
}

// Typed fields and extras equal (children are compared by the caller). How the file spelled
// them (Node::spellings) is not part of the content.
template<class N> bool sameFields(const N &a, const N &b)
{
    for (const FieldSpec<N> &f : fieldsOf<N>()) {
        const bool equal = std::visit(
            [&](auto m) {
                const auto &x = a.*m;
                const auto &y = b.*m;
                using V = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<V, QString>)
                    return x.isNull() == y.isNull() && x == y;
                else
                    return x == y;
            },
            f.member);
        if (!equal)
            return false;
    }
    return a.extras == b.extras;
}

} // namespace meetdesk
