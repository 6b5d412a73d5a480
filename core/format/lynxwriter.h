#pragma once

#include "model/competition.h"

#include <QByteArray>

namespace meetdesk {

// FinishLynx's start files for a meet, as meet software leaves them in the camera's folder:
// lynx.evt (every heat of every timed event, with its entrants' bibs and lanes), lynx.ppl (the
// people: bib, last and first name, affiliation) and lynx.sch (the heats in the order they
// run). Comma-separated, quoted where a field holds a comma, Windows-1252 as FinishLynx reads
// it, CRLF line ends. Events are numbered by LynxNumbering; the affiliation is the club's
// team_id. A heat's entrants are its results (OpenTrack's start list), ordered by lane.
class LynxWriter
{
public:
    static QByteArray eventsFile(const Competition &competition);
    static QByteArray peopleFile(const Competition &competition);
    static QByteArray scheduleFile(const Competition &competition);

    struct Written
    {
        QStringList paths;
        QString error; // which file could not be written, and why

        bool ok() const { return error.isEmpty(); }
    };
    // Writes the three files into folder (made if missing), each through QSaveFile.
    static Written writeFolder(const Competition &competition, const QString &folder);
};

} // namespace meetdesk
