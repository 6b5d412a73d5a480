#include "photofinishflow.h"

#include "edit/documenteditor.h"
#include "format/lifreader.h"
#include "import/lifapply.h"
#include "import/lifimport.h"
#include "model/competition.h"
#include "model/document.h"
#include "opentrack/liveresults.h"
#include "prompts.h"
#include "settings.h"

#include <QAction>
#include <QBrush>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meetdesk {

namespace {
enum Column { PlaceColumn, BibColumn, NameColumn, TimeColumn, WindColumn, StatusColumn };
} // namespace

PhotoFinishReview::PhotoFinishReview(std::function<DocumentEditor *()> editor,
                                     const LifWatch::Offer &offer, QWidget *parent)
    : QDialog(parent)
    , m_editor(std::move(editor))
    , m_offer(offer)
    , m_heat(new QLabel(this))
    , m_note(new QLabel(this))
    , m_rows(new QTreeWidget(this))
    , m_acceptHeld(new QCheckBox(this))
    , m_markOfficial(new QCheckBox(tr("Mark the heat's results &official"), this))
{
    setObjectName(QStringLiteral("photoFinishReview"));
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose);
    m_heat->setObjectName(QStringLiteral("lifHeat"));
    m_heat->setTextFormat(Qt::PlainText);
    QFont bold = m_heat->font();
    bold.setBold(true);
    m_heat->setFont(bold);
    m_note->setObjectName(QStringLiteral("lifNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_rows->setObjectName(QStringLiteral("lifRows"));
    m_rows->setRootIsDecorated(false);
    m_rows->setHeaderLabels(
        {tr("Place"), tr("Bib"), tr("Name"), tr("Time"), tr("Wind"), tr("Status")});
    m_rows->header()->setStretchLastSection(true);
    m_acceptHeld->setObjectName(QStringLiteral("acceptHeld"));
    m_markOfficial->setObjectName(QStringLiteral("markOfficial"));
    m_markOfficial->setToolTip(tr("Official results are published at once while live results "
                                  "are on (Publish > Live results)"));

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyLif"));
    QPushButton *ignore = buttons->addButton(tr("&Ignore"), QDialogButtonBox::RejectRole);
    ignore->setObjectName(QStringLiteral("ignoreLif"));
    connect(m_apply, &QPushButton::clicked, this, &PhotoFinishReview::apply);
    connect(ignore, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heat);
    layout->addWidget(m_note);
    layout->addWidget(m_rows, 1);
    layout->addWidget(m_acceptHeld);
    layout->addWidget(m_markOfficial);
    layout->addWidget(buttons);
    resize(720, 380);
    refresh();
}

void PhotoFinishReview::setOffer(const LifWatch::Offer &offer)
{
    m_offer = offer;
    refresh();
}

void PhotoFinishReview::refresh()
{
    setWindowTitle(tr("Photo-finish results: %1").arg(m_offer.name));
    m_rows->clear();
    m_heldCount = 0;
    DocumentEditor *editor = m_editor();
    const LifRead read = LifReader::read(m_offer.bytes, m_offer.name);
    if (!read.ok() || !editor) {
        m_heat->setText(tr("%1 cannot be read").arg(m_offer.name));
        m_note->setText(read.error);
        m_apply->setEnabled(false);
        m_acceptHeld->hide();
        m_markOfficial->hide();
        return;
    }
    const LifPlan plan = LifImport::plan(read.file, editor->document().competition());
    QHash<int, const LifFile::Row *> byLine;
    for (const LifFile::Row &row : read.file.rows)
        byLine.insert(row.line, &row);
    const auto nameAt = [&byLine](int line) {
        const LifFile::Row *row = byLine.value(line);
        return row ? QString(row->firstName + u' ' + row->lastName).trimmed() : QString();
    };
    const auto addRow = [this, &nameAt](const LifPlan::Row &row, const QString &status) {
        auto *item = new QTreeWidgetItem(m_rows);
        item->setText(PlaceColumn, row.place ? QString::number(*row.place) : QString());
        item->setText(BibColumn, row.bib);
        item->setText(NameColumn, nameAt(row.line));
        item->setText(TimeColumn, row.performance);
        item->setText(WindColumn, row.wind);
        item->setText(StatusColumn, status);
        return item;
    };
    for (const LifPlan::Row &row : plan.rows)
        addRow(row, row.existing ? tr("to apply") : tr("to apply (new result)"));
    QList<LifPlan::Held> heldRows = plan.held;
    std::stable_sort(heldRows.begin(), heldRows.end(),
                     [](const auto &a, const auto &b) { return a.row.line < b.row.line; });
    for (const LifPlan::Held &held : std::as_const(heldRows)) {
        QTreeWidgetItem *item = addRow(held.row, tr("held: %1").arg(held.reason));
        item->setToolTip(StatusColumn, held.reason);
        for (int c = 0; c < m_rows->columnCount(); ++c) {
            item->setBackground(c, QColor(0xfd, 0xec, 0xc8));
            item->setForeground(c, QColor(0x8a, 0x4b, 0x00));
        }
        item->setIcon(StatusColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    m_heldCount = int(plan.held.size());
    for (int c = 0; c < StatusColumn; ++c)
        m_rows->resizeColumnToContents(c);

    m_heat->setText(
        plan.unit
            ? tr("%1 (%2)").arg(LifApply::heatName(plan), m_offer.name)
            : tr("No such heat in the meet: %1 (%2)").arg(LifApply::heatName(plan), m_offer.name));
    QStringList notes = plan.notes;
    if (plan.wind.size())
        notes.prepend(tr("Wind %1").arg(plan.wind));
    if (m_heldCount)
        notes.append(tr("%n row(s) held for review are not applied unless you tick below.", nullptr,
                        m_heldCount));
    m_note->setText(notes.join(u'\n'));
    m_note->setVisible(!notes.isEmpty());
    m_acceptHeld->setText(tr("Apply the %n row(s) held for review as well", nullptr, m_heldCount));
    m_acceptHeld->setChecked(false);
    m_acceptHeld->setVisible(plan.unit && m_heldCount > 0);
    m_markOfficial->setVisible(plan.unit != nullptr);
    m_markOfficial->setChecked(plan.unit && plan.held.isEmpty()
                               && !LiveResults::isOfficial(*plan.unit));
    m_markOfficial->setEnabled(plan.unit && !LiveResults::isOfficial(*plan.unit));
    m_apply->setEnabled(plan.unit != nullptr);
}

void PhotoFinishReview::apply()
{
    DocumentEditor *editor = m_editor();
    const LifRead read = LifReader::read(m_offer.bytes, m_offer.name);
    if (!editor || !read.ok())
        return;
    // Planned again: the document may have changed since the file came.
    const LifPlan plan = LifImport::plan(read.file, editor->document().competition());
    if (!plan.unit) {
        refresh();
        return;
    }
    LifChoices choices;
    choices.acceptAll = m_acceptHeld->isChecked();
    const bool official = m_markOfficial->isChecked() && m_markOfficial->isEnabled();
    editor->beginMacro(
        official ? tr("Official results of %1 from %2").arg(LifApply::heatName(plan), m_offer.name)
                 : tr("Results of %1 from %2").arg(LifApply::heatName(plan), m_offer.name));
    const LifApplied applied = LifApply::apply(*editor, plan, choices);
    if (official)
        editor->setValue(*plan.unit, QLatin1StringView("results_status"),
                         QStringLiteral("official"));
    editor->endMacro();
    Q_EMIT this->applied(applied);
    accept();
}

PhotoFinishFlow::PhotoFinishFlow(QWidget *window, std::function<DocumentEditor *()> editor)
    : QObject(window)
    , m_window(window)
    , m_editor(std::move(editor))
    , m_watchAction(new QAction(tr("&Watch photo-finish folder..."), this))
{
    m_watchAction->setObjectName(QStringLiteral("watchPhotoFinishAction"));
    m_watchAction->setStatusTip(tr("Offer each FinishLynx result file (.lif) written to a folder "
                                   "for review as it comes"));
    connect(m_watchAction, &QAction::triggered, this, &PhotoFinishFlow::chooseFolder);
    m_watch.setApplied(Settings::appliedLifFiles());
    connect(&m_watch, &LifWatch::offered, this, &PhotoFinishFlow::offered);
    if (const QString folder = Settings::photoFinishFolder(); !folder.isEmpty()) {
        if (m_watch.setFolder(folder))
            m_watchAction->setText(
                tr("&Watch photo-finish folder (%1)...").arg(QDir::toNativeSeparators(folder)));
    }
}

bool PhotoFinishFlow::watchFolder(const QString &path)
{
    if (!m_watch.setFolder(path)) {
        Prompts::warn(m_window, tr("Cannot watch the folder"), m_watch.error());
        return false;
    }
    Settings::setPhotoFinishFolder(path);
    m_watchAction->setText(
        path.isEmpty()
            ? tr("&Watch photo-finish folder...")
            : tr("&Watch photo-finish folder (%1)...").arg(QDir::toNativeSeparators(path)));
    Q_EMIT message(path.isEmpty() ? tr("Not watching a photo-finish folder")
                                  : tr("Watching %1 for photo-finish results (.lif)")
                                        .arg(QDir::toNativeSeparators(path)));
    return true;
}

void PhotoFinishFlow::chooseFolder()
{
    const QString path
        = Prompts::folderName(m_window, tr("Watch photo-finish folder"), m_watch.folder());
    if (!path.isEmpty())
        watchFolder(path);
}

QList<PhotoFinishReview *> PhotoFinishFlow::reviews() const
{
    QList<PhotoFinishReview *> open;
    for (const auto &review : m_reviews) {
        if (review)
            open.append(review);
    }
    return open;
}

void PhotoFinishFlow::offered(const LifWatch::Offer &offer)
{
    if (!m_editor())
        return;
    if (PhotoFinishReview *open = m_reviews.value(offer.name)) {
        open->setOffer(offer);
        open->raise();
        return;
    }
    auto *review = new PhotoFinishReview(m_editor, offer, m_window);
    m_reviews.insert(offer.name, review);
    connect(review, &PhotoFinishReview::applied, this, [this, review](const LifApplied &done) {
        m_watch.markApplied(review->offer().name, review->offer().hash);
        Settings::setAppliedLifFiles(m_watch.applied());
        Q_EMIT message(done.summary());
        if (done.unit)
            Q_EMIT nodeRequested(done.unit);
    });
    review->show();
    Q_EMIT message(tr("Photo-finish results arrived: %1").arg(offer.name));
}

} // namespace meetdesk
