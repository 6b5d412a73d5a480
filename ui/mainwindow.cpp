#include "mainwindow.h"

#include "compute/computeflow.h"
#include "edit/documenteditor.h"
#include "editors/fieldform.h"
#include "editors/nodeeditor.h"
#include "findings/findingspanel.h"
#include "format/documentfile.h"
#include "heats/meetdayactions.h"
#include "import/importflow.h"
#include "import/photofinishflow.h"
#include "model/describe.h"
#include "models/competitiontreemodel.h"
#include "models/findingsmodel.h"
#include "opentrack/liveresults.h"
#include "opentrack/payload.h"
#include "opentrack/publishstate.h"
#include "print/printflow.h"
#include "prompts.h"
#include "publish/keychaintokenstore.h"
#include "publish/publishflow.h"
#include "rules/findingsservice.h"
#include "settings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace meetdesk {

namespace {
const QString fileFilter = QStringLiteral("Competitions (*.json);;All files (*)");
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_editorArea(new QScrollArea(this))
    , m_findingsDock(new QDockWidget(tr("Findings"), this))
    , m_findingsPanel(new FindingsPanel(m_findingsDock))
    , m_findingsCount(new QPushButton(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);

    m_filter->setObjectName(QStringLiteral("treeFilter"));
    m_filter->setPlaceholderText(tr("Filter: bib, name, event"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterRole(CompetitionTreeModel::FilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });

    m_tree->setObjectName(QStringLiteral("competitionTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                showEditorFor(current);
                updateActions();
            });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree);

    m_editorArea->setObjectName(QStringLiteral("editorArea"));
    m_editorArea->setWidgetResizable(true);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_editorArea);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setWidget(m_findingsPanel);
    m_findingsDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea
                                    | Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    m_findingsDock->hide(); // the count in the status bar, or View > Findings, shows it
    connect(m_findingsPanel, &FindingsPanel::findingActivated, this, &MainWindow::goToFinding);

    m_findingsCount->setObjectName(QStringLiteral("findingsCount"));
    // A push button: its size follows its text ("1 error, 2 warnings" shows whole).
    m_findingsCount->setFlat(true);
    m_findingsCount->setFocusPolicy(Qt::NoFocus);
    m_findingsCount->setToolTip(tr("Show the findings"));
    connect(m_findingsCount, &QPushButton::clicked, this, [this] {
        m_findingsDock->show();
        m_findingsDock->raise();
    });
    statusBar()->addPermanentWidget(m_findingsCount);

    createActions();
    // At the default size a results grid shows whole, Wind included, beside the tree.
    resize(1200, 800);
    splitter->setSizes({430, 770});
    if (const QByteArray geometry = Settings::windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = Settings::splitterState(); !state.isEmpty())
        splitter->restoreState(state);

    m_autosaveTimer.setInterval(Settings::autosaveSeconds() * 1000);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer.start();

    setDocument(std::make_unique<Document>());
}

MainWindow::~MainWindow()
{
    // Views, models and the publish flow go before the document they use.
    m_document->disconnect(this);
    m_findingsPanel->setService(nullptr);
    delete m_publishFlow;
    delete m_live;
    m_live = nullptr;
    delete m_editor;
    m_editor = nullptr;
    deleteRetiredEditors();
    m_proxy->setSourceModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_undoGroup.removeStack(m_document->undoStack());
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newDocument);
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        if (!maybeSave())
            return;
        const QString path = Prompts::openFileName(this, tr("Open competition"), fileFilter);
        if (!path.isEmpty())
            openFile(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As..."), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    auto *importing = new ImportFlow(this, [this] {
        commitPendingEdits();
        return m_edit.get();
    });
    file->addAction(importing->importAction());
    m_photoFinish = new PhotoFinishFlow(this, [this]() -> DocumentEditor * {
        commitPendingEdits();
        return m_edit.get();
    });
    file->addAction(m_photoFinish->watchAction());
    connect(m_photoFinish, &PhotoFinishFlow::message, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(m_photoFinish, &PhotoFinishFlow::nodeRequested, this, &MainWindow::selectNode);
    connect(importing, &ImportFlow::message, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    auto *printing = new PrintFlow(
        this, [this] { return m_document.get(); }, [this] { return currentNode(); });
    file->addActions(
        {printing->previewAction(), printing->printAction(), printing->exportAction()});
    connect(printing, &PrintFlow::message, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup.createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = m_undoGroup.createRedoAction(this, tr("&Redo"));
    // Ctrl+Y too, once: where the platform's Redo is Ctrl+Y already (Windows, offscreen), the
    // same key twice is an ambiguous shortcut that does nothing.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Y));
    redo->setShortcuts(redoKeys);
    redo->setObjectName(QStringLiteral("redoAction"));
    m_editMenu->addAction(undo);
    m_editMenu->addAction(redo);
    m_editMenu->addSeparator();

    // Tree actions work where the tree has focus, so typing in a form is never hijacked.
    const auto treeAction = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_tree->addAction(action);
        m_editMenu->addAction(action);
        return action;
    };
    m_addAction = treeAction(tr("&Add"), QKeySequence(Qt::Key_Insert), &MainWindow::addNode);
    m_duplicateAction = treeAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                                   &MainWindow::duplicateNode);
    m_deleteAction = treeAction(tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteNodes);
    m_moveUpAction
        = treeAction(tr("Move &up"), QKeySequence(Qt::CTRL | Qt::Key_Up), [this] { moveNode(-1); });
    m_moveDownAction = treeAction(tr("Move dow&n"), QKeySequence(Qt::CTRL | Qt::Key_Down),
                                  [this] { moveNode(1); });
    m_addAction->setObjectName(QStringLiteral("addAction"));
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_duplicateAction->setObjectName(QStringLiteral("duplicateAction"));
    m_enterAction = m_editMenu->addAction(tr("&Enter in event..."),
                                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                                          &MainWindow::enterInEvent);
    m_enterAction->setObjectName(QStringLiteral("enterInEventAction"));
    m_editMenu->addSeparator();
    QAction *validateAction = m_editMenu->addAction(tr("&Validate"), QKeySequence(Qt::Key_F7), this,
                                                    &MainWindow::validate);
    validateAction->setObjectName(QStringLiteral("validateAction"));
    validateAction->setStatusTip(tr("Check the whole competition again and list the findings"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *findingsAction = m_findingsDock->toggleViewAction();
    findingsAction->setText(tr("&Findings"));
    findingsAction->setShortcut(QKeySequence(Qt::Key_F8));
    findingsAction->setObjectName(QStringLiteral("findingsDockAction"));
    view->addAction(findingsAction);

    m_meetDay = new MeetDayActions(
        this, [this] { return m_document.get(); }, [this] { return m_edit.get(); },
        [this] { return currentNode(); }, [this](const Node *n) { selectNode(n); });
    menuBar()->addMenu(m_meetDay->menu());
    connect(m_meetDay, &MeetDayActions::message, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });

    m_compute = new ComputeFlow(
        this, [this] { return m_edit.get(); }, [this] { return currentNode(); });
    menuBar()->addMenu(m_compute->menu());
    connect(m_compute, &ComputeFlow::message, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });

    QMenu *publishMenu = menuBar()->addMenu(tr("&Publish"));
    QAction *publishAction = publishMenu->addAction(tr("&Publish to OpenTrack..."),
                                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                                                    this, &MainWindow::publish);
    publishAction->setObjectName(QStringLiteral("publishAction"));
    QAction *verifyAction = publishMenu->addAction(tr("&Verify everything on the server..."), this,
                                                   &MainWindow::verifyAndPublish);
    verifyAction->setObjectName(QStringLiteral("verifyAction"));
    verifyAction->setToolTip(tr("Read every heat on OpenTrack, not only those changed here, to "
                                "find every change made there; then publish as usual"));
    verifyAction->setStatusTip(verifyAction->toolTip());
    QAction *pullAction
        = publishMenu->addAction(tr("P&ull from server..."), this, &MainWindow::pull);
    pullAction->setObjectName(QStringLiteral("pullAction"));
    QAction *pullEntriesAction = publishMenu->addAction(tr("Pull &entries from OpenTrack..."), this,
                                                        &MainWindow::pullEntries);
    pullEntriesAction->setObjectName(QStringLiteral("pullEntriesAction"));
    pullEntriesAction->setStatusTip(tr("Take the competitors, their entries and seed marks that "
                                       "are on OpenTrack into this file, after a preview"));
    publishMenu->addSeparator();
    m_liveAction = publishMenu->addAction(tr("Live re&sults"));
    m_liveAction->setObjectName(QStringLiteral("liveAction"));
    m_liveAction->setCheckable(true);
    m_liveAction->setToolTip(tr("Publish each heat to OpenTrack as soon as its results are "
                                "official, and again after each change to it"));
    m_liveAction->setStatusTip(m_liveAction->toolTip());
    connect(m_liveAction, &QAction::triggered, this, &MainWindow::setLive);
    m_officialAction = publishMenu->addAction(tr("Mark heat &official"));
    m_officialAction->setObjectName(QStringLiteral("markOfficialAction"));
    m_officialAction->setCheckable(true);
    m_officialAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_officialAction->setStatusTip(
        tr("The selected heat's results are official (unticked: provisional)"));
    connect(m_officialAction, &QAction::triggered, this, &MainWindow::setOfficial);
    publishMenu->addSeparator();
    publishMenu->addAction(tr("&Log in..."), this, [this] {
        if (!m_tokens)
            m_tokens = std::make_unique<KeychainTokenStore>();
        auto *flow = new PublishFlow(m_document.get(), m_tokens.get(), this);
        flow->logIn([flow](bool) { flow->deleteLater(); });
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Meetdesk"), this, [this] {
        QMessageBox::about(this, tr("About Meetdesk"),
                           tr("<b>Meetdesk %1</b><p>Key in athletics competitions and publish them "
                              "to OpenTrack.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setDocument(std::unique_ptr<Document> document)
{
    delete m_editor;
    m_editor = nullptr;
    deleteRetiredEditors(); // they watch the document that goes now
    delete m_publishFlow; // it works on the document being replaced
    m_publishFlow = nullptr;
    delete m_live;
    m_live = nullptr;
    m_findingsPanel->setService(nullptr);
    if (m_document)
        m_undoGroup.removeStack(m_document->undoStack());
    m_proxy->setSourceModel(nullptr);
    delete m_model;

    m_document = std::move(document);
    m_edit = std::make_unique<DocumentEditor>(*m_document);
    m_model = new CompetitionTreeModel(m_document.get(), this);
    m_sync = SyncState::fromMeetdesk(m_document->meetdeskData());
    m_model->setStatusProvider([this](const Node &node) { return publishStatus(node); });
    FindingsService &findings = FindingsService::of(*m_document);
    m_model->setFindings(&findings);
    m_findingsPanel->setService(&findings);
    connect(&findings, &FindingsService::countsChanged, this, &MainWindow::updateFindingsCount);
    updateFindingsCount();
    m_proxy->setSourceModel(m_model);
    m_undoGroup.addStack(m_document->undoStack());
    m_undoGroup.setActiveStack(m_document->undoStack());
    connect(m_document.get(), &Document::modifiedChanged, this, &MainWindow::updateTitle);
    m_live = new LiveResults(m_document.get(), this);
    m_live->setServer(QUrl(Settings::server()));
    connect(m_live, &LiveResults::stateChanged, m_tree->viewport(), qOverload<>(&QWidget::update));
    connect(m_live, &LiveResults::message, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(m_live, &LiveResults::loginNeeded, this, &MainWindow::liveLogIn);
    connect(m_live, &LiveResults::published, this, [this](const PublishReport &) {
        m_sync = SyncState::fromMeetdesk(m_document->meetdeskData());
        m_tree->viewport()->update();
    });
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this,
            &MainWindow::updateLiveActions);
    if (m_live->enabled())
        liveLogIn();
    connect(m_document.get(), &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document.get(), &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            m_recovery.remove(); // saved: the safety copy is not needed any more
    });
    m_tree->header()->resizeSection(0, 250);
    m_tree->header()->resizeSection(1, 120);
    m_tree->expand(m_proxy->index(0, 0));
    m_tree->setCurrentIndex(m_proxy->index(0, 0));
    updateTitle();
    updateActions();
}

const Node *MainWindow::currentNode() const
{
    return m_model->node(m_proxy->mapToSource(m_tree->currentIndex()));
}

void MainWindow::selectNode(const Node *node)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(node));
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void MainWindow::updateFindingsCount()
{
    const FindingsService &findings = FindingsService::of(*m_document);
    const int errors = findings.errorCount();
    const int warnings = findings.warningCount();
    if (errors == 0 && warnings == 0) {
        m_findingsCount->setText(tr("No findings"));
        m_findingsCount->setIcon(QIcon());
        return;
    }
    QStringList parts;
    if (errors > 0)
        parts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        parts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    m_findingsCount->setText(parts.join(QStringLiteral(", ")));
    m_findingsCount->setIcon(
        FindingsModel::icon(errors > 0 ? Finding::Severity::Error : Finding::Severity::Warning));
}

void MainWindow::validate()
{
    commitPendingEdits();
    FindingsService &findings = FindingsService::of(*m_document);
    findings.revalidate();
    m_findingsDock->show();
    m_findingsDock->raise();
    if (m_editor)
        m_editor->form()->showEveryFinding();
    const int count = findings.errorCount() + findings.warningCount();
    statusBar()->showMessage(count == 0 ? tr("Validated: every check passes")
                                        : tr("Validated: %1").arg(m_findingsCount->text()),
                             10000);
}

void MainWindow::goToFinding(const Node *node, const QString &field)
{
    if (!m_proxy->mapFromSource(m_model->indexOf(node)).isValid())
        m_filter->clear(); // the tree's filter hides it
    selectNode(node);
    if (!m_editor || &m_editor->node() != node)
        return;
    m_editor->form()->showEveryFinding();
    const QByteArray name = field.toLatin1();
    QWidget *widget = name.isEmpty() ? nullptr : m_editor->form()->widget(QLatin1StringView(name));
    if (!widget || !widget->isEnabled()) {
        m_editor->focusFirstField();
        return;
    }
    m_editorArea->ensureWidgetVisible(widget);
    widget->setFocus(Qt::OtherFocusReason);
    auto *box = qobject_cast<QComboBox *>(widget);
    if (auto *line = qobject_cast<QLineEdit *>(box && box->isEditable() ? box->lineEdit() : widget))
        line->selectAll();
}

void MainWindow::showEditorFor(const QModelIndex &proxyIndex)
{
    const Node *node = m_model->node(m_proxy->mapToSource(proxyIndex));
    if (m_editor && node == &m_editor->node())
        return;
    if (m_editor) {
        // The editor may be inside one of its own signals ("Enter in event" selects the new
        // entry): out of sight now, deleted once that has returned.
        m_editorArea->takeWidget();
        m_editor->hide();
        m_editor->deleteLater();
        m_retired.removeIf([](const QPointer<NodeEditor> &gone) { return gone.isNull(); });
        m_retired.append(std::exchange(m_editor, nullptr));
    }
    if (!node)
        return;
    m_editor = new NodeEditor(*m_edit, *node);
    connect(m_editor, &NodeEditor::nodeRequested, this, [this](const Node *requested) {
        selectNode(requested);
        if (m_editor)
            m_editor->focusFirstField(); // an entry's PB, say
    });
    m_editorArea->setWidget(m_editor);
}

QList<const Node *> MainWindow::selectedNodes() const
{
    QList<const Node *> nodes;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        if (const Node *node = m_model->node(m_proxy->mapToSource(index)))
            nodes.append(node);
    }
    if (nodes.isEmpty() && currentNode())
        nodes.append(currentNode());
    return nodes;
}

void MainWindow::updateActions()
{
    const QModelIndex source = m_proxy->mapToSource(m_tree->currentIndex());
    const Node *node = m_model->node(source);
    const bool movable = node && node->parent();
    m_addAction->setEnabled(m_model->group(source).has_value()
                            || (node && node->kind() != NodeKind::Competition));
    m_enterAction->setEnabled(
        node && (node->kind() == NodeKind::Competitor || node->kind() == NodeKind::EventEntry));
    m_deleteAction->setEnabled(movable);
    m_duplicateAction->setEnabled(movable);
    m_moveUpAction->setEnabled(movable);
    m_moveDownAction->setEnabled(movable);
    updateLiveActions();
}

void MainWindow::updateLiveActions()
{
    if (!m_liveAction || !m_live)
        return;
    m_liveAction->setChecked(LiveResults::isOn(*m_document));
    const Node *node = currentNode();
    const bool unit = node && node->kind() == NodeKind::Unit;
    m_officialAction->setEnabled(unit);
    m_officialAction->setChecked(unit && LiveResults::isOfficial(static_cast<const Unit &>(*node)));
}

void MainWindow::setLive(bool on)
{
    commitPendingEdits();
    m_edit->setMeetdeskValue(QString(LiveResults::liveKey),
                             on ? std::optional<JsonValue>(JsonValue::boolean(true)) : std::nullopt,
                             on ? tr("Live results on") : tr("Live results off"));
    updateLiveActions();
    if (on) {
        m_live->setServer(QUrl(Settings::server()));
        liveLogIn();
        statusBar()->showMessage(
            tr("Live results on: official heats are published to %1 as they come")
                .arg(Settings::server()),
            10000);
    }
}

void MainWindow::liveLogIn()
{
    if (!m_live || m_live->hasToken() || m_liveLoggingIn)
        return;
    if (!m_tokens)
        m_tokens = std::make_unique<KeychainTokenStore>();
    m_liveLoggingIn = true;
    QPointer<LiveResults> live = m_live;
    m_tokens->readToken(
        Settings::server(), Settings::userName(), [this, live](const QString &token) {
            if (!live) {
                m_liveLoggingIn = false;
                return;
            }
            if (!token.isEmpty()) {
                m_liveLoggingIn = false;
                live->setServer(QUrl(Settings::server()));
                live->setToken(token);
                return;
            }
            auto *flow = new PublishFlow(m_document.get(), m_tokens.get(), this);
            flow->logIn(
                [this, flow, live](bool ok) {
                    m_liveLoggingIn = false;
                    if (ok && live) {
                        live->setServer(QUrl(Settings::server()));
                        live->setToken(flow->client()->token());
                    }
                    flow->deleteLater();
                },
                tr("Live results publish each official heat as you go: log in once."));
        });
}

void MainWindow::setOfficial(bool official)
{
    const Node *node = currentNode();
    if (!node || node->kind() != NodeKind::Unit)
        return;
    commitPendingEdits();
    m_edit->setValue(*node, QLatin1StringView("results_status"),
                     official ? QStringLiteral("official") : QStringLiteral("provisional"));
    updateLiveActions();
}

void MainWindow::addNode()
{
    const QModelIndex source = m_proxy->mapToSource(m_tree->currentIndex());
    Node *added = nullptr;
    if (const auto list = m_model->group(source)) {
        added = m_edit->append(m_document->competition(), *list);
    } else if (const Node *node = m_model->node(source)) {
        switch (node->kind()) {
        case NodeKind::Competition:
            break;
        case NodeKind::Event:
            added = m_edit->append(*node, ListId::Units);
            break;
        case NodeKind::Unit:
            added = m_edit->append(*node, ListId::UnitResults);
            break;
        default: // a sibling after it
            added = m_edit->insert(*node->parent(), children::listOf(*node),
                                   children::indexOf(*node) + 1);
            break;
        }
    }
    if (!added)
        return;
    selectNode(added);
    if (m_editor)
        m_editor->focusFirstField();
}

void MainWindow::deleteNodes()
{
    const QList<const Node *> nodes = selectedNodes();
    if (nodes.isEmpty())
        return;
    const Node *parent = nodes.first()->parent();
    m_edit->remove(nodes);
    if (parent)
        selectNode(parent);
}

void MainWindow::duplicateNode()
{
    if (const Node *node = currentNode())
        selectNode(m_edit->duplicate(*node));
}

void MainWindow::moveNode(int delta)
{
    const Node *node = currentNode();
    if (!node || !node->parent())
        return;
    m_edit->move(*node, children::indexOf(*node) + delta);
    selectNode(node);
}

void MainWindow::deleteRetiredEditors()
{
    for (const QPointer<NodeEditor> &editor : std::as_const(m_retired))
        delete editor.data();
    m_retired.clear();
}

void MainWindow::commitPendingEdits()
{
    if (m_editor)
        m_editor->form()->commitPending();
}

void MainWindow::enterInEvent()
{
    const Node *node = currentNode();
    if (node && node->kind() == NodeKind::EventEntry)
        node = node->parent();
    if (!node || node->kind() != NodeKind::Competitor)
        return;
    selectNode(node);
    if (m_editor)
        m_editor->chooseEventToEnter();
}

CompetitionTreeModel::Status MainWindow::publishStatus(const Node &node) const
{
    if (m_live) {
        const LiveResults::HeatState live = m_live->stateOf(node);
        switch (live.state) {
        case LiveResults::State::Queued:
            return {tr("queued"),
                    QColor(0x1f, 0x6f, 0xb2),
                    tr("Official: to be published in a moment"),
                    {}};
        case LiveResults::State::Publishing:
            return {
                tr("publishing"), QColor(0x1f, 0x6f, 0xb2), tr("Being published to OpenTrack"), {}};
        case LiveResults::State::Published:
            return {
                tr("published"), QColor(0x2e, 0x7d, 0x32), tr("Official results on OpenTrack"), {}};
        case LiveResults::State::Failed:
            return {tr("failed"), QColor(0xc0, 0x39, 0x2b), live.message,
                    style()->standardIcon(QStyle::SP_MessageBoxWarning)};
        case LiveResults::State::NeedsReview:
            return {tr("needs review"), QColor(0x9a, 0x67, 0x00), live.message,
                    style()->standardIcon(QStyle::SP_MessageBoxWarning)};
        case LiveResults::State::None:
            break;
        }
    }
    if (m_sync.isEmpty() && m_sync.failedKeys().isEmpty())
        return {};
    switch (publishStateOf(node, m_sync)) {
    case PublishState::Failed: {
        const QString why = m_sync.failure(payload::naturalKey(node));
        return {tr("failed"), QColor(0xc0, 0x39, 0x2b),
                tr("The last publish could not store this: %1. Publishing again sends it again.")
                    .arg(why),
                style()->standardIcon(QStyle::SP_MessageBoxCritical)};
    }
    case PublishState::New:
        return {tr("new"), QColor(0x1f, 0x6f, 0xb2), tr("Not on OpenTrack yet"), {}};
    case PublishState::Changed:
        return {tr("changed"), QColor(0x9a, 0x67, 0x00), tr("Changed since the last publish"), {}};
    case PublishState::Published:
        return {tr("published"), QColor(0x2e, 0x7d, 0x32), tr("As last published"), {}};
    case PublishState::None:
        break;
    }
    return {};
}

void MainWindow::publish()
{
    startPublish(false);
}

void MainWindow::verifyAndPublish()
{
    startPublish(true);
}

PublishFlow *MainWindow::newPublishFlow(bool writesSyncState)
{
    if (m_publishFlow)
        return nullptr; // one at a time
    if (writesSyncState && m_live && m_live->busy()) {
        statusBar()->showMessage(tr("Live results are being published; try again in a moment."),
                                 5000);
        return nullptr;
    }
    if (!m_tokens)
        m_tokens = std::make_unique<KeychainTokenStore>();
    m_publishFlow = new PublishFlow(m_document.get(), m_tokens.get(), this);
    if (writesSyncState && m_live)
        m_live->setHeld(true);
    connect(m_publishFlow, &PublishFlow::ended, this, [this] {
        m_publishFlow->deleteLater();
        m_publishFlow = nullptr;
        if (m_live)
            m_live->setHeld(false);
    });
    return m_publishFlow;
}

void MainWindow::startPublish(bool verify)
{
    commitPendingEdits();
    if (!newPublishFlow(true))
        return;
    connect(m_publishFlow, &PublishFlow::nodeRequested, this, &MainWindow::selectNode);
    connect(m_publishFlow, &PublishFlow::published, this, &MainWindow::published);
    m_publishFlow->start(verify);
}

void MainWindow::pull()
{
    if (m_publishFlow || !maybeSave() || !newPublishFlow(false))
        return;
    m_publishFlow->pull([this](std::unique_ptr<Document> pulled) {
        pulled->undoStack()->resetClean(); // a new document, saved nowhere yet
        // The flow is still running this callback; take the document once it has ended.
        auto holder = std::make_shared<std::unique_ptr<Document>>(std::move(pulled));
        QTimer::singleShot(0, this, [this, holder] {
            m_recovery.remove();
            setDocument(std::move(*holder));
            statusBar()->showMessage(tr("Pulled %1 from the server; save it to keep it.")
                                         .arg(m_document->competition().fullName));
        });
    });
}

void MainWindow::pullEntries()
{
    commitPendingEdits();
    if (!newPublishFlow(true))
        return;
    m_publishFlow->pullEntries([this](bool applied) {
        if (!applied)
            return;
        m_sync = SyncState::fromMeetdesk(m_document->meetdeskData());
        m_tree->viewport()->update();
        statusBar()->showMessage(tr("Entries pulled from OpenTrack (Undo takes them back)."));
    });
}

void MainWindow::published(const PublishReport &report)
{
    m_sync = SyncState::fromMeetdesk(m_document->meetdeskData());
    m_tree->viewport()->update(); // the status column is read afresh
    statusBar()->showMessage(report.complete() ? tr("Published: %1 created, %2 changed, %3 deleted")
                                                     .arg(report.created)
                                                     .arg(report.updated)
                                                     .arg(report.deleted)
                                               : tr("Published with problems: see the report"));
}

void MainWindow::showTreeMenu(const QPoint &pos)
{
    updateActions();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("treeMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_addAction, m_enterAction, m_duplicateAction, m_deleteAction});
    menu->addSeparator();
    menu->addAction(m_compute->placesAction());
    menu->addSeparator();
    menu->addActions({m_moveUpAction, m_moveDownAction});
    m_meetDay->updateActions();
    menu->addSeparator();
    menu->addActions(m_meetDay->actions());
    if (m_officialAction->isEnabled())
        menu->addAction(m_officialAction);
    menu->popup(m_tree->viewport()->mapToGlobal(pos));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] - Meetdesk").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings::recentFiles();
    for (const QString &path : files) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

bool MainWindow::maybeSave()
{
    commitPendingEdits();
    if (!m_document->isModified())
        return true;
    const auto answer = Prompts::ask(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newDocument()
{
    if (maybeSave()) {
        m_recovery.remove();
        setDocument(std::make_unique<Document>());
    }
}

bool MainWindow::openFile(const QString &path)
{
    DocumentFile::Loaded loaded = DocumentFile::load(path);
    if (!loaded.document) {
        Prompts::warn(this, tr("Cannot open competition"),
                      tr("%1 could not be opened:\n%2").arg(path, loaded.error));
        return false;
    }
    m_recovery.remove();
    setDocument(std::move(loaded.document));
    Settings::addRecentFile(path);
    updateRecentMenu();
    const FindingsService &service = FindingsService::of(*m_document);
    const qsizetype findings
        = loaded.findings.size() + service.errorCount() + service.warningCount();
    statusBar()->showMessage(findings == 0
                                 ? tr("Opened %1").arg(m_document->displayName())
                                 : tr("Opened %1 with %n finding(s)", nullptr, int(findings))
                                       .arg(m_document->displayName()));
    return true;
}

bool MainWindow::save()
{
    commitPendingEdits();
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    commitPendingEdits();
    const QString slug = m_document->competition().slug;
    const QString suggested = (slug.isEmpty() ? tr("competition") : slug) + QStringLiteral(".json");
    QString path = Prompts::saveFileName(this, tr("Save competition"), suggested, fileFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    QString error;
    if (!DocumentFile::save(*m_document, path, &error)) {
        Prompts::warn(this, tr("Cannot save competition"),
                      tr("%1 could not be saved:\n%2").arg(path, error));
        return false;
    }
    m_recovery.remove();
    Settings::addRecentFile(path);
    updateRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 5000);
    return true;
}

void MainWindow::autosave()
{
    if (!m_document->isModified())
        return;
    QString error;
    if (!m_recovery.write(*m_document, &error))
        statusBar()->showMessage(tr("Could not write the safety copy: %1").arg(error), 10000);
}

void MainWindow::offerRecovery()
{
    const QList<RecoveryFile::Found> found = m_recovery.orphans();
    if (found.isEmpty())
        return;
    const RecoveryFile::Found &newest = found.first();
    const QString what = newest.originalPath.isEmpty() ? tr("an unsaved competition")
                                                       : QFileInfo(newest.originalPath).fileName();
    const auto answer = Prompts::ask(
        this, tr("Restore unsaved work?"),
        tr("Meetdesk did not close properly. Unsaved work on %1 was kept at %2. Restore it?")
            .arg(what, QLocale().toString(newest.written, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        RecoveryFile::discard(newest);
        return;
    }
    QString error;
    auto restored = RecoveryFile::restore(newest, &error);
    if (!restored) {
        Prompts::warn(this, tr("Cannot restore"),
                      tr("The kept work could not be read:\n%1").arg(error));
        return;
    }
    setDocument(std::move(restored));
    RecoveryFile::discard(newest);
    autosave(); // this window's own copy from now on
    statusBar()->showMessage(tr("Restored unsaved work; save it to keep it."));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_recovery.remove();
    Settings::setWindowGeometry(saveGeometry());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        Settings::setSplitterState(splitter->saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    if (ImportFlow::isEntriesFile(path))
        findChild<ImportFlow *>()->open(path); // entries go into the open competition
    else if (maybeSave())
        openFile(path);
}

} // namespace meetdesk
