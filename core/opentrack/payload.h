#pragma once

#include "model/competition.h"

#include <QJsonObject>
#include <QStringList>

namespace meetdesk::payload {

// What Meetdesk sends for each record, in the current API's names: the typed fields that are
// set, and the keys it read but does not know (the server may know them; the echo tells).
// Child lists are not included: they are records of their own (or, in a unit, its results
// and trials).
QJsonObject competition(const Competition &c);
QJsonObject team(const Team &t);
QJsonObject competitor(const Competitor &c); // with events_entered
QJsonObject relayTeam(const RelayTeam &r);
QJsonObject event(const Event &e); // with a combined event's results
QJsonObject unit(const Unit &u); // status, names, heights, results, trials

// The payload of any record that is published on its own (the ones above); empty for others.
QJsonObject of(const Node &node);

// The natural key that identifies a record across publishes: "competitor:371",
// "event:T01", "unit:T01/1/2". Empty when the record lacks it.
QString naturalKey(const Node &node);

// A short stable hash of a payload (key order does not matter).
QString hash(const QJsonObject &payload);

// The keys of what was sent (at any depth, "results[2].reaction") that the server's echo
// does not hold, or holds with another value. Numbers and their text ("1" and 1), and dates,
// compare as the same value.
QStringList notStored(const QJsonObject &sent, const QJsonObject &echo);

// Whether the server already holds what would be sent: every key the server has agrees. Keys
// the server lacks are left to the caller (they may be ones it drops); values the server has
// that Meetdesk never sent (its defaults, others' edits) are not Meetdesk's to judge.
bool serverAgrees(const QJsonObject &sent, const QJsonObject &server);

// The payload plus an empty value ("", null, []) for each field Meetdesk sent last time and no
// longer has, so an update clears it on the server too.
QJsonObject withClears(const QJsonObject &sent, const QJsonObject &server,
                       const QStringList &sentBefore);

} // namespace meetdesk::payload
