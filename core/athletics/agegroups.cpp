#include "agegroups.h"

#include "scan.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::AgeGroups", text);
}

// The day in a year, or the month's last day where it has none (29 February).
QDate dayIn(int year, int month, int day)
{
    const QDate first(year, month, 1);
    return QDate(year, month, std::min(day, first.daysInMonth()));
}

JsonValue number(int n)
{
    return JsonValue::number(QString::number(n));
}

Parsed<int> readInt(const JsonValue *value, const QString &path, int lowest)
{
    if (!value || !value->isNumber())
        return Failure {tr("%1: a whole number is required").arg(path)};
    bool ok = false;
    const int n = value->text().toInt(&ok);
    if (!ok || n < lowest)
        return Failure {
            tr("%1: %2 is not a whole number of at least %3").arg(path, value->text()).arg(lowest)};
    return n;
}

Parsed<AgeOn> readAgeOn(const JsonValue *value, const QString &path)
{
    if (!value)
        return AgeOn::competitionDay();
    if (!value->isString())
        return Failure {tr("%1: a text such as \"12-31\" is required").arg(path)};
    const Parsed<AgeOn> on = AgeOn::parse(value->text());
    if (!on)
        return Failure {path + QStringLiteral(": ") + on.error()};
    return on;
}

// The youth group's day for a U code the rules do not list: that of the listed group with
// the next higher limit, else the oldest listed, else the competition day.
AgeOn youthDayFor(const AgeGroupRules &rules, int under)
{
    for (const auto &y : rules.youth) {
        if (y.under >= under)
            return y.ageOn;
    }
    return rules.youth.isEmpty() ? AgeOn::competitionDay() : rules.youth.last().ageOn;
}

} // namespace

QDate AgeOn::dateFor(QDate competitionDay) const
{
    switch (basis) {
    case Basis::CompetitionDay:
        return competitionDay;
    case Basis::InYear:
        return dayIn(competitionDay.year(), month, day);
    case Basis::LastBefore: {
        const QDate d = dayIn(competitionDay.year(), month, day);
        return d <= competitionDay ? d : dayIn(competitionDay.year() - 1, month, day);
    }
    case Basis::Fixed:
        return date;
    }
    return competitionDay;
}

QString AgeOn::toString() const
{
    const QString monthDay = QStringLiteral("%1-%2")
                                 .arg(month, 2, 10, QLatin1Char('0'))
                                 .arg(day, 2, 10, QLatin1Char('0'));
    switch (basis) {
    case Basis::CompetitionDay:
        return QStringLiteral("day");
    case Basis::InYear:
        return monthDay;
    case Basis::LastBefore:
        return QStringLiteral("last ") + monthDay;
    case Basis::Fixed:
        return date.toString(Qt::ISODate);
    }
    return {};
}

Parsed<AgeOn> AgeOn::parse(QStringView raw)
{
    const QString text = raw.trimmed().toString();
    if (text == u"day")
        return competitionDay();
    static const QRegularExpression re(QStringLiteral("^(last\\s+)?(\\d{2})-(\\d{2})$"));
    if (const auto m = re.match(text); m.hasMatch()) {
        const int month = m.captured(2).toInt();
        const int day = m.captured(3).toInt();
        if (!QDate(2000, month, day).isValid()) // 2000 has a 29 February
            return Failure {tr("\"%1\" is not a day of the year").arg(text)};
        return m.hasCaptured(1) ? lastBefore(month, day) : inYear(month, day);
    }
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return fixed(date);
    return Failure {tr("\"%1\" is none of \"day\", a day of the year such as \"12-31\", \"last "
                       "08-31\" or a date such as \"2026-08-31\"")
                        .arg(text)};
}

AgeGroupRules AgeGroupRules::worldAthletics()
{
    AgeGroupRules r;
    r.youth = {{QStringLiteral("U18"), 18, AgeOn::inYear(12, 31)},
               {QStringLiteral("U20"), 20, AgeOn::inYear(12, 31)}};
    return r;
}

AgeGroupRules AgeGroupRules::europeanAthletics()
{
    AgeGroupRules r = worldAthletics();
    r.youth.append({QStringLiteral("U23"), 23, AgeOn::inYear(12, 31)});
    return r;
}

AgeGroupRules AgeGroupRules::ukTrackAndField()
{
    AgeGroupRules r;
    const AgeOn august = AgeOn::inYear(8, 31);
    r.youth = {{QStringLiteral("U11"), 11, august},
               {QStringLiteral("U13"), 13, august},
               {QStringLiteral("U15"), 15, august},
               {QStringLiteral("U17"), 17, august},
               {QStringLiteral("U20"), 20, AgeOn::inYear(12, 31)}};
    return r;
}

AgeGroupRules AgeGroupRules::ukRoadAndCrossCountry()
{
    AgeGroupRules r;
    const AgeOn august = AgeOn::lastBefore(8, 31);
    r.youth = {{QStringLiteral("U13"), 13, august},
               {QStringLiteral("U15"), 15, august},
               {QStringLiteral("U17"), 17, august},
               {QStringLiteral("U20"), 20, august}};
    return r;
}

QList<AgeGroupRules::Preset> AgeGroupRules::presets()
{
    return {{QStringLiteral("world-athletics"), tr("World Athletics"), &worldAthletics},
            {QStringLiteral("european-athletics"), tr("European Athletics"), &europeanAthletics},
            {QStringLiteral("uk-track-and-field"), tr("UK Athletics (track and field)"),
             &ukTrackAndField},
            {QStringLiteral("uk-road-and-cross-country"),
             tr("UK Athletics (road and cross country)"), &ukRoadAndCrossCountry}};
}

std::optional<AgeGroupRules::Preset> AgeGroupRules::preset() const
{
    for (const Preset &p : presets()) {
        if (p.rules() == *this)
            return p;
    }
    return std::nullopt;
}

AgeGroupRules AgeGroupRules::defaultFor(const QString &country)
{
    return country.trimmed().compare(u"GBR", Qt::CaseInsensitive) == 0 ? ukTrackAndField()
                                                                       : worldAthletics();
}

JsonValue AgeGroupRules::toJson() const
{
    std::vector<JsonValue> groups;
    for (const Youth &y : youth) {
        groups.push_back(
            JsonValue::object({{QStringLiteral("group"), JsonValue::string(y.group)},
                               {QStringLiteral("under"), number(y.under)},
                               {QStringLiteral("age_on"), JsonValue::string(y.ageOn.toString())}}));
    }
    JsonValue masters;
    if (mastersFrom > 0) {
        masters = JsonValue::object(
            {{QStringLiteral("from"), number(mastersFrom)},
             {QStringLiteral("step"), number(mastersStep)},
             {QStringLiteral("age_on"), JsonValue::string(mastersAgeOn.toString())}});
    }
    return JsonValue::object({{QStringLiteral("youth"), JsonValue::array(std::move(groups))},
                              {QStringLiteral("masters"), std::move(masters)}});
}

Parsed<AgeGroupRules> AgeGroupRules::fromJson(const JsonValue &json)
{
    if (!json.isObject())
        return Failure {tr("age group rules must be an object")};
    AgeGroupRules r;
    r.youth.clear();
    if (const JsonValue *youth = json.find(u"youth"); youth && !youth->isNull()) {
        if (!youth->isArray())
            return Failure {tr("youth: a list of groups is required")};
        for (size_t i = 0; i < youth->items().size(); ++i) {
            const JsonValue &item = youth->items()[i];
            const QString path = QStringLiteral("youth[%1]").arg(i);
            if (!item.isObject())
                return Failure {tr("%1: an object is required").arg(path)};
            Youth y;
            const JsonValue *group = item.find(u"group");
            static const QRegularExpression code(QStringLiteral("^U\\d{1,2}$"));
            if (!group || !group->isString() || !code.match(group->text()).hasMatch())
                return Failure {tr("%1.group: a group such as \"U17\" is required").arg(path)};
            y.group = group->text();
            const Parsed<int> under = readInt(item.find(u"under"), path + u".under", 1);
            if (!under)
                return Failure {under.error()};
            y.under = *under;
            const Parsed<AgeOn> on = readAgeOn(item.find(u"age_on"), path + u".age_on");
            if (!on)
                return Failure {on.error()};
            y.ageOn = *on;
            if (!r.youth.isEmpty() && y.under <= r.youth.last().under)
                return Failure {
                    tr("%1.under: the groups must go from the youngest to the oldest").arg(path)};
            r.youth.append(y);
        }
    }
    const JsonValue *masters = json.find(u"masters");
    if (!masters || masters->isNull()) {
        r.mastersFrom = 0;
        return r;
    }
    if (!masters->isObject())
        return Failure {tr("masters: an object or null is required")};
    const Parsed<int> from = readInt(masters->find(u"from"), QStringLiteral("masters.from"), 1);
    if (!from)
        return Failure {from.error()};
    const Parsed<int> step = readInt(masters->find(u"step"), QStringLiteral("masters.step"), 1);
    if (!step)
        return Failure {step.error()};
    const Parsed<AgeOn> on = readAgeOn(masters->find(u"age_on"), QStringLiteral("masters.age_on"));
    if (!on)
        return Failure {on.error()};
    r.mastersFrom = *from;
    r.mastersStep = *step;
    r.mastersAgeOn = *on;
    return r;
}

namespace agegroups {

int ageOn(QDate birth, QDate day)
{
    int years = day.year() - birth.year();
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
        --years;
    return years;
}

QString groupOf(const AgeGroupRules &rules, QDate birth, QDate competitionDay)
{
    if (!birth.isValid() || !competitionDay.isValid())
        return {};
    for (const auto &y : rules.youth) {
        if (ageOn(birth, y.ageOn.dateFor(competitionDay)) < y.under)
            return y.group;
    }
    if (rules.mastersFrom > 0) {
        const int age = ageOn(birth, rules.mastersAgeOn.dateFor(competitionDay));
        if (age >= rules.mastersFrom) {
            const int step = std::max(1, rules.mastersStep);
            const int band = rules.mastersFrom + (age - rules.mastersFrom) / step * step;
            return QStringLiteral("V%1").arg(band);
        }
    }
    return QStringLiteral("SEN");
}

bool fits(const AgeGroupRules &rules, QDate birth, QDate competitionDay, const QString &rawGroup)
{
    const QString group = rawGroup.trimmed().toUpper();
    // "U17", "V40": a letter and one or two digits; other codes take anyone.
    const bool judged = (group.size() == 2 || group.size() == 3)
        && (group[0] == u'U' || group[0] == u'V') && scan::allDigits(QStringView(group).mid(1));
    if (!judged || !birth.isValid() || !competitionDay.isValid())
        return true;
    const int limit = QStringView(group).mid(1).toInt();
    if (group[0] == u'V')
        return ageOn(birth, rules.mastersAgeOn.dateFor(competitionDay)) >= limit;
    AgeOn on = youthDayFor(rules, limit);
    for (const auto &y : rules.youth) {
        if (y.group == group)
            on = y.ageOn;
    }
    return ageOn(birth, on.dateFor(competitionDay)) < limit;
}

QString ageGroupOfCategory(const QString &rawCategory)
{
    const QString category = rawCategory.trimmed().toUpper();
    if (category == u"SM" || category == u"SW" || category == u"SEN" || category.startsWith(u"SEN"))
        return QStringLiteral("SEN");
    static const QRegularExpression youth(QStringLiteral("^(U\\d{1,2})[MWFBGX]?$"));
    if (const auto m = youth.match(category); m.hasMatch())
        return m.captured(1);
    static const QRegularExpression masters(
        QStringLiteral("^(?:V(\\d{2})[MWFX]?|[MWF]V?(\\d{2}))$"));
    if (const auto m = masters.match(category); m.hasMatch())
        return u'V' + (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
    return {};
}

QString genderOfCategory(const QString &rawCategory)
{
    const QString category = rawCategory.trimmed().toUpper();
    static const QRegularExpression trailing(QStringLiteral("^(?:S|U\\d{1,2}|V\\d{2})([MWFBG])$"));
    static const QRegularExpression leading(QStringLiteral("^([MWF])V?\\d{2}$"));
    QString letter;
    if (const auto m = trailing.match(category); m.hasMatch())
        letter = m.captured(1);
    else if (const auto m2 = leading.match(category); m2.hasMatch())
        letter = m2.captured(1);
    if (letter == u"M" || letter == u"B")
        return QStringLiteral("M");
    if (letter == u"W" || letter == u"F" || letter == u"G")
        return QStringLiteral("F");
    return {};
}

std::optional<QString> eligibilityProblem(const QString &rawGender, QDate birth,
                                          const EventEligibility &event, QDate competitionDay,
                                          const AgeGroupRules &rules)
{
    const QString gender = rawGender.trimmed().toUpper();
    QString eventGenders = event.genders.trimmed().toUpper();
    if (eventGenders.isEmpty())
        eventGenders = genderOfCategory(event.category);
    if (!gender.isEmpty() && (eventGenders == u"M" || eventGenders == u"F")
        && gender != eventGenders)
        return eventGenders == u"M"
            ? tr("gender %1 is not allowed in an event for men").arg(gender)
            : tr("gender %1 is not allowed in an event for women").arg(gender);

    if (!birth.isValid() || !competitionDay.isValid())
        return std::nullopt;
    if (birth > competitionDay)
        return tr("born on %1, after the competition on %2")
            .arg(birth.toString(Qt::ISODate), competitionDay.toString(Qt::ISODate));
    QStringList groups;
    for (const QString &g : event.ageGroups) {
        if (!g.trimmed().isEmpty())
            groups.append(g.trimmed().toUpper());
    }
    if (groups.isEmpty()) {
        const QString fromCategory = ageGroupOfCategory(event.category);
        if (!fromCategory.isEmpty())
            groups.append(fromCategory);
    }
    if (groups.isEmpty())
        return std::nullopt;
    for (const QString &g : groups) {
        if (fits(rules, birth, competitionDay, g))
            return std::nullopt;
    }
    return tr("is %1 by the competition's age rules; the event is for %2")
        .arg(groupOf(rules, birth, competitionDay), groups.join(QStringLiteral(", ")));
}

} // namespace agegroups

} // namespace meetdesk
