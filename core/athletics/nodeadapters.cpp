#include "nodeadapters.h"

#include "wind.h"

#include <algorithm>

namespace meetdesk::fromnodes {

const Event *eventOf(const Node &node)
{
    for (const Node *n = &node; n; n = n->parent()) {
        if (n->kind() == NodeKind::Event)
            return static_cast<const Event *>(n);
    }
    return nullptr;
}

EventCatalogue::Kind kindOf(const Node &node)
{
    const Event *event = eventOf(node);
    const auto kind
        = event ? EventCatalogue::kindOf(event->eventCode) : EventCatalogue::Kind::Unknown;
    if (kind != EventCatalogue::Kind::Unknown)
        return kind;
    for (const Node *n = &node; n; n = n->parent()) {
        if (n->kind() == NodeKind::Unit && static_cast<const Unit *>(n)->isVerticalJump())
            return EventCatalogue::Kind::Vertical;
    }
    return kind;
}

Parsed<Performance> performance(const Result &result)
{
    const Event *event = eventOf(result);
    if (event && result.parent() == event) // a combined event's overall standings
        return Performance::parse(EventCatalogue::Kind::Combined, result.performance);
    if (event && EventCatalogue::kindOf(event->eventCode) != EventCatalogue::Kind::Unknown)
        return Performance::parseFor(event->eventCode, result.performance);
    return Performance::parse(result.parent() ? kindOf(*result.parent())
                                              : EventCatalogue::Kind::Unknown,
                              result.performance);
}

std::optional<int> wind(const QString &text)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    const Parsed<int> w = Wind::parse(text);
    return w ? std::optional<int>(*w) : std::nullopt;
}

QList<int> heights(const Unit &unit)
{
    QList<int> out;
    if (!unit.heights)
        return out;
    for (const QString &h : *unit.heights) {
        const Parsed<Performance> p = Performance::parse(EventCatalogue::Kind::Vertical, h);
        out.append(p && p->isMark() ? int(p->value) : 0);
    }
    return out;
}

namespace {

// The kind a unit's marks are read as: its event's field kind, else the widest limits.
EventCatalogue::Kind cardKind(const Unit &unit)
{
    const auto kind = kindOf(unit);
    return EventCatalogue::isFieldKind(kind) ? kind : EventCatalogue::Kind::Throw;
}

// A trial as an attempt of a series, or nothing when its result does not read.
std::optional<HorizontalAttempt> attemptOf(EventCatalogue::Kind kind, const Trial &trial)
{
    const Parsed<HorizontalAttempt> a = fieldseries::parseAttempt(kind, trial.result);
    if (!a)
        return std::nullopt;
    HorizontalAttempt attempt = *a;
    attempt.round = trial.round.value_or(0);
    attempt.wind = wind(trial.wind);
    return attempt;
}

void sortByRound(HorizontalSeries &series)
{
    std::stable_sort(
        series.begin(), series.end(),
        [](const HorizontalAttempt &x, const HorizontalAttempt &y) { return x.round < y.round; });
}

VerticalSeries emptyCard(const QList<int> &bars)
{
    VerticalSeries series;
    for (const int h : bars)
        series.append({h, QString()});
    return series;
}

// Adds a trial's o, x, - and r to the card's entry for its height, if the unit lists it.
void addToCard(VerticalSeries &series, const Trial &trial)
{
    const Parsed<Performance> height
        = Performance::parse(EventCatalogue::Kind::Vertical, trial.height);
    if (!height || !height->isMark())
        return;
    const auto at = std::find_if(series.begin(), series.end(), [&](const HeightAttempts &h) {
        return h.centimetres == height->value;
    });
    if (at == series.end())
        return;
    for (const QChar c : trial.result.trimmed().toLower()) {
        if (c == u'o' || c == u'x' || c == u'-' || c == u'r')
            at->marks += c;
    }
}

} // namespace

HorizontalSeries horizontalSeries(const Unit &unit, const QString &bib)
{
    const auto kind = cardKind(unit);
    HorizontalSeries series;
    for (const auto &t : unit.trials) {
        if (t->bib != bib)
            continue;
        if (const auto attempt = attemptOf(kind, *t))
            series.append(*attempt);
    }
    sortByRound(series);
    return series;
}

QHash<QString, HorizontalSeries> horizontalSeries(const Unit &unit)
{
    const auto kind = cardKind(unit);
    QHash<QString, HorizontalSeries> all;
    for (const auto &t : unit.trials) {
        HorizontalSeries &series = all[t->bib];
        if (const auto attempt = attemptOf(kind, *t))
            series.append(*attempt);
    }
    for (HorizontalSeries &series : all)
        sortByRound(series);
    return all;
}

VerticalSeries verticalSeries(const Unit &unit, const QString &bib)
{
    VerticalSeries series = emptyCard(heights(unit));
    for (const auto &t : unit.trials) {
        if (t->bib == bib)
            addToCard(series, *t);
    }
    return series;
}

QHash<QString, VerticalSeries> verticalSeries(const Unit &unit)
{
    const VerticalSeries empty = emptyCard(heights(unit));
    QHash<QString, VerticalSeries> all;
    for (const auto &t : unit.trials) {
        auto it = all.find(t->bib);
        if (it == all.end())
            it = all.insert(t->bib, empty);
        addToCard(*it, *t);
    }
    return all;
}

EventEligibility eligibilityOf(const Event &event)
{
    return {event.genders, event.ageGroups.value_or(QStringList()), event.category};
}

} // namespace meetdesk::fromnodes
