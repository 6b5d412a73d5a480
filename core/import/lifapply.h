#pragma once

#include "lifimport.h"

#include <QSet>

namespace meetdesk {

class DocumentEditor;

// Which of a .lif's held rows the user takes anyway (the photo-finish review, `meetdesk
// import --accept`).
struct LifChoices
{
    QSet<int> accepted; // by the row's line in the .lif
    bool acceptAll = false;
};

// What applying a .lif did, for the review and the command's report.
struct LifApplied
{
    QString source;
    const Unit *unit = nullptr; // the heat, null when the file names none of the meet
    QString heat; // "100m Men, round 1, heat 2"
    // The results set from the file, valid while the step is applied.
    QList<const Result *> updated; // the bib's result in the heat, where the file changed it
    QList<const Result *> added; // a result the heat did not have
    // Rows not applied: held and not accepted, or held for a reason no acceptance mends (no
    // such heat, no bib).
    QList<LifPlan::Held> held;
    QList<LifPlan::Held> acceptedAnyway;

    // "100m Men, round 1, heat 2: 4 results changed, 1 added; 2 rows held for review."
    QString summary() const;
    // "011-1-2.lif, line 3: bib 99 is not in the meet"
    QStringList heldLines() const;
};

class LifApply
{
public:
    // Applies the plan, made from the editor's document as it is now, to its heat as one
    // undo step ("Results of 100m Men, round 1, heat 2 from 011-1-2.lif"): per row the place
    // (cleared for DNS, DNF, DQ), the performance, the lane and the wind where the file gives them,
    // on the bib's result in the heat, or on a new one.
    static LifApplied apply(DocumentEditor &editor, const LifPlan &plan,
                            const LifChoices &choices = {});
    // "100m Men, round 1, heat 2"; "FinishLynx event 12, round 1, heat 1" when no event has it.
    static QString heatName(const LifPlan &plan);
};

} // namespace meetdesk
