#include "lynxconversion.h"

#include <QStringList>

#include <cmath>

namespace meetdesk::lynx {

namespace {

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QString performance(QStringView time)
{
    const QString text = time.trimmed().toString().replace(u',', u'.');
    const QStringList parts = text.split(u':');
    if (parts.size() > 3)
        return {};
    // Whole seconds from the hours and minutes, then the seconds part with its fraction.
    qint64 seconds = 0;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (!allDigits(parts[i]) || (i > 0 && (parts[i].size() != 2 || parts[i].toInt() >= 60)))
            return {};
        seconds = seconds * 60 + parts[i].toLongLong();
    }
    const QString &last = parts.last();
    const qsizetype dot = last.indexOf(u'.');
    const QString whole = dot < 0 ? last : last.left(dot);
    const QString fraction = dot < 0 ? QString() : last.mid(dot + 1);
    if (!allDigits(whole) || (!fraction.isEmpty() && !allDigits(fraction))
        || (parts.size() > 1 && (whole.size() != 2 || whole.toInt() >= 60)) || whole.size() > 9)
        return {};
    seconds = seconds * 60 + whole.toLongLong();
    qint64 hundredths = seconds * 100 + fraction.left(2).leftJustified(2, u'0').toLongLong();
    if (fraction.size() > 2 && fraction.mid(2).count(u'0') != fraction.size() - 2)
        ++hundredths; // any thousandth rounds up
    const qint64 cs = hundredths % 100;
    const qint64 s = hundredths / 100;
    const QString sub = u'.' + QString::number(cs).rightJustified(2, u'0');
    if (s < 60)
        return QString::number(s) + sub;
    const QString ss = QString::number(s % 60).rightJustified(2, u'0');
    if (s < 3600)
        return QString::number(s / 60) + u':' + ss + sub;
    return QString::number(s / 3600) + u':' + QString::number(s / 60 % 60).rightJustified(2, u'0')
        + u':' + ss + sub;
}

QString wind(QStringView reading)
{
    QString text = reading.trimmed().toString().replace(u',', u'.');
    if (text.endsWith(QStringLiteral("m/s")))
        text.chop(3);
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || std::abs(value) >= 100)
        return {};
    // Tenths, rounded towards the positive; the epsilon keeps "1.2" (1.19999...) at 1.2.
    const auto tenths = qint64(std::ceil(value * 10 - 1e-9));
    if (tenths == 0)
        return QStringLiteral("0.0");
    const qint64 a = std::abs(tenths);
    return (tenths > 0 ? u'+' : u'-') + QString::number(a / 10) + u'.' + QString::number(a % 10);
}

} // namespace meetdesk::lynx
