#include "findingspanel.h"

#include "models/findingsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace meetdesk {

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_show(new QComboBox(this))
    , m_empty(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setFilterRole(FindingsModel::SeverityRole);
    m_proxy->setFilterKeyColumn(FindingsModel::SeverityColumn);

    m_show->setObjectName(QStringLiteral("findingsShow"));
    m_show->addItem(tr("All findings"), int(Show::All));
    m_show->addItem(tr("Errors only"), int(Show::Errors));
    m_show->addItem(tr("Warnings only"), int(Show::Warnings));
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto show = Show(m_show->itemData(index).toInt());
        m_proxy->setFilterFixedString(show == Show::Errors         ? QStringLiteral("error")
                                          : show == Show::Warnings ? QStringLiteral("warning")
                                                                   : QString());
        updateEmptyText();
    });

    m_empty->setObjectName(QStringLiteral("findingsEmpty"));
    m_empty->setEnabled(false); // greyed: a remark, not a finding

    m_view->setObjectName(QStringLiteral("findingsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // a large meet's list costs what shows
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setToolTip(QString());
    connect(m_view, &QAbstractItemView::activated, this, &FindingsPanel::activated);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Show:"), this);
    label->setBuddy(m_show);
    top->addWidget(label);
    top->addWidget(m_show);
    top->addSpacing(12);
    top->addWidget(m_empty);
    top->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FindingsPanel::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FindingsPanel::updateEmptyText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FindingsPanel::updateEmptyText);
    updateEmptyText();
}

void FindingsPanel::setService(FindingsService *service)
{
    m_proxy->setSourceModel(nullptr);
    delete m_model;
    m_model = service ? new FindingsModel(*service, this) : nullptr;
    m_proxy->setSourceModel(m_model);
    if (m_model) {
        QHeaderView *header = m_view->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
        header->resizeSection(FindingsModel::SeverityColumn, 90);
        header->resizeSection(FindingsModel::RecordColumn, 240);
        header->resizeSection(FindingsModel::FieldColumn, 110);
        header->resizeSection(FindingsModel::RuleColumn, 130);
    }
    updateEmptyText();
}

void FindingsPanel::setShown(Show show)
{
    m_show->setCurrentIndex(m_show->findData(int(show)));
}

void FindingsPanel::activated(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (const Node *node = m_model ? m_model->node(source) : nullptr)
        Q_EMIT findingActivated(node, m_model->fieldName(source));
}

void FindingsPanel::updateEmptyText()
{
    const bool empty = m_proxy->rowCount() == 0;
    const auto show = Show(m_show->currentData().toInt());
    m_empty->setText(show == Show::Errors         ? tr("No errors.")
                         : show == Show::Warnings ? tr("No warnings.")
                                                  : tr("No findings: every check passes."));
    // The list stays where it is (the dock keeps its size); the remark beside the filter says
    // why it is empty.
    m_empty->setVisible(empty);
}

} // namespace meetdesk
