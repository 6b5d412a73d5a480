#include "nodeeditor.h"

#include "athletics/countries.h"
#include "athletics/eventcatalogue.h"
#include "athletics/slug.h"
#include "compute/resultsfiller.h"
#include "entrytableview.h"
#include "fieldform.h"
#include "model/describe.h"
#include "models/heightsgridmodel.h"
#include "models/resultstablemodel.h"
#include "models/trialcardmodel.h"
#include "rules/findingsservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

using Choice = FieldForm::Choice;

QList<Choice> plain(std::initializer_list<const char *> values)
{
    QList<Choice> out;
    for (const char *v : values)
        out.append({QString::fromLatin1(v), QString()});
    return out;
}

QList<Choice> countryChoices()
{
    QList<Choice> out;
    for (const Country &c : countries())
        out.append({c.code, c.code + QStringLiteral(" — ") + c.name});
    return out;
}

QList<Choice> teamChoices(const Competition &c)
{
    QList<Choice> out;
    for (const auto &t : c.teams)
        out.append(
            {t->teamId,
             t->teamName.isEmpty() ? t->teamId : t->teamId + QStringLiteral(" — ") + t->teamName});
    return out;
}

QList<Choice> eventIdChoices(const Competition &c, bool combinedOnly = false)
{
    QList<Choice> out;
    for (const auto &e : c.events) {
        if (combinedOnly && EventCatalogue::kindOf(e->eventCode) != EventCatalogue::Kind::Combined)
            continue;
        out.append({e->eventId, describe::label(*e)});
    }
    return out;
}

QList<Choice> codeChoices()
{
    QList<Choice> out;
    for (const QString &code : EventCatalogue::standardCodes()) {
        const QString name = EventCatalogue::displayName(code);
        out.append(
            {code, name.isEmpty() || name == code ? code : code + QStringLiteral(" — ") + name});
    }
    return out;
}

const Competition &competitionOf(const Node &node)
{
    const Node *n = &node;
    while (n->parent())
        n = n->parent();
    return static_cast<const Competition &>(*n);
}

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1StringView(name));
    return b;
}

} // namespace

NodeEditor::NodeEditor(DocumentEditor &edit, const Node &node, QWidget *parent)
    : QWidget(parent)
    , m_edit(edit)
    , m_node(node)
    , m_title(new QLabel(this))
    , m_form(new FieldForm(edit, node, this))
{
    setObjectName(QStringLiteral("editor_") + describe::kindName(node.kind()).replace(u' ', u'_'));
    auto *layout = new QVBoxLayout(this);
    m_title->setObjectName(QStringLiteral("editorTitle"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    layout->addWidget(m_title);
    layout->addWidget(m_form);

    switch (node.kind()) {
    case NodeKind::Competition:
        buildCompetition();
        break;
    case NodeKind::Competitor:
        buildCompetitor();
        break;
    case NodeKind::RelayTeam:
        buildRelayTeam();
        break;
    case NodeKind::Event:
        buildEvent();
        break;
    case NodeKind::EventEntry:
        buildEventEntry();
        break;
    case NodeKind::Unit:
        buildUnit();
        break;
    default:
        m_form->addRemainingFields();
        break;
    }
    if (node.kind() != NodeKind::Unit)
        layout->addStretch(1);

    const auto updateTitle = [this] {
        m_title->setText(describe::kindName(m_node.kind()).at(0).toUpper()
                         + describe::kindName(m_node.kind()).mid(1) + QStringLiteral(": ")
                         + describe::label(m_node));
    };
    updateTitle();
    connect(&edit.document(), &Document::nodeChanged, this, [this, updateTitle](Node *changed) {
        if (changed == &m_node)
            updateTitle();
    });
    // The document's findings service checks again what an edit touched; this form shows
    // what is about its node whenever that changes.
    FindingsService &findings = FindingsService::of(edit.document());
    connect(&findings, &FindingsService::findingsChanged, this, [this](const Node *about) {
        if (about == &m_node)
            updateFindings();
    });
    updateFindings();
}

void NodeEditor::updateFindings()
{
    m_form->showFindings(FindingsService::of(m_edit.document()).findingsAbout(m_node));
}

void NodeEditor::buildCompetition()
{
    const auto &c = static_cast<const Competition &>(m_node);
    m_form->addField(QLatin1StringView("full_name"));
    m_form->addField(QLatin1StringView("short_name"));
    m_form->addField(QLatin1StringView("slug"));
    m_form->setTransform(QLatin1StringView("slug"), slug::fromTyped);
    auto *suggest = button(tr("Suggest from the name"), "suggestSlug", this);
    m_form->addRow(QString(), suggest);
    connect(suggest, &QPushButton::clicked, this, [this, &c] {
        m_edit.setValue(c, QLatin1StringView("slug"), slug::fromName(c.fullName));
    });
    m_lastSuggestion = slug::fromName(c.fullName);
    m_form->onEdited([this, &c](QLatin1StringView field) {
        if (field != QLatin1StringView("full_name"))
            return;
        // Keep the slug following the name until the user writes one of their own.
        const QString suggestion = slug::fromName(c.fullName);
        if (c.slug.isEmpty() || c.slug == m_lastSuggestion)
            m_edit.setValue(c, QLatin1StringView("slug"), suggestion);
        m_lastSuggestion = suggestion;
    });
    m_form->addField(QLatin1StringView("name_local"));
    m_form->addChoice(QLatin1StringView("country"), countryChoices(), true);
    m_form->addRemainingFields();
}

void NodeEditor::buildCompetitor()
{
    const auto &x = static_cast<const Competitor &>(m_node);
    const Competition &c = competitionOf(m_node);
    m_form->addField(QLatin1StringView("competitor_id"));
    // A new bib follows the athlete into results, trials and relay teams: the secretary
    // corrects a number, not who ran.
    m_form->setApplyOnLeave(QLatin1StringView("competitor_id"),
                            [this, &x](const QString &bib) { return m_edit.renameBib(x, bib); });
    m_form->addField(QLatin1StringView("first_name"));
    m_form->addField(QLatin1StringView("last_name"));
    m_form->addChoice(QLatin1StringView("gender"), plain({"M", "F", "X"}), false);
    m_form->addField(QLatin1StringView("date_of_birth"));
    m_form->addChoice(QLatin1StringView("nationality"), countryChoices(), true);
    m_form->addChoice(QLatin1StringView("team_id"), teamChoices(c), true);
    m_form->addRemainingFields();

    m_enterInEvent = new QComboBox(this);
    m_enterInEvent->setObjectName(QStringLiteral("enterInEvent"));
    m_enterInEvent->addItem(tr("Enter in event..."), QString());
    for (const auto &e : c.events)
        m_enterInEvent->addItem(describe::label(*e), e->eventId);
    // Arrow keys open the list instead of entering the athlete in each event passed over.
    m_enterInEvent->installEventFilter(this);
    m_form->addRow(tr("Events entered"), m_enterInEvent);
    connect(m_enterInEvent, &QComboBox::activated, this, [this, &x, &c](int index) {
        const QString id = m_enterInEvent->itemData(index).toString();
        m_enterInEvent->setCurrentIndex(0);
        const auto event = std::find_if(c.events.begin(), c.events.end(),
                                        [&id](const auto &e) { return e->eventId == id; });
        if (id.isEmpty() || event == c.events.end())
            return;
        if (const EventEntry *entry = m_edit.enterInEvent(x, **event))
            Q_EMIT nodeRequested(entry);
    });
}

void NodeEditor::chooseEventToEnter()
{
    if (!m_enterInEvent)
        return;
    m_enterInEvent->setFocus(Qt::ShortcutFocusReason);
    m_enterInEvent->showPopup();
}

void NodeEditor::focusFirstField()
{
    m_form->focusFirstField();
}

bool NodeEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_enterInEvent && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown
            || key == Qt::Key_PageUp || key == Qt::Key_Home || key == Qt::Key_End) {
            m_enterInEvent->showPopup();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NodeEditor::buildEventEntry()
{
    const auto &entry = static_cast<const EventEntry &>(m_node);
    const Competition &c = competitionOf(m_node);
    m_form->addChoice(QLatin1StringView("event_id"), eventIdChoices(c), true);
    m_form->addRemainingFields();
    m_form->onEdited([this, &entry, &c](QLatin1StringView field) {
        if (field != QLatin1StringView("event_id"))
            return;
        for (const auto &e : c.events) {
            if (e->eventId == entry.eventId && entry.eventCode != e->eventCode)
                m_edit.setValue(entry, QLatin1StringView("event_code"), e->eventCode);
        }
    });
}

void NodeEditor::buildRelayTeam()
{
    const Competition &c = competitionOf(m_node);
    m_form->addField(QLatin1StringView("relay_team_id"));
    m_form->setApplyOnLeave(QLatin1StringView("relay_team_id"), [this](const QString &id) {
        return m_edit.renameRelayTeam(static_cast<const RelayTeam &>(m_node), id);
    });
    m_form->addChoice(QLatin1StringView("event_id"), eventIdChoices(c), true);
    m_form->addField(QLatin1StringView("name"));
    m_form->addChoice(QLatin1StringView("team_id"), teamChoices(c), true);
    m_form->addRemainingFields();
    m_runners = new QListWidget(this);
    m_runners->setObjectName(QStringLiteral("runnersList"));
    m_runners->setMinimumHeight(160);
    m_form->addRow(tr("Choose runners"), m_runners);
    fillRunners(true);
    connect(m_runners, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const auto &relay = static_cast<const RelayTeam &>(m_node);
        QStringList runners = relay.runners.value_or(QStringList());
        const QString bib = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked && !runners.contains(bib))
            runners.append(bib);
        else if (item->checkState() != Qt::Checked)
            runners.removeAll(bib);
        m_inRunnersSignal = true;
        m_edit.setValue(relay, QLatin1StringView("runners"), runners);
        m_inRunnersSignal = false;
    });
    connect(&m_edit.document(), &Document::nodeChanged, this, [this](Node *changed) {
        if (changed == &m_node)
            fillRunners(!m_inRunnersSignal);
    });
}

void NodeEditor::refillRunnersLater()
{
    // Not inside the list's own itemChanged: its items are not deleted under it.
    if (std::exchange(m_refillQueued, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_refillQueued = false;
            fillRunners(true);
        },
        Qt::QueuedConnection);
}

void NodeEditor::fillRunners(bool mayRebuild)
{
    const auto &relay = static_cast<const RelayTeam &>(m_node);
    const Competition &c = competitionOf(m_node);
    const QStringList chosen = relay.runners.value_or(QStringList());
    // Those entered in the relay's event; if nobody is, the relay's club, so a team can be
    // declared before entries are complete. The runners chosen are always listed.
    const auto entered = [&relay](const Competitor &x) {
        return std::any_of(x.eventsEntered.begin(), x.eventsEntered.end(),
                           [&](const auto &e) { return e->eventId == relay.eventId; });
    };
    const bool anyEntered = std::any_of(c.competitors.begin(), c.competitors.end(),
                                        [&](const auto &x) { return entered(*x); });
    QList<const Competitor *> candidates;
    for (const auto &x : c.competitors) {
        const bool club = !relay.teamId.isEmpty() && x->teamId == relay.teamId;
        if ((anyEntered ? entered(*x) : club) || chosen.contains(x->competitorId))
            candidates.append(x.get());
    }
    bool sameList = m_runners->count() == candidates.size();
    for (int i = 0; sameList && i < m_runners->count(); ++i)
        sameList = m_runners->item(i)->data(Qt::UserRole).toString() == candidates[i]->competitorId;
    if (!sameList && !mayRebuild) {
        refillRunnersLater();
        return;
    }
    const QSignalBlocker blocker(m_runners);
    if (!sameList) {
        const int current = m_runners->currentRow();
        m_runners->clear();
        for (const Competitor *x : std::as_const(candidates)) {
            auto *item = new QListWidgetItem(m_runners);
            item->setData(Qt::UserRole, x->competitorId);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        }
        m_runners->setCurrentRow(std::min(current, m_runners->count() - 1));
    }
    // In place otherwise, so the row being ticked and the keyboard's current row stay.
    for (int i = 0; i < m_runners->count(); ++i) {
        QListWidgetItem *item = m_runners->item(i);
        const Competitor &x = *candidates[i];
        const int order = int(chosen.indexOf(x.competitorId));
        const QString leg = order >= 0 ? tr(" (leg %1)").arg(order + 1) : QString();
        item->setText(describe::label(x) + leg);
        item->setCheckState(order >= 0 ? Qt::Checked : Qt::Unchecked);
    }
}

void NodeEditor::buildEvent()
{
    const auto &e = static_cast<const Event &>(m_node);
    const Competition &c = competitionOf(m_node);
    m_form->addChoice(QLatin1StringView("event_code"), codeChoices(), true);
    m_form->addField(QLatin1StringView("event_id"));
    m_form->addField(QLatin1StringView("name"));
    m_form->addChoice(QLatin1StringView("genders"), plain({"M", "F", "MF"}), false);
    m_form->addField(QLatin1StringView("category"));
    m_form->addField(QLatin1StringView("age_groups"));
    m_form->addField(QLatin1StringView("rounds"));
    m_form->addChoice(QLatin1StringView("parent"), eventIdChoices(c, true), true);
    m_form->addRemainingFields();

    auto *buttons = new QWidget(this);
    auto *row = new QHBoxLayout(buttons);
    row->setContentsMargins(0, 0, 0, 0);
    auto *suggest = button(tr("Suggest name"), "suggestName", buttons);
    auto *create = button(tr("Create heats from rounds"), "createUnits", buttons);
    row->addWidget(suggest);
    row->addWidget(create);
    row->addStretch(1);
    m_form->addRow(QString(), buttons);
    connect(suggest, &QPushButton::clicked, this, [this, &e] {
        m_edit.setValue(e, QLatin1StringView("name"),
                        EventCatalogue::suggestedName(e.eventCode, e.genders, e.category));
    });
    connect(create, &QPushButton::clicked, this, [this, &e] { m_edit.createUnits(e); });
    m_lastSuggestion = EventCatalogue::suggestedName(e.eventCode, e.genders, e.category);
    m_form->onEdited([this, &e](QLatin1StringView field) {
        if (field != QLatin1StringView("event_code") && field != QLatin1StringView("genders")
            && field != QLatin1StringView("category"))
            return;
        const QString suggestion
            = EventCatalogue::suggestedName(e.eventCode, e.genders, e.category);
        if ((e.name.isEmpty() || e.name == m_lastSuggestion) && !suggestion.isEmpty())
            m_edit.setValue(e, QLatin1StringView("name"), suggestion);
        m_lastSuggestion = suggestion;
    });
}

void NodeEditor::buildUnit()
{
    const auto &u = static_cast<const Unit &>(m_node);
    m_form->addField(QLatin1StringView("heat_name"));
    m_form->addField(QLatin1StringView("round"));
    m_form->addField(QLatin1StringView("heat"));
    m_form->addChoice(QLatin1StringView("status"),
                      plain({"scheduled", "in progress", "finished", "cancelled"}), true);
    m_form->addChoice(QLatin1StringView("results_status"), plain({"provisional", "official"}),
                      false);
    m_form->addRemainingFields();

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("unitTabs"));
    layout()->addWidget(tabs);
    static_cast<QVBoxLayout *>(layout())->setStretchFactor(tabs, 1);

    auto *results = new EntryTableView(tabs);
    results->setObjectName(QStringLiteral("resultsGrid"));
    results->setModel(new ResultsTableModel(&m_edit.document(), &u, ListId::UnitResults, results));
    results->fitColumns(ResultsTableModel::Name);
    tabs->addTab(results, tr("Results"));

    const auto *event = static_cast<const Event *>(u.parent());
    const auto kind
        = event ? EventCatalogue::kindOf(event->eventCode) : EventCatalogue::Kind::Unknown;
    if (EventCatalogue::isFieldKind(kind)) {
        auto *card = new EntryTableView(tabs);
        card->setObjectName(QStringLiteral("trialCard"));
        card->setModel(new TrialCardModel(&m_edit.document(), &u, card));
        card->fitColumns(TrialCardModel::Name);
        tabs->addTab(card, tr("Trial card"));
        tabs->setCurrentWidget(card);
    } else if (kind == EventCatalogue::Kind::Vertical || u.isVerticalJump()) {
        auto *page = new QWidget(tabs);
        auto *pageLayout = new QVBoxLayout(page);
        auto *bar = new QHBoxLayout;
        auto *height = new QLineEdit(page);
        height->setObjectName(QStringLiteral("newHeight"));
        height->setPlaceholderText(tr("next height, e.g. 1.85"));
        height->setMinimumWidth(height->fontMetrics().horizontalAdvance(height->placeholderText())
                                + 24);
        auto *add = button(tr("Add height"), "addHeight", page);
        bar->addWidget(height);
        bar->addWidget(add);
        bar->addStretch(1);
        pageLayout->addLayout(bar);
        auto *grid = new EntryTableView(page);
        grid->setObjectName(QStringLiteral("heightsGrid"));
        auto *model = new HeightsGridModel(&m_edit.document(), &u, grid);
        grid->setModel(model);
        grid->fitColumns(HeightsGridModel::Name);
        pageLayout->addWidget(grid);
        const auto addHeight = [model, height] {
            model->addHeight(height->text());
            height->clear();
        };
        connect(add, &QPushButton::clicked, this, addHeight);
        connect(height, &QLineEdit::returnPressed, this, addHeight);
        tabs->addTab(page, tr("Heights"));
        tabs->setCurrentWidget(page);
    }
    if (ResultsFiller::workFor(u)) {
        auto *filler = new ResultsFiller(m_edit, u, this);
        static_cast<QVBoxLayout *>(layout())->insertWidget(layout()->indexOf(tabs), filler);
        for (auto *grid : tabs->findChildren<EntryTableView *>())
            filler->follow(qobject_cast<ResultListModel *>(grid->model()));
    }
}

} // namespace meetdesk
