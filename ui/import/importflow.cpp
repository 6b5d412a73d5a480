#include "importflow.h"

#include "importwizard.h"
#include "prompts.h"

#include <QAction>
#include <QFileInfo>

namespace meetdesk {

ImportFlow::ImportFlow(QWidget *window, std::function<DocumentEditor *()> editor)
    : QObject(window)
    , m_window(window)
    , m_editor(std::move(editor))
    , m_import(new QAction(tr("&Import entries..."), this))
{
    m_import->setObjectName(QStringLiteral("importEntriesAction"));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_import, &QAction::triggered, this, &ImportFlow::chooseFile);
}

bool ImportFlow::isEntriesFile(const QString &path)
{
    static const QStringList suffixes {QStringLiteral("csv"), QStringLiteral("tsv"),
                                       QStringLiteral("txt"), QStringLiteral("xlsx")};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

void ImportFlow::chooseFile()
{
    if (m_open)
        return;
    const QString path = Prompts::openFileName(
        m_window, tr("Import entries"), tr("Entries (*.csv *.tsv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void ImportFlow::open(const QString &path)
{
    DocumentEditor *editor = m_editor();
    if (m_open || !editor)
        return;
    m_open = true;
    auto *wizard = new ImportWizard(*editor, path, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::finished, this, [this, wizard] {
        m_open = false;
        if (wizard->applied())
            Q_EMIT message(wizard->applied()->summary());
    });
    wizard->open();
}

} // namespace meetdesk
