#include "heightsgridmodel.h"

#include "athletics/fieldseries.h"
#include "athletics/nodeadapters.h"

namespace meetdesk {

HeightsGridModel::HeightsGridModel(Document *document, const Unit *unit, QObject *parent)
    : AthleteCardModel(document, unit, parent)
{
    setVariableColumns(unit && unit->heights ? int(unit->heights->size()) : 0);
}

QString HeightsGridModel::heightAt(int i) const
{
    if (!m_owner || !unit().heights)
        return {};
    return unit().heights->value(i);
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
    const int i = fieldseries::lastCleared(fromnodes::verticalSeries(unit(), bib));
    return i < 0 ? QString() : heightAt(i);
}

bool HeightsGridModel::setCell(const Result &athlete, int i, const QString &typed)
{
    const Parsed<QString> cell = fieldseries::parseHeightAttempts(typed);
    if (!cell)
        return false;
    const QString &text = *cell;
    const QString height = heightAt(i);
    if (text == attempts(athlete.bib, height))
        return true;
    m_edit.beginMacro(tr("Set attempts of %1 at %2 to \"%3\"").arg(athlete.bib, height, text));
    QList<const Node *> old;
    for (const auto &t : unit().trials) {
        if (t->bib == athlete.bib && t->height == height)
            old.append(t.get());
    }
    if (!old.isEmpty())
        m_edit.remove(old);
    for (const QChar c : text) {
        auto t = std::make_unique<Trial>();
        t->bib = athlete.bib;
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

int HeightsGridModel::columnForHeader(const QString &name) const
{
    const int column = AthleteCardModel::columnForHeader(name);
    if (column >= 0)
        return column;
    bool ok = false;
    const double pasted = headerKey(name).toDouble(&ok);
    for (int i = 0; ok && i < heights(); ++i) {
        if (qFuzzyCompare(heightAt(i).toDouble(), pasted))
            return FirstHeight + i;
    }
    return -1;
}

void HeightsGridModel::ownerChanged(int)
{
    setVariableColumns(unit().heights ? int(unit().heights->size()) : 0);
    refreshAll();
}

} // namespace meetdesk
