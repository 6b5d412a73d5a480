#pragma once

#include "edit/documenteditor.h"

#include <QAbstractTableModel>

namespace meetdesk {

// Base of the grids that show one row per result of a unit (or of a combined event), plus a
// last empty row where typing creates a new result. It follows the Document with row and
// data signals, so a view keeps its current cell while the user types.
class ResultListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    ResultListModel(Document *document, const Node *owner, ListId list, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const Node *owner() const { return m_owner; }
    // The result of a row; nullptr for the new row.
    const Result *result(int row) const;
    bool isNewRow(int row) const { return row == resultCount(); }
    int resultCount() const;
    int rowOfBib(const QString &bib) const;

    // "Tom Adeyemi" for a competitor's bib, the team name for a relay bib.
    QString nameOf(const QString &bib) const;

    struct PasteReport
    {
        int rows = 0; // rows pasted into
        QStringList columns; // where the pasted columns went, when they had names
        QStringList leftOut; // "Pasted row 2, Performance: "Tom Adeyemi" ...": not taken
    };
    // Fills cells from tab-separated rows (a spreadsheet's copy), from row onwards; rows past
    // the end become new results. When the first pasted row names its columns ("Pos", "Bib",
    // "Name", "Time", "Wind"...), each column goes where its name says, wherever the paste
    // starts; otherwise the cells go where headerlessColumns() says from column. A cell its
    // column cannot take is left out and reported with its row. One undo step.
    PasteReport paste(int row, int column, const QString &text);

    // Deletes the results of these rows and, in a unit, their athletes' trials: one undo step.
    // The empty last row is ignored. Returns how many results were deleted.
    int deleteRows(const QList<int> &rows);

Q_SIGNALS:
    // The user changed the grid (a cell taken, rows pasted or deleted), not an undo or redo:
    // what follows the grid (results filled from trials) may follow this edit.
    void edited();

protected:
    // The column a pasted column name stands for, or -1. By default a column whose header
    // reads the same, and Bib or Name for their usual names.
    virtual int columnForHeader(const QString &name) const;
    // Where the cells of a pasted row without column names go, starting at column. By
    // default one cell a column, rightwards.
    virtual QList<int> headerlessColumns(int column, int cells) const;
    // Whether pasted text may go into a column that would otherwise take any text.
    virtual bool pasteable(int /*column*/, const QString & /*text*/) const { return true; }
    // "Time (s)" -> "time", "No." -> "no", "1,50" -> "1.50": pasted names as compared.
    static QString headerKey(const QString &name);

    // Sets a field of the row's result, or creates the result (with bib and that field) on
    // the new row; one undo step either way.
    bool setResultField(int row, QLatin1StringView field, const QVariant &value);
    virtual bool isEditableColumn(int column) const = 0;
    // On the empty last row only the columns that can start a result are editable.
    virtual bool isEditableOnNewRow(int column) const { return isEditableColumn(column); }
    // A trial of this unit changed (added, removed or edited): refresh its athlete's row.
    virtual void trialChanged(const Trial &) { }
    // The owner itself changed (e.g. the unit's heights).
    virtual void ownerChanged(int) { }
    // Grids with a variable run of columns after Bib and Name (attempts, heights) keep the
    // view's columns in step with it.
    int variableColumns() const { return m_variableColumns; }
    void setVariableColumns(int count);
    void refreshAll();

    Document *m_document;
    DocumentEditor m_edit;
    const Node *m_owner;
    ListId m_list;

private:
    void aboutToInsert(Node *parent, ListId list, int index);
    void inserted(Node *node);
    void aboutToRemove(Node *node);
    void removed(Node *parent, ListId list, int index);
    void aboutToMove(Node *node, int to);
    void moved(Node *node, int from);
    void changed(Node *node, int field);
    bool ours(const Node *parent, ListId list) const
    {
        return m_owner && parent == m_owner && list == m_list;
    }
    bool isTrialOfOurs(const Node *node) const;
    void refreshRow(int row);

    bool m_moving = false;
    int m_filling = -1; // the empty row an appended result is filling, while rows are inserted
    int m_variableColumns = 0;
};

} // namespace meetdesk
