#include "heightsgridmodel.h"

#include <QRegularExpression>

namespace meetdesk {

HeightsGridModel::HeightsGridModel(Document *document, const Unit *unit, QObject *parent)
    : ResultListModel(document, unit, ListId::UnitResults, parent)
{
    setVariableColumns(unit && unit->heights ? int(unit->heights->size()) : 0);
}

int HeightsGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstHeight + heights() + 1;
}

bool HeightsGridModel::isEditableColumn(int column) const
{
    return column == Bib || (column >= FirstHeight && column < bestColumn());
}

QString HeightsGridModel::heightAt(int column) const
{
    if (!m_owner || !unit().heights)
        return {};
    return unit().heights->value(column - FirstHeight);
}

QVariant HeightsGridModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    return heightAt(section);
}

QString HeightsGridModel::attempts(const QString &bib, const QString &height) const
{
    QString text;
    for (const auto &t : unit().trials) {
        if (t->bib == bib && t->height == height)
            text += t->result;
    }
    return text;
}

QString HeightsGridModel::best(const QString &bib) const
{
    QString best;
    double bestValue = -1;
    for (const auto &t : unit().trials) {
        if (t->bib != bib || t->result != u"o")
            continue;
        const double h = t->height.toDouble();
        if (h > bestValue) {
            bestValue = h;
            best = t->height;
        }
    }
    return best;
}

QVariant HeightsGridModel::data(const QModelIndex &index, int role) const
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
    return attempts(r->bib, heightAt(index.column()));
}

bool HeightsGridModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !isEditableColumn(index.column()))
        return false;
    if (index.column() == Bib)
        return setResultField(index.row(), QLatin1StringView("bib"), value.toString().trimmed());
    const Result *r = result(index.row());
    if (!r || r->bib.isEmpty())
        return false;
    const QString text = value.toString().trimmed().toLower().remove(u' ');
    static const QRegularExpression pattern(QStringLiteral("^(-|x{0,2}[or]?|x{3}|x{0,2}-)$"));
    if (!pattern.match(text).hasMatch())
        return false;
    const QString height = heightAt(index.column());
    if (text == attempts(r->bib, height))
        return true;
    m_edit.beginMacro(tr("Set attempts of %1 at %2 to \"%3\"").arg(r->bib, height, text));
    QList<const Node *> old;
    for (const auto &t : unit().trials) {
        if (t->bib == r->bib && t->height == height)
            old.append(t.get());
    }
    if (!old.isEmpty())
        m_edit.remove(old);
    for (const QChar c : text) {
        auto t = std::make_unique<Trial>();
        t->bib = r->bib;
        t->height = height;
        t->result = QString(c);
        m_edit.append(unit(), ListId::Trials, std::move(t));
    }
    m_edit.endMacro();
    return true;
}

void HeightsGridModel::addHeight(const QString &height)
{
    if (!m_owner || height.trimmed().isEmpty())
        return;
    QStringList list = unit().heights.value_or(QStringList());
    list.append(height.trimmed());
    m_edit.setValue(unit(), QLatin1StringView("heights"), list);
}

void HeightsGridModel::trialChanged(const Trial &trial)
{
    const int row = rowOfBib(trial.bib);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void HeightsGridModel::ownerChanged(int)
{
    setVariableColumns(unit().heights ? int(unit().heights->size()) : 0);
    refreshAll();
}

} // namespace meetdesk
