#pragma once

#include <QFrame>
#include <QHash>
#include <QVariant>

class QLabel;
class QPushButton;

namespace meetdesk {

class DocumentEditor;
class Node;
class ResultListModel;
class Unit;

// Above a unit's grids: keeps its Results tab following what the user types. A field event's
// rows are filled from the trial card or heights grid (best mark, its wind, place), a
// combined event's points and standings from its component results; each fill is an undo
// step of its own, right after the edit it follows. A fill writes empty fields and values
// that followed from the results before the edit; a value that did not (typed differently
// by hand) is never replaced: the bar lists it and offers to take the worked-out one.
class ResultsFiller : public QFrame
{
    Q_OBJECT

public:
    // What the unit's grids are followed for (compute::Work): best marks and places for a
    // field event, points for a combined event's component; 0: nothing to follow.
    static int workFor(const Unit &unit);

    ResultsFiller(DocumentEditor &edit, const Unit &unit, QWidget *parent = nullptr);

    // Fills after each edit the user makes in this grid: a trial card or heights grid gets
    // all the unit's work, a results grid the points only.
    void follow(ResultListModel *grid);
    // Writes everything worked out, the values listed in the bar included: one undo step.
    void takeWorkedOut();

private:
    void schedule();
    void settle();
    void fill(int work);

    DocumentEditor &m_edit;
    const Unit &m_unit;
    int m_work;
    int m_pending = 0; // the work the user's last edit calls for
    bool m_scheduled = false;
    // What compute said each field should hold when the unit was last settled.
    QHash<std::pair<const Node *, int>, QVariant> m_settled;
    QLabel *m_text;
    QPushButton *m_take;
};

} // namespace meetdesk
