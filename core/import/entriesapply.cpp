#include "entriesapply.h"

#include "edit/documenteditor.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::EntriesApply", text);
}

// An empty text is an absent field (null), so nothing is written for it.
QString field(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

std::unique_ptr<EventEntry> newEntry(const EntriesPlan::Entry &e)
{
    auto entry = std::make_unique<EventEntry>();
    entry->eventId = field(e.eventId);
    entry->eventCode = field(e.eventCode);
    entry->pb = field(e.pb);
    entry->sb = field(e.sb);
    return entry;
}

std::unique_ptr<Competitor> newCompetitor(const EntriesPlan::Person &p)
{
    auto x = std::make_unique<Competitor>();
    x->competitorId = field(p.competitorId);
    x->firstName = field(p.firstName);
    x->lastName = field(p.lastName);
    x->gender = field(p.gender);
    x->dateOfBirth = p.dateOfBirth;
    x->nationality = field(p.nationality);
    x->teamId = field(p.teamId);
    x->ageGroup = field(p.ageGroup);
    x->category = field(p.category);
    for (const EntriesPlan::Entry &e : p.entries) {
        auto entry = newEntry(e);
        entry->setParent(x.get());
        x->eventsEntered.push_back(std::move(entry));
    }
    return x;
}

QVariant valueOf(const EntriesPlan::Change &change)
{
    if (change.field == u"date_of_birth")
        return QDate::fromString(change.to, Qt::ISODate);
    return change.to;
}

QStringList lines(const QList<EntriesPlan::Issue> &issues, const QString &source)
{
    QStringList out;
    for (const EntriesPlan::Issue &i : issues)
        out.append(i.toString(source));
    return out;
}

} // namespace

EntriesChoices EntriesChoices::allTeams(const EntriesPlan &plan)
{
    EntriesChoices choices;
    for (const EntriesPlan::NewTeam &t : plan.teams)
        choices.teams.insert(t.teamId);
    return choices;
}

QString EntriesApplied::summary() const
{
    QSet<int> rows;
    for (const EntriesPlan::Issue &i : held)
        rows.insert(i.row);
    return tr("Competitors created: %1, changed: %2. Teams created: %3. Entries created: %4, "
              "marks changed: %5. Rows held for review: %6.")
        .arg(competitorsCreated)
        .arg(competitorsChanged)
        .arg(teamsCreated)
        .arg(entriesCreated)
        .arg(entriesChanged)
        .arg(rows.size());
}

QStringList EntriesApplied::heldLines() const
{
    return lines(held, source);
}

QStringList EntriesApplied::acceptedLines() const
{
    return lines(acceptedAnyway, source);
}

EntriesApplied EntriesApply::apply(DocumentEditor &edit, const EntriesPlan &plan,
                                   const EntriesChoices &choices)
{
    EntriesApplied done;
    done.source = plan.source;
    done.held = plan.rejected;
    const QString text = tr("Import %1").arg(plan.source);

    DocumentEditor::Bulk bulk;
    for (const EntriesPlan::NewTeam &t : plan.teams) {
        if (!choices.teams.contains(t.teamId))
            continue;
        auto team = std::make_unique<Team>();
        team->teamId = t.teamId;
        team->teamName = field(t.teamName);
        bulk.teams.push_back(std::move(team));
    }
    done.teamsCreated = int(bulk.teams.size());

    QSet<QString> leftOut; // new clubs the user chose not to create
    for (const EntriesPlan::NewTeam &t : plan.teams) {
        if (!choices.teams.contains(t.teamId))
            leftOut.insert(t.teamId);
    }
    QSet<QString> named; // of those, the ones an athlete applied names
    edit.beginMacro(text);
    for (qsizetype i = 0; i < plan.people.size(); ++i) {
        const EntriesPlan::Person &p = plan.people[i];
        if (p.held() && !choices.acceptAll && !choices.accepted.contains(i)) {
            done.held += p.issues;
            continue;
        }
        if (!p.existing) {
            bulk.competitors.push_back(newCompetitor(p));
            done.competitors.append(bulk.competitors.back().get());
            ++done.competitorsCreated;
            done.entriesCreated += int(p.entries.size());
        } else {
            // The bib first: a merge the editor refuses is held whole, never half applied.
            const Competitor &x = *p.existing;
            bool refused = false;
            for (const EntriesPlan::Change &c : p.changes) {
                if (c.field != u"competitor_id")
                    continue;
                if (const auto refusal = edit.renameBib(x, c.to)) {
                    done.held.append({p.rows.first(), QString(),
                                      tr("not merged into competitor %1 %2 %3: %4")
                                          .arg(c.from, x.firstName, x.lastName, refusal->message)});
                    refused = true;
                }
            }
            if (refused)
                continue;
            for (const EntriesPlan::Change &c : p.changes) {
                if (c.field != u"competitor_id")
                    edit.setValue(x, QLatin1StringView(c.field.toLatin1()), valueOf(c));
            }
            for (const EntriesPlan::Entry &e : p.entries) {
                if (!e.existing) {
                    bulk.entries.emplace_back(&x, newEntry(e));
                    ++done.entriesCreated;
                    continue;
                }
                if (!e.pb.isEmpty())
                    edit.setValue(*e.existing, QLatin1StringView("pb"), e.pb);
                if (!e.sb.isEmpty())
                    edit.setValue(*e.existing, QLatin1StringView("sb"), e.sb);
                ++done.entriesChanged;
            }
            if (!p.changes.isEmpty() || !p.entries.isEmpty()) {
                ++done.competitorsChanged;
                done.competitors.append(&x);
            }
        }
        if (p.held())
            done.acceptedAnyway += p.issues;
        if (leftOut.contains(p.teamId))
            named.insert(p.teamId);
    }
    edit.insertBulk(std::move(bulk), text);
    edit.endMacro();

    for (const EntriesPlan::NewTeam &t : plan.teams) {
        if (named.contains(t.teamId))
            done.teamsNotCreated.append(t.teamId);
    }
    std::stable_sort(done.held.begin(), done.held.end(),
                     [](const auto &a, const auto &b) { return a.row < b.row; });
    return done;
}

} // namespace meetdesk
