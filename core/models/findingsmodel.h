#pragma once

#include "rules/findingsservice.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace meetdesk {

// Every finding of a document's FindingsService, one row each, in the order of the records
// they are about. It follows the service's signals: a record's findings that change leave and
// come back as rows (removed, then inserted where they go); it never resets, so an edit in a
// large meet costs what that edit changed, not a new list.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        RecordColumn,
        FieldColumn,
        MessageColumn,
        RuleColumn,
        ColumnCount
    };
    enum Role {
        // "error" or "warning", for filtering by severity.
        SeverityRole = Qt::UserRole + 1,
        // The field's name in the schema ("competitor_id"); empty for the record as a whole.
        FieldNameRole,
    };

    explicit FindingsModel(FindingsService &service, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The finding of a row, its node, and the field it is about.
    Finding finding(int row) const;
    const Node *node(const QModelIndex &index) const;
    QString fieldName(const QModelIndex &index) const;

    // The icons the panel, the tree and the status bar show for a severity.
    static QIcon icon(Finding::Severity severity);

private:
    struct Row
    {
        const Node *owner;
        int index;
    };

    const NodeFinding &at(int row) const;
    void ownerAboutToChange(const Node *owner);
    void ownerChanged(const Node *owner);

    FindingsService &m_service;
    QList<Row> m_rows;
    // How many rows each owner has, so an owner without any costs no search.
    QHash<const Node *, int> m_rowsOf;
};

} // namespace meetdesk
