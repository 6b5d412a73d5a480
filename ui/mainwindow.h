#pragma once

#include "format/recoveryfile.h"
#include "models/competitiontreemodel.h"
#include "opentrack/syncstate.h"
#include "opentrack/tokenstore.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUndoGroup>

#include <memory>

class QDockWidget;
class QLineEdit;
class QMenu;
class QScrollArea;
class QSortFilterProxyModel;
class QPushButton;
class QTreeView;

namespace meetdesk {

class ComputeFlow;
class LiveResults;
class PhotoFinishFlow;
class Document;
class DocumentEditor;
class FindingsPanel;
class MeetDayActions;
class Node;
class NodeEditor;
class PublishFlow;
struct PublishReport;

// The main window: the competition tree (with a filter) on the left, the editor of the
// selected node on the right, the findings panel below (View > Findings) with their count in
// the status bar; files, undo and redo, and the safety copy of unsaved work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a competition file (asking first about unsaved changes); says what went wrong
    // and keeps the current document if it cannot be read.
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    void newDocument();
    // After a crash: offers to restore the work the recovery file kept.
    void offerRecovery();
    // Writes the recovery file now (the autosave timer calls this).
    void autosave();

    Document *document() const { return m_document.get(); }
    const Node *currentNode() const;
    void selectNode(const Node *node);
    NodeEditor *currentEditor() const { return m_editor; }
    RecoveryFile &recoveryFile() { return m_recovery; }

    // Publish > Publish...: log in if needed, review, publish, result.
    void publish();
    // Publish > Verify everything on the server...: the same, reading every heat on the server
    // (not only those changed here) to find every change made there.
    void verifyAndPublish();
    // Publish > Pull from server...: a competition the user manages, as a new document.
    void pull();
    void pullEntries();
    PublishFlow *publishFlow() const { return m_publishFlow; }
    LiveResults *liveResults() const { return m_live; }
    PhotoFinishFlow *photoFinish() const { return m_photoFinish; }
    // Edit > Validate: checks everything again, shows the findings panel and, in the form,
    // every finding (required fields included).
    void validate();
    // Goes to a finding: selects its record and puts the keyboard in its field.
    void goToFinding(const Node *node, const QString &field);
    // Where tokens are kept: the system keychain by default, memory in tests.
    void setTokenStore(std::unique_ptr<TokenStore> store) { m_tokens = std::move(store); }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void setDocument(std::unique_ptr<Document> document);
    bool maybeSave();
    bool saveTo(const QString &path);
    void updateTitle();
    void updateRecentMenu();
    void updateActions();
    void showEditorFor(const QModelIndex &proxyIndex);
    // Takes what the editor's fields still hold (a bib waits to be left) into the document.
    void commitPendingEdits();
    void deleteRetiredEditors();
    QList<const Node *> selectedNodes() const;
    void addNode();
    void enterInEvent();
    void deleteNodes();
    void duplicateNode();
    void moveNode(int delta);
    void showTreeMenu(const QPoint &pos);
    void startPublish(bool verify);
    // The one publish flow, made (nullptr while another is open); dropped when it ends. One
    // that writes the sync state (publish, pull entries) waits for a live publish in progress,
    // and holds live results until it ends: two publishes at once would each write back the
    // sync state they started from.
    PublishFlow *newPublishFlow(bool writesSyncState);
    void published(const PublishReport &report);
    CompetitionTreeModel::Status publishStatus(const Node &node) const;
    // Publish > Live results: the switch, kept in the file as an undo step.
    void setLive(bool on);
    // Live results need a token: the stored one, else one login.
    void liveLogIn();
    // Publish > Mark heat official (and back to provisional).
    void setOfficial(bool official);
    void updateLiveActions();
    void updateFindingsCount();

    std::unique_ptr<Document> m_document;
    std::unique_ptr<DocumentEditor> m_edit;
    CompetitionTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
    QLineEdit *m_filter;
    QScrollArea *m_editorArea;
    QDockWidget *m_findingsDock;
    FindingsPanel *m_findingsPanel;
    QPushButton *m_findingsCount;
    NodeEditor *m_editor = nullptr;
    // Editors replaced while one of their own signals may still be running: deleted later.
    QList<QPointer<NodeEditor>> m_retired;
    QUndoGroup m_undoGroup;
    RecoveryFile m_recovery;
    QTimer m_autosaveTimer;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_enterAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    std::unique_ptr<TokenStore> m_tokens;
    PublishFlow *m_publishFlow = nullptr;
    MeetDayActions *m_meetDay = nullptr;
    ComputeFlow *m_compute = nullptr;
    LiveResults *m_live = nullptr;
    PhotoFinishFlow *m_photoFinish = nullptr;
    QAction *m_liveAction = nullptr;
    QAction *m_officialAction = nullptr;
    bool m_liveLoggingIn = false;
    SyncState m_sync;
};

} // namespace meetdesk
