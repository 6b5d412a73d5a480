#include "meetdayactions.h"

#include "athletics/nodeadapters.h"
#include "edit/documenteditor.h"
#include "heatsdialog.h"
#include "model/describe.h"

#include <QAction>
#include <QMenu>

namespace meetdesk {

MeetDayActions::MeetDayActions(QWidget *window, std::function<Document *()> document,
                               std::function<DocumentEditor *()> editor,
                               std::function<const Node *()> current,
                               std::function<void(const Node *)> select)
    : QObject(window)
    , m_window(window)
    , m_document(std::move(document))
    , m_editor(std::move(editor))
    , m_current(std::move(current))
    , m_select(std::move(select))
    , m_menu(new QMenu(tr("Meet &day"), window))
    , m_seed(new QAction(tr("&Seed heats..."), this))
    , m_draw(new QAction(tr("Draw &lanes..."), this))
    , m_advance(new QAction(tr("&Advance to next round..."), this))
{
    m_menu->setObjectName(QStringLiteral("meetDayMenu"));
    m_seed->setObjectName(QStringLiteral("seedHeatsAction"));
    m_draw->setObjectName(QStringLiteral("drawLanesAction"));
    m_advance->setObjectName(QStringLiteral("advanceAction"));
    m_seed->setStatusTip(tr("Put the selected race's entrants into heats, with lanes"));
    m_draw->setStatusTip(tr("Draw the lanes of the selected round's heats again"));
    m_advance->setStatusTip(tr("Take the qualifiers of a round into the next round's heats"));
    m_menu->addActions(actions());
    connect(m_menu, &QMenu::aboutToShow, this, &MeetDayActions::updateActions);
    connect(m_seed, &QAction::triggered, this, [this] { open(StartListPlan::Kind::Seed); });
    connect(m_draw, &QAction::triggered, this, [this] { open(StartListPlan::Kind::Draw); });
    connect(m_advance, &QAction::triggered, this, [this] { open(StartListPlan::Kind::Advance); });
}

QList<QAction *> MeetDayActions::actions() const
{
    return {m_seed, m_draw, m_advance};
}

const Event *MeetDayActions::currentRace() const
{
    const Node *node = m_current();
    const Event *event = node ? fromnodes::eventOf(*node) : nullptr;
    return event && HeatPlanner::hasHeats(*event) ? event : nullptr;
}

void MeetDayActions::updateActions()
{
    const bool race = currentRace() != nullptr;
    for (QAction *a : actions())
        a->setEnabled(race);
}

void MeetDayActions::open(StartListPlan::Kind kind)
{
    const Event *event = currentRace();
    Document *document = m_document();
    if (!event || !document)
        return;
    QString problem;
    const HeatRequest request
        = HeatPlanner::request(*document, *event, kind, m_current(), &problem);
    auto *dialog = new HeatsDialog(*document, *event, kind, request, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (!problem.isEmpty())
        dialog->addNote(tr("The saved settings could not be read, so the defaults are shown "
                           "(%1)")
                            .arg(problem));
    connect(dialog, &QDialog::accepted, this, [this, dialog, document] {
        if (document != m_document())
            return; // another file was opened meanwhile
        const StartListPlan &plan = dialog->plan();
        HeatPlanner::apply(*m_editor(), plan);
        for (const auto &unit : plan.event->units) {
            if (unit->round == plan.round && unit->heat == 1) {
                m_select(unit.get());
                break;
            }
        }
        int athletes = 0;
        for (const auto &heat : plan.heats)
            athletes += int(heat.lines.size());
        Q_EMIT message(tr("%1: %n heat(s) of round %2 with %3 athletes; Edit > Undo takes "
                          "them back",
                          nullptr, int(plan.heats.size()))
                           .arg(describe::label(*plan.event))
                           .arg(plan.round)
                           .arg(athletes));
    });
    dialog->open();
}

} // namespace meetdesk
