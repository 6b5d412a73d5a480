#pragma once

#include "opentrack/entriespull.h"

#include <QDialog>

class QTreeWidget;

namespace meetdesk {

// The preview of Publish > Pull entries from OpenTrack: the counts, each competitor to create
// or change with its changes (old -> new), the new clubs, what cannot be read (left out), and
// what stays (unchanged; only in this file, left alone). Accepting it applies the pull.
class PullEntriesDialog : public QDialog
{
    Q_OBJECT

public:
    PullEntriesDialog(const PulledEntries &pulled, const QString &server,
                      QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
};

} // namespace meetdesk
