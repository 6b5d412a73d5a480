#include "scoring.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>

namespace meetdesk::scoring {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::Scoring", text);
}

using M = ScoringCoefficients::Measure;

struct Line
{
    const char *key; // gender and event: "M100"
    ScoringCoefficients coefficients;
};

// A, B and C from the "Formulae" pages of the IAAF Scoring Tables for Combined Events,
// 2001 edition (reprinted 2004 and June 2016), the tables World Athletics still publishes
// for the decathlon, heptathlon and pentathlon. Checked against published scores: the
// decathlon world records of 9045 (2015) and 9126 (2018) and the heptathlon world record of
// 7291 (1988) come out event by event (tests/core/tst_scoring.cpp).
const Line lines[] = {
    {"M60", {58.015, 11.5, 1.81, M::Seconds}},     {"M100", {25.4347, 18, 1.81, M::Seconds}},
    {"M200", {5.8425, 38, 1.81, M::Seconds}},      {"M400", {1.53775, 82, 1.81, M::Seconds}},
    {"M1000", {0.08713, 305.5, 1.85, M::Seconds}}, {"M1500", {0.03768, 480, 1.85, M::Seconds}},
    {"M60H", {20.5173, 15.5, 1.92, M::Seconds}},   {"M110H", {5.74352, 28.5, 1.92, M::Seconds}},
    {"MHJ", {0.8465, 75, 1.42, M::Centimetres}},   {"MPV", {0.2797, 100, 1.35, M::Centimetres}},
    {"MLJ", {0.14354, 220, 1.4, M::Centimetres}},  {"MSP", {51.39, 1.5, 1.05, M::Metres}},
    {"MDT", {12.91, 4, 1.1, M::Metres}},           {"MJT", {10.14, 7, 1.08, M::Metres}},

    {"F100", {17.857, 21, 1.81, M::Seconds}},      {"F200", {4.99087, 42.5, 1.81, M::Seconds}},
    {"F400", {1.34285, 91.7, 1.81, M::Seconds}},   {"F800", {0.11193, 254, 1.88, M::Seconds}},
    {"F1500", {0.02883, 535, 1.88, M::Seconds}},   {"F60H", {20.0479, 17, 1.835, M::Seconds}},
    {"F100H", {9.23076, 26.7, 1.835, M::Seconds}}, {"FHJ", {1.84523, 75, 1.348, M::Centimetres}},
    {"FPV", {0.44125, 100, 1.35, M::Centimetres}}, {"FLJ", {0.188807, 210, 1.41, M::Centimetres}},
    {"FSP", {56.0211, 1.5, 1.05, M::Metres}},      {"FDT", {12.3311, 3, 1.1, M::Metres}},
    {"FJT", {15.9803, 3.8, 1.04, M::Metres}},
};

QString genderKey(const QString &gender)
{
    const QString g = gender.trimmed().toUpper();
    if (g == u"M")
        return QStringLiteral("M");
    if (g == u"F" || g == u"W")
        return QStringLiteral("F");
    return {};
}

// "SP7.26K" -> "SP", "110h" -> "110H".
QString tableCode(const QString &eventCode)
{
    const QString code = eventCode.trimmed().toUpper();
    switch (EventCatalogue::kindOf(code)) {
    case EventCatalogue::Kind::Throw:
    case EventCatalogue::Kind::Horizontal:
    case EventCatalogue::Kind::Vertical:
        return code.left(2);
    default:
        return code;
    }
}

} // namespace

std::optional<ScoringCoefficients> coefficients(const QString &gender, const QString &eventCode)
{
    static const QHash<QString, ScoringCoefficients> table = [] {
        QHash<QString, ScoringCoefficients> h;
        for (const Line &line : lines)
            h.insert(QLatin1StringView(line.key), line.coefficients);
        return h;
    }();
    const QString g = genderKey(gender);
    if (g.isEmpty())
        return std::nullopt;
    const auto it = table.constFind(g + tableCode(eventCode));
    if (it == table.constEnd())
        return std::nullopt;
    return *it;
}

int points(const ScoringCoefficients &line, double measure)
{
    const double beyond = line.measure == M::Seconds ? line.b - measure : measure - line.b;
    if (!(beyond > 0))
        return 0;
    return int(std::floor(line.a * std::pow(beyond, line.c)));
}

double scoringSeconds(const QString &eventCode, const Performance &time)
{
    qint64 ms = time.value;
    if (time.decimals >= 3)
        ms = (ms + 9) / 10 * 10;
    const int metres = EventCatalogue::distanceMetres(eventCode);
    if (time.decimals <= 1 && metres > 0) {
        if (metres <= 200 || EventCatalogue::isHurdles(eventCode))
            ms += 240;
        else if (metres == 400)
            ms += 140;
    }
    return double(ms) / 1000.0;
}

Parsed<int> points(const QString &gender, const QString &eventCode, const Performance &performance)
{
    const auto line = coefficients(gender, eventCode);
    if (!line)
        return Failure {tr("the combined events scoring tables have no %1 for gender \"%2\"")
                            .arg(eventCode, gender)};
    if (!performance.isMark())
        return 0;
    const Performance::Measure wanted
        = line->measure == M::Seconds ? Performance::Measure::Time : Performance::Measure::Distance;
    if (performance.measure() != wanted)
        return Failure {
            tr("\"%1\" is not a performance of the %2").arg(performance.text, eventCode)};
    switch (line->measure) {
    case M::Seconds:
        return points(*line, scoringSeconds(eventCode, performance));
    case M::Centimetres:
        return points(*line, double(performance.value));
    case M::Metres:
        return points(*line, double(performance.value) / 100.0);
    }
    return 0;
}

QStringList components(const QString &combinedCode, const QString &gender)
{
    const QString code = combinedCode.trimmed().toUpper();
    const QString g = genderKey(gender);
    auto list = [](std::initializer_list<const char *> codes) {
        QStringList out;
        for (const char *c : codes)
            out.append(QLatin1StringView(c));
        return out;
    };
    if (code == u"DEC" && g == u"M")
        return list({"100", "LJ", "SP", "HJ", "400", "110H", "DT", "PV", "JT", "1500"});
    if (code == u"DEC" && g == u"F")
        return list({"100", "DT", "PV", "JT", "400", "100H", "LJ", "SP", "HJ", "1500"});
    if (code == u"HEP" && g == u"F")
        return list({"100H", "HJ", "SP", "200", "LJ", "JT", "800"});
    if ((code == u"HEP" || code == u"HEPI") && g == u"M")
        return list({"60", "LJ", "SP", "HJ", "60H", "PV", "1000"});
    if ((code == u"PEN" || code == u"PENI") && g == u"F")
        return list({"60H", "HJ", "SP", "LJ", "800"});
    if (code == u"PEN" && g == u"M")
        return list({"LJ", "JT", "200", "DT", "1500"});
    if (code == u"PENI" && g == u"M")
        return list({"60H", "LJ", "SP", "HJ", "1000"});
    return {};
}

Parsed<int> total(const QString &gender, const QList<std::pair<QString, Performance>> &performances)
{
    int sum = 0;
    for (const auto &[code, performance] : performances) {
        const Parsed<int> p = points(gender, code, performance);
        if (!p)
            return Failure {p.error()};
        sum += *p;
    }
    return sum;
}

} // namespace meetdesk::scoring
