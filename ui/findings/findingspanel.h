#pragma once

#include "rules/findingsservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace meetdesk {

class FindingsModel;

// The findings of the open document as a list (severity, record, field, message, rule),
// filtered by severity, kept current as the document is edited. Activating a finding
// (double-click, Enter) asks to go to its record and field.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Show { All, Errors, Warnings };

    explicit FindingsPanel(QWidget *parent = nullptr);

    // The service to list (nullptr: none); the panel's model follows it.
    void setService(FindingsService *service);
    void setShown(Show show);
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void findingActivated(const meetdesk::Node *node, const QString &field);

private:
    void activated(const QModelIndex &proxyIndex);
    void updateEmptyText();

    FindingsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_show;
    QLabel *m_empty;
    QTreeView *m_view;
};

} // namespace meetdesk
