#pragma once

#include "agegroups.h"
#include "fieldseries.h"
#include "performance.h"

#include "model/event.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace meetdesk {

// Thin adapters from the model's nodes to the plain values core/athletics works on, so the
// grids, the validator, compute and printing read a unit the same way. Reading only: nothing
// here changes a node.
namespace fromnodes {

// The event a unit, result or trial belongs to (an event is its own); nullptr outside one.
const Event *eventOf(const Node &node);
// What kind of results a unit or event (or a result or trial in one) holds, from its event's
// code; a unit with heights is a vertical jump even when the code is not one Meetdesk knows.
EventCatalogue::Kind kindOf(const Node &node);
// A result's performance, read for its event (Performance::parseFor).
Parsed<Performance> performance(const Result &result);
// A wind text, where it reads ("+1.2" -> 12); nothing when empty or unreadable.
std::optional<int> wind(const QString &text);
// The unit's bar heights in centimetres, in the listed order; 0 for a height that does not
// read as one.
QList<int> heights(const Unit &unit);

// A bib's attempts in a long jump, triple jump or throw unit, by attempt number; trials
// whose result does not read are left out (the validator names them). With trials given, it
// also answers the trial each attempt was read from.
HorizontalSeries horizontalSeries(const Unit &unit, const QString &bib,
                                  QList<const Trial *> *trials = nullptr);
// Every bib's attempts in the unit (each bib with a trial, its series empty when none reads),
// read in one pass over its trials: what the function above gives bib by bib. With trials
// given, the trials they were read from too, and with unreadable given, each trial whose result
// (not empty) does not read, with the reason.
QHash<QString, HorizontalSeries>
horizontalSeries(const Unit &unit, QHash<QString, QList<const Trial *>> *trials = nullptr,
                 QList<std::pair<const Trial *, QString>> *unreadable = nullptr);
// A bib's card in a high jump or pole vault unit: one entry per height the unit lists, each
// with the bib's trials at that height (matched by value, so "1.7" is 1.70) in file order.
// Trials at heights the unit does not list are left out.
VerticalSeries verticalSeries(const Unit &unit, const QString &bib);
// Every card in the unit (each bib with a trial), read in one pass: what the function above
// gives bib by bib.
QHash<QString, VerticalSeries> verticalSeries(const Unit &unit);

// What an event allows (genders, age groups, category), for agegroups::eligibilityProblem.
EventEligibility eligibilityOf(const Event &event);

} // namespace fromnodes

} // namespace meetdesk
