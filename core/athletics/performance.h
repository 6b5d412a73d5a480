#pragma once

#include "eventcatalogue.h"
#include "parsed.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace meetdesk {

// One performance as an athletics official reads it: a time, a distance or height, points, or
// a status word. Built by parse() from what was typed or read, so the text stays as it was
// (lossless) while the value can be compared, ranked and scored.
class Performance
{
public:
    using Kind = EventCatalogue::Kind;
    enum class Measure { None, Time, Distance, Points };
    // Empty: nothing recorded yet. Mark: a measured value. The rest are World Athletics' result
    // abbreviations (Competition Rules, "abbreviations and symbols"), retired written "r", and
    // NH, "no height", which British results use for the vertical jumps where WA writes NM.
    enum class Status { Empty, Mark, DNS, DNF, DQ, NM, NH, Retired };

    Kind kind = Kind::Unknown;
    Status status = Status::Empty;
    // Time: milliseconds. Distance (and height): centimetres. Points: points. 0 otherwise.
    qint64 value = 0;
    // Digits written after the decimal point: "10.4" 1 (a hand time), "10.37" 2, "2:02:57" 0.
    int decimals = 0;
    // What was read, trimmed.
    QString text;
    // The rule quoted after a status word: "TR16.8" in "DQ TR16.8".
    QString rule;

    static Measure measureOf(Kind kind);
    Measure measure() const { return measureOf(kind); }
    bool isMark() const { return status == Status::Mark && measure() != Measure::None; }
    // Has no place in a ranking: empty, a status word, or nothing measurable.
    bool isUnplaced() const { return !isMark(); }

    // Reads a performance for an event of this kind: times "10.37", "1:30.59", "2:02:57",
    // "10.4" (a hand time; the precision is kept); distances and heights "5.74" or "62";
    // points "2003"; a comma works as the decimal point ("10,37"). Status words in any case
    // (DNS, DNF, DQ, DSQ, NM, NH, r), with an optional rule ("DQ TR17.3.1", "DQ (TR16.8)").
    // Refuses what cannot be one: letters, negative values, zero, more decimals than the
    // measure has, "1:61.20" (seconds after a colon are under 60), a height of 12 m.
    static Parsed<Performance> parse(Kind kind, QStringView text);
    // As parse(kindOf(code)), and refuses a time no one could run over the event's distance
    // ("1.03" for 100 m: faster than 11 m/s; a 100 m of 3:30.00: slower than 0.5 m/s).
    static Parsed<Performance> parseFor(const QString &eventCode, QStringView text);

    // A time rounded up to the given decimals (World Athletics rounds times up: 10.372 to
    // hundredths is 10.38), a distance, points, a status word.
    static Performance time(qint64 milliseconds, int decimals, Kind kind = Kind::Track);
    static Performance distance(int centimetres, Kind kind = Kind::Horizontal);
    static Performance points(int points);
    static Performance withStatus(Status status, Kind kind = Kind::Unknown, QString rule = {});

    // The standard writing: "10.37", "1:30.59", "2:02:57", "10.4", "5.74" (always two
    // decimals), "2003", "DQ TR16.8", "r". Empty for Status::Empty.
    QString toString() const;

    // "DNS", "DNF", "DQ", "NM", "NH", "r"; empty for Empty and Mark.
    static QString statusWord(Status status);
    // The status a word spells ("dns", "DSQ", "R"), if it is one.
    static std::optional<Status> statusOf(QStringView word);

    friend bool operator==(const Performance &, const Performance &) = default;
};

// Negative when a is better, 0 when they tie, positive when b is better. Times: lower is
// better; distances, heights and points: higher is better. Any mark beats no mark; status
// words (and empty performances) tie with each other. Compares the values as recorded, so a
// 10.4 hand time ties with 10.40.
int compare(const Performance &a, const Performance &b);

} // namespace meetdesk
