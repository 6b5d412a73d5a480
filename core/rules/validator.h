#pragma once

#include "finding.h"
#include "model/competition.h"

#include "athletics/agegroups.h"

namespace meetdesk {

// The full check of a competition: every rule over every record (core/rules/checks.h), each
// finding with its JSON path, node and rule id. The publisher runs it before publishing, and
// its errors block the publish; `meetdesk check` prints it. The FindingsService gives the same
// findings while the competition is being edited, checking again only what an edit touched.
class Validator
{
public:
    // Age groups are judged by World Athletics' convention unless the rules are given.
    static QList<Finding> validate(const Competition &competition);
    static QList<Finding> validate(const Competition &competition, const AgeGroupRules &rules);

    // Every rule id, as findings and `check --json` name them.
    static QStringList ruleIds();
};

} // namespace meetdesk
