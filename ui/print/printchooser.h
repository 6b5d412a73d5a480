#pragma once

#include "print/reportbuilder.h"

#include <QDialog>
#include <QPageSize>

class QComboBox;
class QRadioButton;

namespace meetdesk {

class Competition;
class Event;
class Node;

// The small question before printing: start lists or results (or both), for the selected
// event, a day or the whole meet, and on which paper.
class PrintChooser : public QDialog
{
    Q_OBJECT

public:
    // current: the node selected in the tree; its event is "this event".
    PrintChooser(const Competition &competition, const Node *current, const QString &action,
                 QWidget *parent = nullptr);

    ReportRequest request() const;
    QPageSize::PageSizeId paper() const;

    // The event a node belongs to, if any.
    static const Event *eventOf(const Node *node);

private:
    const Event *m_event;
    QRadioButton *m_startLists;
    QRadioButton *m_results;
    QRadioButton *m_both;
    QRadioButton *m_thisEvent;
    QRadioButton *m_day;
    QRadioButton *m_meet;
    QComboBox *m_days;
    QComboBox *m_paper;
};

} // namespace meetdesk
