#pragma once

#include "opentrack/publisher.h"

#include <QDialog>

class QTreeWidget;
class QTreeWidgetItem;

namespace meetdesk {

// After publishing: what was done, then each failure, each field the server did not keep,
// each record changed on OpenTrack (left there) and each conflict (not sent), with the record
// it belongs to and the server's own message. Sized to what it lists: a clean publish is one
// sentence and a Close button. Double-clicking a line (or Enter on it) asks to select its
// record in the tree; "Copy report" puts the whole report on the clipboard as text.
class ResultDialog : public QDialog
{
    Q_OBJECT

public:
    ResultDialog(const PublishReport &report, const QString &server, QWidget *parent = nullptr);

    // The report as plain text: the summary, then each listed line.
    QString text() const;

Q_SIGNALS:
    void nodeRequested(const meetdesk::Node *node);

private:
    QString m_summary;
    QTreeWidget *m_problems;
};

} // namespace meetdesk
