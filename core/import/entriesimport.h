#pragma once

#include "entriesmapping.h"

namespace meetdesk {

// What an entries table means for a competition, as plain values and targets: per athlete,
// the competitor to create or the existing one to merge into (by bib, else by name and date
// of birth when the bib is new), the field changes, the event entries to add with their seed
// marks, the clubs to create, and every problem with the file's row and column. Values that
// cannot be read are left out and said why; a row that cannot become a competitor at all
// (no bib, a bib already used by another athlete in the file) is rejected. Applying the plan
// is the editor's business (one undo step).
struct EntriesPlan
{
    struct Issue
    {
        int row = 0; // the file's row (Table::Row::number)
        QString column; // "F (Date of birth)"; empty for the row as a whole
        QString message;

        QString toString(const QString &source) const;
    };

    struct Change
    {
        QString field; // OpenTrack's name: "first_name", "competitor_id", ...
        QString from;
        QString to;
    };

    struct Entry
    {
        QString eventId;
        QString eventCode;
        QString pb;
        QString sb; // the seed mark, as OpenTrack seeds by season's best
        const EventEntry *existing = nullptr; // set when only the marks change
    };

    struct Person
    {
        QList<int> rows; // every file row that named this athlete
        const Competitor *existing = nullptr; // null: a competitor to create
        // What the file gives; empty (or invalid) where it gives nothing readable.
        QString competitorId;
        QString firstName;
        QString lastName;
        QString gender;
        QDate dateOfBirth;
        QString nationality;
        QString teamId;
        QString ageGroup;
        QString category;
        QList<Change> changes; // for an existing competitor, what differs
        QList<Entry> entries; // to add, or to update the marks of
        QList<Issue> issues; // values left out, and why

        bool held() const { return !issues.isEmpty(); }
    };

    struct NewTeam
    {
        QString teamId;
        QString teamName; // empty when the file gives only the code
        int row = 0; // where it first appears
    };

    QString source;
    int dataRows = 0;
    QList<Person> people;
    QList<NewTeam> teams;
    QList<Issue> rejected; // rows that give no competitor

    // Every issue, the rejected rows' and the people's, in row order.
    QList<Issue> issues() const;
};

class EntriesImport
{
public:
    static EntriesPlan plan(const Table &table, const EntriesMapping &mapping,
                            const Competition &competition);

    // How the date of birth column reads: the order that reads all its dates (day first when
    // nothing tells), and whether nothing tells though some date reads both ways (03/04/2001).
    struct DateColumn
    {
        EntriesMapping::DateOrder order = EntriesMapping::DateOrder::DayFirst;
        bool ambiguous = false;
    };
    static DateColumn dateColumn(const Table &table, const EntriesMapping &mapping);

    // The pure parts, tested with data rows.
    // "F", "female", "W", "girl" -> "F"; "M", "male", "boy" -> "M"; "X" -> "X"; else empty.
    static QString gender(QStringView text);
    // ISO dates, d/m/y or m/d/y with / . or - and two- or four-digit years (two digits are
    // the latest year not after pivotYear); invalid when the text is no date.
    static QDate date(QStringView text, EntriesMapping::DateOrder order, int pivotYear);
    // "Smith, Anna" -> {"Anna", "Smith"}; "Anna Smith" -> {"Anna", "Smith"}.
    static std::pair<QString, QString> splitName(QStringView fullName);
};

} // namespace meetdesk
