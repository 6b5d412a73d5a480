#include "describe.h"

#include "competition.h"

#include <QCoreApplication>
#include <QHash>

namespace meetdesk::describe {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::describe", text);
}

QString join(std::initializer_list<QString> parts)
{
    QStringList out;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            out.append(p);
    }
    return out.join(u' ');
}

} // namespace

QString label(const Node &node)
{
    switch (node.kind()) {
    case NodeKind::Competition: {
        const auto &c = static_cast<const Competition &>(node);
        return c.fullName.isEmpty() ? tr("New competition") : c.fullName;
    }
    case NodeKind::Competitor: {
        const auto &x = static_cast<const Competitor &>(node);
        const QString text = join({x.competitorId, x.firstName, x.lastName});
        return text.isEmpty() ? tr("New competitor") : text;
    }
    case NodeKind::EventEntry: {
        const auto &e = static_cast<const EventEntry &>(node);
        const QString text = join({e.eventId, e.eventCode});
        return text.isEmpty() ? tr("New event entry") : text;
    }
    case NodeKind::Team: {
        const auto &t = static_cast<const Team &>(node);
        const QString text = join({t.teamId, t.teamName});
        return text.isEmpty() ? tr("New team") : text;
    }
    case NodeKind::RelayTeam: {
        const auto &r = static_cast<const RelayTeam &>(node);
        const QString text = join({r.relayTeamId, r.name});
        return text.isEmpty() ? tr("New relay team") : text;
    }
    case NodeKind::Event: {
        const auto &e = static_cast<const Event &>(node);
        const QString text = join({e.eventId, e.name.isEmpty() ? e.eventCode : e.name});
        return text.isEmpty() ? tr("New event") : text;
    }
    case NodeKind::Unit: {
        const auto &u = static_cast<const Unit &>(node);
        if (!u.heatName.isEmpty())
            return u.heatName;
        return tr("Round %1, heat %2")
            .arg(u.round ? QString::number(*u.round) : QStringLiteral("?"),
                 u.heat ? QString::number(*u.heat) : QStringLiteral("?"));
    }
    case NodeKind::Result: {
        const auto &r = static_cast<const Result &>(node);
        const QString place = r.place ? QString::number(*r.place) + u'.' : QString();
        const QString text = join({place, r.bib});
        return text.isEmpty() ? tr("New result") : text;
    }
    case NodeKind::Trial: {
        const auto &t = static_cast<const Trial &>(node);
        const QString attempt = t.round ? tr("attempt %1").arg(*t.round) : t.height;
        const QString text = join({t.bib, attempt});
        return text.isEmpty() ? tr("New trial") : text;
    }
    }
    return {};
}

QString details(const Node &node)
{
    switch (node.kind()) {
    case NodeKind::Competition: {
        const auto &c = static_cast<const Competition &>(node);
        return join({c.date.toString(Qt::ISODate), c.country});
    }
    case NodeKind::Competitor: {
        const auto &x = static_cast<const Competitor &>(node);
        return join({x.teamId, x.gender, x.category});
    }
    case NodeKind::EventEntry: {
        const auto &e = static_cast<const EventEntry &>(node);
        return join({e.pb.isEmpty() ? QString() : tr("PB %1").arg(e.pb),
                     e.sb.isEmpty() ? QString() : tr("SB %1").arg(e.sb)});
    }
    case NodeKind::Team:
        return {};
    case NodeKind::RelayTeam: {
        const auto &r = static_cast<const RelayTeam &>(node);
        return r.runners ? r.runners->join(QStringLiteral(", ")) : QString();
    }
    case NodeKind::Event: {
        const auto &e = static_cast<const Event &>(node);
        return join({e.eventCode, e.genders, e.category});
    }
    case NodeKind::Unit:
        return static_cast<const Unit &>(node).status;
    case NodeKind::Result: {
        const auto &r = static_cast<const Result &>(node);
        return join({r.performance, r.wind});
    }
    case NodeKind::Trial: {
        const auto &t = static_cast<const Trial &>(node);
        return join({t.result, t.wind});
    }
    }
    return {};
}

QString kindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Competition:
        return tr("competition");
    case NodeKind::Competitor:
        return tr("competitor");
    case NodeKind::EventEntry:
        return tr("event entry");
    case NodeKind::Team:
        return tr("team");
    case NodeKind::RelayTeam:
        return tr("relay team");
    case NodeKind::Event:
        return tr("event");
    case NodeKind::Unit:
        return tr("heat");
    case NodeKind::Result:
        return tr("result");
    case NodeKind::Trial:
        return tr("trial");
    }
    return {};
}

QString fieldTitle(QLatin1StringView fieldName)
{
    static const QHash<QString, QString> titles {
        {QStringLiteral("competitor_id"), tr("Bib")},
        {QStringLiteral("relay_team_id"), tr("Relay bib")},
        {QStringLiteral("event_id"), tr("Event id")},
        {QStringLiteral("team_id"), tr("Team")},
        {QStringLiteral("ot_athlete_id"), tr("OpenTrack athlete id")},
        {QStringLiteral("date_of_birth"), tr("Date of birth")},
        {QStringLiteral("wa_rankings_category"), tr("WA rankings category")},
        {QStringLiteral("finish_date"), tr("Finish date")},
        {QStringLiteral("date"), tr("Start date")},
        {QStringLiteral("r1_time"), tr("First round time")},
        {QStringLiteral("pb"), tr("PB")},
        {QStringLiteral("sb"), tr("SB")},
        {QStringLiteral("qp"), tr("Qualifying performance")},
        {QStringLiteral("rounds"), tr("Rounds")},
        {QStringLiteral("parent"), tr("Combined event")},
        {QStringLiteral("catpos"), tr("Category place")},
        {QStringLiteral("flag_url"), tr("Flag URL")},
        {QStringLiteral("venue_id"), tr("Venue id")},
    };
    const QString key(fieldName);
    const auto it = titles.constFind(key);
    if (it != titles.constEnd())
        return *it;
    QString title = key;
    title.replace(u'_', u' ');
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

} // namespace meetdesk::describe
