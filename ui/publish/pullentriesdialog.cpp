#include "pullentriesdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

PullEntriesDialog::PullEntriesDialog(const PulledEntries &pulled, const QString &server,
                                     QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("pullEntriesDialog"));
    setWindowTitle(tr("Pull entries from OpenTrack"));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("%1 holds %n competitor(s) for this competition. Pulling them would make these "
           "changes, as one step you can undo:",
           nullptr, pulled.serverCompetitors)
            .arg(server),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *summary = new QLabel(pulled.summary(), this);
    summary->setObjectName(QStringLiteral("summary"));
    summary->setWordWrap(true);
    layout->addWidget(summary);

    m_tree->setObjectName(QStringLiteral("changes"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    const auto section = [this](const QString &title) {
        auto *item = new QTreeWidgetItem(m_tree, {title});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setExpanded(true);
        return item;
    };
    const auto add = [](QTreeWidgetItem *under, const QString &text) {
        return new QTreeWidgetItem(under, {text});
    };
    QTreeWidgetItem *created = nullptr;
    QTreeWidgetItem *changed = nullptr;
    for (const EntriesPlan::Person &p : pulled.plan.people) {
        const QStringList lines = PulledEntries::changeLines(p);
        if (p.existing && lines.isEmpty())
            continue;
        QTreeWidgetItem *&head = p.existing ? changed : created;
        if (!head)
            head = section(p.existing ? tr("Changed (%1)").arg(pulled.changed())
                                      : tr("New competitors (%1)").arg(pulled.created()));
        QTreeWidgetItem *person = add(head, PulledEntries::label(p));
        for (const QString &line : lines)
            add(person, line);
        person->setExpanded(true);
    }
    if (!pulled.plan.teams.isEmpty()) {
        QTreeWidgetItem *teams = section(tr("New clubs (%1)").arg(pulled.plan.teams.size()));
        for (const EntriesPlan::NewTeam &t : pulled.plan.teams)
            add(teams, t.teamName.isEmpty() ? t.teamId : tr("%1 %2").arg(t.teamId, t.teamName));
    }
    if (const QStringList issues = pulled.issueLines(); !issues.isEmpty()) {
        QTreeWidgetItem *left
            = section(tr("Not taken: what cannot be read (%1)").arg(issues.size()));
        for (const QString &line : issues)
            add(left, line);
    }
    if (!pulled.fileOnly.isEmpty()) {
        QTreeWidgetItem *only
            = section(tr("Only in this file, left alone (%1)").arg(pulled.fileOnly.size()));
        for (const QString &label : pulled.fileOnly)
            add(only, label);
        only->setExpanded(false);
    }
    if (!pulled.unchanged.isEmpty()) {
        QTreeWidgetItem *same = section(tr("Unchanged (%1)").arg(pulled.unchanged.size()));
        for (const QString &label : pulled.unchanged)
            add(same, label);
        same->setExpanded(false);
    }
    layout->addWidget(m_tree, 1);
    auto *note = new QLabel(tr("Entries only in this file stay; nothing is deleted."), this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("applyButton"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(pulled.changesAnything());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 520);
}

} // namespace meetdesk
