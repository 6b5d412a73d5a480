#include "lifwatch.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace meetdesk {

LifWatch::LifWatch(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_rescan.setInterval(rescanMs);
    connect(&m_rescan, &QTimer::timeout, this, &LifWatch::scan);
    m_settle.setSingleShot(true);
    m_settle.setInterval(stableMs + 50);
    connect(&m_settle, &QTimer::timeout, this, &LifWatch::scan);
    const auto changed = [this] {
        scan();
        m_settle.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
}

bool LifWatch::setFolder(const QString &path)
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    m_rescan.stop();
    m_seen.clear();
    m_error.clear();
    m_folder = path;
    if (path.isEmpty())
        return true;
    const QFileInfo info(path);
    if (!info.isDir() || !info.isReadable()) {
        m_error = tr("%1: not a folder that can be read").arg(QDir::toNativeSeparators(path));
        m_folder.clear();
        return false;
    }
    m_watcher.addPath(path);
    m_rescan.start();
    scan();
    m_settle.start();
    return true;
}

QByteArray LifWatch::hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

void LifWatch::markApplied(const QString &name, const QByteArray &hash)
{
    m_applied.insert(name, hash);
}

bool LifWatch::isApplied(const QString &name, const QByteArray &hash) const
{
    const auto it = m_applied.constFind(name);
    return it != m_applied.constEnd() && *it == hash;
}

void LifWatch::scan()
{
    if (m_folder.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    const QFileInfoList files
        = QDir(m_folder).entryInfoList({QStringLiteral("*.lif"), QStringLiteral("*.LIF")},
                                       QDir::Files | QDir::Readable, QDir::Name);
    QSet<QString> present;
    bool waiting = false;
    for (const QFileInfo &info : files) {
        const QString name = info.fileName();
        if (present.contains(name))
            continue; // *.lif and *.LIF on a case-insensitive file system
        present.insert(name);
        Seen &seen = m_seen[name];
        if (seen.size != info.size() || seen.modified != info.lastModified()) {
            seen.size = info.size();
            seen.modified = info.lastModified();
            seen.sinceMs = now;
            waiting = true;
            continue;
        }
        if (now - seen.sinceMs < stableMs) {
            waiting = true;
            continue;
        }
        if (seen.size > maxBytes)
            continue;
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue; // still being written on some systems; the next look tries again
        const QByteArray bytes = file.read(maxBytes + 1);
        if (bytes.size() != seen.size) { // changed while reading
            seen.sinceMs = now;
            waiting = true;
            continue;
        }
        const QByteArray hash = hashOf(bytes);
        if (hash == seen.offeredHash)
            continue;
        seen.offeredHash = hash;
        if (isApplied(name, hash))
            continue;
        Q_EMIT offered({info.filePath(), name, bytes, hash});
    }
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (present.contains(it.key()))
            ++it;
        else
            it = m_seen.erase(it); // removed: offered again if it comes back
    }
    if (waiting && !m_settle.isActive())
        m_settle.start();
}

} // namespace meetdesk
