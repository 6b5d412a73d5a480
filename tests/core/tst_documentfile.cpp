#include "format/documentfile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace meetdesk;

namespace {

// A named pipe in dir; empty if none could be made.
QString makeFifo(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("pipe"));
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 ? path : QString();
}

} // namespace

class TestDocumentFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveAndLoadAgain()
    {
        QTemporaryDir dir;
        const QString sample = QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json");
        DocumentFile::Loaded loaded = DocumentFile::load(sample);
        QVERIFY2(loaded.document, qPrintable(loaded.error));
        QCOMPARE(loaded.document->filePath(), sample);
        QVERIFY(!loaded.document->isModified());

        const QString copy = dir.filePath(QStringLiteral("copy.json"));
        QString error;
        QVERIFY2(DocumentFile::save(*loaded.document, copy, &error), qPrintable(error));
        QCOMPARE(loaded.document->filePath(), copy);

        QFile a(sample), b(copy);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll()); // the sample is a canonical Meetdesk file

        DocumentFile::Loaded again = DocumentFile::load(copy);
        QVERIFY(again.document);
        QVERIFY(sameContent(again.document->competition(), loaded.document->competition()));
    }

    void keepsTheMeetdeskObject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"slug": "x", "meetdesk": {"sync": {"server": "s"}, "format_version": 1}})");
        f.close();
        DocumentFile::Loaded loaded = DocumentFile::load(path);
        QVERIFY(loaded.findings.isEmpty());
        const QByteArray out = DocumentFile::serialize(loaded.document->competition(),
                                                       loaded.document->meetdeskData());
        QVERIFY2(out.contains("\"meetdesk\": {\n    \"format_version\": 1,\n    \"sync\": {\n      "
                              "\"server\": \"s\"\n    }\n  }"),
                 out.constData());
    }

    void newerFormatIsAWarning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("n.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"slug": "x", "meetdesk": {"format_version": 7}})");
        f.close();
        DocumentFile::Loaded loaded = DocumentFile::load(path);
        QVERIFY(loaded.document);
        QCOMPARE(loaded.findings.size(), 1);
        QCOMPARE(loaded.findings[0].toString(),
                 QStringLiteral(
                     "meetdesk.format_version: written by a newer Meetdesk (format 7); what it "
                     "added is kept but not understood"));
        QCOMPARE(loaded.findings[0].severity, Finding::Severity::Warning);
    }

    void failedSaveLeavesTheOldFileAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("original");
        }
        QString error;
        // A directory where the file should go: the write fails, nothing is touched.
        QVERIFY(!DocumentFile::writeFile(dir.path(), "new", &error));
        QVERIFY(!error.isEmpty());
        Document doc;
        QVERIFY(
            !DocumentFile::save(doc, dir.filePath(QStringLiteral("missing/sub/x.json")), &error));
        QVERIFY(doc.filePath().isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("original"));
    }

    // A "meetdesk" value that is no object is the file's own: written back as it was, once.
    void meetdeskThatIsNoObjectIsWrittenBackOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"slug": "x", "meetdesk": [1.50, "kept"], "other": 1})");
        f.close();
        DocumentFile::Loaded loaded = DocumentFile::load(path);
        QVERIFY(loaded.document);
        QCOMPARE(loaded.findings.size(), 1);
        QCOMPARE(loaded.findings[0].toString(),
                 QStringLiteral("meetdesk: expected an object, got a list"));
        const QByteArray out = DocumentFile::serialize(loaded.document->competition(),
                                                       loaded.document->meetdeskData());
        QCOMPARE(out.count("\"meetdesk\""), 1);
        QVERIFY2(out.contains("\"meetdesk\": [\n    1.50,\n    \"kept\"\n  ],\n  \"other\": 1\n}"),
                 out.constData());

        // Once Meetdesk has its own data to keep (a publish's sync state), its object takes the
        // key and the file's value stays inside it.
        loaded.document->setMeetdeskData(
            {{QStringLiteral("sync"),
              JsonValue::object(
                  {{QStringLiteral("server"), JsonValue::string(QStringLiteral("s"))}})}});
        const QByteArray synced = DocumentFile::serialize(loaded.document->competition(),
                                                          loaded.document->meetdeskData());
        QCOMPARE(synced.count("\"meetdesk\""), 1);
        QVERIFY2(synced.contains("\"previous_value\": [\n      1.50,\n      \"kept\"\n    ]"),
                 synced.constData());
        QVERIFY(DocumentFile::save(*loaded.document, path, nullptr));
        DocumentFile::Loaded again = DocumentFile::load(path);
        QVERIFY(again.findings.isEmpty());
        QVERIFY(findMember(again.document->meetdeskData(), u"sync"));
    }

    void readsAPipeAsItComes()
    {
        QTemporaryDir dir;
        const QString fifo = makeFifo(dir);
        QVERIFY(!fifo.isEmpty());
        QProcess writer; // writes half, waits, writes the rest
        writer.start(QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"),
                      QStringLiteral("{ printf '{'; sleep 0.3; printf '\"a\": 1}'; } > \"$1\""),
                      QStringLiteral("sh"), fifo});
        QVERIFY(writer.waitForStarted());
        DocumentFile::ReadLimits limits;
        limits.idleMs = 5000;
        const DocumentFile::Bytes bytes = DocumentFile::readBytes(fifo, limits);
        QVERIFY(writer.waitForFinished());
        QVERIFY2(bytes.ok(), qPrintable(bytes.error));
        QCOMPARE(bytes.data, QByteArray("{\"a\": 1}"));
    }

    void aPipeNobodyWritesToEnds()
    {
        QTemporaryDir dir;
        const QString fifo = makeFifo(dir);
        QVERIFY(!fifo.isEmpty());
        DocumentFile::ReadLimits limits;
        limits.idleMs = 300;
        QElapsedTimer timer;
        timer.start();
        const DocumentFile::Bytes bytes = DocumentFile::readBytes(fifo, limits);
        QCOMPARE(
            bytes.error,
            QStringLiteral("nothing came from it for 0.3 seconds; is anything writing to it?"));
        QVERIFY(bytes.data.isEmpty());
        QVERIFY(timer.elapsed() < 10000);
    }

    void aDeviceIsReadOnlyUpToTheLimit()
    {
        DocumentFile::ReadLimits limits;
        limits.maxBytes = 2 * 1024 * 1024;
        const DocumentFile::Bytes bytes
            = DocumentFile::readBytes(QStringLiteral("/dev/zero"), limits);
        QCOMPARE(bytes.error,
                 QStringLiteral("more than 2 MB came from it; Meetdesk reads "
                                "competitions of up to 2 MB"));
        QVERIFY(bytes.data.isEmpty());
    }

    void aRegularFileOverTheLimitIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3 * 1024 * 1024, ' '));
        f.close();
        DocumentFile::ReadLimits limits;
        limits.maxBytes = 2 * 1024 * 1024;
        QCOMPARE(DocumentFile::readBytes(path, limits).error,
                 QStringLiteral("the file is 3 MB; Meetdesk reads competitions of up to 2 MB"));
        QVERIFY(DocumentFile::readBytes(path).ok());
    }

    void aFolderIsNoFile()
    {
        QTemporaryDir dir;
        QCOMPARE(DocumentFile::readBytes(dir.path()).error,
                 QStringLiteral("it is a folder, not a file"));
        QString error;
        QVERIFY(!DocumentFile::writeFile(dir.path(), "{}", &error));
        QCOMPARE(error,
                 QStringLiteral("it is a folder, not a regular file; Meetdesk writes only "
                                "to regular files"));
    }

    void writingOntoAPipeLeavesItAlone()
    {
        QTemporaryDir dir;
        const QString fifo = makeFifo(dir);
        QVERIFY(!fifo.isEmpty());
        QString error;
        QVERIFY(!DocumentFile::writeFile(fifo, "{}", &error));
        QCOMPARE(error,
                 QStringLiteral("it is a named pipe, not a regular file; Meetdesk writes "
                                "only to regular files"));
        struct stat info
        {
        };
        QVERIFY(::stat(QFile::encodeName(fifo).constData(), &info) == 0);
        QVERIFY(S_ISFIFO(info.st_mode));
        // A link to the pipe is refused the same way.
        const QString link = dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(fifo, link));
        QVERIFY(!DocumentFile::writeFile(link, "{}", &error));
        QVERIFY(QFileInfo(link).isSymLink());
    }

    void unreadableFileSaysWhy()
    {
        DocumentFile::Loaded loaded = DocumentFile::load(QStringLiteral("/nonexistent/x.json"));
        QVERIFY(!loaded.document);
        QCOMPARE(loaded.error, QStringLiteral("cannot open the file: No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestDocumentFile)
#include "tst_documentfile.moc"
