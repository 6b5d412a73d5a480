#include "wind.h"

#include "scan.h"

#include "eventcatalogue.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdlib>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::Wind", text);
}

// The smallest whole number of tenths at or above numerator / denominator (towards +).
qint64 ceilDiv(qint64 numerator, qint64 denominator)
{
    const qint64 q = numerator / denominator;
    return q * denominator < numerator ? q + 1 : q;
}

} // namespace

Parsed<int> Wind::parse(QStringView raw)
{
    QString text = raw.trimmed().toString();
    if (text.contains(u'/')) { // "+1.2 m/s"
        static const QRegularExpression unit(QStringLiteral("\\s*m\\s*/\\s*s$"),
                                             QRegularExpression::CaseInsensitiveOption);
        text.remove(unit);
    }
    text.replace(QChar(0x2212), u'-');
    text.replace(u',', u'.');
    // A sign, spaces, one to three digits, and up to three after a point.
    qsizetype at = 0;
    const bool negative = text.startsWith(u'-');
    if (negative || text.startsWith(u'+'))
        ++at;
    while (at < text.size() && text[at].isSpace())
        ++at;
    const QStringView whole = QStringView(text).mid(at, scan::digits(text, at));
    at += whole.size();
    QStringView fraction;
    if (at < text.size() && text[at] == u'.') {
        fraction = QStringView(text).mid(at + 1, scan::digits(text, at + 1));
        at += 1 + fraction.size();
        if (fraction.isEmpty())
            at = -1;
    }
    if (whole.isEmpty() || whole.size() > 3 || fraction.size() > 3 || at != text.size())
        return Failure {tr("\"%1\" is not a wind reading such as +1.2 or -0.4").arg(raw.trimmed())};
    qint64 scale = 1;
    for (qsizetype i = 0; i < fraction.size(); ++i)
        scale *= 10;
    // thousandths (or finer) of the reading, then up to the next tenth
    qint64 reading = whole.toLongLong() * scale + fraction.toLongLong();
    if (negative)
        reading = -reading;
    const qint64 tenths = scale >= 10 ? ceilDiv(reading, scale / 10) : reading * 10;
    if (tenths > 200 || tenths < -200)
        return Failure {tr("\"%1\" m/s is beyond any wind a competition is held in: check the "
                           "reading")
                            .arg(raw.trimmed())};
    return int(tenths);
}

QString Wind::toString(int tenths)
{
    const QString digits
        = QStringLiteral("%1.%2").arg(std::abs(tenths) / 10).arg(std::abs(tenths) % 10);
    if (tenths > 0)
        return u'+' + digits;
    if (tenths < 0)
        return u'-' + digits;
    return digits;
}

Wind::Entry Wind::entryOf(const QString &eventCode)
{
    const QString code = eventCode.trimmed().toUpper();
    switch (EventCatalogue::kindOf(code)) {
    case EventCatalogue::Kind::Horizontal:
        return code.startsWith(u"LJ") || code.startsWith(u"TJ") ? Entry::PerAttempt : Entry::None;
    case EventCatalogue::Kind::Track: {
        const int metres = EventCatalogue::distanceMetres(code);
        const bool hurdles = EventCatalogue::isHurdles(code);
        if (code.endsWith(u"SC") || code.endsWith(u'W'))
            return Entry::None;
        if ((hurdles && metres >= 60 && metres <= 110)
            || (!hurdles && metres >= 60 && metres <= 200))
            return Entry::PerHeat;
        return Entry::None;
    }
    default:
        return Entry::None;
    }
}

int Wind::combinedAverage(const QList<int> &tenths)
{
    if (tenths.isEmpty())
        return 0;
    qint64 sum = 0;
    for (const int t : tenths)
        sum += t;
    return int(ceilDiv(sum, tenths.size()));
}

bool Wind::isCombinedAssisted(const QList<int> &tenths)
{
    return !tenths.isEmpty() && isAssisted(combinedAverage(tenths));
}

} // namespace meetdesk
