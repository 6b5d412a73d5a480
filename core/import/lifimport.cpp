#include "lifimport.h"

#include "athletics/performance.h"
#include "format/lynxnumbering.h"
#include "format/textencoding.h"
#include "lynxconversion.h"
#include "model/bibindex.h"

#include <QCoreApplication>
#include <QHash>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::LifImport", text);
}

// Names compared as they travel through FinishLynx: Windows-1252, case and spacing aside.
QString comparable(const QString &name)
{
    return TextEncoding::foldToWindows1252(name.simplified()).toCaseFolded();
}

std::optional<int> positiveNumber(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok && n > 0 ? std::optional<int>(n) : std::nullopt;
}

// A status word a race can end in (DNS, DNF, DQ, also spelt DSQ) in the place or time field,
// as OpenTrack writes it; empty if none.
QString statusWord(const QString &text)
{
    using Status = Performance::Status;
    const std::optional<Status> status = Performance::statusOf(text);
    if (status != Status::DNS && status != Status::DNF && status != Status::DQ)
        return {};
    return Performance::statusWord(*status);
}

} // namespace

LifPlan LifImport::plan(const LifFile &file, const Competition &competition)
{
    LifPlan plan;
    plan.source = file.source;
    plan.lynxEvent = file.event;
    plan.round = file.round;
    plan.heat = file.heat;
    plan.wind = lynx::wind(file.wind);
    if (plan.wind.isEmpty() && !file.wind.isEmpty()
        && file.wind.compare(u"NWI", Qt::CaseInsensitive))
        plan.notes.append(tr("the wind \"%1\" cannot be read; no wind is set").arg(file.wind));

    const LynxNumbering numbering(competition);
    plan.event = numbering.event(file.event);
    QString heatProblem;
    if (!plan.event) {
        heatProblem = tr("no event of the meet has FinishLynx number %1").arg(file.event);
    } else {
        const QString expected = LynxNumbering::eventName(*plan.event);
        if (!file.eventName.isEmpty()
            && !comparable(expected).startsWith(comparable(file.eventName))) {
            heatProblem = tr("the file is for \"%1\", but FinishLynx event %2 is \"%3\" (have "
                             "the meet's events changed since lynx.evt was written?)")
                              .arg(file.eventName)
                              .arg(file.event)
                              .arg(expected);
        } else {
            for (const auto &unit : plan.event->units) {
                if (unit->round == file.round && unit->heat == file.heat)
                    plan.unit = unit.get();
            }
            if (!plan.unit)
                heatProblem = tr("%1 has no round %2, heat %3")
                                  .arg(expected)
                                  .arg(file.round)
                                  .arg(file.heat);
        }
    }

    const BibIndex bibs(competition);
    QHash<QString, const Result *> inHeat;
    if (plan.unit) {
        for (const auto &r : plan.unit->results)
            inHeat.insert(r->bib, r.get());
    }
    QHash<QString, int> seen; // bib -> line

    for (const LifFile::Row &in : file.rows) {
        LifPlan::Row row;
        row.line = in.line;
        row.bib = in.id;
        row.lane = positiveNumber(in.lane);
        row.wind = plan.wind;
        row.existing = inHeat.value(in.id);

        QString reason = heatProblem;
        const QString status
            = statusWord(in.place).isEmpty() ? statusWord(in.time) : statusWord(in.place);
        if (!status.isEmpty()) {
            row.performance = status;
        } else {
            row.place = positiveNumber(in.place);
            row.performance = lynx::performance(in.time);
            if (reason.isEmpty() && !row.place)
                reason = in.place.isEmpty()
                    ? tr("no place")
                    : tr("the place \"%1\" is neither a number nor DNS, DNF or DQ").arg(in.place);
            if (row.performance.isEmpty()) {
                if (reason.isEmpty())
                    reason = in.time.isEmpty() ? tr("no time")
                                               : tr("the time \"%1\" cannot be read").arg(in.time);
                row.performance = in.time;
            }
        }

        if (reason.isEmpty()) {
            const Competitor *competitor = bibs.competitors.value(in.id);
            const RelayTeam *relay = bibs.relayTeams.value(in.id);
            if (in.id.isEmpty()) {
                reason = tr("no bib");
            } else if (seen.contains(in.id)) {
                reason = tr("bib %1 is in the file twice (line %2)").arg(in.id).arg(seen[in.id]);
            } else if (!competitor && !relay) {
                reason = tr("bib %1 is not in the meet").arg(in.id);
            } else if (!inHeat.isEmpty() && !row.existing) {
                reason = tr("bib %1 is not in this heat's start list").arg(in.id);
            } else if (inHeat.isEmpty() && competitor) {
                bool entered = false;
                for (const auto &e : competitor->eventsEntered)
                    entered = entered || e->eventId == plan.event->eventId;
                if (!entered)
                    reason = tr("bib %1 is not entered in %2")
                                 .arg(in.id, LynxNumbering::eventName(*plan.event));
            } else if (inHeat.isEmpty() && relay && relay->eventId != plan.event->eventId) {
                reason = tr("relay team %1 does not run in %2")
                             .arg(in.id, LynxNumbering::eventName(*plan.event));
            }
            if (reason.isEmpty()) {
                const QString last = competitor ? competitor->lastName : relay->name;
                const QString first = competitor ? competitor->firstName : QString();
                const bool lastDiffers
                    = !in.lastName.isEmpty() && comparable(in.lastName) != comparable(last);
                const bool firstDiffers
                    = !in.firstName.isEmpty() && comparable(in.firstName) != comparable(first);
                if (lastDiffers || firstDiffers)
                    reason = tr("the file names bib %1 \"%2\", the meet \"%3\"")
                                 .arg(in.id,
                                      QStringList {in.firstName, in.lastName}.join(u' ').trimmed(),
                                      QStringList {first, last}.join(u' ').trimmed());
            }
        }
        if (!in.id.isEmpty() && !seen.contains(in.id))
            seen.insert(in.id, in.line);
        if (reason.isEmpty())
            plan.rows.append(row);
        else
            plan.held.append({row, reason});
    }
    return plan;
}

} // namespace meetdesk
