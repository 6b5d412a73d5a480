#pragma once

#include "node.h"

namespace meetdesk {

// One event a competitor is entered in, with the performances they declared.
class EventEntry final : public Node
{
public:
    EventEntry()
        : Node(NodeKind::EventEntry)
    { }

    QString eventId;
    QString eventCode;
    QString pb;
    QString sb;
    QString qp;
};

bool sameContent(const EventEntry &a, const EventEntry &b);

} // namespace meetdesk
