#pragma once

#include "heatsettings.h"

#include "model/document.h"

#include <QStringList>

#include <optional>

namespace meetdesk {

class DocumentEditor;

// What seeding heats, drawing lanes or advancing to the next round proposes for one round of an
// event: the heats with their start lists, what applying it replaces, and notes (ties, athletes
// without a seed mark). A start list is held as OpenTrack holds it: a heat's results with a bib
// and a lane (or, in races not run in lanes, an order). Plain values and pointers into the
// competition it was made from.
struct StartListPlan
{
    enum class Kind {
        Seed, // the first round's heats from the entries' seed marks
        Draw, // the lanes (or start order) of a round's heats again, the heats kept
        Advance, // who goes on from a round, in the next round's heats with lanes
    };

    struct Line
    {
        QString bib;
        QString name;
        QString club;
        QString seed; // the seed mark shown: "10.61", "10.54 PB" when the other mark stood in
        QString qualified; // Advance: "Q" (by place) or "q" (by time)
        QString previous; // Advance, and Draw after round 1: "heat 2: 1, 10.45"
        std::optional<int> lane;
        std::optional<int> order;
    };

    struct Heat
    {
        int heat = 0; // from 1
        QList<Line> lines; // by lane, or start order
        const Unit *unit = nullptr; // the heat as it is now; null: to be created
    };

    Kind kind = Kind::Seed;
    const Event *event = nullptr;
    int round = 1; // the round whose heats are proposed
    bool inLanes = true;
    int lanes = 0;
    QList<Heat> heats;
    QStringList notes;
    // What applying changes that is there now: the heats' entrants and results, drawn lanes.
    QStringList replaced;
    QList<const Unit *> surplus; // heats of the round beyond those proposed: deleted
    QString error; // why there is nothing to propose

    // Written with the heats.
    QString rounds; // the event's rounds with this round's heats
    HeatSettings settings;
    int byPlace = 0; // Advance: Q
    int byTime = 0; // Advance: q

    bool ok() const { return error.isEmpty(); }
};

// What the user asks for; HeatPlanner::request gives the defaults.
struct HeatRequest
{
    int round = 1; // Seed: 1; Draw: the round drawn; Advance: the round run, advancing to round + 1
    int heats = 1; // in the round proposed
    int lanes = 8; // on the track, for the round proposed
    HeatSettings settings;
    int byPlace = 2;
    int byTime = 2;
    quint32 seed = 1; // of the draw: the same seed proposes the same heats
};

// Seeding, drawing and advancing for a document's events: core/athletics' rules over the
// competition's entries and results. Nothing here changes the document but apply(), which does
// it as one undo step through the DocumentEditor.
class HeatPlanner
{
public:
    // Whether an event has heats to seed: a track race or relay.
    static bool hasHeats(const Event &event);
    // The defaults for an event: the round (the selected heat's, else the latest one with
    // athletes, or results when advancing), the heats its rounds or its entries call for, the
    // lanes, Q and q, and the event's stored settings. problem: a setting that could not be read.
    static HeatRequest request(const Document &document, const Event &event,
                               StartListPlan::Kind kind, const Node *selected = nullptr,
                               QString *problem = nullptr);
    static StartListPlan plan(const Competition &competition, const Event &event,
                              StartListPlan::Kind kind, const HeatRequest &request);
    // One undo step: the round's heats created or emptied and filled (Draw: the lanes set on the
    // results there), the rounds, lanes and Q/q written to the event, the settings to the
    // "meetdesk" object. Does nothing for a plan with an error.
    static void apply(DocumentEditor &edit, const StartListPlan &plan);
};

} // namespace meetdesk
