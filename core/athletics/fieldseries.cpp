#include "fieldseries.h"

#include "wind.h"

#include <QCoreApplication>

#include <algorithm>

namespace meetdesk::fieldseries {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::FieldSeries", text);
}

} // namespace

Parsed<HorizontalAttempt> parseAttempt(Performance::Kind kind, QStringView raw)
{
    const QStringView trimmed = raw.trimmed();
    if (const qsizetype space = trimmed.indexOf(u' '); space > 0) {
        QStringView reading = trimmed.mid(space + 1).trimmed();
        if (reading.startsWith(u'(') && reading.endsWith(u')'))
            reading = reading.mid(1, reading.size() - 2);
        Parsed<HorizontalAttempt> attempt = parseAttempt(kind, trimmed.left(space));
        if (!attempt)
            return attempt;
        const Parsed<int> wind = Wind::parse(reading);
        if (!wind)
            return Failure {wind.error()};
        HorizontalAttempt withWind = *attempt;
        withWind.wind = *wind;
        return withWind;
    }
    const QStringView text = trimmed;
    HorizontalAttempt a;
    if (text == u"x" || text == u"X") {
        a.mark = AttemptMark::Foul;
        return a;
    }
    if (text == u"-") {
        a.mark = AttemptMark::Pass;
        return a;
    }
    if (text == u"r" || text == u"R") {
        a.mark = AttemptMark::Retired;
        return a;
    }
    const Parsed<Performance> p = Performance::parse(kind, raw);
    if (!p)
        return Failure {p.error()};
    if (!p->isMark() || p->measure() != Performance::Measure::Distance)
        return Failure {tr("\"%1\" is not an attempt: write a mark such as 7.42, x for a foul, "
                           "- for a pass or r for retired")
                            .arg(raw.trimmed())};
    a.mark = AttemptMark::Mark;
    a.centimetres = int(p->value);
    return a;
}

QString attemptText(const HorizontalAttempt &attempt)
{
    switch (attempt.mark) {
    case AttemptMark::Mark:
        return Performance::distance(attempt.centimetres).toString();
    case AttemptMark::Foul:
        return QStringLiteral("x");
    case AttemptMark::Pass:
        return QStringLiteral("-");
    case AttemptMark::Retired:
        return QStringLiteral("r");
    case AttemptMark::Clear:
        return QStringLiteral("o");
    }
    return {};
}

QString cardText(const HorizontalAttempt &attempt)
{
    const QString text = attemptText(attempt);
    return attempt.wind ? text + u' ' + Wind::toString(*attempt.wind) : text;
}

int best(const HorizontalSeries &series)
{
    int found = -1;
    for (int i = 0; i < series.size(); ++i) {
        const HorizontalAttempt &a = series[i];
        if (a.mark != AttemptMark::Mark)
            continue;
        if (found < 0 || a.centimetres > series[found].centimetres) {
            found = i;
            continue;
        }
        const HorizontalAttempt &b = series[found];
        const bool foundAssisted = b.wind && Wind::isAssisted(*b.wind);
        const bool thisAssisted = a.wind && Wind::isAssisted(*a.wind);
        if (a.centimetres == b.centimetres && foundAssisted && !thisAssisted)
            found = i;
    }
    return found;
}

QList<int> marksBestFirst(const HorizontalSeries &series)
{
    QList<int> marks;
    for (const HorizontalAttempt &a : series) {
        if (a.mark == AttemptMark::Mark)
            marks.append(a.centimetres);
    }
    std::sort(marks.begin(), marks.end(), std::greater<>());
    return marks;
}

Performance result(Performance::Kind kind, const HorizontalSeries &series)
{
    if (series.isEmpty())
        return Performance::withStatus(Performance::Status::Empty, kind);
    const int i = best(series);
    if (i < 0)
        return Performance::withStatus(Performance::Status::NM, kind);
    return Performance::distance(series[i].centimetres, kind);
}

QList<int> beyondAllowed(const HorizontalSeries &series, int allowed)
{
    QList<int> beyond;
    for (int i = 0; i < series.size(); ++i) {
        if (series[i].round > allowed)
            beyond.append(i);
    }
    return beyond;
}

Parsed<QString> parseHeightAttempts(QStringView raw)
{
    QString text = raw.toString().toLower();
    text.remove(u' ');
    if (!std::all_of(text.begin(), text.end(),
                     [](QChar c) { return c == u'o' || c == u'x' || c == u'-' || c == u'r'; }))
        return Failure {tr("\"%1\": attempts at a height are written with o (clear), x "
                           "(failure), - (pass) and r (retired)")
                            .arg(raw.trimmed())};
    const auto ending = std::find_if(text.begin(), text.end(),
                                     [](QChar c) { return c == u'o' || c == u'-' || c == u'r'; });
    const qsizetype end = ending == text.end() ? -1 : ending - text.begin();
    if (end >= 0 && end != text.size() - 1)
        return Failure {tr("\"%1\": nothing follows a clearance, a pass or retiring at a height")
                            .arg(raw.trimmed())};
    if (text.size() > 3)
        return Failure {
            tr("\"%1\": an athlete has at most three attempts at a height").arg(raw.trimmed())};
    return text;
}

int lastCleared(const VerticalSeries &series)
{
    int found = -1;
    for (int i = 0; i < series.size(); ++i) {
        if (series[i].marks.contains(u'o')
            && (found < 0 || series[i].centimetres > series[found].centimetres))
            found = i;
    }
    return found;
}

std::optional<Countback> countback(const VerticalSeries &series)
{
    const int last = lastCleared(series);
    if (last < 0)
        return std::nullopt;
    Countback c;
    c.centimetres = series[last].centimetres;
    const QString &atHeight = series[last].marks;
    c.attemptsAtHeight = int(atHeight.count(u'x') + atHeight.count(u'o'));
    for (int i = 0; i <= last; ++i)
        c.failures += int(series[i].marks.count(u'x'));
    return c;
}

Performance result(const VerticalSeries &series)
{
    const int last = lastCleared(series);
    if (last >= 0)
        return Performance::distance(series[last].centimetres, Performance::Kind::Vertical);
    const bool attempted = std::any_of(series.cbegin(), series.cend(),
                                       [](const HeightAttempts &h) { return !h.marks.isEmpty(); });
    return Performance::withStatus(attempted ? Performance::Status::NH : Performance::Status::Empty,
                                   Performance::Kind::Vertical);
}

int eliminatedAt(const VerticalSeries &series)
{
    int consecutive = 0;
    for (int i = 0; i < series.size(); ++i) {
        for (const QChar c : series[i].marks) {
            if (c == u'x' && ++consecutive == 3)
                return i;
            if (c == u'o')
                consecutive = 0;
        }
    }
    return -1;
}

QList<int> attemptsAfterOut(const VerticalSeries &series)
{
    QList<int> after;
    int consecutive = 0;
    bool out = false;
    for (int i = 0; i < series.size(); ++i) {
        bool late = false;
        for (const QChar c : series[i].marks) {
            if (out) {
                late = true;
                continue;
            }
            if (c == u'x' && ++consecutive == 3)
                out = true;
            else if (c == u'o')
                consecutive = 0;
            else if (c == u'r')
                out = true;
        }
        if (late)
            after.append(i);
    }
    return after;
}

int firstOutOfOrder(const QList<int> &heights)
{
    for (int i = 1; i < heights.size(); ++i) {
        if (heights[i] <= heights[i - 1])
            return i;
    }
    return -1;
}

} // namespace meetdesk::fieldseries
