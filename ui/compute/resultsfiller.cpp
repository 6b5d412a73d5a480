#include "resultsfiller.h"

#include "athletics/nodeadapters.h"
#include "compute/compute.h"
#include "edit/documenteditor.h"
#include "models/athletecardmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>

namespace meetdesk {

namespace {

constexpr int shownAtMost = 4;

bool same(const QVariant &a, const QVariant &b)
{
    return a.isValid() == b.isValid() && (!a.isValid() || a == b);
}

} // namespace

int ResultsFiller::workFor(const Unit &unit)
{
    const auto kind = fromnodes::kindOf(unit);
    const bool field = EventCatalogue::isFieldKind(kind) || kind == EventCatalogue::Kind::Vertical
        || unit.isVerticalJump();
    const Event *event = fromnodes::eventOf(unit);
    const bool component = event && !event->parentEvent.isEmpty();
    return (field ? compute::Marks | compute::Places : 0) | (component ? compute::Points : 0);
}

ResultsFiller::ResultsFiller(DocumentEditor &edit, const Unit &unit, QWidget *parent)
    : QFrame(parent)
    , m_edit(edit)
    , m_unit(unit)
    , m_work(workFor(unit))
    , m_text(new QLabel(this))
    , m_take(new QPushButton(tr("Take the worked-out values"), this))
{
    setObjectName(QStringLiteral("resultsFiller"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("fillerText"));
    m_text->setWordWrap(true);
    m_take->setObjectName(QStringLiteral("takeWorkedOut"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_take, 0, Qt::AlignTop);
    connect(m_take, &QPushButton::clicked, this, &ResultsFiller::takeWorkedOut);
    connect(edit.document().undoStack(), &QUndoStack::indexChanged, this, &ResultsFiller::schedule);
    settle();
}

void ResultsFiller::follow(ResultListModel *grid)
{
    const int work = qobject_cast<AthleteCardModel *>(grid) ? m_work : m_work & compute::Points;
    if (!grid || work == 0)
        return;
    connect(grid, &ResultListModel::edited, this, [this, work] {
        m_pending |= work;
        schedule();
    });
}

void ResultsFiller::schedule()
{
    // Once the edit's own step is done (a paste is one step of many cells), never inside it.
    if (std::exchange(m_scheduled, true))
        return;
    QMetaObject::invokeMethod(this, &ResultsFiller::settle, Qt::QueuedConnection);
}

void ResultsFiller::fill(int work)
{
    const Proposal worked = compute::results(m_unit, work);
    Proposal fills = worked;
    fills.changes.clear();
    for (const ProposedChange &c : worked.changes) {
        const auto before = m_settled.constFind({c.node, c.field});
        const bool followed = before != m_settled.constEnd() && same(*before, c.old);
        if (!c.replaces() || followed)
            fills.changes.append(c);
    }
    const QString where = compute::whereOf(m_unit);
    m_edit.apply(fills,
                 work & compute::Marks ? tr("Fill the results of %1 from the trials").arg(where)
                                       : tr("Points and standings after %1").arg(where));
}

void ResultsFiller::settle()
{
    m_scheduled = false;
    if (!m_unit.parent()) { // deleted (its editor goes too)
        hide();
        return;
    }
    if (const int work = std::exchange(m_pending, 0))
        fill(work); // pushes a step, which settles again
    const Proposal now = compute::results(m_unit, m_work);
    m_settled.clear();
    for (const auto *list : {&now.changes, &now.agreed}) {
        for (const ProposedChange &c : *list)
            m_settled.insert({c.node, c.field}, c.value);
    }
    QStringList lines;
    for (const ProposedChange &c : now.changes) {
        if (lines.size() < shownAtMost)
            lines.append(compute::describe(c, &m_unit));
    }
    for (const ProposedResult &a : now.additions) {
        if (lines.size() < shownAtMost)
            lines.append(compute::describe(a, &m_unit));
    }
    const int more = int(now.changes.size() + now.additions.size()) - int(lines.size());
    if (more > 0)
        lines.append(tr("and %n more", nullptr, more));
    QString text;
    if (!lines.isEmpty())
        text = (m_work & compute::Marks ? tr("The Results tab does not hold what the trials give:")
                                        : tr("The points do not follow from the results:"))
            + u'\n' + lines.join(u'\n');
    for (const QString &note : now.notes)
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + note;
    m_text->setText(text);
    m_take->setVisible(!now.isEmpty());
    setVisible(!text.isEmpty());
}

void ResultsFiller::takeWorkedOut()
{
    m_edit.apply(compute::results(m_unit, m_work),
                 tr("Take the worked-out values for %1").arg(compute::whereOf(m_unit)));
}

} // namespace meetdesk
