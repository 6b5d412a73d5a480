#pragma once

#include "parsed.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace meetdesk {

// Wind readings, in tenths of a metre per second (+1.2 m/s is 12), and where they count.
class Wind
{
public:
    // How an event takes its wind: none, one reading per heat (sprints and hurdles), or one
    // per attempt (long and triple jump).
    enum class Entry { None, PerHeat, PerAttempt };

    // Reads "+1.2", "-0.4", "0.0", "1.2", "1,2", "+1.2 m/s", "−0.4" (a typographic minus).
    // A reading with more decimals is rounded up to the next tenth in the positive direction,
    // as the Technical Rules say (+2.03 is +2.1, -2.03 is -2.0). Refuses words ("calm") and
    // readings beyond 20 m/s (a mistyped "+20" for "+2.0").
    static Parsed<int> parse(QStringView text);
    // "+1.2", "-0.4", "0.0".
    static QString toString(int tenths);

    // World Athletics measures the wind for the 100 m, 200 m, 100 m and 110 m hurdles (once a
    // heat) and the long and triple jumps (each attempt). Meetdesk also takes one reading a
    // heat for the shorter sprints and hurdles run on the same straight (60 m to 150 m, 60 m
    // to 80 m hurdles), which youth and masters results quote; never for relays. Indoors no
    // wind is read at all: the venue, not the code, says so.
    static Entry entryOf(const QString &eventCode);
    static bool counts(const QString &eventCode) { return entryOf(eventCode) != Entry::None; }

    // Over +2.0 m/s: the mark stands for the placing but not for records.
    static bool isAssisted(int tenths) { return tenths > 20; }
    // A reading that makes a mark of this event wind-assisted (in events where wind counts).
    static bool isAssisted(const QString &eventCode, int tenths)
    {
        return counts(eventCode) && isAssisted(tenths);
    }
    // In a combined event, World Athletics' record rule (in force since 2010) takes the
    // average of the readings of the events where wind is measured, rounded up to a tenth in
    // the positive direction like a single reading; assisted when that average is over +2.0.
    // (Before 2010 the rule was: average over +2.0 and any single reading over +4.0.)
    static int combinedAverage(const QList<int> &tenths);
    static bool isCombinedAssisted(const QList<int> &tenths);
};

} // namespace meetdesk
