#include "eventcatalogue.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::EventCatalogue", text);
}

const QHash<QString, QString> &names()
{
    static const QHash<QString, QString> map {
        {QStringLiteral("LJ"), tr("Long Jump")},     {QStringLiteral("TJ"), tr("Triple Jump")},
        {QStringLiteral("HJ"), tr("High Jump")},     {QStringLiteral("PV"), tr("Pole Vault")},
        {QStringLiteral("SP"), tr("Shot Put")},      {QStringLiteral("DT"), tr("Discus Throw")},
        {QStringLiteral("HT"), tr("Hammer Throw")},  {QStringLiteral("JT"), tr("Javelin Throw")},
        {QStringLiteral("WT"), tr("Weight Throw")},  {QStringLiteral("TRI"), tr("Triathlon")},
        {QStringLiteral("PEN"), tr("Pentathlon")},   {QStringLiteral("HEP"), tr("Heptathlon")},
        {QStringLiteral("DEC"), tr("Decathlon")},    {QStringLiteral("OCT"), tr("Octathlon")},
        {QStringLiteral("XC"), tr("Cross Country")}, {QStringLiteral("MILE"), tr("Mile")},
        {QStringLiteral("HM"), tr("Half Marathon")}, {QStringLiteral("MAR"), tr("Marathon")},
    };
    return map;
}

} // namespace

EventCatalogue::Kind EventCatalogue::kindOf(const QString &rawCode)
{
    const QString code = rawCode.trimmed().toUpper();
    if (code.isEmpty())
        return Kind::Unknown;
    static const QRegularExpression relay(QStringLiteral("^\\d+X\\d+"));
    if (relay.match(code).hasMatch() || code == u"SMR" || code == u"DMR")
        return Kind::Relay;
    const QString two = code.left(2);
    if (two == u"LJ" || two == u"TJ" || code == u"SLJ")
        return Kind::Horizontal;
    if (two == u"HJ" || two == u"PV")
        return Kind::Vertical;
    if (two == u"SP" || two == u"DT" || two == u"HT" || two == u"JT" || two == u"WT"
        || code.startsWith(u"OT"))
        return Kind::Throw;
    if (code == u"PEN" || code == u"HEP" || code == u"DEC" || code == u"TRI" || code == u"OCT"
        || code.startsWith(u"PEN") || code.startsWith(u"HEP"))
        return Kind::Combined;
    if (code == u"HM" || code == u"MAR" || code == u"XC" || code.endsWith(u'K'))
        return Kind::Road;
    static const QRegularExpression track(QStringLiteral("^\\d+(H|SC|W)?$"));
    if (track.match(code).hasMatch() || code == u"MILE")
        return Kind::Track;
    return Kind::Unknown;
}

int EventCatalogue::distanceMetres(const QString &rawCode)
{
    const QString code = rawCode.trimmed().toUpper();
    switch (kindOf(code)) {
    case Kind::Track: {
        if (code == u"MILE")
            return 1609;
        static const QRegularExpression digits(QStringLiteral("^(\\d+)"));
        return digits.match(code).captured(1).toInt();
    }
    case Kind::Relay: {
        static const QRegularExpression legs(QStringLiteral("^(\\d+)X(\\d+)(H)?$"));
        const auto m = legs.match(code);
        return m.hasMatch() ? m.captured(1).toInt() * m.captured(2).toInt() : 0;
    }
    case Kind::Road:
        if (code == u"HM")
            return 21097;
        if (code == u"MAR")
            return 42195;
        if (code.endsWith(u'K')) {
            bool ok = false;
            const double km = code.chopped(1).toDouble(&ok);
            return ok ? int(km * 1000) : 0;
        }
        return 0;
    default:
        return 0;
    }
}

bool EventCatalogue::isHurdles(const QString &code)
{
    const QString upper = code.trimmed().toUpper();
    return kindOf(upper) == Kind::Track && upper.endsWith(u'H');
}

const QStringList &EventCatalogue::standardCodes()
{
    static const QStringList codes {
        QStringLiteral("60"),     QStringLiteral("75"),     QStringLiteral("100"),
        QStringLiteral("150"),    QStringLiteral("200"),    QStringLiteral("300"),
        QStringLiteral("400"),    QStringLiteral("600"),    QStringLiteral("800"),
        QStringLiteral("1000"),   QStringLiteral("1500"),   QStringLiteral("MILE"),
        QStringLiteral("3000"),   QStringLiteral("5000"),   QStringLiteral("10000"),
        QStringLiteral("60H"),    QStringLiteral("75H"),    QStringLiteral("80H"),
        QStringLiteral("100H"),   QStringLiteral("110H"),   QStringLiteral("300H"),
        QStringLiteral("400H"),   QStringLiteral("1500SC"), QStringLiteral("2000SC"),
        QStringLiteral("3000SC"), QStringLiteral("4x100"),  QStringLiteral("4x200"),
        QStringLiteral("4x300"),  QStringLiteral("4x400"),  QStringLiteral("HJ"),
        QStringLiteral("PV"),     QStringLiteral("LJ"),     QStringLiteral("TJ"),
        QStringLiteral("SP"),     QStringLiteral("DT"),     QStringLiteral("HT"),
        QStringLiteral("JT"),     QStringLiteral("WT"),     QStringLiteral("TRI"),
        QStringLiteral("PEN"),    QStringLiteral("HEP"),    QStringLiteral("DEC"),
        QStringLiteral("5K"),     QStringLiteral("10K"),    QStringLiteral("HM"),
        QStringLiteral("MAR"),    QStringLiteral("XC"),
    };
    return codes;
}

QString EventCatalogue::displayName(const QString &rawCode)
{
    const QString code = rawCode.trimmed();
    const QString upper = code.toUpper();
    if (const auto it = names().constFind(upper); it != names().constEnd())
        return *it;
    switch (kindOf(code)) {
    case Kind::Relay:
        return tr("%1m Relay").arg(code.toLower());
    case Kind::Track: {
        QString digits = upper;
        if (upper.endsWith(u"SC"))
            return tr("%1m Steeplechase").arg(digits.chopped(2));
        if (upper.endsWith(u'H'))
            return tr("%1m Hurdles").arg(digits.chopped(1));
        return tr("%1m").arg(digits);
    }
    case Kind::Road:
        if (upper.endsWith(u'K'))
            return tr("%1 km").arg(upper.chopped(1));
        return {};
    default:
        return {};
    }
}

QString EventCatalogue::suggestedName(const QString &code, const QString &genders,
                                      const QString &category)
{
    const QString base = displayName(code);
    if (base.isEmpty())
        return {};
    const QString who = genders == u"M" ? tr("Men")
        : genders == u"F"               ? tr("Women")
        : genders == u"MF"              ? tr("Mixed")
                                        : QString();
    QStringList parts {base};
    if (!who.isEmpty())
        parts.append(who);
    if (!category.isEmpty() && category != u"SEN" && category != u"SM" && category != u"SW")
        parts.append(category);
    return parts.join(u' ');
}

} // namespace meetdesk
