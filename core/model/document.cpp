#include "document.h"

#include <QFileInfo>

namespace meetdesk {

Document::Document(std::unique_ptr<Competition> competition, QObject *parent)
    : QObject(parent)
    , m_competition(competition ? std::move(competition) : std::make_unique<Competition>())
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document() = default;

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

} // namespace meetdesk
