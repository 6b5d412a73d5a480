#pragma once

#include "entriesimport.h"

#include <QSet>

namespace meetdesk {

class Competitor;
class DocumentEditor;

// What the user decided about an entries plan: which new clubs to create, and which of the
// athletes held for review to take anyway.
struct EntriesChoices
{
    // Team ids of EntriesPlan::teams to create. An athlete whose club is not created keeps
    // the code the file gives (nothing read is dropped); the validator then warns that no
    // team has it.
    QSet<QString> teams;
    // People held for review (EntriesPlan::Person::held()) to apply anyway, with what could
    // be read of them: by index in EntriesPlan::people, or all of them.
    QSet<qsizetype> accepted;
    bool acceptAll = false;

    // Every new club confirmed, nothing held taken: what `meetdesk import` does unless told.
    static EntriesChoices allTeams(const EntriesPlan &plan);
};

// What applying an entries plan did, for the wizard's last page and the command's report.
struct EntriesApplied
{
    QString source;
    int competitorsCreated = 0;
    int competitorsChanged = 0; // a field, the bib, or an entry changed
    int teamsCreated = 0;
    int entriesCreated = 0;
    int entriesChanged = 0; // marks of an entry the competitor had
    // Rows not applied: rejected ones, people held and not accepted, and merges the
    // editor refused (a new bib that another athlete or a relay team has).
    QList<EntriesPlan::Issue> held;
    // Issues of the people applied anyway: those values were left out.
    QList<EntriesPlan::Issue> acceptedAnyway;
    // Codes of new clubs the user chose not to create that athletes still name.
    QStringList teamsNotCreated;
    // The competitors created and changed, in the plan's order; valid while the import's
    // undo step is applied.
    QList<const Competitor *> competitors;

    bool changedAnything() const
    {
        return competitorsCreated + competitorsChanged + teamsCreated + entriesCreated
            + entriesChanged
            > 0;
    }
    // "Competitors created: 287, changed: 5. Teams created: 3. ..." and the rows held.
    QString summary() const;
    // One line a problem: "entries-300.csv, row 295, column E (Date of birth): ..."
    QStringList heldLines() const;
    QStringList acceptedLines() const;
};

class EntriesApply
{
public:
    // Applies the plan, made from the editor's document as it is now, as one undo step
    // ("Import entries.csv"): the chosen clubs, the new competitors with their entries, the
    // merges (a new bib through DocumentEditor::renameBib, so results follow it; the other
    // fields set), new entries and changed marks. Nothing held is applied unless chosen.
    static EntriesApplied apply(DocumentEditor &editor, const EntriesPlan &plan,
                                const EntriesChoices &choices);
};

} // namespace meetdesk
