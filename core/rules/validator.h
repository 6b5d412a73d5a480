#pragma once

#include "finding.h"
#include "model/competition.h"

namespace meetdesk {

// The checks a competition must pass before OpenTrack accepts it: required fields, formats,
// unique keys and references between records. Each finding names its JSON path and node.
class Validator
{
public:
    static QList<Finding> validate(const Competition &competition);
};

} // namespace meetdesk
