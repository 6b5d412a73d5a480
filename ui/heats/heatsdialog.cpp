#include "heatsdialog.h"

#include "model/describe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

using Kind = StartListPlan::Kind;

QSpinBox *spin(QWidget *parent, const char *name, int minimum, int maximum, int value)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1StringView(name));
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

template<class T>
QComboBox *combo(QWidget *parent, const char *name, const QList<std::pair<QString, T>> &items,
                 T current)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(QLatin1StringView(name));
    for (const auto &[text, value] : items) {
        box->addItem(text, int(value));
        if (value == current)
            box->setCurrentIndex(box->count() - 1);
    }
    return box;
}

} // namespace

HeatsDialog::HeatsDialog(const Document &document, const Event &event, Kind kind,
                         const HeatRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_event(event)
    , m_kind(kind)
    , m_request(request)
    , m_heats(spin(this, "heats", 1, 99, request.heats))
    , m_lanes(spin(this, "lanes", 1, 12, request.lanes))
    , m_preview(new QTreeWidget(this))
    , m_notes(new QLabel(this))
    , m_error(new QLabel(this))
    , m_replaced(new QLabel(this))
    , m_confirm(new QCheckBox(tr("Re&place what these heats hold"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("heatsDialog"));
    const QString label = describe::label(event);
    const int round = kind == Kind::Advance ? request.round + 1 : request.round;
    setWindowTitle(
        kind == Kind::Seed ? tr("Seed heats: %1").arg(label)
            : kind == Kind::Draw
            ? tr("Draw lanes: %1, round %2").arg(label).arg(round)
            : tr("Advance: %1, round %2 to round %3").arg(label).arg(request.round).arg(round));

    auto *heading = new QLabel(windowTitle(), this);
    heading->setObjectName(QStringLiteral("heading"));
    QFont big = heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    heading->setFont(big);

    auto *settings = new QGroupBox(tr("Settings"), this);
    auto *form = new QFormLayout(settings);
    if (kind == Kind::Seed) {
        m_seedMark = combo<HeatSettings::SeedMark>(
            this, "seedMark",
            {{tr("Season's best (personal best where there is none)"),
              HeatSettings::SeedMark::SeasonBest},
             {tr("Personal best (season's best where there is none)"),
              HeatSettings::SeedMark::PersonalBest}},
            request.settings.seedMark);
        m_method = combo<seeding::Method>(
            this, "method",
            {{tr("Seeded: the ranking in a zig-zag over the heats"), seeding::Method::Seeded},
             {tr("Random within seeding groups"), seeding::Method::RandomInGroups},
             {tr("By ability: like marks together, the fastest heat last"),
              seeding::Method::ByAbility}},
            request.settings.method);
        // Relay teams carry no seed marks in OpenTrack's data.
        m_seedMark->setEnabled(EventCatalogue::kindOf(event.eventCode)
                               != EventCatalogue::Kind::Relay);
        form->addRow(tr("Seed &on:"), m_seedMark);
        form->addRow(tr("&Method:"), m_method);
    }
    if (kind == Kind::Advance || (kind == Kind::Draw && request.round > 1)) {
        m_byPlace = spin(this, "byPlace", 0, 99, request.byPlace);
        form->addRow(tr("Through by pla&ce (Q), per heat:"), m_byPlace);
    }
    if (kind == Kind::Advance) {
        m_byTime = spin(this, "byTime", 0, 99, request.byTime);
        form->addRow(tr("Through by &time (q):"), m_byTime);
    }
    form->addRow(kind == Kind::Advance ? tr("&Heats in round %1:").arg(round) : tr("&Heats:"),
                 m_heats);
    m_heats->setEnabled(kind != Kind::Draw); // a draw keeps the heats
    form->addRow(tr("&Lanes:"), m_lanes);
    m_laneDraw = combo<lanedraw::Method>(
        this, "laneDraw",
        {{tr("World Athletics (rule 20.4): by lot in a first round, by ranking groups later"),
          lanedraw::Method::WorldAthletics},
         {tr("All by lot"), lanedraw::Method::ByLot},
         {tr("By rank across the track, no draw"), lanedraw::Method::ByRank}},
        request.settings.laneDraw);
    form->addRow(tr("Lane &draw:"), m_laneDraw);
    if (kind != Kind::Draw) {
        m_separateClubs = new QCheckBox(tr("&Keep club mates in different heats where the "
                                           "seeding allows"),
                                        this);
        m_separateClubs->setObjectName(QStringLiteral("separateClubs"));
        m_separateClubs->setChecked(request.settings.separateClubs);
        form->addRow(m_separateClubs);
    }

    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true);
    m_preview->setAlternatingRowColors(true);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_error->setObjectName(QStringLiteral("error"));
    m_replaced->setObjectName(QStringLiteral("replaced"));
    m_confirm->setObjectName(QStringLiteral("confirmReplace"));
    for (QLabel *l : {m_notes, m_error, m_replaced}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
    }
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_replaced->setStyleSheet(QStringLiteral("color: #8a5a00"));

    auto *again = new QPushButton(tr("&Redraw"), this);
    again->setObjectName(QStringLiteral("redraw"));
    again->setToolTip(tr("Draw again by lot with the same settings"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(again);
    bottom->addStretch();
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(settings);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_error);
    layout->addWidget(m_replaced);
    layout->addWidget(m_confirm);
    layout->addLayout(bottom);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(again, &QPushButton::clicked, this, &HeatsDialog::redraw);
    connect(m_confirm, &QCheckBox::toggled, this, &HeatsDialog::showPlan);
    for (QSpinBox *box : {m_heats, m_lanes, m_byPlace, m_byTime}) {
        if (box)
            connect(box, &QSpinBox::valueChanged, this, &HeatsDialog::refresh);
    }
    for (QComboBox *box : {m_seedMark, m_method, m_laneDraw}) {
        if (box)
            connect(box, &QComboBox::currentIndexChanged, this, &HeatsDialog::refresh);
    }
    if (m_separateClubs)
        connect(m_separateClubs, &QCheckBox::toggled, this, &HeatsDialog::refresh);

    resize(860, 660);
    refresh();
}

HeatRequest HeatsDialog::request() const
{
    HeatRequest r = m_request;
    r.heats = m_heats->value();
    r.lanes = m_lanes->value();
    if (m_seedMark)
        r.settings.seedMark = HeatSettings::SeedMark(m_seedMark->currentData().toInt());
    if (m_method)
        r.settings.method = seeding::Method(m_method->currentData().toInt());
    if (m_separateClubs)
        r.settings.separateClubs = m_separateClubs->isChecked();
    r.settings.laneDraw = lanedraw::Method(m_laneDraw->currentData().toInt());
    if (m_byPlace)
        r.byPlace = m_byPlace->value();
    if (m_byTime)
        r.byTime = m_byTime->value();
    return r;
}

void HeatsDialog::addNote(const QString &note)
{
    m_extraNotes.append(note);
    showPlan();
}

void HeatsDialog::redraw()
{
    m_request.seed = QRandomGenerator::global()->generate();
    refresh();
}

void HeatsDialog::refresh()
{
    const QStringList replacedBefore = m_plan.replaced;
    m_request = request();
    m_plan = HeatPlanner::plan(m_document.competition(), m_event, m_kind, m_request);
    if (m_plan.replaced != replacedBefore)
        m_confirm->setChecked(false); // confirmed for what it said before, not this
    showPlan();
}

void HeatsDialog::showPlan()
{
    const bool advance = m_kind == Kind::Advance;
    const bool previous = advance || (m_kind == Kind::Draw && m_plan.round > 1);
    QStringList headers {m_plan.inLanes ? tr("Lane") : tr("Order"), tr("Bib"), tr("Name"),
                         tr("Club"), tr("Seed mark")};
    if (advance)
        headers.append(tr("Through"));
    if (previous)
        headers.append(tr("Round %1").arg(m_plan.round - 1));
    m_preview->clear();
    m_preview->setColumnCount(int(headers.size()));
    m_preview->setHeaderLabels(headers);
    QFont bold = m_preview->font();
    bold.setBold(true);
    for (const StartListPlan::Heat &heat : m_plan.heats) {
        auto *item = new QTreeWidgetItem(m_preview);
        const QString name = heat.unit && !heat.unit->heatName.isEmpty()
            ? heat.unit->heatName
            : (m_plan.heats.size() == 1 && advance ? tr("Final") : tr("Heat %1").arg(heat.heat));
        item->setText(0, tr("%1: %n athlete(s)", nullptr, int(heat.lines.size())).arg(name));
        item->setFirstColumnSpanned(true);
        item->setFont(0, bold);
        for (const StartListPlan::Line &line : heat.lines) {
            auto *row = new QTreeWidgetItem(item);
            const std::optional<int> at = m_plan.inLanes ? line.lane : line.order;
            QStringList cells {at ? QString::number(*at) : QString(), line.bib, line.name,
                               line.club, line.seed};
            if (advance)
                cells.append(line.qualified);
            if (previous)
                cells.append(line.previous);
            for (qsizetype c = 0; c < cells.size(); ++c)
                row->setText(int(c), cells[c]);
        }
    }
    m_preview->expandAll();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->resizeColumnToContents(c);
    m_lanes->setEnabled(m_plan.inLanes);

    const QStringList notes = m_extraNotes + m_plan.notes;
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    m_error->setText(m_plan.error);
    m_error->setVisible(!m_plan.ok());
    m_replaced->setText(tr("Applying changes what is there now:") + u'\n'
                        + m_plan.replaced.join(u'\n'));
    const bool replaces = m_plan.ok() && !m_plan.replaced.isEmpty();
    m_replaced->setVisible(replaces);
    m_confirm->setVisible(replaces);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_plan.ok() && (!replaces || m_confirm->isChecked()));
}

} // namespace meetdesk
