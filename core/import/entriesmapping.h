#pragma once

#include "format/table.h"
#include "model/competition.h"

#include <optional>

namespace meetdesk {

// Which column of an entries table holds what. Found from the header row (names such as
// "First name", "Surname", "Bib", "DOB", "Club code", "Events", "PB" are recognised, and a
// header that is one of the meet's event ids or codes makes a column per event), taken from
// OpenTrack's bulk-add preset, or given by the user.
struct EntriesMapping
{
    enum class Field {
        Ignore,
        Bib,
        NationalId, // recognised so it is not mistaken for another column; Meetdesk keeps none
        FirstName,
        LastName,
        FullName, // "Last, First", or "First Last"
        Gender,
        DateOfBirth,
        TeamId, // the club's code
        TeamName,
        Events, // event ids or codes, several to a cell: "100;LJ"
        EventColumn, // one event; a mark in the cell is the seed mark, "x" or "yes" just enters
        SeedMark,
        Pb,
        Sb,
        AgeGroup,
        Category,
        Nationality,
    };
    enum class DateOrder { Auto, DayFirst, MonthFirst };

    struct Column
    {
        Field field = Field::Ignore;
        QString event; // EventColumn: the event id or code in the header
        QString header; // as written in the file, for messages
    };

    int headerRow = -1; // index into Table::rows; -1 when the table has no header row
    QList<Column> columns; // by column index; columns past the end are ignored
    // 03/04/1990: Auto reads it day first unless the column holds a date such as 04/23/1990.
    DateOrder dateOrder = DateOrder::Auto;
    // Seed marks are checked as the event reads performances and then kept as written, not
    // rewritten in the standard form: a server's own text, which a pull must not change.
    bool marksAsWritten = false;

    bool has(Field field) const;
    int columnOf(Field field) const; // the first column with the field, or -1

    // The header is the first of the first ten rows in which two or more cells name a
    // field (or one of the meet's events); without one, nothing is mapped.
    static EntriesMapping detect(const Table &table, const Competition &competition);
    // The columns a chosen header row names (-1: no header row, nothing mapped).
    static EntriesMapping fromHeader(const Table &table, int headerRow,
                                     const Competition &competition);
    // OpenTrack's "Bulk add competitors" grid: Competitor id, National id, First name, Last
    // name, Gender, Date of birth, Team id, Nationality, Event, PB, SB; one row per athlete
    // and event. A first row of header names is skipped.
    static EntriesMapping openTrackPreset(const Table &table);
    // The user's order, field names separated by commas ("bib,last name,first name,-,events";
    // "-" or an empty name skips a column). The header row is detected as for detect().
    static std::optional<EntriesMapping> fromSpec(const QString &spec, const Table &table,
                                                  QString *error);

    // The field a header names ("Date of birth (dd/mm/yyyy)" -> DateOfBirth), or Ignore.
    static Field fieldForHeader(QStringView header);
    static QString fieldName(Field field);
};

} // namespace meetdesk
