#pragma once

#include "node.h"

namespace meetdesk {

// One attempt in a field event. Horizontal jumps and throws use round (the attempt number)
// and a mark or "x"/"-"; vertical jumps use height and "o"/"x"/"-"/"r".
class Trial final : public Node
{
public:
    Trial()
        : Node(NodeKind::Trial)
    { }

    QString bib;
    std::optional<int> round;
    QString height;
    QString result;
    QString wind; // "+1.2"; see opentrack-api.md decision 5
};

bool sameContent(const Trial &a, const Trial &b);

} // namespace meetdesk
