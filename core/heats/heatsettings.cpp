#include "heatsettings.h"

#include "model/event.h"

#include <QCoreApplication>

#include <array>

namespace meetdesk {

const QString HeatSettings::key = QStringLiteral("seeding");

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::HeatSettings", text);
}

template<class T> struct Word
{
    T value;
    const char *word;
};

const std::array<Word<HeatSettings::SeedMark>, 2> seedMarks {{
    {HeatSettings::SeedMark::SeasonBest, "sb"},
    {HeatSettings::SeedMark::PersonalBest, "pb"},
}};
const std::array<Word<seeding::Method>, 3> methods {{
    {seeding::Method::Seeded, "seeded"},
    {seeding::Method::RandomInGroups, "random_in_groups"},
    {seeding::Method::ByAbility, "by_ability"},
}};
const std::array<Word<lanedraw::Method>, 3> laneDraws {{
    {lanedraw::Method::WorldAthletics, "world_athletics"},
    {lanedraw::Method::ByLot, "by_lot"},
    {lanedraw::Method::ByRank, "by_rank"},
}};

template<class T, size_t N> QString wordOf(const std::array<Word<T>, N> &words, T value)
{
    for (const auto &w : words) {
        if (w.value == value)
            return QLatin1StringView(w.word);
    }
    return {};
}

// The value the key names, or why not ("method: one of seeded, ... is required").
template<class T, size_t N>
std::optional<QString> read(const JsonValue &json, const char *key,
                            const std::array<Word<T>, N> &words, T *out)
{
    const JsonValue *v = json.find(QString::fromLatin1(key));
    if (!v)
        return std::nullopt;
    QStringList allowed;
    for (const auto &w : words) {
        if (v->isString() && v->text() == QLatin1StringView(w.word)) {
            *out = w.value;
            return std::nullopt;
        }
        allowed.append(QLatin1StringView(w.word));
    }
    return tr("%1: one of %2 is required, not %3")
        .arg(QLatin1StringView(key), allowed.join(QStringLiteral(", ")), v->describe());
}

std::optional<int> number(const Event &event, const QString &key)
{
    if (key.isEmpty())
        return std::nullopt;
    const JsonValue *v = findMember(event.extras, key);
    if (!v || !(v->isNumber() || v->isString()))
        return std::nullopt;
    bool ok = false;
    const int n = v->text().trimmed().toInt(&ok);
    return ok && n >= 0 ? std::optional<int>(n) : std::nullopt;
}

} // namespace

JsonValue HeatSettings::toJson() const
{
    return JsonValue::object({
        {QStringLiteral("seed_mark"), JsonValue::string(wordOf(seedMarks, seedMark))},
        {QStringLiteral("method"), JsonValue::string(wordOf(methods, method))},
        {QStringLiteral("separate_clubs"), JsonValue::boolean(separateClubs)},
        {QStringLiteral("lane_draw"), JsonValue::string(wordOf(laneDraws, laneDraw))},
    });
}

Parsed<HeatSettings> HeatSettings::fromJson(const JsonValue &json)
{
    if (!json.isObject())
        return Failure {tr("the settings must be an object, not %1").arg(json.describe())};
    HeatSettings s;
    if (auto e = read(json, "seed_mark", seedMarks, &s.seedMark))
        return Failure {*e};
    if (auto e = read(json, "method", methods, &s.method))
        return Failure {*e};
    if (auto e = read(json, "lane_draw", laneDraws, &s.laneDraw))
        return Failure {*e};
    if (const JsonValue *v = json.find(u"separate_clubs")) {
        if (v->type() != JsonValue::Type::Bool) {
            return Failure {
                tr("separate_clubs: true or false is required, not %1").arg(v->describe())};
        }
        s.separateClubs = v->toBool();
    }
    return s;
}

HeatSettings HeatSettings::of(const JsonObject &meetdesk, const QString &eventId, QString *problem)
{
    const JsonValue *all = findMember(meetdesk, key);
    const JsonValue *mine = all && all->isObject() ? all->find(eventId) : nullptr;
    if (!mine)
        return {};
    const Parsed<HeatSettings> s = fromJson(*mine);
    if (!s && problem)
        *problem = QStringLiteral("meetdesk.%1.%2.").arg(key, eventId) + s.error();
    return s.valueOr({});
}

JsonValue HeatSettings::withEvent(const JsonObject &meetdesk, const QString &eventId,
                                  const HeatSettings &settings)
{
    const JsonValue *all = findMember(meetdesk, key);
    JsonObject events = all && all->isObject() ? all->members() : JsonObject {};
    setMember(events, eventId, settings.toJson());
    return JsonValue::object(std::move(events));
}

QString HeatSettings::laneKey(int round)
{
    switch (round) {
    case 1:
        return QStringLiteral("lanes");
    case 2:
        return QStringLiteral("lanes_r2");
    case 3:
        return QStringLiteral("lanes_r3");
    default:
        return {};
    }
}

std::optional<int> HeatSettings::lanes(const Event &event, int round)
{
    if (round == 1)
        return event.lanes;
    return number(event, laneKey(round));
}

QString HeatSettings::byPlaceKey(int intoRound)
{
    return intoRound == 2 ? QStringLiteral("qual_by_place")
        : intoRound == 3  ? QStringLiteral("qual_by_place_r3")
                          : QString();
}

QString HeatSettings::byTimeKey(int intoRound)
{
    return intoRound == 2 ? QStringLiteral("qual_fastest_losers")
        : intoRound == 3  ? QStringLiteral("qual_fastest_losers_r3")
                          : QString();
}

std::optional<int> HeatSettings::byPlace(const Event &event, int intoRound)
{
    return number(event, byPlaceKey(intoRound));
}

std::optional<int> HeatSettings::byTime(const Event &event, int intoRound)
{
    return number(event, byTimeKey(intoRound));
}

} // namespace meetdesk
