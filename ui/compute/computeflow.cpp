#include "computeflow.h"

#include "compute/compute.h"
#include "edit/documenteditor.h"
#include "model/describe.h"
#include "prompts.h"

#include <QAction>
#include <QActionGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace meetdesk {

namespace {

QString notesText(const Proposal &p)
{
    QStringList lines;
    for (const QString &note : p.notes)
        lines.append(QStringLiteral("• ") + note);
    return lines.join(u'\n');
}

int written(const Proposal &p)
{
    return int(p.changes.size() + p.additions.size());
}

} // namespace

ComputeFlow::ComputeFlow(QWidget *window, std::function<DocumentEditor *()> editor,
                         std::function<const Node *()> current)
    : QObject(window)
    , m_window(window)
    , m_editor(std::move(editor))
    , m_current(std::move(current))
    , m_menu(new QMenu(tr("&Results"), window))
    , m_rules(new QMenu(tr("Age group &rules"), m_menu))
{
    m_menu->setObjectName(QStringLiteral("resultsMenu"));
    m_places = m_menu->addAction(tr("Compute &places"), this, &ComputeFlow::computePlaces);
    m_places->setObjectName(QStringLiteral("computePlacesAction"));
    m_places->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_places->setStatusTip(tr("Work out places, best marks and combined events' points for the "
                              "heat, the event or the whole meet selected"));
    m_menu->addSeparator();
    m_ages = m_menu->addAction(tr("Work out &age groups"), this, &ComputeFlow::computeAgeGroups);
    m_ages->setObjectName(QStringLiteral("computeAgeGroupsAction"));
    m_rules->setObjectName(QStringLiteral("ageGroupRulesMenu"));
    m_menu->addMenu(m_rules);

    auto *group = new QActionGroup(m_rules);
    const auto choice = [this, group](const QString &text, const QString &key) {
        QAction *a = m_rules->addAction(text);
        a->setCheckable(true);
        a->setData(key);
        a->setObjectName(QStringLiteral("ageGroupRules_")
                         + (key.isEmpty() ? QStringLiteral("default") : key));
        group->addAction(a);
        return a;
    };
    choice(tr("&Default for the competition's country"), QString());
    m_rules->addSeparator();
    for (const AgeGroupRules::Preset &preset : AgeGroupRules::presets())
        choice(preset.name, preset.key);
    choice(tr("The competition's own"), QStringLiteral("own"))->setEnabled(false);
    connect(m_rules, &QMenu::aboutToShow, this, &ComputeFlow::updateRulesMenu);
    connect(group, &QActionGroup::triggered, this, [this](QAction *chosen) {
        DocumentEditor *edit = m_editor();
        if (!edit)
            return;
        const QString key = chosen->data().toString();
        std::optional<JsonValue> rules;
        QString name = tr("the default");
        for (const AgeGroupRules::Preset &preset : AgeGroupRules::presets()) {
            if (preset.key == key) {
                rules = preset.rules().toJson();
                name = preset.name;
            }
        }
        edit->setMeetdeskValue(compute::ageGroupRulesKey(), rules,
                               tr("Age group rules: %1").arg(name));
        Q_EMIT message(tr("Age groups will be worked out under %1 rules").arg(name));
    });
}

const Node &ComputeFlow::scopeOf(const Node *current, const Competition &competition)
{
    if (!current)
        return competition;
    switch (current->kind()) {
    case NodeKind::Unit:
    case NodeKind::Event:
        return *current;
    case NodeKind::Result:
    case NodeKind::Trial:
        return *current->parent(); // its heat, or the combined event its standings are in
    default:
        return competition;
    }
}

void ComputeFlow::computePlaces()
{
    DocumentEditor *edit = m_editor();
    if (!edit)
        return;
    const Node &scope = scopeOf(m_current(), edit->document().competition());
    const QString where
        = scope.kind() == NodeKind::Competition ? tr("the whole meet") : compute::whereOf(scope);
    offer(compute::results(scope), tr("Compute places in %1").arg(where),
          tr("Places in %1").arg(where), &scope);
}

void ComputeFlow::computeAgeGroups()
{
    DocumentEditor *edit = m_editor();
    if (!edit)
        return;
    const Competition &c = edit->document().competition();
    const auto convention = compute::ageGroupConvention(edit->document().meetdeskData(), c.country);
    if (!convention.problem.isEmpty())
        Prompts::warn(m_window, tr("Age group rules"),
                      tr("The competition's age group rules cannot be read (%1); the default "
                         "is used.")
                          .arg(convention.problem));
    const QString rules = convention.chosen
        ? tr("%1 rules").arg(convention.name)
        : tr("%1 rules, the default for a meet in %2")
              .arg(convention.name, c.country.isEmpty() ? tr("no country") : c.country);
    offer(compute::ageGroups(c, convention.rules), tr("Work out age groups"),
          tr("Age groups under %1").arg(rules), &c);
}

void ComputeFlow::offer(const Proposal &proposal, const QString &text, const QString &intro,
                        const Node *scope)
{
    if (proposal.isEmpty()) {
        Q_EMIT message(tr("%1: nothing to change").arg(intro));
        if (!proposal.notes.isEmpty())
            Prompts::warn(m_window, tr("Left as it is"), intro + u'\n' + notesText(proposal));
        return;
    }
    if (proposal.replacements() > 0) {
        preview(proposal, text, intro, scope);
        return;
    }
    m_editor()->apply(proposal, text);
    applied(proposal, intro);
}

void ComputeFlow::applied(const Proposal &proposal, const QString &intro)
{
    const int count = written(proposal);
    Q_EMIT message(count == 0 ? tr("%1: nothing written").arg(intro)
                              : tr("%1: %n value(s) written", nullptr, count).arg(intro));
    if (!proposal.notes.isEmpty())
        Prompts::warn(m_window, tr("Left as it is"), notesText(proposal));
}

void ComputeFlow::preview(const Proposal &proposal, const QString &text, const QString &intro,
                          const Node *scope)
{
    DocumentEditor *edit = m_editor();
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("computePreview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(tr("Replace what is there?"));
    auto *layout = new QVBoxLayout(dialog);
    auto *heading = new QLabel(tr("%1: %n value(s) already there differ from what is worked "
                                  "out (in bold). Replace them, or keep them and fill only what "
                                  "is empty?",
                                  nullptr, proposal.replacements())
                                   .arg(intro),
                               dialog);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *list = new QTreeWidget(dialog);
    list->setObjectName(QStringLiteral("computeChanges"));
    list->setRootIsDecorated(false);
    list->setHeaderLabels({tr("Where"), tr("Field"), tr("Now"), tr("Worked out")});
    QList<ProposedChange> ordered = proposal.changes;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const ProposedChange &c) { return c.replaces(); });
    for (const ProposedChange &c : std::as_const(ordered)) {
        auto *item = new QTreeWidgetItem(
            list,
            {compute::whereOf(*c.node, scope),
             describe::fieldTitle(fields::name(c.node->kind(), c.field)), c.oldText,
             c.valueText().isEmpty() ? tr("(none)") : c.valueText()});
        if (c.replaces()) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 4; ++column)
                item->setFont(column, bold);
        }
    }
    for (const ProposedResult &a : proposal.additions) {
        const Result &r = *a.result;
        new QTreeWidgetItem(
            list,
            {compute::whereOf(*a.parent, scope), tr("New line"), QString(),
             tr("%1: %2 points, place %3")
                 .arg(r.bib, r.performance, r.place ? QString::number(*r.place) : tr("none"))});
    }
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(list, 1);
    if (!proposal.notes.isEmpty()) {
        auto *notes = new QLabel(tr("Left as it is:") + u'\n' + notesText(proposal), dialog);
        notes->setObjectName(QStringLiteral("computeNotes"));
        notes->setWordWrap(true);
        layout->addWidget(notes);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *replace = buttons->addButton(tr("&Replace"), QDialogButtonBox::AcceptRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    replace->setDefault(true);
    QPushButton *keep = buttons->addButton(tr("&Keep what is there"), QDialogButtonBox::ActionRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    layout->addWidget(buttons);

    // What was worked out holds for the document as it is now; any change makes it stale.
    auto stale = std::make_shared<QMetaObject::Connection>(
        connect(edit->document().undoStack(), &QUndoStack::indexChanged, dialog, &QDialog::reject));
    connect(&edit->document(), &QObject::destroyed, dialog, &QDialog::reject);
    const auto write = [this, dialog, edit, stale, text, intro](const Proposal &chosen) {
        disconnect(*stale);
        dialog->accept();
        edit->apply(chosen, text);
        applied(chosen, intro);
    };
    connect(replace, &QPushButton::clicked, dialog, [write, proposal] { write(proposal); });
    connect(keep, &QPushButton::clicked, dialog,
            [write, fills = proposal.withoutReplacements()] { write(fills); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    dialog->resize(760, 440);
    dialog->open();
}

void ComputeFlow::updateRulesMenu()
{
    DocumentEditor *edit = m_editor();
    if (!edit)
        return;
    const Competition &c = edit->document().competition();
    const auto convention = compute::ageGroupConvention(edit->document().meetdeskData(), c.country);
    const auto preset = convention.rules.preset();
    const QString chosen = !convention.chosen ? QString()
        : preset                              ? preset->key
                                              : QStringLiteral("own");
    for (QAction *a : m_rules->actions()) {
        const QString key = a->data().toString();
        if (a->isSeparator())
            continue;
        if (key.isEmpty())
            a->setText(tr("&Default for %1: %2")
                           .arg(c.country.isEmpty() ? tr("no country") : c.country,
                                AgeGroupRules::defaultFor(c.country).preset()->name));
        if (key == u"own")
            a->setVisible(chosen == u"own");
        a->setChecked(key == chosen);
    }
}

} // namespace meetdesk
