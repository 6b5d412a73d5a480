#include "recoveryfile.h"

#include "documentfile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUuid>

namespace meetdesk {

namespace {
QString metaPath(const QString &copy)
{
    return copy.chopped(5) + QStringLiteral(".path"); // beside x.json: x.path
}
QString lockPath(const QString &copy)
{
    return copy.chopped(5) + QStringLiteral(".lock");
}
} // namespace

RecoveryFile::RecoveryFile(QString folder)
    : m_folder(folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                       + QStringLiteral("/recovery")
                                : std::move(folder))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

RecoveryFile::~RecoveryFile() = default;

QString RecoveryFile::path() const
{
    return m_folder + u'/' + m_id + QStringLiteral(".json");
}

bool RecoveryFile::write(const Document &document, QString *error)
{
    if (!QDir().mkpath(m_folder)) {
        if (error)
            *error = QObject::tr("cannot create %1").arg(m_folder);
        return false;
    }
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(lockPath(path()));
        m_lock->setStaleLockTime(0);
        m_lock->tryLock(0);
    }
    const QByteArray data
        = DocumentFile::serialize(document.competition(), document.meetdeskData());
    return DocumentFile::writeFile(metaPath(path()), document.filePath().toUtf8(), error)
        && DocumentFile::writeFile(path(), data, error);
}

void RecoveryFile::remove()
{
    QFile::remove(path());
    QFile::remove(metaPath(path()));
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

QList<RecoveryFile::Found> RecoveryFile::orphans() const
{
    QList<Found> found;
    const QDir dir(m_folder);
    const QFileInfoList copies
        = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : copies) {
        const QString copy = info.absoluteFilePath();
        if (copy == path())
            continue;
        QLockFile lock(lockPath(copy));
        if (!lock.tryLock(0))
            continue; // its window is still open
        lock.unlock();
        QFile meta(metaPath(copy));
        QString original;
        if (meta.open(QIODevice::ReadOnly))
            original = QString::fromUtf8(meta.readAll());
        found.append({copy, original, info.lastModified()});
    }
    return found;
}

std::unique_ptr<Document> RecoveryFile::restore(const Found &found, QString *error)
{
    DocumentFile::Loaded loaded = DocumentFile::load(found.path);
    if (!loaded.document) {
        if (error)
            *error = loaded.error;
        return nullptr;
    }
    loaded.document->setFilePath(found.originalPath);
    loaded.document->undoStack()->resetClean(); // never saved: the user must save it
    return std::move(loaded.document);
}

void RecoveryFile::discard(const Found &found)
{
    QFile::remove(found.path);
    QFile::remove(metaPath(found.path));
    QFile::remove(lockPath(found.path));
}

} // namespace meetdesk
