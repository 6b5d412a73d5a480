#pragma once

#include <QString>
#include <QStringList>

namespace meetdesk {

// What an event code means: which kind of event it is (and so which card its results need)
// and what a secretary would call it.
class EventCatalogue
{
public:
    enum class Kind { Track, Relay, Horizontal, Throw, Vertical, Combined, Road, Unknown };

    static Kind kindOf(const QString &code);
    static bool isFieldKind(Kind kind) { return kind == Kind::Horizontal || kind == Kind::Throw; }
    // The distance a race covers in metres: 100 for "100" and "100H", 3000 for "3000SC", 400
    // for "4x100", 1609 for "MILE", 5000 for "5K", 42195 for "MAR"; 0 when the code does not
    // say (field events, "XC", medley relays, unknown codes).
    static int distanceMetres(const QString &code);
    // "110H", "60H", "400H": a hurdles race.
    static bool isHurdles(const QString &code);
    // The standard codes, for the event editor's list (free text stays allowed).
    static const QStringList &standardCodes();
    // "100m", "Long Jump", "4x100m Relay"; empty for unknown codes.
    static QString displayName(const QString &code);
    // "100m Men", "Long Jump Women U17": the name an event would be given.
    static QString suggestedName(const QString &code, const QString &genders,
                                 const QString &category);

private:
    static Kind kindOfCode(const QString &normalizedCode);
};

} // namespace meetdesk
