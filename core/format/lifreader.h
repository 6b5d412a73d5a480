#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace meetdesk {

// One FinishLynx result file (.lif): a header line naming the race (event, round and heat
// numbers, the event's name, the wind and its unit, ...) and a line per athlete (place, ID,
// lane, last and first name, affiliation, time, licence, delta time, reaction time, ...).
// Fields are kept as written; LifImport decides what they mean for a competition.
struct LifFile
{
    struct Row
    {
        int line = 0; // in the file, from 1
        QString place; // "1", or a status word such as "DNS", "DNF", "DQ"
        QString id; // the bib
        QString lane;
        QString lastName;
        QString firstName;
        QString affiliation;
        QString time; // "10.645", "1:02.345"; empty or a status word when there is none
        QString reactionTime;
    };

    QString source; // the file's name, for messages
    int event = 0;
    int round = 0;
    int heat = 0;
    QString eventName;
    QString wind; // as written: "+1.2", "-0.4", "NWI", empty
    QString windUnit;
    QList<Row> rows;
};

struct LifRead
{
    LifFile file;
    QString error; // "100m-1-1.lif, line 1: ..." when the file could not be read

    bool ok() const { return error.isEmpty(); }
};

class LifReader
{
public:
    static constexpr qint64 maxFileSize = qint64(4) * 1024 * 1024;

    static LifRead read(QByteArrayView bytes, const QString &source);
    static LifRead readFile(const QString &path);
};

} // namespace meetdesk
