#pragma once

#include "resultlistmodel.h"

namespace meetdesk {

// The card of a high jump or pole vault: one row per athlete, one column per height of the
// unit, each cell the attempts at that height ("o", "xo", "xxx", "-"), and the best height.
class HeightsGridModel : public ResultListModel
{
    Q_OBJECT

public:
    enum { Bib, Name, FirstHeight };

    HeightsGridModel(Document *document, const Unit *unit, QObject *parent = nullptr);

    int heights() const { return variableColumns(); }
    int bestColumn() const { return FirstHeight + heights(); }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The attempts of an athlete at a height, in order: "xxo".
    QString attempts(const QString &bib, const QString &height) const;
    // The highest height the athlete cleared, or an empty string.
    QString best(const QString &bib) const;
    // Adds the next bar height (one undo step).
    void addHeight(const QString &height);

protected:
    bool isEditableColumn(int column) const override;
    bool isEditableOnNewRow(int column) const override { return column == Bib; }
    void trialChanged(const Trial &trial) override;
    void ownerChanged(int field) override;

private:
    const Unit &unit() const { return *static_cast<const Unit *>(m_owner); }
    QString heightAt(int column) const;
};

} // namespace meetdesk
