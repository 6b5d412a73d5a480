#pragma once

#include <QMainWindow>

#include <memory>

class QTreeWidget;
class QTreeWidgetItem;

namespace meetdesk {

class Document;
class Node;

// The main window: the competition as a tree that mirrors OpenTrack's nested model.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a competition file; says what went wrong in a dialog and returns false if it
    // could not be read.
    bool openFile(const QString &path);
    Document *document() const { return m_document.get(); }

private:
    void open();
    void rebuildTree();
    void updateTitle();

    std::unique_ptr<Document> m_document;
    QTreeWidget *m_tree;
};

} // namespace meetdesk
