#pragma once

#include "model/competition.h"

#include <QHash>

namespace meetdesk {

// FinishLynx knows an event by a number; OpenTrack by an event_id ("T01", "003"). The
// numbering is a function of the competition alone, so a .lif written for an exported heat
// maps back to it: when every event_id is a plain number ("003", "12") and no two are
// equal, that number; otherwise the event's place in the competition's list of events, from
// 1. Events inserted between export and import can shift the second kind, which is why a
// .lif's event name is checked against the event's (LifImport).
class LynxNumbering
{
public:
    explicit LynxNumbering(const Competition &competition);

    int number(const Event &event) const { return m_numbers.value(&event); }
    const Event *event(int number) const { return m_events.value(number); }
    bool byEventId() const { return m_byEventId; }

    // Events a photo-finish camera times: track races and relays (combined-event races too).
    static bool isTimed(const Event &event);
    // The name written for the event and expected back in its .lif files.
    static QString eventName(const Event &event);

private:
    QHash<const Event *, int> m_numbers;
    QHash<int, const Event *> m_events;
    bool m_byEventId = true;
};

} // namespace meetdesk
