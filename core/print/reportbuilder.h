#pragma once

#include "report.h"

#include <QLocale>

#include <optional>

namespace meetdesk {

class Competition;
class Event;

// What to print and for which part of the meet.
struct ReportRequest
{
    enum class Content { StartLists = 1, Results = 2, Both = StartLists | Results };
    enum class Scope { Meet, Day, Events };

    Content content = Content::Both;
    Scope scope = Scope::Meet;
    int day = 1; // with Scope::Day: the events' and heats' "day"
    QString event; // with Scope::Events: an event_id, or an event_code matching several
};

// Builds the start lists and result sheets of a competition as a Report: meet header, then
// per event and heat the start list (lanes or order, bibs, names, clubs, seed marks from the
// entries) and the results (places, performances, wind, points, field series with every
// attempt, heights grids, combined-event components and totals, relay runners).
//
// It prints what the document holds: places, bests and points are never worked out here.
// The only ordering it applies (lines by place, start lists by lane or order) lives in one
// place in reportbuilder.cpp, to follow core/athletics' ranking once that exists.
class ReportBuilder
{
public:
    explicit ReportBuilder(const Competition &competition, const QLocale &locale = QLocale());

    Report build(const ReportRequest &request) const;

    // The events a request covers, in document order: a combined event brings its component
    // events. Empty when --event names nothing in the competition.
    QList<const Event *> events(const ReportRequest &request) const;
    // The days the meet's events and heats name, ascending.
    QList<int> days() const;
    // "T01 100m Men, T02 4x100m Relay Men, ..." for messages about an unknown event.
    QString eventList() const;
    // The name printed for an event: its own, or one from the event catalogue, or its code.
    static QString eventName(const Event &event);
    // "16 May 2026", "16–17 May 2026" in the locale's words.
    QString dates() const;

private:
    const Competition &m_competition;
    QLocale m_locale;
};

} // namespace meetdesk
