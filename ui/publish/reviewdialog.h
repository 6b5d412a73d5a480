#pragma once

#include "opentrack/publisher.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace meetdesk {

// "Review changes": what a publish will create, change and delete on the server, grouped and
// counted, before anything is sent; and, first, the records changed on OpenTrack since the
// last publish and those changed on both sides (conflicts), field by field: the value last
// published, in this file, and on OpenTrack. Per record (or for all of them) the user takes
// OpenTrack's version into the document (one undoable edit; the plan is made again) or
// overwrites it with the file's. Until then nothing of a conflict is sent and nothing changed
// on OpenTrack is overwritten.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    enum Role { KeyRole = Qt::UserRole + 1 };

    ReviewDialog(Publisher *publisher, const QString &server, QWidget *parent = nullptr);

    // The records whose OpenTrack changes or conflicts await a choice (not overwritten).
    int waiting() const { return m_waiting; }

Q_SIGNALS:
    // A record taken from OpenTrack, to be shown in the main window.
    void nodeRequested(const meetdesk::Node *node);

private:
    void rebuild();
    // The keys of the selected records that have changes on OpenTrack.
    QStringList selectedKeys() const;
    QStringList allKeys() const;
    void takeServerVersion(const QStringList &keys);
    void overwrite(const QStringList &keys, bool overwrite);
    void updateButtons();

    Publisher *m_publisher;
    QString m_server;
    QLabel *m_summary;
    QLabel *m_message;
    QTreeWidget *m_tree;
    QPushButton *m_take;
    QPushButton *m_overwrite;
    QPushButton *m_undecided;
    QPushButton *m_takeAll;
    QPushButton *m_overwriteAll;
    QPushButton *m_publish;
    int m_waiting = 0;
};

} // namespace meetdesk
