#pragma once

#include "performance.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace meetdesk {

// One event's line of the World Athletics Scoring Tables for Combined Events: points are
// floor(A * (B - T)^C) for a time T in seconds, floor(A * (M - B)^C) for a jump M in
// centimetres or a throw M in metres.
struct ScoringCoefficients
{
    enum class Measure { Seconds, Centimetres, Metres };
    double a = 0;
    double b = 0;
    double c = 0;
    Measure measure = Measure::Seconds;
    friend bool operator==(const ScoringCoefficients &, const ScoringCoefficients &) = default;
};

// Combined events' points. Gender is "M" (men) or "F" (women; "W" is read as F).
namespace scoring {

// The table line of an event ("100", "110H", "LJ", "SP", "SP7.26K"), for the events of the
// decathlon, heptathlon and pentathlon, outdoor and indoor, men and women; nothing for
// events the tables do not have (such as the 75 m of a youth triathlon).
std::optional<ScoringCoefficients> coefficients(const QString &gender, const QString &eventCode);
// The formula; 0 when the measure does not pass B (a time of B seconds or more, a mark of B
// or less).
int points(const ScoringCoefficients &line, double measure);
// The seconds a time is scored with: a fully automatic time to the thousandth is rounded up
// to the hundredth (10.372 scores as 10.38); a hand time (written to tenths or whole
// seconds) in races up to 400 m is first made comparable with automatic timing by adding
// 0.24 s (up to 200 m and the hurdles) or 0.14 s (400 m), as the Scoring Tables' manual
// timing columns do.
double scoringSeconds(const QString &eventCode, const Performance &time);
// The points a performance in an event scores: a status word (DNS, DNF, NM...) or no mark
// scores 0. Fails with a reason when the tables have no line for the event and gender, or
// the performance is not of the event's measure.
Parsed<int> points(const QString &gender, const QString &eventCode, const Performance &performance);

// The component events of a combined event in the order they are held: DEC (men's and
// women's), HEP (women's heptathlon; men's is the indoor one), PEN (women's indoor
// pentathlon; men's is the outdoor one), HEPI and PENI (indoor); empty for others.
QStringList components(const QString &combinedCode, const QString &gender);
// The combined event's total: the sum of each component's points. Fails naming the first
// component the tables cannot score.
Parsed<int> total(const QString &gender,
                  const QList<std::pair<QString, Performance>> &performances);

} // namespace scoring

} // namespace meetdesk
