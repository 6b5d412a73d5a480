#pragma once

#include "resultlistmodel.h"

namespace meetdesk {

// The results grid of a unit: bib (the athlete's name shown beside it), place, performance,
// points, lane, wind. Built for keyboard entry: the last row is always empty, and pasting
// rows from a spreadsheet fills rows.
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

    // Fills cells from tab-separated rows, starting at (row, column) and skipping the name
    // column; rows past the end become new results. Two cells a row starting at the bib
    // column are bib and performance. One undo step. Returns the rows filled.
    int paste(int row, int column, const QString &text);

    static QLatin1StringView fieldOf(int column);

protected:
    bool isEditableColumn(int column) const override { return column != Name; }
};

} // namespace meetdesk
