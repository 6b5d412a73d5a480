#pragma once

#include <QString>

namespace meetdesk::lynx {

// How FinishLynx's values become OpenTrack's, through core/athletics' rules for times and wind.

// A photo-finish time as OpenTrack writes performances: hundredths, rounded up to the next
// hundredth as the rules round fully automatic times ("10.641" -> "10.65"), minutes and hours
// with colons ("62.345" or "1:02.345" -> "1:02.35"). Empty when the text is not a time.
QString performance(QStringView time);

// A wind reading as OpenTrack writes it ("+1.2", "-0.4", "0.0"), rounded to the next tenth
// towards the positive, as the rules round wind gauges. Empty when there is none ("NWI", "").
QString wind(QStringView reading);

} // namespace meetdesk::lynx
