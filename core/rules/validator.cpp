#include "validator.h"

#include "checks.h"
#include "nodepath.h"
#include "ruleindex.h"

#include "model/children.h"

#include <algorithm>

namespace meetdesk {

QList<Finding> Validator::validate(const Competition &competition)
{
    return validate(competition, AgeGroupRules::worldAthletics());
}

QList<Finding> Validator::validate(const Competition &competition, const AgeGroupRules &rules)
{
    const RuleIndex index(competition, RuleIndex::Use::Snapshot);
    const checks::Context context {competition, index, rules};
    QList<Finding> findings;
    children::forEach(competition, [&](const Node &node) {
        for (const NodeFinding &f : checks::of(node, context))
            findings.append(checks::toFinding(f));
    });
    // In the file's order of the records they are about (a heat's findings about its results
    // come with those results).
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return nodepath::compare(*a.node, *b.node) < 0;
    });
    return findings;
}

QStringList Validator::ruleIds()
{
    QStringList ids;
    for (const checks::Rule &rule : checks::rules())
        ids.append(QString(rule.id));
    return ids;
}

} // namespace meetdesk
