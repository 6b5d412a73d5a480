#include "trialcardmodel.h"

#include <QRegularExpression>

namespace meetdesk {

TrialCardModel::TrialCardModel(Document *document, const Unit *unit, QObject *parent)
    : ResultListModel(document, unit, ListId::UnitResults, parent)
{
    setVariableColumns(wantedAttempts());
}

int TrialCardModel::wantedAttempts() const
{
    if (!m_owner)
        return 0;
    const Unit &u = unit();
    int wanted = 0;
    if (u.rounds)
        wanted = *u.rounds;
    else if (const auto *event = static_cast<const Event *>(u.parent());
             event && event->maxFieldAttempts)
        wanted = *event->maxFieldAttempts;
    else
        wanted = 6;
    for (const auto &t : u.trials)
        wanted = std::max(wanted, t->round.value_or(0));
    return std::clamp(wanted, 1, 12);
}

int TrialCardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstAttempt + attempts() + 1;
}

bool TrialCardModel::isEditableColumn(int column) const
{
    return column == Bib || (column >= FirstAttempt && column < bestColumn());
}

QVariant TrialCardModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    return QString::number(section - FirstAttempt + 1);
}

const Trial *TrialCardModel::trial(const QString &bib, int attempt) const
{
    if (!m_owner)
        return nullptr;
    for (const auto &t : unit().trials) {
        if (t->bib == bib && t->round == attempt)
            return t.get();
    }
    return nullptr;
}

QString TrialCardModel::best(const QString &bib) const
{
    double best = -1;
    QString text;
    for (const auto &t : unit().trials) {
        if (t->bib != bib)
            continue;
        bool ok = false;
        const double mark = t->result.toDouble(&ok);
        if (ok && mark > best) {
            best = mark;
            text = t->result;
        }
    }
    return text;
}

QString TrialCardModel::normalizeMark(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"x" || t == u"-" || t == u"r")
        return t;
    static const QRegularExpression mark(QStringLiteral("^\\d{1,3}([.,]\\d{1,2})?$"));
    if (!mark.match(t).hasMatch())
        return {};
    QString normal = t;
    normal.replace(u',', u'.');
    const qsizetype dot = normal.indexOf(u'.');
    if (dot < 0)
        return normal + QStringLiteral(".00");
    return normal.leftJustified(dot + 3, u'0');
}

QVariant TrialCardModel::data(const QModelIndex &index, int role) const
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
    const Trial *t = trial(r->bib, index.column() - FirstAttempt + 1);
    return t ? t->result : QString();
}

bool TrialCardModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !isEditableColumn(index.column()))
        return false;
    if (index.column() == Bib)
        return setResultField(index.row(), QLatin1StringView("bib"), value.toString().trimmed());
    const Result *r = result(index.row());
    if (!r || r->bib.isEmpty())
        return false;
    const QString text = value.toString().trimmed();
    const int attempt = index.column() - FirstAttempt + 1;
    const Trial *existing = trial(r->bib, attempt);
    if (text.isEmpty()) {
        if (existing)
            m_edit.remove({existing});
        return true;
    }
    const QString mark = normalizeMark(text);
    if (mark.isEmpty())
        return false;
    if (existing) {
        m_edit.setValue(*existing, QLatin1StringView("result"), mark);
        return true;
    }
    auto t = std::make_unique<Trial>();
    t->bib = r->bib;
    t->round = attempt;
    t->result = mark;
    m_edit.append(unit(), ListId::Trials, std::move(t));
    return true;
}

void TrialCardModel::trialChanged(const Trial &trial)
{
    setVariableColumns(wantedAttempts());
    const int row = rowOfBib(trial.bib);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void TrialCardModel::ownerChanged(int)
{
    setVariableColumns(wantedAttempts());
    refreshAll();
}

} // namespace meetdesk
