#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace meetdesk {

// Watches a folder for FinishLynx result files (.lif): a file written or rewritten there is
// offered once it has stopped growing (FinishLynx writes in pieces: the same size and time at
// two looks at least stableMs apart), with its bytes and their hash. A QFileSystemWatcher says
// when to look; a rescan every second looks anyway, since watchers miss events on some file
// systems (network shares, some container mounts). A file is offered again only when its
// content changes; one applied (markApplied: name and hash, kept by the caller across runs) is
// not offered again until it changes.
class LifWatch : public QObject
{
    Q_OBJECT

public:
    struct Offer
    {
        QString path;
        QString name; // the file's name in the folder
        QByteArray bytes;
        QByteArray hash; // SHA-256 of the bytes, hex
    };

    explicit LifWatch(QObject *parent = nullptr);

    // Starts watching (an empty path stops). Files already there are offered too, unless
    // applied. Returns false, with error(), when the folder cannot be read.
    bool setFolder(const QString &path);
    QString folder() const { return m_folder; }
    QString error() const { return m_error; }

    // Names and hashes of files applied ("011-1-2.lif" -> hash), to keep between runs.
    void setApplied(const QHash<QString, QByteArray> &applied) { m_applied = applied; }
    const QHash<QString, QByteArray> &applied() const { return m_applied; }
    void markApplied(const QString &name, const QByteArray &hash);
    bool isApplied(const QString &name, const QByteArray &hash) const;

    static QByteArray hashOf(const QByteArray &bytes);

    // Looks at the folder now (the watcher and the timer call this).
    void scan();

    static constexpr int rescanMs = 1000;
    static constexpr int stableMs = 150;
    static constexpr qint64 maxBytes = qint64(4) * 1024 * 1024; // LifReader's bound

Q_SIGNALS:
    void offered(const meetdesk::LifWatch::Offer &offer);

private:
    struct Seen
    {
        qint64 size = -1;
        QDateTime modified;
        qint64 sinceMs = 0; // when size and time were first seen as they are
        QByteArray offeredHash; // the content last offered
    };

    QString m_folder;
    QString m_error;
    QFileSystemWatcher m_watcher;
    QTimer m_rescan;
    QTimer m_settle; // a look soon after a change, once the file may be whole
    QHash<QString, Seen> m_seen;
    QHash<QString, QByteArray> m_applied;
    QElapsedTimer m_clock;
};

} // namespace meetdesk
