#pragma once

#include "opentrack/publisher.h"

#include <QDialog>

namespace meetdesk {

// After publishing: what was done, and each failure and each field the server did not keep,
// with the server's own message and the record it belongs to. Double-clicking a line asks to
// select its record in the tree.
class ResultDialog : public QDialog
{
    Q_OBJECT

public:
    ResultDialog(const PublishReport &report, const QString &server, QWidget *parent = nullptr);

Q_SIGNALS:
    void nodeRequested(const meetdesk::Node *node);
};

} // namespace meetdesk
