#pragma once

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace meetdesk {

class DocumentEditor;

// File > Import entries... and entries files dropped on the window: the file chooser (through
// Prompts), then the ImportWizard over the open competition, opened with open().
class ImportFlow : public QObject
{
    Q_OBJECT

public:
    // editor gives, when asked, the editor of the document the window shows (with what its
    // fields still hold taken in).
    ImportFlow(QWidget *window, std::function<DocumentEditor *()> editor);

    QAction *importAction() const { return m_import; }

    // Whether a file is an entries table by its name: .csv, .tsv, .txt, .xlsx.
    static bool isEntriesFile(const QString &path);

    // Asks for the file, then imports it.
    void chooseFile();
    // The wizard on this file (one wizard at a time).
    void open(const QString &path);

Q_SIGNALS:
    // For the status bar: what the import did.
    void message(const QString &text);

private:
    QWidget *m_window;
    std::function<DocumentEditor *()> m_editor;
    QAction *m_import;
    bool m_open = false;
};

} // namespace meetdesk
