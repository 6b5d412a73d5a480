#include "resultdialog.h"

#include "model/describe.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

QString fieldsOf(const PublishItem &item)
{
    QStringList fields;
    for (const auto *list : {&item.conflicts, &item.serverChanges}) {
        for (const FieldChange &change : *list) {
            const QByteArray latin = change.field.toLatin1();
            const QString name = describe::fieldTitle(QLatin1StringView(latin));
            if (!fields.contains(name))
                fields.append(name); // as the forms name it
        }
    }
    return fields.join(QStringLiteral(", "));
}

} // namespace

ResultDialog::ResultDialog(const PublishReport &report, const QString &server, QWidget *parent)
    : QDialog(parent)
    , m_problems(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("resultDialog"));
    setWindowTitle(report.complete() ? tr("Published") : tr("Published with problems"));
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("resultSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString text = tr("%1: %2 created, %3 changed, %4 deleted, %5 unchanged (%6 requests).")
                       .arg(server)
                       .arg(report.created)
                       .arg(report.updated)
                       .arg(report.deleted)
                       .arg(report.unchanged)
                       .arg(report.requests);
    if (!report.stopped.isEmpty())
        text += u' ' + tr("Publishing stopped: %1").arg(report.stopped);
    if (report.cancelled)
        text += u' ' + tr("Publishing was cancelled; publish again to send the rest.");
    else if (!report.failures.isEmpty() || !report.notStored.isEmpty())
        text += u' '
            + tr("Not everything was stored: see below. Publishing again sends only what is "
                 "missing.");
    if (!report.conflicts.isEmpty())
        text += u' '
            + tr("%n conflict(s) were not sent: publish again to choose between your version "
                 "and OpenTrack's.",
                 nullptr, int(report.conflicts.size()));
    m_summary = text;
    summary->setText(text);

    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setHeaderLabels({tr("Record"), tr("What happened")});
    m_problems->setAllColumnsShowFocus(true);
    m_problems->setUniformRowHeights(true);
    m_problems->setSelectionMode(QAbstractItemView::ExtendedSelection);
    const auto section = [this](const QString &title, int count) -> QTreeWidgetItem * {
        if (count == 0)
            return nullptr;
        auto *top
            = new QTreeWidgetItem(m_problems, {QStringLiteral("%1 (%2)").arg(title).arg(count)});
        QFont bold = m_problems->font();
        bold.setBold(true);
        top->setFont(0, bold);
        top->setFirstColumnSpanned(true);
        top->setExpanded(true);
        return top;
    };
    const auto add
        = [](QTreeWidgetItem *top, const Node *node, const QString &where, const QString &message) {
              auto *item = new QTreeWidgetItem(top, {where, message});
              item->setData(0, Qt::UserRole, QVariant::fromValue(static_cast<const void *>(node)));
              item->setToolTip(0, where);
              item->setToolTip(1, message);
          };
    if (auto *top = section(tr("Failed"), int(report.failures.size()))) {
        for (const auto &p : report.failures)
            add(top, p.node, p.where, p.message);
    }
    if (auto *top = section(tr("Not stored"), int(report.notStored.size()))) {
        for (const auto &p : report.notStored)
            add(top, p.node, p.where, p.message);
    }
    if (auto *top = section(tr("Conflicts, not sent"), int(report.conflicts.size()))) {
        for (const PublishItem &item : report.conflicts)
            add(top, item.node, item.label,
                tr("changed here and on OpenTrack: %1").arg(fieldsOf(item)));
    }
    if (auto *top
        = section(tr("Changed on OpenTrack, left there"), int(report.serverChanges.size()))) {
        for (const PublishItem &item : report.serverChanges)
            add(top, item.node, item.label, tr("changed on OpenTrack: %1").arg(fieldsOf(item)));
    }
    const bool listed = m_problems->topLevelItemCount() > 0;
    m_problems->setVisible(listed);
    // Double-click and Enter (activation) go to the record.
    connect(m_problems, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const auto *node
            = static_cast<const Node *>(item->data(0, Qt::UserRole).value<const void *>()))
            Q_EMIT nodeRequested(node);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy report"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyReport"));
    copy->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(this->text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);

    if (listed) {
        // Tall enough for what is listed (up to about 18 lines), wide enough for the records.
        m_problems->resizeColumnToContents(0);
        m_problems->header()->resizeSection(0, std::min(m_problems->columnWidth(0) + 24, 380));
        int rows = 0;
        for (int i = 0; i < m_problems->topLevelItemCount(); ++i)
            rows += 1 + m_problems->topLevelItem(i)->childCount();
        const int rowHeight = std::max(m_problems->sizeHintForRow(0), fontMetrics().height() + 4);
        const int listHeight
            = std::min(rows, 18) * rowHeight + m_problems->header()->sizeHint().height() + 8;
        if (rows <= 18)
            m_problems->setFixedHeight(listHeight); // all of it fits: no empty box below
        else
            m_problems->setMinimumHeight(listHeight);
        summary->setMinimumWidth(560);
        resize(760, std::max(layout->totalHeightForWidth(760), minimumSizeHint().height()));
        m_problems->setFocus();
    } else {
        summary->setMinimumWidth(420);
        layout->setSizeConstraint(QLayout::SetFixedSize); // one sentence: no empty box
    }
}

QString ResultDialog::text() const
{
    QStringList lines {m_summary};
    for (int i = 0; i < m_problems->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = m_problems->topLevelItem(i);
        lines.append(QString());
        lines.append(top->text(0));
        for (int j = 0; j < top->childCount(); ++j)
            lines.append(
                QStringLiteral("  %1: %2").arg(top->child(j)->text(0), top->child(j)->text(1)));
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace meetdesk
