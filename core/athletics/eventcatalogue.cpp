#include "eventcatalogue.h"

#include "scan.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

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

namespace {

// The code as the catalogue reads it: trimmed, in capitals. Codes usually come that way, and
// then nothing is copied (the checks ask for every result's event).
QString normalized(const QString &code)
{
    const bool clean = !code.isEmpty() && !code.front().isSpace() && !code.back().isSpace()
        && std::none_of(code.begin(), code.end(), [](QChar c) { return c.isLower(); });
    return clean ? code : code.trimmed().toUpper();
}

bool is(QStringView code, const char *word)
{
    return code == QLatin1StringView(word);
}

bool startsWith(QStringView code, const char *word)
{
    return code.startsWith(QLatin1StringView(word));
}

} // namespace

EventCatalogue::Kind EventCatalogue::kindOf(const QString &rawCode)
{
    // Asked for every result and trial of a competition, mostly with the same code as last
    // time: remember the last answer.
    thread_local QString lastCode;
    thread_local Kind lastKind = Kind::Unknown;
    if (rawCode == lastCode && !rawCode.isNull())
        return lastKind;
    lastKind = kindOfCode(normalized(rawCode));
    lastCode = rawCode;
    return lastKind;
}

EventCatalogue::Kind EventCatalogue::kindOfCode(const QString &code)
{
    if (code.isEmpty())
        return Kind::Unknown;
    const qsizetype lead = scan::digits(code); // "4x100", "100H", "3000SC"
    if ((lead > 0 && lead < code.size() && code[lead] == u'X' && scan::digits(code, lead + 1) > 0)
        || is(code, "SMR") || is(code, "DMR"))
        return Kind::Relay;
    const QStringView two = QStringView(code).left(2);
    if (is(two, "LJ") || is(two, "TJ") || is(code, "SLJ"))
        return Kind::Horizontal;
    if (is(two, "HJ") || is(two, "PV"))
        return Kind::Vertical;
    if (is(two, "SP") || is(two, "DT") || is(two, "HT") || is(two, "JT") || is(two, "WT")
        || startsWith(code, "OT"))
        return Kind::Throw;
    if (is(code, "DEC") || is(code, "TRI") || is(code, "OCT") || startsWith(code, "PEN")
        || startsWith(code, "HEP"))
        return Kind::Combined;
    if (is(code, "HM") || is(code, "MAR") || is(code, "XC") || code.endsWith(u'K'))
        return Kind::Road;
    const QStringView suffix = QStringView(code).mid(lead);
    if ((lead > 0 && (suffix.isEmpty() || is(suffix, "H") || is(suffix, "SC") || is(suffix, "W")))
        || is(code, "MILE"))
        return Kind::Track;
    return Kind::Unknown;
}

int EventCatalogue::distanceMetres(const QString &rawCode)
{
    const QString code = normalized(rawCode);
    switch (kindOfCode(code)) {
    case Kind::Track: {
        if (is(code, "MILE"))
            return 1609;
        return QStringView(code).left(scan::digits(code)).toInt();
    }
    case Kind::Relay: {
        // "4X100", "4X110H"; medleys say nothing of their distance here
        const qsizetype legs = scan::digits(code);
        if (legs == 0 || legs >= code.size() || code[legs] != u'X')
            return 0;
        const qsizetype leg = scan::digits(code, legs + 1);
        const QStringView rest = QStringView(code).mid(legs + 1 + leg);
        if (leg == 0 || !(rest.isEmpty() || is(rest, "H")))
            return 0;
        return QStringView(code).left(legs).toInt() * QStringView(code).mid(legs + 1, leg).toInt();
    }
    case Kind::Road:
        if (is(code, "HM"))
            return 21097;
        if (is(code, "MAR"))
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
