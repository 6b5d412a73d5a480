#include "printchooser.h"

#include "model/competition.h"
#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace meetdesk {

const Event *PrintChooser::eventOf(const Node *node)
{
    for (; node; node = node->parent()) {
        if (node->kind() == NodeKind::Event)
            return static_cast<const Event *>(node);
    }
    return nullptr;
}

PrintChooser::PrintChooser(const Competition &competition, const Node *current,
                           const QString &action, QWidget *parent)
    : QDialog(parent)
    , m_event(eventOf(current))
    , m_startLists(new QRadioButton(tr("&Start lists"), this))
    , m_results(new QRadioButton(tr("&Results"), this))
    , m_both(new QRadioButton(tr("B&oth"), this))
    , m_thisEvent(new QRadioButton(this))
    , m_day(new QRadioButton(tr("&Day"), this))
    , m_meet(new QRadioButton(tr("The &whole meet"), this))
    , m_days(new QComboBox(this))
    , m_paper(new QComboBox(this))
{
    setObjectName(QStringLiteral("printChooser"));
    setWindowTitle(action);
    m_startLists->setObjectName(QStringLiteral("startLists"));
    m_results->setObjectName(QStringLiteral("results"));
    m_both->setObjectName(QStringLiteral("both"));
    m_thisEvent->setObjectName(QStringLiteral("thisEvent"));
    m_day->setObjectName(QStringLiteral("day"));
    m_meet->setObjectName(QStringLiteral("wholeMeet"));
    m_days->setObjectName(QStringLiteral("days"));
    m_paper->setObjectName(QStringLiteral("paper"));

    auto *what = new QGroupBox(tr("Print"), this);
    auto *whatLayout = new QVBoxLayout(what);
    for (QRadioButton *b : {m_startLists, m_results, m_both})
        whatLayout->addWidget(b);

    auto *which = new QGroupBox(tr("For"), this);
    auto *whichLayout = new QVBoxLayout(which);
    m_thisEvent->setText(m_event ? tr("This &event: %1 %2")
                                       .arg(m_event->eventId, ReportBuilder::eventName(*m_event))
                                       .simplified()
                                 : tr("This &event (select one in the tree)"));
    m_thisEvent->setEnabled(m_event);
    auto *dayRow = new QHBoxLayout;
    dayRow->addWidget(m_day);
    dayRow->addWidget(m_days, 1);
    whichLayout->addWidget(m_thisEvent);
    whichLayout->addLayout(dayRow);
    whichLayout->addWidget(m_meet);

    const ReportBuilder builder(competition);
    for (int day : builder.days())
        m_days->addItem(QString::number(day), day);
    m_day->setEnabled(m_days->count() > 0);
    m_days->setEnabled(m_days->count() > 0);
    if (m_event) {
        int day = m_event->day.value_or(0);
        for (const Node *n = current; n && n != m_event; n = n->parent()) {
            if (n->kind() == NodeKind::Unit && static_cast<const Unit *>(n)->day)
                day = *static_cast<const Unit *>(n)->day;
        }
        m_days->setCurrentIndex(std::max(0, m_days->findData(day)));
    }
    connect(m_days, &QComboBox::activated, m_day, [this] { m_day->setChecked(true); });
    (m_event ? m_thisEvent : m_meet)->setChecked(true);

    // Results once the event has any; start lists before.
    bool performed = false;
    const auto hasPerformance = [](const NodeList<Result> &results) {
        return std::any_of(results.begin(), results.end(),
                           [](const auto &r) { return !r->performance.isEmpty(); });
    };
    if (m_event) {
        performed = hasPerformance(m_event->results);
        for (const auto &u : m_event->units)
            performed = performed || hasPerformance(u->results);
    }
    (performed ? m_results : m_startLists)->setChecked(true);

    m_paper->addItem(tr("A4"), int(QPageSize::A4));
    m_paper->addItem(tr("Letter"), int(QPageSize::Letter));
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(int(Settings::paperSize()))));
    auto *paperRow = new QFormLayout;
    paperRow->addRow(tr("&Paper:"), m_paper);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    buttons->button(QDialogButtonBox::Ok)->setText(action);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Settings::setPaperSize(paper());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(which);
    layout->addLayout(paperRow);
    layout->addWidget(buttons);
}

ReportRequest PrintChooser::request() const
{
    ReportRequest r;
    r.content = m_both->isChecked() ? ReportRequest::Content::Both
        : m_results->isChecked()    ? ReportRequest::Content::Results
                                    : ReportRequest::Content::StartLists;
    if (m_thisEvent->isChecked() && m_event) {
        r.scope = ReportRequest::Scope::Events;
        r.event = m_event->eventId;
    } else if (m_day->isChecked()) {
        r.scope = ReportRequest::Scope::Day;
        r.day = m_days->currentData().toInt();
    }
    return r;
}

QPageSize::PageSizeId PrintChooser::paper() const
{
    return QPageSize::PageSizeId(m_paper->currentData().toInt());
}

} // namespace meetdesk
