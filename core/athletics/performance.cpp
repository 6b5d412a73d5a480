#include "performance.h"

#include "scan.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::Performance", text);
}

qint64 powerOfTen(int exponent)
{
    qint64 p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

// "TR 16.8", "(TR16.8)", ": 163.3(a)" -> "TR16.8", "163.3(a)"; an empty text is no rule;
// nothing when the text is not a rule reference.
std::optional<QString> readRule(QString rest)
{
    rest = rest.trimmed();
    if (rest.startsWith(u':') || rest.startsWith(u'-'))
        rest = rest.mid(1).trimmed();
    if (rest.startsWith(u'(') && rest.endsWith(u')'))
        rest = rest.mid(1, rest.size() - 2).trimmed();
    if (rest.isEmpty())
        return QString();
    static const QRegularExpression re(
        QStringLiteral("^(?:(TR|CR|R)\\s*)?(\\d+(?:\\.\\d+)*)\\s*(\\(?[a-z]\\)?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(rest);
    if (!m.hasMatch())
        return std::nullopt;
    return QString(m.captured(1).toUpper() + m.captured(2) + m.captured(3).toLower());
}

bool allowedFor(Performance::Status status, EventCatalogue::Kind kind)
{
    using Kind = EventCatalogue::Kind;
    switch (status) {
    case Performance::Status::NM:
        return kind == Kind::Horizontal || kind == Kind::Throw || kind == Kind::Vertical
            || kind == Kind::Unknown;
    case Performance::Status::NH:
        return kind == Kind::Vertical || kind == Kind::Unknown;
    default:
        return true;
    }
}

Parsed<Performance> readStatus(Performance p, Performance::Status status, const QString &word,
                               const QString &rest)
{
    if (!allowedFor(status, p.kind)) {
        return Failure {status == Performance::Status::NH
                            ? tr("\"%1\": NH (no height) is a result of the high jump and "
                                 "pole vault")
                                  .arg(p.text)
                            : tr("\"%1\": NM (no mark) is a result of a field event").arg(p.text)};
    }
    const std::optional<QString> rule = readRule(rest);
    if (!rule)
        return Failure {tr("\"%1\": what follows %2 is not a rule reference such as TR16.8")
                            .arg(p.text, word.toUpper())};
    p.status = status;
    p.rule = *rule;
    return p;
}

Parsed<Performance> readTime(Performance p, const QString &number)
{
    // "1.30.59": minutes and seconds written with dots
    if (const qsizetype a = scan::digits(number); a > 0 && a + 4 < number.size()
        && number[a] == u'.' && scan::digits(number, a + 1) == 2 && number[a + 3] == u'.'
        && scan::digits(number, a + 4) == number.size() - a - 4)
        return Failure {
            tr("\"%1\": write a colon between minutes and seconds, as in 1:30.59").arg(p.text)};
    // Up to three groups of digits between colons (the first at most six digits), then a
    // fraction after a point.
    std::array<QStringView, 3> groups;
    int count = 0;
    QStringView fraction;
    qsizetype at = 0;
    bool ok = true;
    while (ok) {
        const qsizetype n = scan::digits(number, at);
        ok = n > 0 && (count > 0 || n <= 6);
        groups[size_t(count++)] = QStringView(number).mid(at, n);
        at += n;
        if (!ok || at >= number.size() || number[at] != u':' || count == 3)
            break;
        ++at;
    }
    if (ok && at < number.size() && number[at] == u'.') {
        const qsizetype n = scan::digits(number, at + 1);
        ok = n > 0;
        fraction = QStringView(number).mid(at + 1, n);
        at += 1 + n;
    }
    if (!ok || at != number.size())
        return Failure {tr("\"%1\" is not a time such as 10.37, 1:30.59 or 2:02:57").arg(p.text)};
    QStringView hours, minutes, seconds = groups[0];
    if (count == 3) {
        hours = groups[0];
        minutes = groups[1];
        seconds = groups[2];
    } else if (count == 2) {
        minutes = groups[0];
        seconds = groups[1];
    }
    const bool afterColon = !minutes.isEmpty();
    if ((afterColon && seconds.size() != 2) || (!hours.isEmpty() && minutes.size() != 2))
        return Failure {tr("\"%1\": write two digits after a colon, as in 1:05.3").arg(p.text)};
    if (afterColon && scan::value(seconds) >= 60)
        return Failure {tr("\"%1\": the seconds after a colon must be under 60").arg(p.text)};
    if (!hours.isEmpty() && scan::value(minutes) >= 60)
        return Failure {tr("\"%1\": the minutes between colons must be under 60").arg(p.text)};
    if (fraction.size() > 3)
        return Failure {
            tr("\"%1\": times are read to the thousandth of a second at most").arg(p.text)};
    const qint64 whole
        = (scan::value(hours) * 60 + scan::value(minutes)) * 60 + scan::value(seconds);
    p.decimals = int(fraction.size());
    p.value = whole * 1000 + scan::value(fraction) * powerOfTen(3 - p.decimals);
    if (p.value == 0)
        return Failure {tr("\"%1\": a time of zero is not possible").arg(p.text)};
    p.status = Performance::Status::Mark;
    return p;
}

Parsed<Performance> readDistance(Performance p, const QString &number)
{
    using Kind = EventCatalogue::Kind;
    const qsizetype whole = scan::digits(number);
    const bool point = whole < number.size() && number[whole] == u'.';
    const QStringView fraction = point ? QStringView(number).mid(whole + 1) : QStringView();
    if (whole == 0 || whole > 4 || (point && !scan::allDigits(fraction))
        || (!point && whole != number.size())) {
        return Failure {p.kind == Kind::Vertical
                            ? tr("\"%1\" is not a height such as 1.85").arg(p.text)
                            : tr("\"%1\" is not a distance such as 5.74").arg(p.text)};
    }
    if (fraction.size() > 2)
        return Failure {tr("\"%1\": distances and heights are measured to the centimetre, two "
                           "decimals at most")
                            .arg(p.text)};
    p.decimals = int(fraction.size());
    p.value = scan::value(QStringView(number).left(whole)) * 100
        + scan::value(fraction) * powerOfTen(2 - p.decimals);
    if (p.value == 0)
        return Failure {tr("\"%1\": a mark of zero is not possible").arg(p.text)};
    // Beyond any mark ever made (the pole vault, triple jump and javelin world records, old
    // javelin included, stay well under 7, 20 and 120 m): a mistyped mark, such as
    // centimetres typed as metres.
    if (p.kind == Kind::Vertical && p.value > 700)
        return Failure {tr("\"%1\" m is higher than any jump or vault ever made: check the "
                           "height")
                            .arg(p.text)};
    if (p.kind == Kind::Horizontal && p.value > 2000)
        return Failure {
            tr("\"%1\" m is longer than any jump ever made: check the mark").arg(p.text)};
    if (p.kind == Kind::Throw && p.value > 12000)
        return Failure {
            tr("\"%1\" m is longer than any throw ever made: check the mark").arg(p.text)};
    p.status = Performance::Status::Mark;
    return p;
}

Parsed<Performance> readPoints(Performance p, const QString &number)
{
    const qsizetype whole = scan::digits(number);
    if (whole > 0 && whole + 1 < number.size() && number[whole] == u'.'
        && scan::digits(number, whole + 1) == number.size() - whole - 1)
        return Failure {tr("\"%1\": points are whole numbers").arg(p.text)};
    if (whole == 0 || whole > 6 || whole != number.size())
        return Failure {tr("\"%1\" is not a number of points such as 2003").arg(p.text)};
    p.value = scan::value(number);
    p.status = Performance::Status::Mark;
    return p;
}

} // namespace

Performance::Measure Performance::measureOf(Kind kind)
{
    switch (kind) {
    case Kind::Track:
    case Kind::Relay:
    case Kind::Road:
        return Measure::Time;
    case Kind::Horizontal:
    case Kind::Throw:
    case Kind::Vertical:
        return Measure::Distance;
    case Kind::Combined:
        return Measure::Points;
    case Kind::Unknown:
        break;
    }
    return Measure::None;
}

Parsed<Performance> Performance::parse(Kind kind, QStringView raw)
{
    Performance p;
    p.kind = kind;
    p.text = raw.trimmed().toString();
    if (p.text.isEmpty())
        return p;

    // A word first ("DNS", "dq tr16.8"), and no line break after it.
    qsizetype letters = 0;
    const auto isLetter = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    };
    while (letters < p.text.size() && isLetter(p.text[letters]))
        ++letters;
    if (letters > 0 && !QStringView(p.text).mid(letters).contains(u'\n')) {
        const QString word = p.text.left(letters);
        if (const auto status = statusOf(word))
            return readStatus(p, *status, word, p.text.mid(letters));
    }

    QString number = p.text;
    number.replace(u',', u'.');
    if (number.startsWith(u'-') || number.startsWith(QChar(0x2212))) {
        static const QRegularExpression digits(QStringLiteral("^[-\\x{2212}]\\s*\\d"));
        if (digits.match(number).hasMatch())
            return Failure {tr("\"%1\": a performance cannot be negative").arg(p.text)};
    }
    switch (measureOf(kind)) {
    case Measure::Time:
        return readTime(p, number);
    case Measure::Distance:
        return readDistance(p, number);
    case Measure::Points:
        return readPoints(p, number);
    case Measure::None:
        break;
    }
    return Failure {tr("\"%1\" cannot be read: the event's code is not one Meetdesk knows, so "
                       "it is not known whether this is a time, a distance or points")
                        .arg(p.text)};
}

Parsed<Performance> Performance::parseFor(const QString &eventCode, QStringView text)
{
    Parsed<Performance> p = parse(EventCatalogue::kindOf(eventCode), text);
    if (!p || !p->isMark() || p->measure() != Measure::Time)
        return p;
    const int metres = EventCatalogue::distanceMetres(eventCode);
    if (metres <= 0)
        return p;
    // Over 400 m no one has averaged 10 m/s, nor 11 m/s up to 400 m (the 100 m world record
    // is 10.44 m/s, the 4x100 m relay's 10.86 m/s); under 0.5 m/s is slower than walking.
    const double speed = metres * 1000.0 / double(p->value);
    const double fastest = metres <= 400 ? 11.0 : 10.0;
    if (speed > fastest)
        return Failure {tr("\"%1\" over %2 m would be faster than %3 m/s: check the time")
                            .arg(p->text)
                            .arg(metres)
                            .arg(fastest)};
    if (speed < 0.5)
        return Failure {tr("\"%1\" over %2 m would be slower than 0.5 m/s: check the time")
                            .arg(p->text)
                            .arg(metres)};
    return p;
}

Performance Performance::time(qint64 milliseconds, int decimals, Kind kind)
{
    Performance p;
    p.kind = kind;
    p.status = Status::Mark;
    p.decimals = std::clamp(decimals, 0, 3);
    const qint64 step = powerOfTen(3 - p.decimals);
    p.value = (milliseconds + step - 1) / step * step;
    p.text = p.toString();
    return p;
}

Performance Performance::distance(int centimetres, Kind kind)
{
    Performance p;
    p.kind = kind;
    p.status = Status::Mark;
    p.value = centimetres;
    p.decimals = 2;
    p.text = p.toString();
    return p;
}

Performance Performance::points(int points)
{
    Performance p;
    p.kind = Kind::Combined;
    p.status = Status::Mark;
    p.value = points;
    p.text = p.toString();
    return p;
}

Performance Performance::withStatus(Status status, Kind kind, QString rule)
{
    Performance p;
    p.kind = kind;
    p.status = status;
    p.rule = std::move(rule);
    p.text = p.toString();
    return p;
}

QString Performance::toString() const
{
    if (status != Status::Mark) {
        const QString word = statusWord(status);
        return rule.isEmpty() || word.isEmpty() ? word : word + u' ' + rule;
    }
    switch (measure()) {
    case Measure::Time: {
        const qint64 whole = value / 1000;
        const qint64 hours = whole / 3600;
        const qint64 minutes = whole / 60 % 60;
        const qint64 seconds = whole % 60;
        const QLatin1Char zero('0');
        QString out;
        if (hours > 0)
            out = QStringLiteral("%1:%2:%3")
                      .arg(hours)
                      .arg(minutes, 2, 10, zero)
                      .arg(seconds, 2, 10, zero);
        else if (minutes > 0)
            out = QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, zero);
        else
            out = QString::number(seconds);
        if (decimals > 0) {
            const qint64 fraction = value % 1000 / powerOfTen(3 - decimals);
            out += u'.' + QStringLiteral("%1").arg(fraction, decimals, 10, zero);
        }
        return out;
    }
    case Measure::Distance:
        return QStringLiteral("%1.%2").arg(value / 100).arg(value % 100, 2, 10, QLatin1Char('0'));
    case Measure::Points:
        return QString::number(value);
    case Measure::None:
        break;
    }
    return text;
}

QString Performance::statusWord(Status status)
{
    switch (status) {
    case Status::DNS:
        return QStringLiteral("DNS");
    case Status::DNF:
        return QStringLiteral("DNF");
    case Status::DQ:
        return QStringLiteral("DQ");
    case Status::NM:
        return QStringLiteral("NM");
    case Status::NH:
        return QStringLiteral("NH");
    case Status::Retired:
        return QStringLiteral("r");
    case Status::Empty:
    case Status::Mark:
        break;
    }
    return {};
}

std::optional<Performance::Status> Performance::statusOf(QStringView word)
{
    const QString w = word.trimmed().toString().toUpper();
    if (w == u"DNS")
        return Status::DNS;
    if (w == u"DNF")
        return Status::DNF;
    if (w == u"DQ" || w == u"DSQ")
        return Status::DQ;
    if (w == u"NM")
        return Status::NM;
    if (w == u"NH")
        return Status::NH;
    if (w == u"R")
        return Status::Retired;
    return std::nullopt;
}

int compare(const Performance &a, const Performance &b)
{
    const bool aMark = a.isMark();
    const bool bMark = b.isMark();
    if (aMark != bMark)
        return aMark ? -1 : 1;
    if (!aMark || a.value == b.value)
        return 0;
    const bool lowerIsBetter = a.measure() == Performance::Measure::Time;
    return (a.value < b.value) == lowerIsBetter ? -1 : 1;
}

} // namespace meetdesk
