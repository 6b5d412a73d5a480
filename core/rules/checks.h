#pragma once

#include "finding.h"
#include "ruleindex.h"

#include "athletics/agegroups.h"

namespace meetdesk {

// The rules themselves, as functions of one record and the cross-record lookups. The
// Validator runs them over a whole competition; the FindingsService runs them again for the
// records an edit touched. Either way, the same record gives the same findings.
namespace checks {

struct Context
{
    const Competition &competition;
    const RuleIndex &index;
    const AgeGroupRules &ageRules;
};

struct Rule
{
    QLatin1StringView id;
    Finding::Severity severity;
};
// Every rule, by its stable id, in the order docs/ARCHITECTURE.md lists them.
const QList<Rule> &rules();

// The findings a record owns: about its own fields, and for an event or a heat also what
// concerns its heats, results and trials together (places, a bib twice, two heats of a
// round). Each finding is about the owner or a node under it.
QList<NodeFinding> of(const Node &owner, const Context &context);

// The finding with its JSON path, as a list of findings shows it.
Finding toFinding(const NodeFinding &finding);

} // namespace checks

} // namespace meetdesk
