#include "resultdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

ResultDialog::ResultDialog(const PublishReport &report, const QString &server, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("resultDialog"));
    setWindowTitle(report.complete() ? tr("Published") : tr("Published with problems"));
    resize(720, 480);
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("resultSummary"));
    summary->setWordWrap(true);
    QString text = tr("%1: %2 created, %3 changed, %4 deleted, %5 unchanged (%6 requests).")
                       .arg(server)
                       .arg(report.created)
                       .arg(report.updated)
                       .arg(report.deleted)
                       .arg(report.unchanged)
                       .arg(report.requests);
    if (report.cancelled)
        text += u' ' + tr("Publishing was cancelled; publish again to send the rest.");
    else if (!report.complete())
        text += u' '
            + tr("Not everything was stored: see below. Publishing again sends only what is "
                 "missing.");
    summary->setText(text);

    auto *problems = new QTreeWidget(this);
    problems->setObjectName(QStringLiteral("problems"));
    problems->setHeaderLabels({tr("Record"), tr("What the server said")});
    problems->setRootIsDecorated(false);
    problems->header()->resizeSection(0, 260);
    const auto add = [this, problems](const PublishReport::Problem &p, const QString &kind) {
        auto *item = new QTreeWidgetItem(problems, {p.where.isEmpty() ? kind : p.where, p.message});
        item->setData(0, Qt::UserRole, QVariant::fromValue(static_cast<const void *>(p.node)));
        item->setToolTip(1, p.message);
    };
    for (const auto &p : report.failures)
        add(p, tr("failed"));
    for (const auto &p : report.notStored)
        add(p, tr("not stored"));
    problems->setVisible(problems->topLevelItemCount() > 0);
    connect(problems, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (const auto *node
            = static_cast<const Node *>(item->data(0, Qt::UserRole).value<const void *>()))
            Q_EMIT nodeRequested(node);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(problems, 1);
    layout->addWidget(buttons);
}

} // namespace meetdesk
