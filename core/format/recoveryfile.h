#pragma once

#include "model/document.h"

#include <QLockFile>

#include <memory>

namespace meetdesk {

// The safety copy of unsaved work: written every few seconds into the application's data
// folder (never over the user's file), removed on a clean exit. Each running window holds a
// lock on its own copy, so the next start offers to restore only copies whose owner died.
class RecoveryFile
{
public:
    struct Found
    {
        QString path; // the recovery copy
        QString originalPath; // the file the work belonged to, if it had one
        QDateTime written;
    };

    // folder: where copies live (the application's data folder + "/recovery" by default).
    explicit RecoveryFile(QString folder = {});
    ~RecoveryFile();

    QString folder() const { return m_folder; }
    QString path() const; // this window's copy

    bool write(const Document &document, QString *error = nullptr);
    // Removes this window's copy (after a save, on a clean close).
    void remove();

    // Copies left by windows that are no longer running.
    QList<Found> orphans() const;
    // Reads a copy into a document that is modified (it was never saved) and knows its file.
    static std::unique_ptr<Document> restore(const Found &found, QString *error);
    static void discard(const Found &found);

private:
    QString m_folder;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace meetdesk
