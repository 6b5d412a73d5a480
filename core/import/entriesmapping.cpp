#include "entriesmapping.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace meetdesk {

namespace {

using Field = EntriesMapping::Field;

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::EntriesMapping", text);
}

// "Date of Birth (dd/mm/yyyy)" -> "dateofbirth": lower case, letters and digits only, without
// a bracketed hint.
QString normalized(QStringView header)
{
    static const QRegularExpression hint(QStringLiteral("\\([^)]*\\)|\\[[^]]*\\]"));
    const QString text = header.toString().remove(hint).toCaseFolded();
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c);
    }
    return out;
}

const QHash<QString, Field> &synonyms()
{
    static const QHash<QString, Field> map = [] {
        QHash<QString, Field> m;
        auto add = [&m](Field f, std::initializer_list<const char *> names) {
            for (const char *n : names)
                m.insert(QLatin1StringView(n), f);
        };
        add(Field::Bib,
            {"bib", "bibno", "bibnumber", "number", "no", "nr", "num", "competitorid",
             "competitornumber", "startnumber", "startno"});
        add(Field::NationalId,
            {"nationalid", "licence", "license", "licenceno", "licenseno", "licencenumber",
             "licensenumber", "urn", "membershipnumber"});
        add(Field::FirstName,
            {"firstname", "first", "forename", "forenames", "givenname", "given"});
        add(Field::LastName, {"lastname", "last", "surname", "familyname", "family"});
        add(Field::FullName,
            {"name", "fullname", "athlete", "athletename", "competitor", "competitorname"});
        add(Field::Gender, {"gender", "sex"});
        add(Field::DateOfBirth, {"dateofbirth", "dob", "birthdate", "born", "birthday"});
        add(Field::TeamId, {"teamid", "teamcode", "clubcode", "clubid", "code"});
        add(Field::TeamName,
            {"club", "clubname", "team", "teamname", "affiliation", "organisation",
             "organization"});
        add(Field::Events,
            {"events", "event", "eventsentered", "eventcodes", "eventcode", "eventid", "eventids",
             "entries"});
        add(Field::SeedMark,
            {"seed", "seedmark", "seedperformance", "seedtime", "entrymark", "entryperformance",
             "entrytime", "mark", "performance"});
        add(Field::Pb, {"pb", "personalbest"});
        add(Field::Sb, {"sb", "seasonbest", "seasonsbest"});
        add(Field::AgeGroup, {"agegroup", "agegroups"});
        add(Field::Category, {"category", "cat", "class", "division"});
        add(Field::Nationality, {"nationality", "nat", "country", "nation", "countrycode", "noc"});
        return m;
    }();
    return map;
}

// The event a header names: one of the meet's event ids, else one of its event codes.
QString eventForHeader(const QString &header, const Competition &competition)
{
    const QString h = header.trimmed();
    if (h.isEmpty())
        return {};
    for (const auto &e : competition.events) {
        if (e->eventId.compare(h, Qt::CaseInsensitive) == 0)
            return e->eventId;
    }
    for (const auto &e : competition.events) {
        if (e->eventCode.compare(h, Qt::CaseInsensitive) == 0)
            return e->eventCode;
    }
    return {};
}

QList<EntriesMapping::Column> columnsFrom(const Table::Row &row, const Competition *competition)
{
    QList<EntriesMapping::Column> columns;
    for (const QString &cell : row.cells) {
        EntriesMapping::Column column;
        column.header = cell.trimmed();
        column.field = EntriesMapping::fieldForHeader(cell);
        if (column.field == Field::Ignore && competition) {
            column.event = eventForHeader(cell, *competition);
            if (!column.event.isEmpty())
                column.field = Field::EventColumn;
        }
        columns.append(column);
    }
    return columns;
}

int headerRowOf(const Table &table, const Competition *competition)
{
    for (qsizetype i = 0; i < std::min<qsizetype>(table.rows.size(), 10); ++i) {
        int known = 0;
        for (const auto &c : columnsFrom(table.rows[i], competition))
            known += c.field != Field::Ignore;
        if (known >= 2)
            return int(i);
    }
    return -1;
}

} // namespace

bool EntriesMapping::has(Field field) const
{
    return columnOf(field) >= 0;
}

int EntriesMapping::columnOf(Field field) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].field == field)
            return int(i);
    }
    return -1;
}

EntriesMapping EntriesMapping::detect(const Table &table, const Competition &competition)
{
    return fromHeader(table, headerRowOf(table, &competition), competition);
}

EntriesMapping EntriesMapping::fromHeader(const Table &table, int headerRow,
                                          const Competition &competition)
{
    EntriesMapping mapping;
    if (headerRow >= 0 && headerRow < table.rows.size()) {
        mapping.headerRow = headerRow;
        mapping.columns = columnsFrom(table.rows[headerRow], &competition);
    }
    return mapping;
}

EntriesMapping EntriesMapping::openTrackPreset(const Table &table)
{
    static const Field order[]
        = {Field::Bib,    Field::NationalId,  Field::FirstName, Field::LastName,
           Field::Gender, Field::DateOfBirth, Field::TeamId,    Field::Nationality,
           Field::Events, Field::Pb,          Field::Sb};
    EntriesMapping mapping;
    mapping.headerRow = headerRowOf(table, nullptr) == 0 ? 0 : -1;
    for (const Field f : order)
        mapping.columns.append({f, {}, fieldName(f)});
    for (qsizetype i = 0; mapping.headerRow == 0 && i < mapping.columns.size(); ++i) {
        const QString written = table.cell(0, i).trimmed();
        if (!written.isEmpty())
            mapping.columns[i].header = written;
    }
    return mapping;
}

std::optional<EntriesMapping> EntriesMapping::fromSpec(const QString &spec, const Table &table,
                                                       QString *error)
{
    EntriesMapping mapping;
    mapping.headerRow = headerRowOf(table, nullptr);
    const QStringList names = spec.split(u',');
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString name = names[i].trimmed();
        Column column;
        column.header
            = mapping.headerRow >= 0 ? table.cell(mapping.headerRow, i).trimmed() : QString();
        if (!name.isEmpty() && name != u"-") {
            column.field = fieldForHeader(name);
            if (column.field == Field::Ignore) {
                if (error)
                    *error = tr("the mapping names \"%1\" for column %2, which is no field "
                                "Meetdesk knows")
                                 .arg(name, Table::columnName(i));
                return std::nullopt;
            }
        }
        if (column.header.isEmpty())
            column.header = fieldName(column.field);
        mapping.columns.append(column);
    }
    return mapping;
}

EntriesMapping::Field EntriesMapping::fieldForHeader(QStringView header)
{
    return synonyms().value(normalized(header), Field::Ignore);
}

QString EntriesMapping::fieldName(Field field)
{
    switch (field) {
    case Field::Ignore:
        return tr("(ignored)");
    case Field::Bib:
        return tr("Bib");
    case Field::NationalId:
        return tr("National id");
    case Field::FirstName:
        return tr("First name");
    case Field::LastName:
        return tr("Last name");
    case Field::FullName:
        return tr("Name");
    case Field::Gender:
        return tr("Gender");
    case Field::DateOfBirth:
        return tr("Date of birth");
    case Field::TeamId:
        return tr("Club code");
    case Field::TeamName:
        return tr("Club");
    case Field::Events:
        return tr("Events");
    case Field::EventColumn:
        return tr("Event");
    case Field::SeedMark:
        return tr("Seed mark");
    case Field::Pb:
        return tr("PB");
    case Field::Sb:
        return tr("SB");
    case Field::AgeGroup:
        return tr("Age group");
    case Field::Category:
        return tr("Category");
    case Field::Nationality:
        return tr("Nationality");
    }
    return {};
}

} // namespace meetdesk
