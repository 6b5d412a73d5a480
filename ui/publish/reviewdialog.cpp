#include "reviewdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

ReviewDialog::ReviewDialog(const QList<PublishItem> &items, const QString &server, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(tr("Review changes"));
    resize(640, 520);
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("reviewTree"));
    tree->setHeaderHidden(true);
    tree->setUniformRowHeights(true);

    const std::pair<PublishItem::Action, QString> groups[] = {
        {PublishItem::Action::Create, tr("To create")},
        {PublishItem::Action::Update, tr("To change")},
        {PublishItem::Action::Delete, tr("To delete")},
        {PublishItem::Action::ServerChange, tr("Changed on OpenTrack since your last publish")},
        {PublishItem::Action::Conflict, tr("Changed here and on OpenTrack (not sent)")},
    };
    int total = 0;
    int unchanged = 0;
    for (const auto &[action, title] : groups) {
        QList<QTreeWidgetItem *> children;
        for (const PublishItem &item : items) {
            if (item.action == action && !item.remember)
                children.append(new QTreeWidgetItem({item.label}));
        }
        auto *group = new QTreeWidgetItem(
            tree, {QStringLiteral("%1 (%2)").arg(title).arg(children.size())});
        group->addChildren(children);
        group->setExpanded(children.size() <= 50);
        const bool sent = action == PublishItem::Action::Create
            || action == PublishItem::Action::Update || action == PublishItem::Action::Delete;
        total += sent ? int(children.size()) : 0;
    }
    for (const PublishItem &item : items)
        unchanged += item.action == PublishItem::Action::Unchanged;

    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("reviewSummary"));
    summary->setWordWrap(true);
    summary->setText(
        total == 0 ? tr("%1 already holds all of this competition (%2 records). Nothing to send.")
                         .arg(server)
                         .arg(unchanged)
                   : tr("Publishing to %1 will send %n change(s); %2 record(s) are unchanged.",
                        nullptr, total)
                         .arg(server)
                         .arg(unchanged));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *publish = buttons->addButton(tr("Publish"), QDialogButtonBox::AcceptRole);
    publish->setObjectName(QStringLiteral("publishButton"));
    publish->setEnabled(total > 0);
    publish->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(tree);
    layout->addWidget(buttons);
}

} // namespace meetdesk
