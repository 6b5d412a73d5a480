#include "trialcardmodel.h"

#include "athletics/fieldseries.h"
#include "athletics/nodeadapters.h"
#include "athletics/wind.h"

#include <QRegularExpression>

namespace meetdesk {

TrialCardModel::TrialCardModel(Document *document, const Unit *unit, QObject *parent)
    : AthleteCardModel(document, unit, parent)
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
    const HorizontalSeries series = fromnodes::horizontalSeries(unit(), bib);
    const int i = fieldseries::best(series);
    return i < 0 ? QString() : fieldseries::attemptText(series[i]);
}

QString TrialCardModel::normalizeMark(const QString &text, EventCatalogue::Kind kind)
{
    const Parsed<HorizontalAttempt> attempt = fieldseries::parseAttempt(kind, text);
    return attempt ? fieldseries::attemptText(*attempt) : QString();
}

QString TrialCardModel::cell(const QString &bib, int i) const
{
    const Trial *t = trial(bib, i + 1);
    if (!t)
        return {};
    return t->wind.isEmpty() ? t->result : t->result + u' ' + t->wind;
}

bool TrialCardModel::setCell(const Result &athlete, int i, const QString &text)
{
    const int attempt = i + 1;
    const Trial *existing = trial(athlete.bib, attempt);
    if (text.isEmpty()) {
        if (existing)
            m_edit.remove({existing});
        return true;
    }
    const auto kind = fromnodes::kindOf(unit());
    const Parsed<HorizontalAttempt> typed = fieldseries::parseAttempt(
        EventCatalogue::isFieldKind(kind) ? kind : EventCatalogue::Kind::Throw, text);
    // A wind reading goes with the attempt only where each attempt's wind is read.
    const Event *event = fromnodes::eventOf(unit());
    if (!typed
        || (typed->wind && (!event || Wind::entryOf(event->eventCode) != Wind::Entry::PerAttempt)))
        return false;
    const QString mark = fieldseries::attemptText(*typed);
    const QString wind = typed->wind ? Wind::toString(*typed->wind) : QString();
    if (existing) {
        m_edit.beginMacro(tr("Set attempt %1 of %2 to \"%3\"").arg(attempt).arg(athlete.bib, text));
        m_edit.setValue(*existing, QLatin1StringView("result"), mark);
        m_edit.setValue(*existing, QLatin1StringView("wind"), wind);
        m_edit.endMacro();
        return true;
    }
    auto t = std::make_unique<Trial>();
    t->bib = athlete.bib;
    t->round = attempt;
    t->result = mark;
    t->wind = wind;
    m_edit.append(unit(), ListId::Trials, std::move(t));
    return true;
}

int TrialCardModel::columnForHeader(const QString &name) const
{
    const int column = AthleteCardModel::columnForHeader(name);
    if (column >= 0)
        return column;
    static const QRegularExpression attempt(
        QStringLiteral("^(?:att|attempt|trial|try|round|jump|throw|a|t|r)?(\\d{1,2})$"));
    const QRegularExpressionMatch match = attempt.match(headerKey(name));
    const int n = match.hasMatch() ? match.captured(1).toInt() : 0;
    return n >= 1 && n <= attempts() ? FirstAttempt + n - 1 : -1;
}

void TrialCardModel::trialChanged(const Trial &trial)
{
    setVariableColumns(wantedAttempts()); // a seventh attempt widens the card
    AthleteCardModel::trialChanged(trial);
}

void TrialCardModel::ownerChanged(int)
{
    setVariableColumns(wantedAttempts());
    refreshAll();
}

} // namespace meetdesk
