// meetdesk compute: in process through the command line's entry point, and once as the real
// binary.
#include "cli/commandline.h"
#include "cli/computecommand.h"
#include "compute/compute.h"
#include "format/documentfile.h"
#include "testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runCompute(const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = CommandLine::run(QStringList {QStringLiteral("compute")} + args, o, e);
    o.flush();
    e.flush();
    return {code, out, err};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject eventOf(const QJsonObject &meet, const char *id)
{
    for (const QJsonValue &e : meet.value(QStringLiteral("events")).toArray()) {
        if (e[QStringLiteral("event_id")].toString() == QLatin1StringView(id))
            return e.toObject();
    }
    return {};
}

// The results of an event's first unit (or of the event itself): bib -> result.
QHash<QString, QJsonObject> results(const QJsonObject &e)
{
    const QJsonArray units = e.value(QStringLiteral("units")).toArray();
    const QJsonArray list = units.isEmpty() ? e.value(QStringLiteral("results")).toArray()
                                            : units.first()[QStringLiteral("results")].toArray();
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &r : list)
        out.insert(r[QStringLiteral("bib")].toString(), r.toObject());
    return out;
}

QString ageGroupOf(const QJsonObject &meet, const char *bib)
{
    for (const QJsonValue &x : meet.value(QStringLiteral("competitors")).toArray()) {
        if (x[QStringLiteral("competitor_id")].toString() == QLatin1StringView(bib))
            return x[QStringLiteral("age_group")].toString();
    }
    return {};
}

QStringList linesStarting(const QString &text, const QString &start)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(start))
            out.append(line);
    }
    return out;
}

} // namespace

class TestComputeCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QLatin1StringView(name)); }
    QString fixture() const { return testdata::fixturePath(QStringLiteral("compute-meet.json")); }

private Q_SLOTS:
    void isACommand()
    {
        QVERIFY(CommandLine::isCommand({QStringLiteral("compute")}));
        QVERIFY(CommandLine::usage().contains(QStringLiteral("meetdesk compute FILE OUT")));
        const Run help = runCompute({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QCOMPARE(help.out, ComputeCommand::usage());
    }

    void worksOutEverything()
    {
        const Run r = runCompute({fixture(), path("out.json")});
        QCOMPARE(r.code, 0);
        const QJsonObject meet = QJsonDocument::fromJson(readAll(path("out.json"))).object();
        QVERIFY(!meet.isEmpty());

        // A heat's places, DNS unplaced.
        const auto heat = results(eventOf(meet, "T01"));
        QCOMPARE(heat["202"][QStringLiteral("place")].toInt(), 1);
        QCOMPARE(heat["201"][QStringLiteral("place")].toInt(), 2);
        QCOMPARE(heat["203"][QStringLiteral("place")].toInt(), 2);
        QVERIFY(!heat["204"].contains(QStringLiteral("place")));
        // The long jump's rows from the trials: best mark, its wind, place.
        const auto lj = results(eventOf(meet, "F01"));
        QCOMPARE(lj["208"][QStringLiteral("performance")].toString(), QStringLiteral("6.01"));
        QCOMPARE(lj["208"][QStringLiteral("wind")].toString(), QStringLiteral("+2.4"));
        QCOMPARE(lj["208"][QStringLiteral("place")].toInt(), 1);
        QCOMPARE(lj["209"][QStringLiteral("place")].toInt(), 2); // on the next best mark
        QCOMPARE(lj["210"][QStringLiteral("performance")].toString(), QStringLiteral("NM"));
        QCOMPARE(lj["211"][QStringLiteral("performance")].toString(), QStringLiteral("DQ"));
        // The high jump by countback.
        const auto hj = results(eventOf(meet, "F02"));
        QCOMPARE(hj["203"][QStringLiteral("place")].toInt(), 1);
        QCOMPARE(hj["202"][QStringLiteral("place")].toInt(), 2);
        QCOMPARE(hj["201"][QStringLiteral("place")].toInt(), 3);
        QCOMPARE(hj["204"][QStringLiteral("place")].toInt(), 4);
        // Combined points and standings.
        QCOMPARE(results(eventOf(meet, "M01b"))["209"][QStringLiteral("points")].toInt(), 867);
        const auto standings = results(eventOf(meet, "M01"));
        QCOMPARE(standings["208"][QStringLiteral("points")].toInt(), 2789);
        QCOMPARE(standings["208"][QStringLiteral("place")].toInt(), 1);
        QCOMPARE(standings["209"][QStringLiteral("performance")].toString(),
                 QStringLiteral("2477"));
        // Age groups under the default for a meet in GBR.
        QCOMPARE(ageGroupOf(meet, "201"), QStringLiteral("SEN"));
        QCOMPARE(ageGroupOf(meet, "211"), QStringLiteral("U15"));
        QVERIFY(ageGroupOf(meet, "212").isEmpty());
        // Nothing else changed: the trials and the competition as they were.
        const QJsonObject before = QJsonDocument::fromJson(readAll(fixture())).object();
        QCOMPARE(eventOf(meet, "F01")[QStringLiteral("units")][0][QStringLiteral("trials")],
                 eventOf(before, "F01")[QStringLiteral("units")][0][QStringLiteral("trials")]);
        QCOMPARE(meet.value(QStringLiteral("full_name")),
                 before.value(QStringLiteral("full_name")));

        // What was there and is replaced is said, as is what was left.
        const QStringList replaced = linesStarting(r.err, QStringLiteral("replaced: "));
        QVERIFY(replaced.contains(QStringLiteral(
            "replaced: F01 Long Jump Women, Final, 208 Hana Ito: performance 6.10 → 6.01")));
        QVERIFY(replaced.contains(
            QStringLiteral("replaced: T01 100m Men, Heat 1, 204 Dev Ellis: place 4 cleared")));
        QVERIFY(
            replaced.contains(QStringLiteral("replaced: 201 Aled Morgan: age group U20 → SEN")));
        QCOMPARE(replaced.size(), 11);
        QVERIFY(r.err.contains(QStringLiteral("left as it is: M02a 75m (Triathlon)")));
        QVERIFY(r.err.contains(QStringLiteral("UK Athletics (track and field) rules, the "
                                              "default for a meet in GBR")));
    }

    void itsOwnOutputComesOutTheSame()
    {
        QCOMPARE(runCompute({fixture(), path("once.json")}).code, 0);
        const Run again = runCompute({path("once.json"), path("twice.json")});
        QCOMPARE(again.code, 0);
        QCOMPARE(readAll(path("twice.json")), readAll(path("once.json")));
        QVERIFY(linesStarting(again.err, QStringLiteral("replaced: ")).isEmpty());
        // To standard output, the same bytes.
        const Run out = runCompute({path("once.json"), QStringLiteral("-")});
        QCOMPARE(out.code, 0);
        QCOMPARE(out.out.toUtf8(), readAll(path("once.json")));
    }

    void onlyWhatIsAsked()
    {
        const Run places = runCompute(
            {fixture(), path("places.json"), QStringLiteral("--only"), QStringLiteral("places")});
        QCOMPARE(places.code, 0);
        const QJsonObject meet = QJsonDocument::fromJson(readAll(path("places.json"))).object();
        QCOMPARE(results(eventOf(meet, "F02"))["203"][QStringLiteral("place")].toInt(), 1);
        QCOMPARE(results(eventOf(meet, "M01b"))["209"][QStringLiteral("points")].toInt(), 900);
        QCOMPARE(ageGroupOf(meet, "201"), QStringLiteral("U20"));
        QVERIFY(!places.err.contains(QStringLiteral("Age groups")));

        const Run two = runCompute({fixture(), path("two.json"), QStringLiteral("--only=points"),
                                    QStringLiteral("--only"), QStringLiteral("ages")});
        QCOMPARE(two.code, 0);
        const QJsonObject other = QJsonDocument::fromJson(readAll(path("two.json"))).object();
        QCOMPARE(results(eventOf(other, "M01b"))["209"][QStringLiteral("points")].toInt(), 867);
        QCOMPARE(ageGroupOf(other, "201"), QStringLiteral("SEN"));
        QCOMPARE(results(eventOf(other, "F02"))["203"].value(QStringLiteral("place")),
                 QJsonValue(QJsonValue::Undefined));
    }

    void theConventionTheFileKeeps()
    {
        auto doc = testdata::loadDocument(fixture());
        JsonObject data;
        setMember(data, compute::ageGroupRulesKey(), AgeGroupRules::worldAthletics().toJson());
        QFile f(path("wa.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(DocumentFile::serialize(doc->competition(), data));
        f.close();
        const Run r = runCompute({path("wa.json"), path("wa-out.json"), QStringLiteral("--only"),
                                  QStringLiteral("ages")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(
            QStringLiteral("Age groups under the competition's convention: World Athletics")));
        const QJsonObject meet = QJsonDocument::fromJson(readAll(path("wa-out.json"))).object();
        QCOMPARE(ageGroupOf(meet, "211"), QStringLiteral("U18"));
        QVERIFY(meet[QStringLiteral("meetdesk")][QStringLiteral("age_group_rules")].isObject());
    }

    void theSampleByCountback()
    {
        const QString copy = path("riverside.json");
        QVERIFY(QFile::copy(testdata::samplePath(), copy));
        const Run r = runCompute({copy, path("riverside-out.json")});
        QCOMPARE(r.code, 0);
        const QJsonObject meet
            = QJsonDocument::fromJson(readAll(path("riverside-out.json"))).object();
        const auto hj = results(eventOf(meet, "F02"));
        QCOMPARE(hj["117"][QStringLiteral("place")].toInt(), 1);
        QCOMPARE(hj["104"][QStringLiteral("place")].toInt(), 2);
        QCOMPARE(hj["118"][QStringLiteral("place")].toInt(), 2);
        QCOMPARE(hj["119"][QStringLiteral("place")].toInt(), 4);
        QCOMPARE(readAll(copy), readAll(testdata::samplePath())); // the input is not written
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString meet = testdata::fixturePath(QStringLiteral("compute-meet.json"));
        QTest::newRow("no such file")
            << QStringList {testdata::fixturePath("nothing.json"), "-"} << "nothing.json";
        QTest::newRow("not JSON") << QStringList {testdata::fixturePath("lynx/lynx.evt"), "-"}
                                  << "lynx.evt";
        QTest::newRow("one file") << QStringList {meet} << "give the competition file";
        QTest::newRow("an unknown part")
            << QStringList {meet, "-", "--only", "speed"} << "not speed";
        QTest::newRow("an unknown option") << QStringList {meet, "-", "--fast"} << "--fast";
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCompute(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void theRealBinary()
    {
        QProcess p;
        p.start(QStringLiteral(MEETDESK_BINARY),
                {QStringLiteral("compute"), fixture(), path("binary.json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(runCompute({fixture(), path("inprocess.json")}).code, 0);
        QCOMPARE(readAll(path("binary.json")), readAll(path("inprocess.json")));
        QVERIFY(QString::fromUtf8(p.readAllStandardError())
                    .contains(QStringLiteral("replaced: 201 Aled Morgan: age group U20 → SEN")));
    }
};

QTEST_GUILESS_MAIN(TestComputeCommand)
#include "tst_computecommand.moc"
