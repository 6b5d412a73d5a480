#include "lynxwriter.h"

#include "csv.h"
#include "documentfile.h"
#include "lynxnumbering.h"
#include "model/bibindex.h"
#include "textencoding.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::LynxWriter", text);
}

QByteArray encode(const QStringList &lines)
{
    QByteArray bytes;
    for (const QString &line : lines) {
        bytes += TextEncoding::toWindows1252(line);
        bytes += "\r\n";
    }
    return bytes;
}

QString csvLine(const QStringList &fields)
{
    return Csv::line(fields, u',');
}

QString optionalNumber(const std::optional<int> &n)
{
    return n ? QString::number(*n) : QString();
}

struct Heat
{
    const Event *event;
    const Unit *unit;
    int number;
};

// Every heat of every timed event, in the competition's order.
QList<Heat> heats(const Competition &competition, const LynxNumbering &numbering)
{
    QList<Heat> list;
    for (const auto &event : competition.events) {
        if (!LynxNumbering::isTimed(*event))
            continue;
        for (const auto &unit : event->units) {
            if (unit->round && unit->heat)
                list.append({event.get(), unit.get(), numbering.number(*event)});
        }
    }
    return list;
}

} // namespace

QByteArray LynxWriter::eventsFile(const Competition &competition)
{
    const BibIndex bibs(competition);
    const LynxNumbering numbering(competition);
    QStringList lines;
    for (const Heat &heat : heats(competition, numbering)) {
        lines.append(
            csvLine({QString::number(heat.number), QString::number(*heat.unit->round),
                     QString::number(*heat.unit->heat), LynxNumbering::eventName(*heat.event)}));
        QList<const Result *> entrants;
        for (const auto &r : heat.unit->results)
            entrants.append(r.get());
        std::stable_sort(entrants.begin(), entrants.end(), [](const Result *a, const Result *b) {
            return a->lane.value_or(INT_MAX) < b->lane.value_or(INT_MAX);
        });
        for (const Result *r : std::as_const(entrants)) {
            QStringList fields {QString(), r->bib, optionalNumber(r->lane)};
            if (const Competitor *c = bibs.competitors.value(r->bib))
                fields << c->lastName << c->firstName << c->teamId;
            else if (const RelayTeam *t = bibs.relayTeams.value(r->bib))
                fields << t->name << QString() << t->teamId;
            lines.append(csvLine(fields));
        }
    }
    return encode(lines);
}

QByteArray LynxWriter::peopleFile(const Competition &competition)
{
    QStringList lines;
    for (const auto &c : competition.competitors)
        lines.append(csvLine({c->competitorId, c->lastName, c->firstName, c->teamId}));
    return encode(lines);
}

QByteArray LynxWriter::scheduleFile(const Competition &competition)
{
    const LynxNumbering numbering(competition);
    QList<Heat> list = heats(competition, numbering);
    // By day, then start time (the heat's, else the event's first-round time), then number.
    auto key = [](const Heat &h) {
        QString time = h.unit->scheduledStartTime;
        if (time.isEmpty() && h.unit->round == 1)
            time = h.event->r1Time;
        return std::make_tuple(h.unit->day.value_or(h.event->day.value_or(1)),
                               time.isEmpty() ? QStringLiteral("99:99") : time, h.number,
                               *h.unit->round, *h.unit->heat);
    };
    std::stable_sort(list.begin(), list.end(),
                     [&](const Heat &a, const Heat &b) { return key(a) < key(b); });
    QStringList lines;
    for (const Heat &h : std::as_const(list))
        lines.append(csvLine({QString::number(h.number), QString::number(*h.unit->round),
                              QString::number(*h.unit->heat)}));
    return encode(lines);
}

LynxWriter::Written LynxWriter::writeFolder(const Competition &competition, const QString &folder)
{
    Written written;
    if (!QDir().mkpath(folder)) {
        written.error = tr("%1: cannot make the folder").arg(folder);
        return written;
    }
    const QDir dir(folder);
    const std::pair<const char *, QByteArray> files[] = {
        {"lynx.evt", eventsFile(competition)},
        {"lynx.ppl", peopleFile(competition)},
        {"lynx.sch", scheduleFile(competition)},
    };
    for (const auto &[name, bytes] : files) {
        const QString path = dir.filePath(QLatin1StringView(name));
        QString error;
        if (!DocumentFile::writeFile(path, bytes, &error)) {
            written.error = tr("%1: cannot write: %2").arg(path, error);
            return written;
        }
        written.paths.append(path);
    }
    return written;
}

} // namespace meetdesk
