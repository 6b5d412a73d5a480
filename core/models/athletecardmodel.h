#pragma once

#include "resultlistmodel.h"

namespace meetdesk {

// The frame the field cards share: a row per athlete of the unit, Bib and Name columns, a run
// of columns of the athlete's trials (attempts, or heights), and the best performance.
// Subclasses say what a trial column is called, shows and takes.
class AthleteCardModel : public ResultListModel
{
    Q_OBJECT

public:
    enum { Bib, Name, FirstVariable };

    AthleteCardModel(Document *document, const Unit *unit, QObject *parent = nullptr);

    int bestColumn() const { return FirstVariable + variableColumns(); }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The athlete's best performance, or an empty string.
    virtual QString best(const QString &bib) const = 0;

protected:
    const Unit &unit() const { return *static_cast<const Unit *>(m_owner); }
    bool isEditableColumn(int column) const override;
    bool isEditableOnNewRow(int column) const override { return column == Bib; }
    void trialChanged(const Trial &trial) override;

    virtual QString variableHeader(int i) const = 0;
    virtual QString cell(const QString &bib, int i) const = 0;
    // Takes what was typed into trial column i of an athlete; false refuses it.
    virtual bool setCell(const Result &athlete, int i, const QString &text) = 0;
};

} // namespace meetdesk
