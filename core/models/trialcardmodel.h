#pragma once

#include "resultlistmodel.h"

namespace meetdesk {

// The field card of a horizontal jump or throw: one row per athlete (the unit's results),
// one column per attempt with a mark ("7.42"), a foul "x" or a pass "-", and the best mark.
class TrialCardModel : public ResultListModel
{
    Q_OBJECT

public:
    enum { Bib, Name, FirstAttempt };

    TrialCardModel(Document *document, const Unit *unit, QObject *parent = nullptr);

    int attempts() const { return variableColumns(); }
    int bestColumn() const { return FirstAttempt + attempts(); }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Trial *trial(const QString &bib, int attempt) const;
    // The best valid mark of an athlete, or an empty string.
    QString best(const QString &bib) const;
    // "7.42", "x", "-" or "r" as the card stores it; an empty string when the text is no mark.
    static QString normalizeMark(const QString &text);

protected:
    bool isEditableColumn(int column) const override;
    bool isEditableOnNewRow(int column) const override { return column == Bib; }
    void trialChanged(const Trial &trial) override;
    void ownerChanged(int field) override;

private:
    const Unit &unit() const { return *static_cast<const Unit *>(m_owner); }
    int wantedAttempts() const;
};

} // namespace meetdesk
