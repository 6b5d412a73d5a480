#include "format/documentfile.h"
#include "format/recoveryfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

class TestRecoveryFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeFindRestore()
    {
        QTemporaryDir dir;
        DocumentFile::Loaded loaded
            = DocumentFile::load(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        QVERIFY(loaded.document);
        {
            RecoveryFile mine(dir.path());
            QString error;
            QVERIFY2(mine.write(*loaded.document, &error), qPrintable(error));
            QVERIFY(QFile::exists(mine.path()));
            // While this window lives, its copy is not an orphan.
            RecoveryFile other(dir.path());
            QVERIFY(other.orphans().isEmpty());
        } // a crash: the copy stays, the lock is released

        RecoveryFile next(dir.path());
        const QList<RecoveryFile::Found> found = next.orphans();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].originalPath,
                 QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"));
        QString error;
        auto restored = RecoveryFile::restore(found[0], &error);
        QVERIFY2(restored, qPrintable(error));
        QVERIFY(restored->isModified());
        QCOMPARE(restored->filePath(), found[0].originalPath);
        QVERIFY(children::sameContent(restored->competition(), loaded.document->competition()));
        RecoveryFile::discard(found[0]);
        QVERIFY(next.orphans().isEmpty());
    }

    void cleanCloseLeavesNothing()
    {
        QTemporaryDir dir;
        Document doc;
        RecoveryFile mine(dir.path());
        QVERIFY(mine.write(doc));
        mine.remove();
        QVERIFY(!QFile::exists(mine.path()));
        QVERIFY(RecoveryFile(dir.path()).orphans().isEmpty());
    }

    void neverWritesOverTheUsersFile()
    {
        QTemporaryDir dir;
        Document doc;
        doc.setFilePath(dir.filePath(QStringLiteral("meet.json")));
        RecoveryFile mine(dir.filePath(QStringLiteral("recovery")));
        QVERIFY(mine.write(doc));
        QVERIFY(!QFile::exists(doc.filePath()));
        QVERIFY(mine.path().startsWith(dir.filePath(QStringLiteral("recovery"))));
    }
};

QTEST_GUILESS_MAIN(TestRecoveryFile)
#include "tst_recoveryfile.moc"
