#include "wind.h"

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
    static const QRegularExpression unit(QStringLiteral("\\s*m\\s*/\\s*s$"),
                                         QRegularExpression::CaseInsensitiveOption);
    text.remove(unit);
    text.replace(QChar(0x2212), u'-');
    text.replace(u',', u'.');
    static const QRegularExpression re(QStringLiteral("^([+-]?)\\s*(\\d{1,3})(?:\\.(\\d{1,3}))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return Failure {tr("\"%1\" is not a wind reading such as +1.2 or -0.4").arg(raw.trimmed())};
    const QString fraction = m.captured(3);
    qint64 scale = 1;
    for (qsizetype i = 0; i < fraction.size(); ++i)
        scale *= 10;
    // thousandths (or finer) of the reading, then up to the next tenth
    qint64 reading = m.captured(2).toLongLong() * scale + fraction.toLongLong();
    if (m.captured(1) == u"-")
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
