#include "lynxnumbering.h"

#include "athletics/eventcatalogue.h"

namespace meetdesk {

LynxNumbering::LynxNumbering(const Competition &competition)
{
    for (const auto &event : competition.events) {
        bool ok = false;
        const int n = event->eventId.trimmed().toInt(&ok);
        const bool digitsOnly = ok && n > 0 && !event->eventId.trimmed().startsWith(u'+');
        if (!digitsOnly || m_events.contains(n)) {
            m_byEventId = false;
            break;
        }
        m_events.insert(n, event.get());
        m_numbers.insert(event.get(), n);
    }
    if (m_byEventId)
        return;
    m_events.clear();
    m_numbers.clear();
    int n = 0;
    for (const auto &event : competition.events) {
        m_events.insert(++n, event.get());
        m_numbers.insert(event.get(), n);
    }
}

bool LynxNumbering::isTimed(const Event &event)
{
    const auto kind = EventCatalogue::kindOf(event.eventCode);
    return kind == EventCatalogue::Kind::Track || kind == EventCatalogue::Kind::Relay;
}

QString LynxNumbering::eventName(const Event &event)
{
    if (!event.name.trimmed().isEmpty())
        return event.name.simplified();
    const QString suggested
        = EventCatalogue::suggestedName(event.eventCode, event.genders, event.category);
    return suggested.isEmpty() ? event.eventCode.simplified() : suggested;
}

} // namespace meetdesk
