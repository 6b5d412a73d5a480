#pragma once

#include "model/document.h"
#include "rules/findingsservice.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QHash>
#include <QIcon>

#include <functional>

#include <array>

namespace meetdesk {

// The competition as a tree over the live nodes: Competition -> Competitors (events entered),
// Teams, Relay teams, Events -> Units -> Results and Trials. Index pointers are the nodes
// themselves, except for the four group rows under the competition ("Competitors (41)").
// It follows the Document's change notifications with row signals; it never resets.
class CompetitionTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { LabelColumn, DetailsColumn, StatusColumn, ColumnCount };
    enum Role {
        // Text to search: the label, details and, for results and trials, the athlete's name.
        FilterRole = Qt::UserRole + 1,
    };

    explicit CompetitionTreeModel(Document *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The node at an index; nullptr for the group rows.
    const Node *node(const QModelIndex &index) const;
    // The list a group row stands for, or nullopt when the index is not a group row.
    std::optional<ListId> group(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = LabelColumn) const;
    QModelIndex groupIndex(ListId list, int column = LabelColumn) const;

    // The status column of a node: its text ("new", "changed", "published", "failed"), colour,
    // tool tip (why it failed) and icon; the main window knows the sync state.
    struct Status
    {
        QString text;
        QColor colour;
        QString toolTip;
        QIcon icon;
    };
    using StatusProvider = std::function<Status(const Node &)>;
    void setStatusProvider(StatusProvider provider) { m_status = std::move(provider); }

    // Marks each node with the worst finding about it or under it (an icon in the label
    // column, a tool tip counting them), kept current from the service's signals.
    // Set before the model is shown.
    void setFindings(const FindingsService *findings);

private:
    struct Group
    {
        ListId list;
    };

    bool isGroup(const void *pointer) const;
    int rowOf(const Node &node) const;
    // The index a child list's rows live under, and the first row of that list there.
    QModelIndex listParent(const Node &parent, ListId list) const;
    int listOffset(const Node &parent, ListId list) const;
    QString competitorName(const QString &bib) const;

    void aboutToInsert(Node *parent, ListId list, int index);
    void inserted(Node *node);
    void aboutToRemove(Node *node);
    void removed(Node *parent, ListId list, int index);
    void aboutToMove(Node *node, int to);
    void moved(Node *node, int from);
    void changed(Node *node, int field);
    void updateGroupCount(const Node *parent, ListId list);

    Document *m_document;
    std::array<Group, 4> m_groups;
    mutable QHash<QString, const Competitor *> m_bibs; // built when first needed
    mutable bool m_bibsValid = false;
    bool m_moveAccepted = false;
    StatusProvider m_status;
    const FindingsService *m_findings = nullptr;
};

} // namespace meetdesk
