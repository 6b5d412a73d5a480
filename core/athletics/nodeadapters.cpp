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

HorizontalSeries horizontalSeries(const Unit &unit, const QString &bib,
                                  QList<const Trial *> *trials)
{
    auto kind = kindOf(unit);
    if (!EventCatalogue::isFieldKind(kind))
        kind = EventCatalogue::Kind::Throw; // the widest limits when the code does not say
    QList<std::pair<HorizontalAttempt, const Trial *>> read;
    for (const auto &t : unit.trials) {
        if (t->bib != bib)
            continue;
        const Parsed<HorizontalAttempt> a = fieldseries::parseAttempt(kind, t->result);
        if (!a)
            continue;
        HorizontalAttempt attempt = *a;
        attempt.round = t->round.value_or(0);
        attempt.wind = wind(t->wind);
        read.append({attempt, t.get()});
    }
    std::stable_sort(read.begin(), read.end(),
                     [](const auto &x, const auto &y) { return x.first.round < y.first.round; });
    HorizontalSeries series;
    for (const auto &[attempt, trial] : std::as_const(read)) {
        series.append(attempt);
        if (trials)
            trials->append(trial);
    }
    return series;
}

VerticalSeries verticalSeries(const Unit &unit, const QString &bib)
{
    VerticalSeries series;
    for (const int h : heights(unit))
        series.append({h, QString()});
    for (const auto &t : unit.trials) {
        if (t->bib != bib)
            continue;
        const Parsed<Performance> height
            = Performance::parse(EventCatalogue::Kind::Vertical, t->height);
        if (!height || !height->isMark())
            continue;
        const auto at = std::find_if(series.begin(), series.end(), [&](const HeightAttempts &h) {
            return h.centimetres == height->value;
        });
        if (at == series.end())
            continue;
        for (const QChar c : t->result.trimmed().toLower()) {
            if (c == u'o' || c == u'x' || c == u'-' || c == u'r')
                at->marks += c;
        }
    }
    return series;
}

EventEligibility eligibilityOf(const Event &event)
{
    return {event.genders, event.ageGroups.value_or(QStringList()), event.category};
}

} // namespace meetdesk::fromnodes
