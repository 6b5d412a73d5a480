#include "nodeadapters.h"

#include "wind.h"

#include <QHash>

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
    if (QStringView(text).trimmed().isEmpty())
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

// Reads a unit's trials once, for one bib (onlyBib) or for every bib.
void readHorizontal(const Unit &unit, const QString *onlyBib,
                    QHash<QString, HorizontalSeries> &series,
                    QHash<QString, QList<const Trial *>> *trials,
                    QList<std::pair<const Trial *, QString>> *unreadable = nullptr)
{
    auto kind = kindOf(unit);
    if (!EventCatalogue::isFieldKind(kind))
        kind = EventCatalogue::Kind::Throw; // the widest limits when the code does not say
    QHash<QString, QList<std::pair<HorizontalAttempt, const Trial *>>> read;
    QStringList bibs;
    for (const auto &t : unit.trials) {
        if (onlyBib && t->bib != *onlyBib)
            continue;
        auto mine = read.find(t->bib);
        if (mine == read.end()) {
            mine = read.insert(t->bib, {});
            bibs.append(t->bib);
        }
        const Parsed<HorizontalAttempt> a = fieldseries::parseAttempt(kind, t->result);
        if (!a) {
            if (unreadable && !QStringView(t->result).trimmed().isEmpty())
                unreadable->append({t.get(), a.error()});
            continue;
        }
        HorizontalAttempt attempt = *a;
        attempt.round = t->round.value_or(0);
        attempt.wind = wind(t->wind);
        mine->append({attempt, t.get()});
    }
    for (const QString &bib : std::as_const(bibs)) {
        auto &mine = read[bib];
        std::stable_sort(mine.begin(), mine.end(), [](const auto &x, const auto &y) {
            return x.first.round < y.first.round;
        });
        HorizontalSeries &s = series[bib];
        for (const auto &[attempt, trial] : std::as_const(mine)) {
            s.append(attempt);
            if (trials)
                (*trials)[bib].append(trial);
        }
    }
}

void readVertical(const Unit &unit, const QString *onlyBib, QHash<QString, VerticalSeries> &series)
{
    VerticalSeries blank;
    for (const int h : heights(unit))
        blank.append({h, QString()});
    if (onlyBib)
        series.insert(*onlyBib, blank);
    for (const auto &t : unit.trials) {
        if (onlyBib && t->bib != *onlyBib)
            continue;
        auto card = series.find(t->bib);
        if (card == series.end())
            card = series.insert(t->bib, blank);
        const Parsed<Performance> height
            = Performance::parse(EventCatalogue::Kind::Vertical, t->height);
        if (!height || !height->isMark())
            continue;
        const auto at = std::find_if(card->begin(), card->end(), [&](const HeightAttempts &h) {
            return h.centimetres == height->value;
        });
        if (at == card->end())
            continue;
        for (const QChar c : t->result.trimmed().toLower()) {
            if (c == u'o' || c == u'x' || c == u'-' || c == u'r')
                at->marks += c;
        }
    }
}

} // namespace

HorizontalSeries horizontalSeries(const Unit &unit, const QString &bib,
                                  QList<const Trial *> *trials)
{
    QHash<QString, HorizontalSeries> series;
    QHash<QString, QList<const Trial *>> from;
    readHorizontal(unit, &bib, series, trials ? &from : nullptr);
    if (trials)
        *trials = from.value(bib);
    return series.value(bib);
}

QHash<QString, HorizontalSeries>
horizontalSeries(const Unit &unit, QHash<QString, QList<const Trial *>> *trials,
                 QList<std::pair<const Trial *, QString>> *unreadable)
{
    QHash<QString, HorizontalSeries> series;
    readHorizontal(unit, nullptr, series, trials, unreadable);
    return series;
}

VerticalSeries verticalSeries(const Unit &unit, const QString &bib)
{
    QHash<QString, VerticalSeries> series;
    readVertical(unit, &bib, series);
    return series.value(bib);
}

QHash<QString, VerticalSeries> verticalSeries(const Unit &unit)
{
    QHash<QString, VerticalSeries> series;
    readVertical(unit, nullptr, series);
    return series;
}

EventEligibility eligibilityOf(const Event &event)
{
    return {event.genders, event.ageGroups.value_or(QStringList()), event.category};
}

} // namespace meetdesk::fromnodes
