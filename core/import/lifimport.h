#pragma once

#include "format/lifreader.h"
#include "model/competition.h"

namespace meetdesk {

// What a FinishLynx .lif means for a competition: the heat it belongs to (by LynxNumbering's
// event number, and the round and heat) and, per bib, the place, performance, lane and wind to
// set. Rows that conflict with the meet are held with the reason, never in rows: an unknown
// bib, a bib not in the heat, a name that differs from the competitor's, a bib twice, a place
// or time that cannot be read, or a heat that does not exist (then every row is held).
// The plan is plain values and pointers into the competition it was made from; applying it
// is the editor's business.
struct LifPlan
{
    struct Row
    {
        int line = 0; // in the .lif
        QString bib;
        std::optional<int> place; // none for DNS, DNF, DQ
        QString performance; // "10.65", "1:02.35", "DNS", "DNF", "DQ"
        std::optional<int> lane; // none when the file gives none
        QString wind; // "+1.2"; empty when the file has none
        const Result *existing = nullptr; // the heat's result for the bib; null: a new result
    };

    struct Held
    {
        Row row; // what the file says, as far as it could be read
        QString reason;
    };

    QString source;
    int lynxEvent = 0;
    int round = 0;
    int heat = 0;
    const Event *event = nullptr; // null when no event has the file's number
    const Unit *unit = nullptr; // null when the heat does not exist
    QString wind;
    QList<Row> rows;
    QList<Held> held;
    QStringList notes; // about the file as a whole (wind that cannot be read, ...)

    bool clean() const { return unit != nullptr && held.isEmpty(); }
};

class LifImport
{
public:
    static LifPlan plan(const LifFile &file, const Competition &competition);
};

} // namespace meetdesk
