#include "mainwindow.h"

#include "format/documentfile.h"
#include "model/document.h"
#include "rules/validator.h"

#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace meetdesk {

namespace {

QString joinNonEmpty(std::initializer_list<QString> parts)
{
    QStringList out;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            out.append(p);
    }
    return out.join(u' ');
}

QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &label, const QString &detail = {})
{
    auto *item = new QTreeWidgetItem(parent, {label, detail});
    return item;
}

QTreeWidgetItem *addGroup(QTreeWidgetItem *parent, const QString &label, size_t count)
{
    return addItem(parent, QStringLiteral("%1 (%2)").arg(label).arg(count));
}

void addResults(QTreeWidgetItem *parent, const NodeList<Result> &results)
{
    for (const auto &r : results) {
        addItem(parent,
                joinNonEmpty({r->place ? QString::number(*r->place) + u'.' : QString(),
                              MainWindow::tr("bib %1").arg(r->bib)}),
                joinNonEmpty({r->performance, r->wind}));
    }
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(std::make_unique<Document>())
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_tree->setObjectName(QStringLiteral("competitionTree"));
    m_tree->setHeaderLabels({tr("Node"), tr("Details")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    setCentralWidget(m_tree);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::open);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    resize(900, 700);
    rebuildTree();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::open()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open competition"), QString(),
                                                      tr("Competitions (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    DocumentFile::Loaded loaded = DocumentFile::load(path);
    if (!loaded.document) {
        QMessageBox::warning(this, tr("Cannot open competition"),
                             tr("%1 could not be opened:\n%2").arg(path, loaded.error));
        return false;
    }
    m_document = std::move(loaded.document);
    rebuildTree();
    updateTitle();
    const QList<Finding> findings
        = loaded.findings + Validator::validate(m_document->competition());
    statusBar()->showMessage(findings.isEmpty()
                                 ? tr("Opened %1").arg(m_document->displayName())
                                 : tr("Opened %1 with %n finding(s)", nullptr, int(findings.size()))
                                       .arg(m_document->displayName()));
    return true;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] - Meetdesk").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::rebuildTree()
{
    m_tree->clear();
    const Competition &c = m_document->competition();
    auto *root = new QTreeWidgetItem(m_tree,
                                     {c.fullName.isEmpty() ? tr("New competition") : c.fullName,
                                      joinNonEmpty({c.date.toString(Qt::ISODate), c.country})});

    QTreeWidgetItem *competitors = addGroup(root, tr("Competitors"), c.competitors.size());
    for (const auto &x : c.competitors) {
        QTreeWidgetItem *item
            = addItem(competitors, joinNonEmpty({x->competitorId, x->firstName, x->lastName}),
                      joinNonEmpty({x->teamId, x->gender, x->category}));
        for (const auto &entry : x->eventsEntered)
            addItem(item, joinNonEmpty({entry->eventId, entry->eventCode}),
                    joinNonEmpty({entry->pb.isEmpty() ? QString() : tr("PB %1").arg(entry->pb),
                                  entry->sb.isEmpty() ? QString() : tr("SB %1").arg(entry->sb)}));
    }
    QTreeWidgetItem *teams = addGroup(root, tr("Teams"), c.teams.size());
    for (const auto &t : c.teams)
        addItem(teams, t->teamId, t->teamName);
    QTreeWidgetItem *relays = addGroup(root, tr("Relay teams"), c.relayTeams.size());
    for (const auto &r : c.relayTeams)
        addItem(relays, joinNonEmpty({r->relayTeamId, r->name}),
                r->runners ? r->runners->join(QStringLiteral(", ")) : QString());
    QTreeWidgetItem *events = addGroup(root, tr("Events"), c.events.size());
    for (const auto &e : c.events) {
        QTreeWidgetItem *event = addItem(events, joinNonEmpty({e->eventId, e->name}),
                                         joinNonEmpty({e->eventCode, e->genders, e->category}));
        addResults(event, e->results);
        for (const auto &u : e->units) {
            QTreeWidgetItem *unit = addItem(
                event,
                u->heatName.isEmpty()
                    ? tr("Round %1, heat %2").arg(u->round.value_or(0)).arg(u->heat.value_or(0))
                    : u->heatName,
                u->status);
            addResults(unit, u->results);
            if (!u->trials.empty()) {
                QTreeWidgetItem *trials = addGroup(unit, tr("Trials"), u->trials.size());
                for (const auto &t : u->trials)
                    addItem(trials, tr("bib %1").arg(t->bib),
                            joinNonEmpty({t->round ? tr("#%1").arg(*t->round) : t->height,
                                          t->result, t->wind}));
            }
        }
    }
    root->setExpanded(true);
}

} // namespace meetdesk
