#pragma once

// Fixtures for the tests, found through compile-time paths (never the working directory).

#include "edit/documenteditor.h"
#include "format/opentrackreader.h"
#include "format/table.h"
#include "model/document.h"

#include <QFile>

#include <algorithm>

namespace meetdesk::testdata {

inline QString fixturePath(const QString &name)
{
    return QStringLiteral(MEETDESK_TEST_DATA) + u'/' + name;
}

inline QByteArray fixture(const QString &name)
{
    QFile f(fixturePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

inline QString samplePath()
{
    return QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json");
}

// A document over the bundled sample meet (or another file), as freshly opened.
inline std::unique_ptr<Document> loadDocument(const QString &path = samplePath())
{
    ReadResult r = OpenTrackReader::readFile(path);
    if (!r.ok())
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(r.error));
    return std::make_unique<Document>(std::move(r.competition));
}

// A meet with one 100 m (event T05, rounds "3,1", 8 lanes) and the given number of men entered
// in it with season's and personal bests, from six clubs. The athlete ranked k (from 0) by SB
// has bib 201 + (k * 7) % athletes and SB 10.50 + 0.05 k, so the file does not list them in
// ranking order (7 must be prime to the number of athletes).
inline std::unique_ptr<Document> sprintMeet(int athletes)
{
    static const char *clubs[] = {"RSH", "BEL", "HHH", "SBH", "TVH", "WGE"};
    QStringList competitors(athletes);
    for (int k = 0; k < athletes; ++k) {
        const int i = (k * 7) % athletes;
        const int sb = 1050 + 5 * k;
        competitors[i] = QStringLiteral(
                             R"({"competitor_id": "%1", "first_name": "Runner", "last_name": "%1",
              "gender": "M", "team_id": "%2", "events_entered": [{"event_id": "T05",
              "event_code": "100", "sb": "%3.%4", "pb": "%5.%6"}]})")
                             .arg(201 + i)
                             .arg(QLatin1StringView(clubs[i % 6]))
                             .arg(sb / 100)
                             .arg(sb % 100, 2, 10, QLatin1Char('0'))
                             .arg((sb - 3) / 100)
                             .arg((sb - 3) % 100, 2, 10, QLatin1Char('0'));
    }
    QStringList teams;
    for (const char *club : clubs)
        teams.append(QStringLiteral(R"({"team_id": "%1", "team_name": "%1 club"})")
                         .arg(QLatin1StringView(club)));
    const QString json
        = QStringLiteral(
              R"({"full_name": "Sprint meet", "slug": "sprint-meet", "country": "GBR",
        "date": "2026-06-06", "finish_date": "2026-06-06", "competitors": [%1], "teams": [%2],
        "events": [{"event_id": "T05", "event_code": "100", "name": "100m Men", "genders": "M",
        "category": "SM", "rounds": "3,1", "lanes": 8}]})")
              .arg(competitors.join(u','), teams.join(u','));
    ReadResult r = OpenTrackReader::read(json.toUtf8());
    if (!r.ok())
        qFatal("cannot read the sprint meet: %s", qPrintable(r.error));
    return std::make_unique<Document>(std::move(r.competition));
}

// The rank (from 1) by SB of a bib in sprintMeet(athletes).
inline int sprintRank(const QString &bib, int athletes)
{
    for (int k = 0; k < athletes; ++k) {
        if ((k * 7) % athletes == bib.toInt() - 201)
            return k + 1;
    }
    qFatal("no bib %s", qPrintable(bib));
}

// Results for a round of sprintMeet's 100 m as the heats would run: each athlete runs their SB
// + 0.10 and the places follow the times.
inline void runSprintRound(DocumentEditor &edit, const Event &event, int round, int athletes)
{
    for (const auto &unit : event.units) {
        if (unit->round != round)
            continue;
        QList<const Result *> lines;
        for (const auto &result : unit->results)
            lines.append(result.get());
        std::sort(lines.begin(), lines.end(), [&](const Result *a, const Result *b) {
            return sprintRank(a->bib, athletes) < sprintRank(b->bib, athletes);
        });
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const int hundredths = 1060 + 5 * (sprintRank(lines[i]->bib, athletes) - 1);
            edit.setValue(*lines[i], QLatin1StringView("place"), int(i) + 1);
            edit.setValue(*lines[i], QLatin1StringView("performance"),
                          QStringLiteral("%1.%2")
                              .arg(hundredths / 100)
                              .arg(hundredths % 100, 2, 10, QLatin1Char('0')));
        }
    }
}

// A unit of a new event, appended as the editor does it; the event gets the code if one is
// given (the grids read marks for the event's kind).
inline const Unit *appendUnit(DocumentEditor &edit, const QString &eventCode = {})
{
    auto *event = edit.append(edit.document().competition(), ListId::Events);
    if (!eventCode.isEmpty())
        edit.setValue(*event, QLatin1StringView("event_code"), eventCode);
    return static_cast<const Unit *>(edit.append(*event, ListId::Units));
}

// A new event with one empty heat, appended to the document, for a grid to fill.
inline const Unit &newHeat(DocumentEditor &edit)
{
    return *appendUnit(edit);
}

// A table as a reader gives it, its rows numbered from 1.
inline Table table(const QList<QStringList> &rows, const QString &source = QStringLiteral("t.csv"))
{
    Table t;
    t.source = source;
    int n = 0;
    for (const QStringList &cells : rows)
        t.rows.append({++n, cells});
    return t;
}

// The competitor with this bib, or null.
inline const Competitor *competitor(const Competition &c, const QString &bib)
{
    for (const auto &x : c.competitors) {
        if (x->competitorId == bib)
            return x.get();
    }
    return nullptr;
}

} // namespace meetdesk::testdata
