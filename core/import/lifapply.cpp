#include "lifapply.h"

#include "edit/documenteditor.h"
#include "format/lynxnumbering.h"

#include <QCoreApplication>
#include <QHash>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::LifApply", text);
}

} // namespace

QString LifApply::heatName(const LifPlan &plan)
{
    if (!plan.event)
        return tr("FinishLynx event %1, round %2, heat %3")
            .arg(plan.lynxEvent)
            .arg(plan.round)
            .arg(plan.heat);
    return tr("%1, round %2, heat %3")
        .arg(LynxNumbering::eventName(*plan.event))
        .arg(plan.round)
        .arg(plan.heat);
}

namespace { } // namespace

QString LifApplied::summary() const
{
    return tr("%1: results changed: %2, added: %3. Rows held for review: %4.")
        .arg(heat)
        .arg(updated.size())
        .arg(added.size())
        .arg(held.size());
}

QStringList LifApplied::heldLines() const
{
    QStringList lines;
    for (const LifPlan::Held &h : held)
        lines.append(tr("%1, line %2: %3").arg(source).arg(h.row.line).arg(h.reason));
    return lines;
}

LifApplied LifApply::apply(DocumentEditor &edit, const LifPlan &plan, const LifChoices &choices)
{
    LifApplied done;
    done.source = plan.source;
    done.unit = plan.unit;
    done.heat = heatName(plan);
    QList<LifPlan::Row> rows = plan.rows;
    for (const LifPlan::Held &h : plan.held) {
        const bool chosen = choices.acceptAll || choices.accepted.contains(h.row.line);
        if (chosen && plan.unit && !h.row.bib.isEmpty()) {
            rows.append(h.row);
            done.acceptedAnyway.append(h);
        } else {
            done.held.append(h);
        }
    }
    if (!plan.unit || rows.isEmpty())
        return done;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.line < b.line; });

    static const auto place = QLatin1StringView("place");
    static const auto performance = QLatin1StringView("performance");
    static const auto lane = QLatin1StringView("lane");
    static const auto wind = QLatin1StringView("wind");
    QHash<QString, const Result *> set; // bib -> the result this import set, for a bib twice
    edit.beginMacro(tr("Results of %1 from %2").arg(done.heat, plan.source));
    for (const LifPlan::Row &row : std::as_const(rows)) {
        const Result *result = set.value(row.bib, row.existing);
        if (!result) {
            auto added = std::make_unique<Result>();
            added->bib = row.bib;
            added->place = row.place;
            added->performance = row.performance.isEmpty() ? QString() : row.performance;
            added->lane = row.lane;
            added->wind = row.wind.isEmpty() ? QString() : row.wind;
            result = static_cast<const Result *>(
                edit.append(*plan.unit, ListId::UnitResults, std::move(added)));
            done.added.append(result);
        } else {
            const bool changes = result->place != row.place
                || result->performance != row.performance || (row.lane && result->lane != row.lane)
                || (!row.wind.isEmpty() && result->wind != row.wind);
            edit.setValue(*result, place, row.place ? QVariant(*row.place) : QVariant());
            edit.setValue(*result, performance, row.performance);
            if (row.lane)
                edit.setValue(*result, lane, *row.lane);
            if (!row.wind.isEmpty())
                edit.setValue(*result, wind, row.wind);
            if (changes && !done.updated.contains(result) && !done.added.contains(result))
                done.updated.append(result);
        }
        set.insert(row.bib, result);
    }
    edit.endMacro();
    return done;
}

} // namespace meetdesk
