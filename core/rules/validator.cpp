#include "validator.h"

#include "athletics/slug.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::Validator", text);
}

QString at(const char *list, size_t index)
{
    return QLatin1StringView(list) + u'[' + QString::number(index) + u']';
}

QString field(const QString &base, const char *name)
{
    return base.isEmpty() ? QString(QLatin1StringView(name))
                          : base + u'.' + QLatin1StringView(name);
}

class Checker
{
public:
    explicit Checker(const Competition &c)
        : m_c(c)
    { }

    QList<Finding> run();

private:
    void error(const QString &path, const QString &message, const Node *node)
    {
        m_findings.append({Finding::Severity::Error, path, message, node});
    }
    void warning(const QString &path, const QString &message, const Node *node)
    {
        m_findings.append({Finding::Severity::Warning, path, message, node});
    }
    bool required(const QString &value, const QString &path, const Node *node)
    {
        if (!value.trimmed().isEmpty())
            return true;
        error(path, tr("is required"), node);
        return false;
    }
    // Reports a value that an earlier record of the same list already uses.
    void unique(QHash<QString, QString> &seen, const QString &value, const QString &path,
                const Node *node)
    {
        if (value.isEmpty())
            return;
        const auto it = seen.constFind(value);
        if (it != seen.constEnd())
            error(path, tr("\"%1\" is used by %2 too").arg(value, *it), node);
        else
            seen.insert(value, path.section(u'.', 0, -2));
    }

    void competition();
    void competitors();
    void teams();
    void relayTeams();
    void events();
    void results(const NodeList<Result> &list, const QString &base);

    const Competition &m_c;
    QList<Finding> m_findings;
    QSet<QString> m_bibs;
    QSet<QString> m_relayBibs;
    QSet<QString> m_teamIds;
    QSet<QString> m_eventIds;
};

bool isUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(text).hasMatch();
}

void Checker::competition()
{
    const Competition &c = m_c;
    required(c.fullName, QStringLiteral("full_name"), &c);
    if (required(c.slug, QStringLiteral("slug"), &c)) {
        if (const auto why = slug::problem(c.slug))
            error(QStringLiteral("slug"), *why, &c);
    }
    if (required(c.country, QStringLiteral("country"), &c)) {
        static const QRegularExpression re(QStringLiteral("^[A-Z]{3}$"));
        if (!re.match(c.country).hasMatch())
            error(QStringLiteral("country"),
                  tr("\"%1\" is not a three-letter country code such as GBR").arg(c.country), &c);
    }
    if (!c.date.isValid() && !findMember(c.extras, u"date"))
        error(QStringLiteral("date"), tr("is required"), &c);
    if (!c.finishDate.isValid() && !findMember(c.extras, u"finish_date"))
        error(QStringLiteral("finish_date"), tr("is required"), &c);
    if (c.date.isValid() && c.finishDate.isValid() && c.finishDate < c.date)
        error(QStringLiteral("finish_date"),
              tr("%1 is before the start date %2")
                  .arg(c.finishDate.toString(Qt::ISODate), c.date.toString(Qt::ISODate)),
              &c);
    if (!c.organiser.isEmpty() && !isUuid(c.organiser))
        error(QStringLiteral("organiser"), tr("\"%1\" is not a UUID").arg(c.organiser), &c);
}

void Checker::competitors()
{
    QHash<QString, QString> seen;
    for (size_t i = 0; i < m_c.competitors.size(); ++i) {
        const Competitor &x = *m_c.competitors[i];
        const QString base = at("competitors", i);
        if (required(x.competitorId, field(base, "competitor_id"), &x))
            unique(seen, x.competitorId, field(base, "competitor_id"), &x);
        if (!x.gender.isEmpty() && x.gender != u"M" && x.gender != u"F" && x.gender != u"X")
            error(field(base, "gender"), tr("\"%1\" is not M, F or X").arg(x.gender), &x);
        if (!x.otAthleteId.isEmpty() && !isUuid(x.otAthleteId))
            error(field(base, "ot_athlete_id"), tr("\"%1\" is not a UUID").arg(x.otAthleteId), &x);
        if (!x.teamId.isEmpty() && !m_teamIds.isEmpty() && !m_teamIds.contains(x.teamId))
            warning(field(base, "team_id"), tr("no team has the id \"%1\"").arg(x.teamId), &x);
        for (size_t j = 0; j < x.eventsEntered.size(); ++j) {
            const EventEntry &entry = *x.eventsEntered[j];
            const QString path = field(base + u'.' + at("events_entered", j), "event_id");
            if (!entry.eventId.isEmpty() && !m_eventIds.contains(entry.eventId))
                warning(path, tr("no event has the id \"%1\"").arg(entry.eventId), &entry);
        }
    }
}

void Checker::teams()
{
    QHash<QString, QString> seen;
    for (size_t i = 0; i < m_c.teams.size(); ++i) {
        const Team &t = *m_c.teams[i];
        const QString path = field(at("teams", i), "team_id");
        if (required(t.teamId, path, &t))
            unique(seen, t.teamId, path, &t);
    }
}

void Checker::relayTeams()
{
    QHash<QString, QString> seen;
    for (size_t i = 0; i < m_c.relayTeams.size(); ++i) {
        const RelayTeam &r = *m_c.relayTeams[i];
        const QString base = at("relay_teams", i);
        if (required(r.relayTeamId, field(base, "relay_team_id"), &r)) {
            unique(seen, r.relayTeamId, field(base, "relay_team_id"), &r);
            if (m_bibs.contains(r.relayTeamId))
                error(field(base, "relay_team_id"),
                      tr("\"%1\" is also a competitor's bib, so results cannot tell them apart")
                          .arg(r.relayTeamId),
                      &r);
        }
        if (required(r.eventId, field(base, "event_id"), &r) && !m_eventIds.contains(r.eventId))
            error(field(base, "event_id"), tr("no event has the id \"%1\"").arg(r.eventId), &r);
        if (!r.teamId.isEmpty() && !m_teamIds.contains(r.teamId))
            warning(field(base, "team_id"), tr("no team has the id \"%1\"").arg(r.teamId), &r);
        if (r.runners) {
            for (const QString &bib : *r.runners) {
                if (!m_bibs.contains(bib))
                    warning(field(base, "runners"), tr("no competitor has the bib \"%1\"").arg(bib),
                            &r);
            }
        }
    }
}

void Checker::results(const NodeList<Result> &list, const QString &base)
{
    for (size_t k = 0; k < list.size(); ++k) {
        const Result &r = *list[k];
        const QString path = base + u'.' + at("results", k);
        if (required(r.bib, field(path, "bib"), &r) && !m_bibs.contains(r.bib)
            && !m_relayBibs.contains(r.bib))
            warning(field(path, "bib"),
                    tr("no competitor or relay team has the bib \"%1\"").arg(r.bib), &r);
        if (r.place && *r.place < 1)
            error(field(path, "place"), tr("%1 is not a place (1 or more)").arg(*r.place), &r);
    }
}

void Checker::events()
{
    QHash<QString, QString> seenIds;
    QHash<QString, QString> seenCodes;
    static const QRegularExpression roundsPattern(QStringLiteral("^\\d+(,\\d+)*$"));
    for (size_t i = 0; i < m_c.events.size(); ++i) {
        const Event &e = *m_c.events[i];
        const QString base = at("events", i);
        if (required(e.eventId, field(base, "event_id"), &e))
            unique(seenIds, e.eventId, field(base, "event_id"), &e);
        if (required(e.eventCode, field(base, "event_code"), &e)) {
            const QString key = e.eventCode + u'/' + e.category;
            const auto it = seenCodes.constFind(key);
            if (it != seenCodes.constEnd())
                error(field(base, "event_code"),
                      tr("%1 for category \"%2\" is already %3").arg(e.eventCode, e.category, *it),
                      &e);
            else
                seenCodes.insert(key, base);
        }
        if (!e.genders.isEmpty() && e.genders != u"M" && e.genders != u"F" && e.genders != u"MF")
            error(field(base, "genders"), tr("\"%1\" is not M, F or MF").arg(e.genders), &e);
        if (!e.rounds.isEmpty() && !roundsPattern.match(e.rounds).hasMatch())
            error(field(base, "rounds"),
                  tr("\"%1\" is not heats per round such as \"8,3,1\"").arg(e.rounds), &e);
        if (!e.parentEvent.isEmpty() && !m_eventIds.contains(e.parentEvent))
            error(field(base, "parent"), tr("no event has the id \"%1\"").arg(e.parentEvent), &e);
        results(e.results, base);

        QHash<QString, QString> seenUnits;
        for (size_t j = 0; j < e.units.size(); ++j) {
            const Unit &u = *e.units[j];
            const QString unitBase = base + u'.' + at("units", j);
            if (!u.round && !findMember(u.extras, u"round"))
                error(field(unitBase, "round"), tr("is required"), &u);
            if (!u.heat && !findMember(u.extras, u"heat"))
                error(field(unitBase, "heat"), tr("is required"), &u);
            if (u.round && u.heat) {
                const QString key = QString::number(*u.round) + u'/' + QString::number(*u.heat);
                const auto it = seenUnits.constFind(key);
                if (it != seenUnits.constEnd())
                    error(unitBase,
                          tr("round %1 heat %2 is already %3").arg(*u.round).arg(*u.heat).arg(*it),
                          &u);
                else
                    seenUnits.insert(key, unitBase);
            }
            if (!u.resultsStatus.isEmpty() && u.resultsStatus != u"provisional"
                && u.resultsStatus != u"official")
                warning(field(unitBase, "results_status"),
                        tr("\"%1\" is neither provisional nor official").arg(u.resultsStatus), &u);
            results(u.results, unitBase);
            for (size_t k = 0; k < u.trials.size(); ++k) {
                const Trial &t = *u.trials[k];
                const QString path = field(unitBase + u'.' + at("trials", k), "bib");
                if (required(t.bib, path, &t) && !m_bibs.contains(t.bib))
                    warning(path, tr("no competitor has the bib \"%1\"").arg(t.bib), &t);
            }
        }
    }
}

QList<Finding> Checker::run()
{
    for (const auto &x : m_c.competitors)
        m_bibs.insert(x->competitorId);
    for (const auto &r : m_c.relayTeams)
        m_relayBibs.insert(r->relayTeamId);
    for (const auto &t : m_c.teams)
        m_teamIds.insert(t->teamId);
    for (const auto &e : m_c.events)
        m_eventIds.insert(e->eventId);
    competition();
    competitors();
    teams();
    relayTeams();
    events();
    return std::move(m_findings);
}

} // namespace

QList<Finding> Validator::validate(const Competition &competition)
{
    return Checker(competition).run();
}

} // namespace meetdesk
