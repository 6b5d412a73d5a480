#pragma once

#include "opentrack/publisher.h"

#include <QDialog>

namespace meetdesk {

// "Review changes": what a publish will create, change and delete on the server, grouped and
// counted, before anything is sent.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    ReviewDialog(const QList<PublishItem> &items, const QString &server, QWidget *parent = nullptr);
};

} // namespace meetdesk
