#include "format/lynxwriter.h"
#include "format/textencoding.h"
#include "testdata.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

namespace {

// Compares with a golden file; on a difference the bytes written are left in the test
// output folder to look at.
void compareGolden(const QByteArray &actual, const QString &golden)
{
    const QByteArray expected = testdata::fixture(golden);
    if (actual != expected) {
        QDir().mkpath(QStringLiteral(MEETDESK_TEST_OUTPUT));
        QFile out(QStringLiteral(MEETDESK_TEST_OUTPUT "/") + QString(golden).replace(u'/', u'-'));
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
    }
    QCOMPARE(actual, expected);
}

} // namespace

class TestLynxWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleMeetEvents()
    {
        compareGolden(LynxWriter::eventsFile(sample()), "lynx/riverside.evt");
    }
    void sampleMeetPeople()
    {
        compareGolden(LynxWriter::peopleFile(sample()), "lynx/riverside.ppl");
    }
    void sampleMeetSchedule()
    {
        compareGolden(LynxWriter::scheduleFile(sample()), "lynx/riverside.sch");
    }

    void startListsInLaneOrderWithEventNumbersFromIds()
    {
        const auto doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json"));
        const QString evt
            = TextEncoding::fromWindows1252(LynxWriter::eventsFile(doc->competition()));
        const QStringList lines = evt.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.first(), QStringLiteral("11,1,1,100m Men"));
        QCOMPARE(lines[1], QStringLiteral(",1,2,Adeyemi,Tom,RSH"));
        // A comma in a name is quoted; a letter Windows-1252 lacks loses its accent or is "?".
        QVERIFY(lines.contains(QStringLiteral(",5,6,\"O'Neill, Jr.\",Kai,RSH")));
        QVERIFY(lines.contains(QStringLiteral(",21,1,Nowak,?ucja,RSH")));
        QVERIFY(lines.contains(QStringLiteral(",22,2,Dubois,\u00C9milie,BEL")));
        // Relays by their team; field events are left to FieldLynx; an empty final is listed.
        QVERIFY(lines.contains(QStringLiteral(",R1,4,Riverside Harriers A,,RSH")));
        QVERIFY(lines.contains(QStringLiteral("11,2,1,100m Men")));
        QVERIFY(!evt.contains(QStringLiteral("Long Jump")));
        QVERIFY(evt.endsWith(QStringLiteral("\r\n")));
    }

    void scheduleFollowsStartTimes()
    {
        const auto doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json"));
        QCOMPARE(LynxWriter::scheduleFile(doc->competition()),
                 QByteArray("11,1,1\r\n11,1,2\r\n20,1,1\r\n11,2,1\r\n30,1,1\r\n"));
    }

    void writesTheThreeFilesIntoAFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("camera/lynx"));
        const auto written = LynxWriter::writeFolder(sample(), folder);
        QVERIFY2(written.ok(), qPrintable(written.error));
        QCOMPARE(written.paths.size(), 3);
        QFile evt(folder + QStringLiteral("/lynx.evt"));
        QVERIFY(evt.open(QIODevice::ReadOnly));
        QCOMPARE(evt.readAll(), testdata::fixture("lynx/riverside.evt"));
        QVERIFY(QFile::exists(folder + QStringLiteral("/lynx.ppl")));
        QVERIFY(QFile::exists(folder + QStringLiteral("/lynx.sch")));
    }

    void aFolderThatIsAFileIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-folder"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto written = LynxWriter::writeFolder(sample(), path);
        QVERIFY(!written.ok());
        QVERIFY2(written.error.contains(path), qPrintable(written.error));
    }

private:
    const Competition &sample()
    {
        if (!m_sample)
            m_sample = testdata::loadDocument();
        return m_sample->competition();
    }
    std::unique_ptr<Document> m_sample;
};

QTEST_GUILESS_MAIN(TestLynxWriter)
#include "tst_lynxwriter.moc"
