#include "import/lifwatch.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

Q_DECLARE_METATYPE(meetdesk::LifWatch::Offer)

namespace {

void write(const QString &path, const QByteArray &bytes,
           QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    if (!f.open(mode) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

LifWatch::Offer offerAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<LifWatch::Offer>();
}

} // namespace

class TestLifWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<LifWatch::Offer>(); }

    void aFileWrittenIsOfferedOnceWhole()
    {
        QTemporaryDir dir;
        LifWatch watch;
        QSignalSpy spy(&watch, &LifWatch::offered);
        QVERIFY(watch.setFolder(dir.path()));
        const QByteArray lif = testdata::fixture(QStringLiteral("lynx/011-1-2.lif"));
        const QString path = dir.filePath(QStringLiteral("011-1-2.lif"));
        // Written in two pieces, the second a little later: only the whole file is offered.
        write(path, lif.left(40));
        QTest::qWait(LifWatch::stableMs / 3);
        write(path, lif.mid(40), QIODevice::Append);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 3000);
        const LifWatch::Offer offer = offerAt(spy, 0);
        QCOMPARE(offer.name, QStringLiteral("011-1-2.lif"));
        QCOMPARE(offer.bytes, lif);
        QCOMPARE(offer.hash, LifWatch::hashOf(lif));
        // Not again while it stays as it is.
        QTest::qWait(LifWatch::rescanMs * 2);
        QCOMPARE(spy.size(), 1);
    }

    void otherFilesAreNotOffered()
    {
        QTemporaryDir dir;
        LifWatch watch;
        QSignalSpy spy(&watch, &LifWatch::offered);
        QVERIFY(watch.setFolder(dir.path()));
        write(dir.filePath(QStringLiteral("lynx.evt")), "11,1,1,100m Men\n");
        write(dir.filePath(QStringLiteral("notes.txt")), "x");
        QTest::qWait(LifWatch::rescanMs + 300);
        QCOMPARE(spy.size(), 0);
    }

    void aChangedFileIsOfferedAgain()
    {
        QTemporaryDir dir;
        LifWatch watch;
        QSignalSpy spy(&watch, &LifWatch::offered);
        QVERIFY(watch.setFolder(dir.path()));
        const QString path = dir.filePath(QStringLiteral("011-1-1.lif"));
        const QByteArray lif = testdata::fixture(QStringLiteral("lynx/011-1-1.lif"));
        write(path, lif);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 3000);
        write(path, lif + "\n");
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 3000);
        QCOMPARE(offerAt(spy, 1).bytes, lif + "\n");
    }

    void anAppliedFileIsNotOfferedUntilItChanges()
    {
        QTemporaryDir dir;
        const QByteArray lif = testdata::fixture(QStringLiteral("lynx/011-1-1.lif"));
        const QString path = dir.filePath(QStringLiteral("011-1-1.lif"));
        write(path, lif);
        LifWatch watch;
        watch.setApplied({{QStringLiteral("011-1-1.lif"), LifWatch::hashOf(lif)}});
        QVERIFY(watch.isApplied(QStringLiteral("011-1-1.lif"), LifWatch::hashOf(lif)));
        QSignalSpy spy(&watch, &LifWatch::offered);
        QVERIFY(watch.setFolder(dir.path()));
        QTest::qWait(LifWatch::rescanMs + 300);
        QCOMPARE(spy.size(), 0);
        // Rewritten by the photo-finish (a re-read race): offered.
        QByteArray changed = lif;
        changed.replace("10.641", "10.631");
        QVERIFY(changed != lif);
        write(path, changed);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 3000);
        watch.markApplied(offerAt(spy, 0).name, offerAt(spy, 0).hash);
        QVERIFY(watch.isApplied(QStringLiteral("011-1-1.lif"), LifWatch::hashOf(changed)));
    }

    void aFileRemovedAndPutBackIsOfferedAgain()
    {
        QTemporaryDir dir;
        LifWatch watch;
        QSignalSpy spy(&watch, &LifWatch::offered);
        QVERIFY(watch.setFolder(dir.path()));
        const QString path = dir.filePath(QStringLiteral("020-1-1.lif"));
        const QByteArray lif = testdata::fixture(QStringLiteral("lynx/020-1-1.lif"));
        write(path, lif);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 3000);
        QVERIFY(QFile::remove(path));
        QTest::qWait(LifWatch::rescanMs + 300);
        write(path, lif);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 3000);
    }

    void aFolderThatCannotBeReadIsRefusedWithItsName()
    {
        LifWatch watch;
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no-such-folder"));
        QVERIFY(!watch.setFolder(missing));
        QVERIFY2(watch.error().contains(QStringLiteral("no-such-folder")),
                 qPrintable(watch.error()));
        QVERIFY(watch.folder().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLifWatch)
#include "tst_lifwatch.moc"
