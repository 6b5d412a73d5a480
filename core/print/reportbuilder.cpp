#include "reportbuilder.h"

#include "athletics/eventcatalogue.h"
#include "model/competition.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>
#include <functional>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::ReportBuilder", text);
}

// The only ordering printing does. Lines go by the place the document holds (unplaced ones
// after, as written) and start lists by lane, then order, then as written. When
// core/athletics ranks results, these two follow it.
template<class Less>
std::vector<const Result *> sortedBy(const NodeList<Result> &results, Less less)
{
    std::vector<const Result *> out;
    out.reserve(results.size());
    for (const auto &r : results)
        out.push_back(r.get());
    std::stable_sort(out.begin(), out.end(), less);
    return out;
}

std::vector<const Result *> inPlaceOrder(const NodeList<Result> &results)
{
    return sortedBy(results, [](const Result *a, const Result *b) {
        return a->place.value_or(INT_MAX) < b->place.value_or(INT_MAX);
    });
}

std::vector<const Result *> inStartOrder(const NodeList<Result> &results)
{
    return sortedBy(results, [](const Result *a, const Result *b) {
        return std::pair(a->lane.value_or(INT_MAX), a->order.value_or(INT_MAX))
            < std::pair(b->lane.value_or(INT_MAX), b->order.value_or(INT_MAX));
    });
}

// The lines of a result sheet: its results in place order, then, once each, athletes who
// appear only elsewhere (in the attempts, or in a combined event's components).
class Lines
{
public:
    explicit Lines(const NodeList<Result> &results)
        : m_placed(inPlaceOrder(results))
    {
        for (const Result *r : m_placed)
            add(r->bib);
    }

    void add(const QString &bib)
    {
        if (!m_seen.contains(bib)) {
            m_seen.insert(bib);
            m_bibs.append(bib);
        }
    }
    const QStringList &bibs() const { return m_bibs; }
    const Result *result(int line) const
    {
        return size_t(line) < m_placed.size() ? m_placed[size_t(line)] : nullptr;
    }

private:
    std::vector<const Result *> m_placed;
    QStringList m_bibs;
    QSet<QString> m_seen;
};

QString number(std::optional<int> value)
{
    return value ? QString::number(*value) : QString();
}

QString number(std::optional<double> value)
{
    return value ? QString::number(*value, 'g', QLocale::FloatingPointShortest) : QString();
}

int dayOf(const Unit &unit)
{
    const auto *event = static_cast<const Event *>(unit.parent());
    return unit.day.value_or(event ? event->day.value_or(0) : 0);
}

ReportColumn column(const QString &title, ReportColumn::Role role = ReportColumn::Role::Lead)
{
    return {title, false, false, role};
}

ReportColumn numberColumn(const QString &title, ReportColumn::Role role = ReportColumn::Role::Lead)
{
    return {title, true, false, role};
}

ReportColumn stretchColumn(const QString &title)
{
    return {title, false, true, ReportColumn::Role::Lead};
}

template<class T, class F> bool any(const T &list, F f)
{
    return std::any_of(list.begin(), list.end(), [&](const auto &item) { return f(*item); });
}

// A table under construction: columns are added with a function giving each line's cell, and
// a column is left out when no line has anything for it.
class TableBuilder
{
public:
    using Cell = std::function<QString(int line)>;

    explicit TableBuilder(int lines)
        : m_lines(lines)
    { }

    void add(const ReportColumn &column, const Cell &cell, bool always = false)
    {
        QStringList cells;
        cells.reserve(m_lines);
        bool filled = false;
        for (int i = 0; i < m_lines; ++i) {
            cells.append(cell(i));
            filled = filled || !cells.last().isEmpty();
        }
        if (filled || always)
            m_columns.append({column, cells});
    }

    void fill(ReportTable &table) const
    {
        for (const auto &c : m_columns)
            table.columns.append(c.first);
        for (int i = 0; i < m_lines; ++i) {
            QStringList row;
            row.reserve(m_columns.size());
            for (const auto &c : m_columns)
                row.append(c.second[i]);
            table.rows.append(row);
        }
    }

private:
    int m_lines;
    QList<std::pair<ReportColumn, QStringList>> m_columns;
};

class Sheets
{
public:
    explicit Sheets(const Competition &c)
        : m_competition(c)
    {
        for (const auto &x : c.competitors) {
            m_competitors.insert(x->competitorId, x.get());
            for (const auto &e : x->eventsEntered)
                m_entries[e->eventId].append({x.get(), e.get()});
        }
        for (const auto &t : c.teams)
            m_teams.insert(t->teamId, t.get());
        for (const auto &r : c.relayTeams)
            m_relayTeams.insert(r->relayTeamId, r.get());
        for (const auto &e : c.events) {
            if (!e->parentEvent.isEmpty())
                m_components[e->parentEvent].append(e.get());
        }
        QSet<int> days;
        for (const auto &e : c.events) {
            for (const auto &u : e->units)
                days.insert(dayOf(*u));
        }
        m_multiDay = days.size() > 1 || c.finishDate > c.date;
    }

    QList<ReportTable> startLists(const Event &event, const std::optional<int> &day) const;
    QList<ReportTable> results(const Event &event, const std::optional<int> &day) const;
    QList<const Event *> components(const Event &event) const
    {
        return m_components.value(event.eventId);
    }

private:
    bool isRelay(const Event &event) const
    {
        return EventCatalogue::kindOf(event.eventCode) == EventCatalogue::Kind::Relay;
    }
    QString name(const QString &bib) const;
    QString club(const QString &bib) const;
    QString runners(const QString &relayBib) const;
    const EventEntry *entry(const Event &event, const QString &bib) const;
    QString heading(const Event &event, const QString &what) const;
    QString subheading(const Event &event, const Unit *unit, QStringList more) const;
    void addAthleteColumns(TableBuilder &t, const Event &event, const QStringList &bibs) const;
    ReportTable unitResults(const Event &event, const Unit &unit) const;
    ReportTable combinedResults(const Event &event) const;

    const Competition &m_competition;
    QHash<QString, const Competitor *> m_competitors;
    QHash<QString, const Team *> m_teams;
    QHash<QString, const RelayTeam *> m_relayTeams;
    QHash<QString, QList<std::pair<const Competitor *, const EventEntry *>>> m_entries;
    QHash<QString, QList<const Event *>> m_components;
    bool m_multiDay = false;
};

QString Sheets::name(const QString &bib) const
{
    if (const Competitor *x = m_competitors.value(bib)) {
        const QString full = QStringList {x->firstName, x->lastName}.join(u' ').trimmed();
        return full.isEmpty() ? tr("(no name)") : full;
    }
    if (const RelayTeam *r = m_relayTeams.value(bib))
        return r->name.isEmpty() ? club(bib) : r->name;
    return tr("(unknown bib)");
}

QString Sheets::club(const QString &bib) const
{
    QString teamId;
    if (const Competitor *x = m_competitors.value(bib))
        teamId = x->teamId;
    else if (const RelayTeam *r = m_relayTeams.value(bib))
        teamId = r->teamId;
    const Team *team = m_teams.value(teamId);
    return team && !team->teamName.isEmpty() ? team->teamName : teamId;
}

QString Sheets::runners(const QString &relayBib) const
{
    const RelayTeam *r = m_relayTeams.value(relayBib);
    if (!r || !r->runners)
        return {};
    QStringList lines;
    for (const QString &bib : *r->runners)
        lines.append(bib + u' ' + name(bib));
    return lines.join(u'\n');
}

const EventEntry *Sheets::entry(const Event &event, const QString &bib) const
{
    for (const QString &id : {event.eventId, event.parentEvent}) {
        if (id.isEmpty())
            continue;
        for (const auto &[competitor, entry] : m_entries.value(id)) {
            if (competitor->competitorId == bib)
                return entry;
        }
    }
    return nullptr;
}

QString Sheets::heading(const Event &event, const QString &what) const
{
    const QString name = ReportBuilder::eventName(event);
    const QString id
        = event.eventId.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(event.eventId);
    return tr("%1%2 – %3").arg(name, id, what);
}

QString Sheets::subheading(const Event &event, const Unit *unit, QStringList more) const
{
    QStringList parts;
    if (unit) {
        const bool rounds = any(event.units, [](const Unit &u) { return u.round.value_or(1) > 1; });
        if (rounds && unit->round)
            parts.append(tr("Round %1").arg(*unit->round));
        if (!unit->heatName.isEmpty())
            parts.append(unit->heatName);
        else if (unit->heat)
            parts.append(tr("Heat %1").arg(*unit->heat));
    }
    const int day = unit ? dayOf(*unit) : event.day.value_or(0);
    if (m_multiDay && day > 0)
        parts.append(tr("Day %1").arg(day));
    parts.append(unit ? unit->scheduledStartTime : event.r1Time);
    parts += more;
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

void Sheets::addAthleteColumns(TableBuilder &t, const Event &event, const QStringList &bibs) const
{
    if (isRelay(event)) {
        t.add(
            column(tr("Bib")), [&](int i) { return bibs[i]; }, true);
        t.add(
            stretchColumn(tr("Team")), [&](int i) { return name(bibs[i]); }, true);
        t.add(stretchColumn(tr("Runners")), [&](int i) { return runners(bibs[i]); });
        return;
    }
    t.add(
        column(tr("Bib")), [&](int i) { return bibs[i]; }, true);
    t.add(
        stretchColumn(tr("Name")), [&](int i) { return name(bibs[i]); }, true);
    t.add(stretchColumn(tr("Club")), [&](int i) { return club(bibs[i]); });
}

QList<ReportTable> Sheets::startLists(const Event &event, const std::optional<int> &day) const
{
    QList<ReportTable> tables;
    const auto seedColumns = [&](TableBuilder &t, const QStringList &bibs) {
        t.add(numberColumn(tr("SB")), [&](int i) {
            const EventEntry *e = entry(event, bibs[i]);
            return e ? e->sb : QString();
        });
        t.add(numberColumn(tr("PB")), [&](int i) {
            const EventEntry *e = entry(event, bibs[i]);
            return e ? e->pb : QString();
        });
    };
    const bool drawn = any(event.units, [](const Unit &u) { return !u.results.empty(); });
    for (const auto &unit : event.units) {
        if (!drawn || (day && dayOf(*unit) != *day) || unit->results.empty())
            continue;
        const std::vector<const Result *> lines = inStartOrder(unit->results);
        QStringList bibs;
        for (const Result *r : lines)
            bibs.append(r->bib);
        ReportTable table;
        table.heading = heading(event, tr("Start list"));
        table.subheading = subheading(event, unit.get(), {});
        TableBuilder t(int(lines.size()));
        t.add(numberColumn(tr("Lane")), [&](int i) { return number(lines[size_t(i)]->lane); });
        t.add(numberColumn(tr("Order")), [&](int i) { return number(lines[size_t(i)]->order); });
        addAthleteColumns(t, event, bibs);
        seedColumns(t, bibs);
        t.fill(table);
        tables.append(table);
    }
    if (drawn)
        return tables;

    // Heats not drawn yet: everyone entered.
    QStringList bibs;
    if (isRelay(event)) {
        for (const auto &r : m_competition.relayTeams) {
            if (r->eventId == event.eventId)
                bibs.append(r->relayTeamId);
        }
    } else {
        for (const auto &[competitor, entry] : m_entries.value(event.eventId)) {
            if (!bibs.contains(competitor->competitorId))
                bibs.append(competitor->competitorId);
        }
    }
    ReportTable table;
    table.heading = heading(event, tr("Start list"));
    table.subheading = subheading(event, nullptr, {tr("Entries")});
    table.emptyText = tr("No entries.");
    TableBuilder t(int(bibs.size()));
    addAthleteColumns(t, event, bibs);
    seedColumns(t, bibs);
    if (!bibs.isEmpty())
        t.fill(table);
    tables.append(table);
    return tables;
}

QString statusText(const QString &status)
{
    if (status == u"official")
        return tr("Official");
    if (status == u"provisional")
        return tr("Provisional");
    return status;
}

ReportTable Sheets::unitResults(const Event &event, const Unit &unit) const
{
    using Role = ReportColumn::Role;
    Lines lines(unit.results);
    for (const auto &trial : unit.trials)
        lines.add(trial->bib);
    const QStringList &bibs = lines.bibs();
    const auto result = [&](int i) {
        return lines.result(i);
    };
    const auto field = [&](int i, auto member) {
        const Result *r = result(i);
        return r ? number(r->*member) : QString();
    };

    // The attempts: a column per height (vertical jumps) or per round (the others); a trial
    // that names no round goes under its height, so none is left out.
    const bool vertical = unit.isVerticalJump()
        || EventCatalogue::kindOf(event.eventCode) == EventCatalogue::Kind::Vertical;
    QStringList heights = unit.heights.value_or(QStringList());
    QSet<int> rounds; // the unit's number of attempts, and any attempt a trial names
    for (int a = 1; !vertical && a <= unit.rounds.value_or(0); ++a)
        rounds.insert(a);
    QHash<QString, QHash<QString, QString>> series; // bib -> "#round" or height -> cell
    for (const auto &trial : unit.trials) {
        if (!vertical && trial->round) {
            rounds.insert(*trial->round);
            QString &cell = series[trial->bib][u'#' + QString::number(*trial->round)];
            if (!cell.isEmpty()) // the same attempt twice: both are printed
                cell += u'\n';
            cell += trial->wind.isEmpty() ? trial->result : trial->result + u'\n' + trial->wind;
        } else {
            if (!heights.contains(trial->height))
                heights.append(trial->height);
            series[trial->bib][trial->height] += trial->result; // "xxo"
        }
    }
    QList<int> attempts(rounds.begin(), rounds.end());
    std::sort(attempts.begin(), attempts.end());
    const bool fieldSeries = vertical || !attempts.isEmpty() || !heights.isEmpty();

    QSet<QString> winds;
    for (const auto &r : unit.results) {
        if (!r->wind.isEmpty())
            winds.insert(r->wind);
    }
    const bool heatWind = !fieldSeries && winds.size() == 1; // a sprint's wind, read once

    ReportTable table;
    table.heading = heading(event, tr("Results"));
    table.subheading = subheading(
        event, &unit,
        {statusText(unit.resultsStatus), heatWind ? tr("Wind %1").arg(*winds.begin()) : QString()});
    table.emptyText = tr("No results yet.");
    table.repeatedName = vertical ? tr("Heights") : tr("Attempts");

    TableBuilder t(int(bibs.size()));
    t.add(
        numberColumn(tr("Place")), [&](int i) { return field(i, &Result::place); }, true);
    t.add(numberColumn(tr("Lane")), [&](int i) { return field(i, &Result::lane); });
    t.add(numberColumn(tr("Order")), [&](int i) { return field(i, &Result::order); });
    addAthleteColumns(t, event, bibs);
    for (int a : std::as_const(attempts)) {
        const QString key = u'#' + QString::number(a);
        t.add(
            numberColumn(QString::number(a), Role::Repeated),
            [&, key](int i) { return series[bibs[i]].value(key); }, true);
    }
    for (const QString &h : std::as_const(heights)) {
        t.add(
            column(h.isEmpty() ? tr("?") : h, Role::Repeated),
            [&, h](int i) { return series[bibs[i]].value(h); }, true);
    }
    t.add(
        numberColumn(fieldSeries ? tr("Best") : tr("Performance"), Role::Trail),
        [&](int i) { return result(i) ? result(i)->performance : QString(); }, true);
    if (!heatWind)
        t.add(numberColumn(tr("Wind"), Role::Trail),
              [&](int i) { return result(i) ? result(i)->wind : QString(); });
    t.add(numberColumn(tr("Points"), Role::Trail),
          [&](int i) { return field(i, &Result::points); });
    if (!bibs.isEmpty())
        t.fill(table);
    return table;
}

ReportTable Sheets::combinedResults(const Event &event) const
{
    using Role = ReportColumn::Role;
    Lines lines(event.results);
    // Each component's result by bib (the first heat that has the athlete).
    const QList<const Event *> parts = components(event);
    QList<QHash<QString, const Result *>> byBib;
    for (const Event *component : parts) {
        QHash<QString, const Result *> found;
        for (const auto &unit : component->units) {
            for (const auto &r : unit->results) {
                if (!found.contains(r->bib))
                    found.insert(r->bib, r.get());
                lines.add(r->bib);
            }
        }
        byBib.append(found);
    }
    const QStringList &bibs = lines.bibs();
    const auto result = [&](int i) {
        return lines.result(i);
    };

    ReportTable table;
    table.heading = heading(event, tr("Results"));
    table.subheading = subheading(event, nullptr, {});
    table.repeatedName = tr("Events");
    table.emptyText = tr("No results yet.");
    TableBuilder t(int(bibs.size()));
    t.add(
        numberColumn(tr("Place")),
        [&](int i) { return result(i) ? number(result(i)->place) : QString(); }, true);
    addAthleteColumns(t, event, bibs);
    for (qsizetype k = 0; k < parts.size(); ++k) {
        const QString code = parts[k]->eventCode;
        const QString title = EventCatalogue::displayName(code);
        t.add(
            numberColumn(title.isEmpty() ? code : title, Role::Repeated),
            [&, k](int i) {
                const Result *r = byBib[k].value(bibs[i]);
                if (!r)
                    return QString();
                const QString points = number(r->points);
                return points.isEmpty() ? r->performance : r->performance + u'\n' + points;
            },
            true);
    }
    t.add(
        numberColumn(tr("Points"), Role::Trail),
        [&](int i) {
            const Result *r = result(i);
            return !r ? QString() : r->points ? number(r->points) : r->performance;
        },
        true);
    if (!bibs.isEmpty())
        t.fill(table);
    return table;
}

QList<ReportTable> Sheets::results(const Event &event, const std::optional<int> &day) const
{
    QList<ReportTable> tables;
    const bool combined = !event.results.empty() || !components(event).isEmpty()
        || EventCatalogue::kindOf(event.eventCode) == EventCatalogue::Kind::Combined;
    if (combined && event.units.empty()) {
        tables.append(combinedResults(event));
        return tables;
    }
    for (const auto &unit : event.units) {
        const bool reported = !unit->trials.empty() || any(unit->results, [](const Result &r) {
            return !r.performance.isEmpty() || r.place || r.points;
        });
        if ((day && dayOf(*unit) != *day) || !reported)
            continue;
        tables.append(unitResults(event, *unit));
    }
    if (tables.isEmpty()) {
        ReportTable table;
        table.heading = heading(event, tr("Results"));
        table.subheading = subheading(event, nullptr, {});
        table.emptyText = tr("No results yet.");
        tables.append(table);
    }
    return tables;
}

} // namespace

ReportBuilder::ReportBuilder(const Competition &competition, const QLocale &locale)
    : m_competition(competition)
    , m_locale(locale)
{ }

QString ReportBuilder::eventName(const Event &event)
{
    if (!event.name.isEmpty())
        return event.name;
    const QString suggested
        = EventCatalogue::suggestedName(event.eventCode, event.genders, event.category);
    return suggested.isEmpty() ? event.eventCode : suggested;
}

QList<int> ReportBuilder::days() const
{
    QSet<int> days;
    for (const auto &e : m_competition.events) {
        if (e->day)
            days.insert(*e->day);
        for (const auto &u : e->units) {
            if (const int d = dayOf(*u); d > 0)
                days.insert(d);
        }
    }
    QList<int> sorted(days.begin(), days.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QString ReportBuilder::eventList() const
{
    QStringList names;
    for (const auto &e : m_competition.events)
        names.append(QStringList {e->eventId, eventName(*e)}.join(u' ').trimmed());
    return names.join(QStringLiteral(", "));
}

QString ReportBuilder::dates() const
{
    const QDate from = m_competition.date;
    const QDate to = m_competition.finishDate;
    if (!from.isValid())
        return {};
    const QString first = m_locale.toString(from, QLocale::LongFormat);
    if (!to.isValid() || to <= from)
        return first;
    return tr("%1 to %2").arg(first, m_locale.toString(to, QLocale::LongFormat));
}

QList<const Event *> ReportBuilder::events(const ReportRequest &request) const
{
    QList<const Event *> out;
    const auto &events = m_competition.events;
    switch (request.scope) {
    case ReportRequest::Scope::Meet:
        for (const auto &e : events)
            out.append(e.get());
        break;
    case ReportRequest::Scope::Day:
        for (const auto &e : events) {
            const bool onDay = e->units.empty()
                ? e->day == request.day
                : any(e->units, [&](const Unit &u) { return dayOf(u) == request.day; });
            if (onDay)
                out.append(e.get());
        }
        break;
    case ReportRequest::Scope::Events: {
        const QString wanted = request.event.trimmed();
        QSet<QString> ids;
        for (const auto &e : events) {
            if (e->eventId.compare(wanted, Qt::CaseInsensitive) == 0)
                ids.insert(e->eventId);
        }
        if (ids.isEmpty()) {
            for (const auto &e : events) {
                if (e->eventCode.compare(wanted, Qt::CaseInsensitive) == 0)
                    ids.insert(e->eventId);
            }
        }
        for (const auto &e : events) {
            if (ids.contains(e->eventId)
                || (!e->parentEvent.isEmpty() && ids.contains(e->parentEvent)))
                out.append(e.get());
        }
        break;
    }
    }
    return out;
}

Report ReportBuilder::build(const ReportRequest &request) const
{
    Report report;
    const Competition &c = m_competition;
    report.title = c.fullName.isEmpty() ? c.shortName : c.fullName;
    report.venue = c.address;
    report.dates = dates();
    const bool starts = int(request.content) & int(ReportRequest::Content::StartLists);
    const bool results = int(request.content) & int(ReportRequest::Content::Results);
    report.subject = starts && results ? tr("Start lists and results")
        : starts                       ? tr("Start lists")
                                       : tr("Results");
    std::optional<int> day;
    if (request.scope == ReportRequest::Scope::Day) {
        day = request.day;
        report.subject = tr("%1 · Day %2").arg(report.subject).arg(request.day);
    }

    const Sheets sheets(c);
    const QList<const Event *> events = this->events(request);
    if (starts) {
        for (const Event *e : events)
            report.tables += sheets.startLists(*e, day);
    }
    if (results) {
        for (const Event *e : events)
            report.tables += sheets.results(*e, day);
    }
    return report;
}

} // namespace meetdesk
