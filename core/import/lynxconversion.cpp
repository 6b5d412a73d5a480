#include "lynxconversion.h"

#include "athletics/performance.h"
#include "athletics/wind.h"

namespace meetdesk::lynx {

QString performance(QStringView time)
{
    // FinishLynx times a race to the thousandth; OpenTrack takes the time to the hundredth.
    const Parsed<Performance> read = Performance::parse(Performance::Kind::Track, time);
    if (!read || !read->isMark())
        return {};
    return Performance::time(read->value, 2).toString();
}

QString wind(QStringView reading)
{
    const Parsed<int> tenths = Wind::parse(reading);
    return tenths ? Wind::toString(*tenths) : QString();
}

} // namespace meetdesk::lynx
