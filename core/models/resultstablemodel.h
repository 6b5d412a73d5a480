#pragma once

#include "resultlistmodel.h"

namespace meetdesk {

// The results grid of a unit: bib (the athlete's name shown beside it), place, performance,
// points, lane, wind. Built for keyboard entry: the last row is always empty, and pasting
// rows from a spreadsheet fills rows (by their column names when they have them).
class ResultsTableModel : public ResultListModel
{
    Q_OBJECT

public:
    enum Column { Bib, Name, Place, Performance, Points, Lane, Wind, ColumnCount };

    ResultsTableModel(Document *document, const Node *owner, ListId list = ListId::UnitResults,
                      QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QLatin1StringView fieldOf(int column);

protected:
    bool isEditableColumn(int column) const override { return column != Name; }
    int columnForHeader(const QString &name) const override;
    // Two cells pasted at the bib are bib and performance; otherwise the cells fill the
    // columns that take typing, from the one the paste starts at (the name is skipped).
    QList<int> headerlessColumns(int column, int cells) const override;
    // A performance has a digit or is a status word: a name is not pasted there.
    bool pasteable(int column, const QString &text) const override;
};

} // namespace meetdesk
