#include "format/documentfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

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

    void unreadableFileSaysWhy()
    {
        DocumentFile::Loaded loaded = DocumentFile::load(QStringLiteral("/nonexistent/x.json"));
        QVERIFY(!loaded.document);
        QCOMPARE(loaded.error, QStringLiteral("cannot open the file: No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestDocumentFile)
#include "tst_documentfile.moc"
