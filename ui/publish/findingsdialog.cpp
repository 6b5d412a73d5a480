#include "findingsdialog.h"

#include "model/describe.h"
#include "opentrack/publishplan.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

// "competitors[3].competitor_id" -> "competitor_id"; "events[0].units[2]" -> "".
QString fieldOf(const QString &path)
{
    const QString last = path.section(u'.', -1);
    return last.contains(u'[') ? QString() : last;
}

} // namespace

FindingsDialog::FindingsDialog(const QList<Finding> &findings, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("findingsDialog"));
    setWindowTitle(tr("Cannot publish: mend these first"));
    auto *intro = new QLabel(
        tr("The competition has %n error(s) that OpenTrack would refuse or mistake for other "
           "records. Nothing was sent. Double-click an error, or press Enter on it, to go to "
           "its record; publish again once they are mended.",
           nullptr, int(findings.size())),
        this);
    intro->setObjectName(QStringLiteral("findingsSummary"));
    intro->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("findings"));
    m_list->setHeaderLabels({tr("Record"), tr("Field"), tr("Error")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    for (const Finding &f : findings) {
        const QString where = f.node ? PublishPlan::label(*f.node) : f.path;
        const QByteArray field = fieldOf(f.path).toLatin1();
        auto *item = new QTreeWidgetItem(
            m_list,
            {where, field.isEmpty() ? QString() : describe::fieldTitle(QLatin1StringView(field)),
             f.message});
        item->setData(0, Qt::UserRole, QVariant::fromValue(static_cast<const void *>(f.node)));
        item->setToolTip(0, f.path);
        item->setToolTip(1, f.path);
        item->setToolTip(2, f.message);
    }
    m_list->header()->setStretchLastSection(true);
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    // Double-click and Enter (activation) go to the record.
    connect(m_list, &QTreeWidget::itemActivated, this, &FindingsDialog::goTo);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *go = buttons->addButton(tr("&Go to record"), QDialogButtonBox::ActionRole);
    go->setObjectName(QStringLiteral("goToFinding"));
    go->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(go, &QPushButton::clicked, this, [this] { goTo(m_list->currentItem()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    // As tall as the list needs, up to a screenful's share; wide enough for the messages.
    const int rows = std::min<int>(int(findings.size()), 14);
    const int rowHeight
        = m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height() + 4;
    const int listHeight = rowHeight * (rows + 1) + m_list->header()->sizeHint().height();
    if (rows == int(findings.size()))
        m_list->setFixedHeight(listHeight); // all of them fit: no empty box below
    else
        m_list->setMinimumHeight(listHeight);
    // The wrapped text's height depends on the width: ask the layout for that width's height.
    const int width = std::max(640, m_list->header()->length() + 40);
    resize(width, std::max(layout->totalHeightForWidth(width), minimumSizeHint().height()));
    m_list->setFocus();
}

void FindingsDialog::goTo(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const auto *node = static_cast<const Node *>(item->data(0, Qt::UserRole).value<const void *>());
    if (!node)
        return;
    Q_EMIT nodeRequested(node);
    accept(); // the main window is free to mend it
}

} // namespace meetdesk
