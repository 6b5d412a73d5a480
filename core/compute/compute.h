#pragma once

#include "athletics/agegroups.h"
#include "model/children.h"

#include <QList>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace meetdesk {

// One value compute would write: a field of a node, what it holds now and what it would hold.
struct ProposedChange
{
    const Node *node = nullptr;
    int field = -1; // the schema index
    QVariant old; // the typed value now; invalid when absent or kept raw
    // What the field shows now as text, a raw value the reader kept included; empty when the
    // field is empty.
    QString oldText;
    QVariant value; // invalid: the field is cleared

    // Whether this replaces something already there (typed by a user, or worked out from
    // what has changed since) rather than filling an empty field.
    bool replaces() const { return !oldText.isEmpty(); }
    QString valueText() const;
};

// A result row compute would add: an athlete's line in a combined event's standings.
struct ProposedResult
{
    const Node *parent = nullptr;
    ListId list = ListId::EventResults;
    std::shared_ptr<const Result> result;
};

// What compute worked out for part of a competition: the values that differ from what the
// document holds, the rows it lacks, and what could not be worked out (each note names the
// place). Nothing here changes the document: DocumentEditor::apply writes a proposal.
struct Proposal
{
    QList<ProposedChange> changes;
    QList<ProposedResult> additions;
    QStringList notes;
    // The values already as worked out (old equals value): what a later edit may follow.
    QList<ProposedChange> agreed;

    bool isEmpty() const { return changes.isEmpty() && additions.isEmpty(); }
    int replacements() const;
    // The same without the changes that replace a value (fills and additions only).
    Proposal withoutReplacements() const;
};

// Works out, with core/athletics' rules, what a competition's results should hold:
//
// - Places of every heat from its performances: equal places for ties; DNS, DNF, DQ and no
//   mark unplaced. In the event's last round, when it is run in several heats (a timed final)
//   or field pools, the place is the overall place across them: that round is the event's
//   result. Earlier rounds are placed heat by heat, as qualifying goes by place in the heat.
// - Field events: each athlete's Results row from the trials: the best mark (NM, NH), its
//   wind in the long and triple jump, and the place (horizontal: best, then next best;
//   vertical: best height, then countback, a tie for first left shared for a jump-off).
//   DNS, DNF and DQ typed as the performance stay, unplaced.
// - Combined events: each component result's points from the scoring tables (the
//   competitor's gender), and the parent event's standings (bib, total, place), rows added
//   for athletes it lacks. Where the tables have no line (a youth 75 m), points typed stay and
//   count.
// - Age groups from the date of birth on the competition's date, under its convention.
//
// A performance that does not read, or an event the tables cannot score, leaves that part
// as it is, with a note naming the place.
namespace compute {

enum Work {
    Marks = 0x1, // field events' best marks and wind from the trials
    Places = 0x2, // places of heats and field events
    Points = 0x4, // combined events' points and standings
    Ages = 0x8, // competitors' age groups
    Results = Marks | Places | Points,
    Everything = Results | Ages,
};

// Results of a unit, an event (a combined event with its components, a component with its
// parent's standings) or, for any other node, the whole competition. work: Work flags.
Proposal results(const Node &scope, int work = Results);
// Competitors' age groups under rules.
Proposal ageGroups(const Competition &competition, const AgeGroupRules &rules);

// The key of the "meetdesk" object that keeps the convention the user chose.
QString ageGroupRulesKey();
// The competition's convention: the one the file keeps, else the default for its country.
struct AgeGroupConvention
{
    AgeGroupRules rules;
    QString name; // "UK Athletics (track and field)"
    bool chosen = false; // kept in the file; otherwise the default
    QString problem; // why the kept one could not be read (then the default is used)
};
AgeGroupConvention ageGroupConvention(const JsonObject &meetdesk, const QString &country);

// "F02 High Jump Men, Final, 104 Harry Dlamini": where a node is, for messages; within a
// node it is in, only what is below that ("104 Harry Dlamini" within the Final).
QString whereOf(const Node &node, const Node *within = nullptr);
// "F02 High Jump Men, Final, 104 Harry Dlamini: place 3 → 2"; "...: place 2" for a fill,
// "...: place 4 cleared".
QString describe(const ProposedChange &change, const Node *within = nullptr);
QString describe(const ProposedResult &addition, const Node *within = nullptr);

} // namespace compute

} // namespace meetdesk
