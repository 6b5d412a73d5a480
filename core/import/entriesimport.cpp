#include "entriesimport.h"

#include "athletics/countries.h"
#include "athletics/performance.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace meetdesk {

namespace {

using Field = EntriesMapping::Field;
using Order = EntriesMapping::DateOrder;
using Kind = EventCatalogue::Kind;

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::EntriesImport", text);
}

QString folded(const QString &text)
{
    return text.simplified().toCaseFolded();
}

QString personKey(const QString &first, const QString &last, const QDate &dob)
{
    if (!dob.isValid() || (first.isEmpty() && last.isEmpty()))
        return {};
    return folded(first) + u'|' + folded(last) + u'|' + dob.toString(Qt::ISODate);
}

const QRegularExpression &datePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{1,4})[-/.](\\d{1,2})[-/.](\\d{1,4})(?:[T ].*)?$"));
    return re;
}

bool entersWithoutMark(const QString &cell)
{
    static const QStringList words {QStringLiteral("x"),    QStringLiteral("1"),
                                    QStringLiteral("y"),    QStringLiteral("yes"),
                                    QStringLiteral("true"), QStringLiteral("\u2713")};
    return words.contains(cell.toCaseFolded());
}

struct Resolved
{
    const Event *event = nullptr;
    QString problem;
};

// An event named by its id, or by its code where the athlete's gender, age group or category
// leaves one event of that code.
Resolved resolveEvent(const QString &token, const EntriesPlan::Person &p,
                      const Competition &competition)
{
    for (const auto &e : competition.events) {
        if (e->eventId.compare(token, Qt::CaseInsensitive) == 0)
            return {e.get(), {}};
    }
    // A combined event's component is entered through the combined event, never by its code
    // (the shot put of a U15 girls' triathlon is no shot put to enter a senior in).
    QList<const Event *> candidates;
    QStringList combined;
    for (const auto &e : competition.events) {
        if (e->eventCode.compare(token, Qt::CaseInsensitive) != 0)
            continue;
        if (e->parentEvent.isEmpty())
            candidates.append(e.get());
        else
            combined.append(e->parentEvent);
    }
    if (candidates.isEmpty() && !combined.isEmpty())
        return {nullptr,
                tr("the only \"%1\" of the meet is part of the combined event %2; enter the "
                   "athlete in that")
                    .arg(token, combined.join(QStringLiteral(", ")))};
    if (candidates.isEmpty())
        return {nullptr, tr("no event of the meet has the id or code \"%1\"").arg(token)};
    auto narrow = [&candidates](auto keep) {
        QList<const Event *> kept;
        for (const Event *e : std::as_const(candidates)) {
            if (keep(*e))
                kept.append(e);
        }
        if (!kept.isEmpty())
            candidates = kept;
        return !kept.isEmpty();
    };
    bool fits = true;
    if (candidates.size() > 1 && !p.gender.isEmpty()) {
        const QString g = p.gender == u"X" ? QStringLiteral("M") : p.gender;
        fits = narrow([&](const Event &e) { return e.genders.isEmpty() || e.genders.contains(g); });
    }
    if (candidates.size() > 1 && !p.ageGroup.isEmpty())
        narrow([&](const Event &e) { return e.ageGroups && e.ageGroups->contains(p.ageGroup); });
    if (candidates.size() > 1 && !p.category.isEmpty())
        narrow([&](const Event &e) { return e.category == p.category; });
    if (!fits)
        return {nullptr, tr("no \"%1\" event of the meet is for gender %2").arg(token, p.gender)};
    if (candidates.size() > 1) {
        QStringList ids;
        for (const Event *e : std::as_const(candidates))
            ids.append(e->eventId);
        return {nullptr,
                tr("\"%1\" could be any of the events %2; give the event id")
                    .arg(token, ids.join(QStringLiteral(", ")))};
    }
    return {candidates.first(), {}};
}

void addChange(EntriesPlan::Person &p, const char *field, const QString &from, const QString &to)
{
    if (!to.isEmpty() && to != from)
        p.changes.append({QLatin1StringView(field), from, to});
}

// The changes an existing competitor gets from the file's values.
void computeChanges(EntriesPlan::Person &p)
{
    const Competitor &c = *p.existing;
    addChange(p, "competitor_id", c.competitorId, p.competitorId);
    addChange(p, "first_name", c.firstName, p.firstName);
    addChange(p, "last_name", c.lastName, p.lastName);
    addChange(p, "gender", c.gender, p.gender);
    addChange(p, "date_of_birth", c.dateOfBirth.toString(Qt::ISODate),
              p.dateOfBirth.toString(Qt::ISODate));
    addChange(p, "nationality", c.nationality, p.nationality);
    addChange(p, "team_id", c.teamId, p.teamId);
    addChange(p, "age_group", c.ageGroup, p.ageGroup);
    addChange(p, "category", c.category, p.category);
}

// Adds an entry unless the person has it; marks fill in what an earlier row left empty.
void addEntry(EntriesPlan::Person &p, const Event &event, const QString &pb, const QString &sb)
{
    for (EntriesPlan::Entry &e : p.entries) {
        if (e.eventId == event.eventId) {
            if (e.pb.isEmpty())
                e.pb = pb;
            if (e.sb.isEmpty())
                e.sb = sb;
            return;
        }
    }
    EntriesPlan::Entry entry {event.eventId, event.eventCode, pb, sb, nullptr};
    if (p.existing) {
        for (const auto &had : p.existing->eventsEntered) {
            if (had->eventId == event.eventId)
                entry.existing = had.get();
        }
    }
    p.entries.append(entry);
}

// Entries of an existing competitor that change nothing are left out of the plan.
void dropUnchangedEntries(EntriesPlan::Person &p)
{
    p.entries.removeIf([](const EntriesPlan::Entry &e) {
        return e.existing && (e.pb.isEmpty() || e.pb == e.existing->pb)
            && (e.sb.isEmpty() || e.sb == e.existing->sb);
    });
}

} // namespace

QString EntriesPlan::Issue::toString(const QString &source) const
{
    QString place
        = source.isEmpty() ? tr("row %1").arg(row) : tr("%1, row %2").arg(source).arg(row);
    if (!column.isEmpty())
        place += tr(", column %1").arg(column);
    return place + u": " + message;
}

QList<EntriesPlan::Issue> EntriesPlan::issues() const
{
    QList<Issue> all = rejected;
    for (const Person &p : people)
        all += p.issues;
    std::stable_sort(all.begin(), all.end(),
                     [](const Issue &a, const Issue &b) { return a.row < b.row; });
    return all;
}

QString EntriesImport::gender(QStringView text)
{
    const QString g = text.trimmed().toString().toCaseFolded();
    static const QHash<QString, QString> words = [] {
        QHash<QString, QString> m;
        for (const char *w : {"m", "male", "man", "men", "boy", "boys"})
            m.insert(QLatin1StringView(w), QStringLiteral("M"));
        for (const char *w :
             {"f", "female", "woman", "women", "girl", "girls", "w", "lady", "ladies"})
            m.insert(QLatin1StringView(w), QStringLiteral("F"));
        for (const char *w : {"x", "other", "nonbinary", "non-binary"})
            m.insert(QLatin1StringView(w), QStringLiteral("X"));
        return m;
    }();
    return words.value(g);
}

EntriesImport::DateColumn EntriesImport::dateColumn(const Table &table,
                                                    const EntriesMapping &mapping)
{
    const int column = mapping.columnOf(Field::DateOfBirth);
    bool dayFirst = false, monthFirst = false, either = false;
    for (qsizetype r = mapping.headerRow + 1; column >= 0 && r < table.rows.size(); ++r) {
        const auto m = datePattern().match(table.cell(r, column).trimmed());
        if (!m.hasMatch() || m.capturedView(1).size() == 4)
            continue;
        const int first = m.capturedView(1).toInt(), second = m.capturedView(2).toInt();
        dayFirst = dayFirst || first > 12;
        monthFirst = monthFirst || second > 12;
        either = either || (first != second && first <= 12 && second <= 12);
    }
    return {monthFirst && !dayFirst ? Order::MonthFirst : Order::DayFirst,
            either && !dayFirst && !monthFirst};
}

QDate EntriesImport::date(QStringView text, Order order, int pivotYear)
{
    const auto m = datePattern().match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QStringView a = m.capturedView(1), b = m.capturedView(2), c = m.capturedView(3);
    if (a.size() == 4)
        return c.size() <= 2 ? QDate(a.toInt(), b.toInt(), c.toInt()) : QDate();
    if (a.size() > 2 || (c.size() != 2 && c.size() != 4))
        return {};
    int year = c.toInt();
    if (c.size() == 2) {
        year += pivotYear / 100 * 100;
        if (year > pivotYear)
            year -= 100;
    }
    int day = a.toInt(), month = b.toInt();
    if (order == Order::MonthFirst || (order == Order::Auto && month > 12 && day <= 12))
        std::swap(day, month);
    return QDate(year, month, day);
}

std::pair<QString, QString> EntriesImport::splitName(QStringView fullName)
{
    const QString name = fullName.toString().simplified();
    const qsizetype comma = name.indexOf(u',');
    if (comma >= 0)
        return {name.mid(comma + 1).trimmed(), name.left(comma).trimmed()};
    const qsizetype space = name.lastIndexOf(u' ');
    if (space < 0)
        return {QString(), name};
    return {name.left(space), name.mid(space + 1)};
}

EntriesPlan EntriesImport::plan(const Table &table, const EntriesMapping &mapping,
                                const Competition &competition)
{
    EntriesPlan plan;
    plan.source = table.source;
    const int firstRow = mapping.headerRow + 1;
    const int pivot
        = competition.date.isValid() ? competition.date.year() : QDate::currentDate().year();
    const Order order
        = mapping.dateOrder == Order::Auto ? dateColumn(table, mapping).order : mapping.dateOrder;

    QHash<QString, const Competitor *> byBib;
    QHash<QString, const Competitor *> byPerson;
    for (const auto &c : competition.competitors) {
        byBib.insert(c->competitorId, c.get());
        const QString key = personKey(c->firstName, c->lastName, c->dateOfBirth);
        if (!key.isEmpty())
            byPerson.insert(key, c.get());
    }
    QHash<QString, const Team *> teamsById;
    QHash<QString, QString> teamIdByName;
    for (const auto &t : competition.teams) {
        teamsById.insert(t->teamId, t.get());
        if (!t->teamName.isEmpty())
            teamIdByName.insert(folded(t->teamName), t->teamId);
    }
    QHash<QString, qsizetype> newTeams; // team id -> index in plan.teams
    QHash<QString, qsizetype> fileBibs; // bib -> index in plan.people
    QHash<QString, qsizetype> filePeople; // name and date of birth -> index in plan.people
    QHash<const Competitor *, int> targets; // competitor -> the row that merges into it

    auto label = [&](int column) {
        const QString header = mapping.columns.value(column).header;
        return header.isEmpty() ? Table::columnName(column)
                                : Table::columnName(column) + u" (" + header + u')';
    };

    for (qsizetype r = firstRow; r < table.rows.size(); ++r) {
        const Table::Row &row = table.rows[r];
        ++plan.dataRows;
        EntriesPlan::Person p;
        p.rows.append(row.number);
        auto issue = [&](int column, const QString &message) {
            p.issues.append({row.number, column >= 0 ? label(column) : QString(), message});
        };
        auto cell = [&](Field f) {
            return row.cells.value(mapping.columnOf(f)).trimmed();
        };
        auto column = [&](Field f) {
            return mapping.columnOf(f);
        };

        p.competitorId = cell(Field::Bib);
        p.firstName = cell(Field::FirstName).simplified();
        p.lastName = cell(Field::LastName).simplified();
        if (p.firstName.isEmpty() && p.lastName.isEmpty() && !cell(Field::FullName).isEmpty())
            std::tie(p.firstName, p.lastName) = splitName(cell(Field::FullName));

        if (const QString text = cell(Field::Gender); !text.isEmpty()) {
            p.gender = gender(text);
            if (p.gender.isEmpty())
                issue(column(Field::Gender), tr("\"%1\" is not a gender (M, F or X)").arg(text));
        }
        if (const QString text = cell(Field::DateOfBirth); !text.isEmpty()) {
            p.dateOfBirth = date(text, order, pivot);
            if (!p.dateOfBirth.isValid())
                issue(
                    column(Field::DateOfBirth),
                    order == Order::MonthFirst
                        ? tr("\"%1\" is not a date (month/day/year)").arg(text)
                        : tr("\"%1\" is not a date (day/month/year, or year-month-day)").arg(text));
        }
        if (const QString text = cell(Field::Nationality).toUpper(); !text.isEmpty()) {
            if (isKnownCountry(text))
                p.nationality = text;
            else
                issue(column(Field::Nationality),
                      tr("\"%1\" is not a three-letter country code").arg(text));
        }
        p.ageGroup = cell(Field::AgeGroup).toUpper();
        p.category = cell(Field::Category).toUpper();

        // Identity: a bib seen earlier in the file is the same athlete on another row
        // (OpenTrack's sheets repeat the athlete for each event) unless the row says otherwise.
        const QString key = personKey(p.firstName, p.lastName, p.dateOfBirth);
        qsizetype same = -1;
        if (!p.competitorId.isEmpty() && fileBibs.contains(p.competitorId))
            same = fileBibs.value(p.competitorId);
        else if (p.competitorId.isEmpty() && !key.isEmpty() && filePeople.contains(key))
            same = filePeople.value(key);
        if (same >= 0) {
            const EntriesPlan::Person &before = plan.people[same];
            auto differs = [](const QString &a, const QString &b) {
                return !a.isEmpty() && !b.isEmpty() && folded(a) != folded(b);
            };
            if (differs(p.firstName, before.firstName) || differs(p.lastName, before.lastName)
                || (p.dateOfBirth.isValid() && before.dateOfBirth.isValid()
                    && p.dateOfBirth != before.dateOfBirth)) {
                plan.rejected.append({row.number, label(column(Field::Bib)),
                                      tr("bib %1 is already used by row %2 (%3 %4)")
                                          .arg(p.competitorId)
                                          .arg(before.rows.first())
                                          .arg(before.firstName, before.lastName)});
                continue;
            }
        } else if (!p.competitorId.isEmpty()) {
            p.existing = byBib.value(p.competitorId);
            if (!p.existing && !key.isEmpty())
                p.existing = byPerson.value(key);
        } else if (!key.isEmpty() && byPerson.contains(key)) {
            p.existing = byPerson.value(key);
            p.competitorId = p.existing->competitorId;
        } else {
            plan.rejected.append(
                {row.number, QString(),
                 tr("no bib, and no competitor of the meet has this name and date of birth")});
            continue;
        }
        if (p.existing && targets.contains(p.existing)) {
            plan.rejected.append(
                {row.number, QString(),
                 tr("row %1 already merges into competitor %2 (%3 %4)")
                     .arg(targets.value(p.existing))
                     .arg(p.existing->competitorId, p.existing->firstName, p.existing->lastName)});
            continue;
        }
        // The club, by its code or by a name the meet knows; a rejected row creates none.
        const QString teamCode = cell(Field::TeamId);
        const QString teamName = cell(Field::TeamName).simplified();
        if (!teamCode.isEmpty()) {
            p.teamId = teamCode;
            if (!teamsById.contains(teamCode)) {
                if (!newTeams.contains(teamCode)) {
                    newTeams.insert(teamCode, plan.teams.size());
                    plan.teams.append({teamCode, teamName, row.number});
                } else if (plan.teams[newTeams[teamCode]].teamName.isEmpty()) {
                    plan.teams[newTeams[teamCode]].teamName = teamName;
                }
            }
        } else if (!teamName.isEmpty()) {
            if (teamsById.contains(teamName)) {
                p.teamId = teamName;
            } else if (teamIdByName.contains(folded(teamName))) {
                p.teamId = teamIdByName.value(folded(teamName));
            } else {
                for (const EntriesPlan::NewTeam &t : std::as_const(plan.teams)) {
                    if (folded(t.teamName) == folded(teamName))
                        p.teamId = t.teamId;
                }
                if (p.teamId.isEmpty())
                    issue(column(Field::TeamName),
                          tr("the club \"%1\" is not in the meet and the file gives no club "
                             "code to create it with")
                              .arg(teamName));
            }
        }

        if (same < 0 && p.firstName.isEmpty() && p.lastName.isEmpty() && !p.existing)
            issue(-1, tr("no name"));

        // Events, from the events column and from columns named after events.
        struct Entered
        {
            const Event *event;
            QString mark; // from an event column
            int column; // the mark's
        };
        QList<Entered> events;
        if (const QString text = cell(Field::Events); !text.isEmpty()) {
            static const QRegularExpression separators(QStringLiteral("[;,/|+\\s]+"));
            const EntriesPlan::Person &who = same >= 0 ? plan.people[same] : p;
            for (const QString &token : text.split(separators, Qt::SkipEmptyParts)) {
                const Resolved e = resolveEvent(token, who, competition);
                if (e.event)
                    events.append({e.event, QString(), -1});
                else
                    issue(column(Field::Events), e.problem);
            }
        }
        for (qsizetype c = 0; c < mapping.columns.size(); ++c) {
            const EntriesMapping::Column &col = mapping.columns[c];
            const QString value = row.cells.value(c).trimmed();
            if (col.field != Field::EventColumn || value.isEmpty())
                continue;
            const Resolved e
                = resolveEvent(col.event, same >= 0 ? plan.people[same] : p, competition);
            if (e.event)
                events.append({e.event, entersWithoutMark(value) ? QString() : value, int(c)});
            else
                issue(int(c), e.problem);
        }
        const QString pb = cell(Field::Pb);
        const QString sb = cell(Field::Sb).isEmpty() ? cell(Field::SeedMark) : cell(Field::Sb);
        const int pbColumn = column(Field::Pb);
        const int sbColumn
            = cell(Field::Sb).isEmpty() ? column(Field::SeedMark) : column(Field::Sb);
        if ((!pb.isEmpty() || !sb.isEmpty()) && events.size() != 1) {
            issue(!pb.isEmpty() ? pbColumn : sbColumn,
                  events.isEmpty()
                      ? tr("a mark without an event is left out")
                      : tr("a mark for several events is left out; give one event a row"));
        }

        // A seed mark is read as the event reads performances, and kept in its standard writing.
        const auto seedMark = [&](const Event &event, const QString &text, int at) {
            if (text.isEmpty() || EventCatalogue::kindOf(event.eventCode) == Kind::Unknown)
                return text;
            const Parsed<Performance> read = Performance::parseFor(event.eventCode, text);
            if (read && read->isMark())
                return mapping.marksAsWritten ? text : read->toString();
            issue(at,
                  read ? tr("\"%1\" is no mark to seed %2 by; it is left out")
                             .arg(text, event.eventCode)
                       : tr("%1; the mark is left out").arg(read.error()));
            return QString();
        };
        EntriesPlan::Person &target = same >= 0 ? plan.people[same] : p;
        for (const Entered &e : std::as_const(events)) {
            const bool one = events.size() == 1;
            const QString personal = one ? seedMark(*e.event, pb, pbColumn) : QString();
            const QString season = !e.mark.isEmpty() ? seedMark(*e.event, e.mark, e.column)
                : one                                ? seedMark(*e.event, sb, sbColumn)
                                                     : QString();
            addEntry(target, *e.event, personal, season);
        }
        if (same >= 0) {
            target.rows.append(row.number);
            target.issues += p.issues;
            continue;
        }
        if (p.existing) {
            targets.insert(p.existing, row.number);
            computeChanges(p);
        }
        if (!p.competitorId.isEmpty())
            fileBibs.insert(p.competitorId, plan.people.size());
        if (!key.isEmpty())
            filePeople.insert(key, plan.people.size());
        plan.people.append(std::move(p));
    }
    for (EntriesPlan::Person &p : plan.people)
        dropUnchangedEntries(p);
    return plan;
}

} // namespace meetdesk
