#include "athletecardmodel.h"

namespace meetdesk {

AthleteCardModel::AthleteCardModel(Document *document, const Unit *unit, QObject *parent)
    : ResultListModel(document, unit, ListId::UnitResults, parent)
{ }

int AthleteCardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : bestColumn() + 1;
}

bool AthleteCardModel::isEditableColumn(int column) const
{
    return column == Bib || (column >= FirstVariable && column < bestColumn());
}

QVariant AthleteCardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return isNewRow(section) ? QStringLiteral("*") : QString::number(section + 1);
    if (section == Bib)
        return tr("Bib");
    if (section == Name)
        return tr("Name");
    if (section == bestColumn())
        return tr("Best");
    return variableHeader(section - FirstVariable);
}

QVariant AthleteCardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const Result *r = result(index.row());
    if (!r)
        return {};
    if (index.column() == Bib)
        return r->bib;
    if (index.column() == Name)
        return nameOf(r->bib);
    if (index.column() == bestColumn())
        return best(r->bib);
    return cell(r->bib, index.column() - FirstVariable);
}

bool AthleteCardModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !isEditableColumn(index.column()))
        return false;
    if (index.column() == Bib)
        return setResultField(index.row(), QLatin1StringView("bib"), value.toString().trimmed());
    const Result *r = result(index.row());
    if (!r || r->bib.isEmpty())
        return false;
    if (!setCell(*r, index.column() - FirstVariable, value.toString().trimmed()))
        return false;
    Q_EMIT edited();
    return true;
}

void AthleteCardModel::trialChanged(const Trial &trial)
{
    const int row = rowOfBib(trial.bib);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

} // namespace meetdesk
