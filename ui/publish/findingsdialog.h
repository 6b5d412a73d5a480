#pragma once

#include "rules/finding.h"

#include <QDialog>

class QTreeWidget;
class QTreeWidgetItem;

namespace meetdesk {

class Node;

// The errors that stop a publish, each with its place (the record and the field) and what is
// wrong. Double-clicking one, or Enter on it, asks to select its record in the main window
// (nodeRequested) and closes the list, so the record can be mended; publishing again checks
// again. Nothing is sent while one is left.
class FindingsDialog : public QDialog
{
    Q_OBJECT

public:
    FindingsDialog(const QList<Finding> &findings, QWidget *parent = nullptr);

Q_SIGNALS:
    void nodeRequested(const meetdesk::Node *node);

private:
    void goTo(QTreeWidgetItem *item);

    QTreeWidget *m_list;
};

} // namespace meetdesk
