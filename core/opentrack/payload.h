#pragma once

#include "model/competition.h"
#include "json/jsonvalue.h"

#include <QByteArray>
#include <QStringList>

namespace meetdesk::payload {

// What Meetdesk sends for a record that is published on its own, as an ordered JSON object
// whose numbers keep their spelling: the typed fields that are set, in the current API's
// names (a value the reader kept raw goes under its field's name), then the keys Meetdesk read
// but does not know (the server may know them; its echo tells). Child lists are records of
// their own, except a competitor's events entered, a combined event's results and a unit's
// results and trials. A unit leaves out round and heat: they are its address on the server.
// Null for the kinds that are not published on their own (results, trials, event entries).
JsonValue of(const Node &node);

// Calls f for every record published on its own, in the order a publish writes them: the
// competition, teams, events, competitors, relay teams, then every event's heats.
template<class F> void forEachRecord(const Competition &c, F &&f)
{
    f(static_cast<const Node &>(c));
    for (const auto &t : c.teams)
        f(static_cast<const Node &>(*t));
    for (const auto &e : c.events)
        f(static_cast<const Node &>(*e));
    for (const auto &x : c.competitors)
        f(static_cast<const Node &>(*x));
    for (const auto &r : c.relayTeams)
        f(static_cast<const Node &>(*r));
    for (const auto &e : c.events) {
        for (const auto &u : e->units)
            f(static_cast<const Node &>(*u));
    }
}

// The natural key that identifies a record across publishes: "competition", "team:RIV",
// "competitor:371", "relay_team:R1", "event:T01", "unit:T01/1/2". Empty when it lacks one.
QString naturalKey(const Node &node);

// The same value as far as the server is concerned: a number and numeric text with the same
// decimal value (800 and "800", 51.40850 and 51.4085; every digit counts), empty text, null, an
// empty list and absence (nullptr) alike, objects whatever their key order.
bool same(const JsonValue *a, const JsonValue *b);
inline bool same(const JsonValue &a, const JsonValue &b)
{
    return same(&a, &b);
}
// Null, "", [], an object of only such values, or absent.
bool isEmpty(const JsonValue *value);

// The keys of what was sent (at any depth, "results[2].reaction") that the server's echo does
// not hold, or holds with another value.
QStringList notStored(const JsonValue &sent, const JsonValue &echo);

// Where two versions of a record differ, for people: "last_name", "results[bib 101].performance",
// "trials[bib 114, round 3].result". List items are matched by bib (and attempt) where they
// have one, else by position.
QStringList differences(const JsonValue &a, const JsonValue &b);

// A short rendering of a value for messages: "10.37", 800, "(empty)", "3 items".
QString show(const JsonValue &value);

// Compact JSON text, numbers as they are spelled in the value: a request's body, a base in the
// sync state. The same value always gives the same bytes.
QByteArray toBytes(const JsonValue &value);
// The server's answer as a JsonValue (every digit kept); *error says why it is not JSON.
JsonValue parse(QByteArrayView body, QString *error = nullptr);

// A server record's id as text, whether the server gives it as a string or a number.
QString idOf(const JsonValue &record);
// A string member as text, a number member as its spelling, else empty.
QString textOf(const JsonValue &record, QStringView key);

} // namespace meetdesk::payload
