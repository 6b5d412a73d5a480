#include "competitiongenerator.h"
#include "format/documentfile.h"
#include "format/opentrackreader.h"
#include "format/opentrackwriter.h"
#include "model/children.h"
#include "model/schema.h"
#include "json/jsonpullparser.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;
using testdata::fixture;

namespace {

// Keeps what was produced next to the test results, so a failing golden can be looked at.
void keepOutput(const QString &name, const QByteArray &data)
{
    QDir().mkpath(QStringLiteral(MEETDESK_TEST_OUTPUT));
    QFile f(QStringLiteral(MEETDESK_TEST_OUTPUT) + u'/' + name);
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
}

QString canonicalKey(const QString &key)
{
    static const QMap<QString, QString> v1 {
        {QStringLiteral("country_id"), QStringLiteral("country")},
        {QStringLiteral("organiser_id"), QStringLiteral("organiser")},
        {QStringLiteral("wa_rankings_category_id"), QStringLiteral("wa_rankings_category")}};
    return v1.value(key, key);
}

QString canonicalScalar(const JsonValue &v)
{
    bool ok = false;
    const double number = v.text().toDouble(&ok);
    if ((v.isNumber() || v.isString()) && ok)
        return QString::number(number, 'g', 17);
    return v.describe();
}

// Every leaf of a JSON document as path -> value, with v1 names read as current names, and
// comma strings and lists seen as the same list.
void flatten(const JsonValue &v, const QString &path, QMap<QString, QString> &out)
{
    if (v.isObject()) {
        for (const JsonMember &m : v.members())
            flatten(m.value, path + u'/' + canonicalKey(m.key), out);
    } else if (v.isArray()) {
        for (size_t i = 0; i < v.items().size(); ++i)
            flatten(v.items()[i], path + u'[' + QString::number(i) + u']', out);
    } else if (v.isString() && path.endsWith(u"/age_groups")) {
        const QStringList items = v.text().split(u',');
        for (qsizetype i = 0; i < items.size(); ++i)
            out.insert(path + u'[' + QString::number(i) + u']',
                       canonicalScalar(JsonValue::string(items[i].trimmed())));
    } else {
        out.insert(path, canonicalScalar(v));
    }
}

// Every leaf as path -> its JSON type and exact text: "n:800" differs from "s:800" and from
// "n:800.0".
void flattenExactly(const JsonValue &v, const QString &path, QMap<QString, QString> &out)
{
    if (v.isObject()) {
        for (const JsonMember &m : v.members())
            flattenExactly(m.value, path + u'/' + m.key, out);
    } else if (v.isArray()) {
        for (size_t i = 0; i < v.items().size(); ++i)
            flattenExactly(v.items()[i], path + u'[' + QString::number(i) + u']', out);
    } else {
        out.insert(path,
                   (v.isNumber() ? QStringLiteral("n:") : QStringLiteral("s:")) + v.describe());
    }
}

QMap<QString, QString> exactLeaves(const QByteArray &json)
{
    JsonPullParser p(json);
    const JsonValue v = p.readValue();
    if (!p.finish())
        qFatal("not JSON: %s", qPrintable(p.errorMessage()));
    QMap<QString, QString> out;
    flattenExactly(v, QString(), out);
    return out;
}

QMap<QString, QString> leaves(const QByteArray &json)
{
    JsonPullParser p(json);
    const JsonValue v = p.readValue();
    if (!p.finish())
        qFatal("not JSON: %s", qPrintable(p.errorMessage()));
    QMap<QString, QString> out;
    flatten(v, QString(), out);
    return out;
}

QByteArray exportOf(const QByteArray &input, OpenTrackWriter::Flavor flavor)
{
    ReadResult r = OpenTrackReader::read(input);
    if (!r.ok())
        qFatal("cannot read: %s", qPrintable(r.error));
    return DocumentFile::serialize(*r.competition, r.meetdesk, flavor);
}

} // namespace

class TestOpenTrackWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenFiles_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<bool>("v1");
        QTest::newRow("v1 -> Meetdesk file") << "v1-nested.json"
                                             << "v1-nested.expected.json" << false;
        QTest::newRow("v1 -> v1") << "v1-nested.json"
                                  << "v1-nested.expected-v1.json" << true;
        QTest::newRow("public /json/ -> Meetdesk file") << "public-json.json"
                                                        << "public-json.expected.json" << false;
        QTest::newRow("wrong values kept as written") << "bad-values.json"
                                                      << "bad-values.expected.json" << false;
    }
    void goldenFiles()
    {
        QFETCH(QString, input);
        QFETCH(QString, golden);
        QFETCH(bool, v1);
        const auto flavor = v1 ? OpenTrackWriter::Flavor::V1 : OpenTrackWriter::Flavor::Current;
        const QByteArray actual = exportOf(fixture(input), flavor);
        keepOutput(golden, actual);
        QCOMPARE(actual, fixture(golden));
        // Exporting the export again changes nothing.
        QCOMPARE(exportOf(actual, flavor), actual);
    }

    void noKeyOrValueOfTheInputIsLost_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("v1") << "v1-nested.json";
        QTest::newRow("current") << "current-nested.json";
        QTest::newRow("bad values") << "bad-values.json";
    }
    void noKeyOrValueOfTheInputIsLost()
    {
        QFETCH(QString, input);
        const QByteArray in = fixture(input);
        for (auto flavor : {OpenTrackWriter::Flavor::Current, OpenTrackWriter::Flavor::V1}) {
            const QMap<QString, QString> out = leaves(exportOf(in, flavor));
            const QMap<QString, QString> before = leaves(in);
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                QVERIFY2(out.contains(it.key()), qPrintable(QStringLiteral("lost ") + it.key()));
                QCOMPARE(out.value(it.key()), it.value());
            }
        }
    }

    // Lossless means the same JSON value: each number keeps its type and digits, each text
    // stays text, wherever it is (typed fields, unknown keys, nested lists).
    void everyValueKeepsItsTypeAndSpelling_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("numbers") << "numbers.json";
        QTest::newRow("current") << "current-nested.json";
        QTest::newRow("bad values") << "bad-values.json";
    }
    void everyValueKeepsItsTypeAndSpelling()
    {
        QFETCH(QString, input);
        const QByteArray in = fixture(input);
        const QMap<QString, QString> out
            = exactLeaves(exportOf(in, OpenTrackWriter::Flavor::Current));
        const QMap<QString, QString> before = exactLeaves(in);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            QVERIFY2(out.contains(it.key()), qPrintable(QStringLiteral("lost ") + it.key()));
            QCOMPARE(out.value(it.key()), it.value());
        }
    }

    void aMeetdeskFileWithNumbersInEveryFormIsWrittenBackByteForByte()
    {
        const QByteArray in = fixture(QStringLiteral("numbers.json"));
        const QByteArray out = exportOf(in, OpenTrackWriter::Flavor::Current);
        keepOutput(QStringLiteral("numbers.json"), out);
        QCOMPARE(out, in);
    }

    // After an edit a field is written from its new value; a text field read from a number
    // stays a number while its text is one.
    void editedFieldsFollowTheirNewValue()
    {
        ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("numbers.json")));
        QVERIFY(r.ok());
        Unit &unit = *r.competition->events[0]->units[0];
        Result &result = *unit.results[0];
        const auto field = [](NodeKind kind, const char *name) {
            return fields::indexOf(kind, QLatin1StringView(name));
        };
        fields::setValue(unit, field(NodeKind::Unit, "distance"), QStringLiteral("1500"));
        fields::setValue(unit, field(NodeKind::Unit, "heat"), 3);
        fields::setValue(
            unit, field(NodeKind::Unit, "heights"),
            QStringList {QStringLiteral("2.10"), QStringLiteral("2.15"), QStringLiteral("2.20")});
        fields::setValue(result, field(NodeKind::Result, "performance"), QStringLiteral("DNF"));
        fields::setValue(result, field(NodeKind::Result, "points"), 998.0);
        const QByteArray out = DocumentFile::serialize(*r.competition, r.meetdesk);
        QVERIFY2(out.contains("\"heat\": \"3\",\n          \"distance\": 1500,"), out.constData());
        QVERIFY(out.contains(
            "\"heights\": [\n            2.10,\n            2.15,\n            2.20\n"));
        QVERIFY(out.contains("\"performance\": \"DNF\",\n              \"points\": 998,"));
        fields::setValue(unit, field(NodeKind::Unit, "distance"), QStringLiteral("1500m"));
        QVERIFY(DocumentFile::serialize(*r.competition, r.meetdesk)
                    .contains("\"distance\": \"1500m\","));
    }

    // A copy made in the editor (duplicate) is written like the original.
    void aCopyKeepsTheSpelling()
    {
        ReadResult r = OpenTrackReader::read(fixture(QStringLiteral("numbers.json")));
        QVERIFY(r.ok());
        Event &event = *r.competition->events[0];
        children::insert(event, ListId::Units, 1, children::clone(*event.units[0]));
        const QByteArray out = DocumentFile::serialize(*r.competition, r.meetdesk);
        QCOMPARE(out.count("\"distance\": 800,"), 2);
        QCOMPARE(out.count("\"points\": 12345678901234567890,"), 2);
    }

    void v1FlavorUsesV1Names()
    {
        const QByteArray out
            = exportOf(fixture(QStringLiteral("current-nested.json")), OpenTrackWriter::Flavor::V1);
        QVERIFY(out.contains("\"country_id\": \"GBR\""));
        QVERIFY(out.contains("\"organiser_id\": "));
        QVERIFY(out.contains("\"wa_rankings_category_id\": \"F\""));
        QVERIFY(out.contains("\"age_groups\": [\n        \"SEN\",\n        \"U20\"\n      ]"));
        QVERIFY(!out.contains("\"meetdesk\""));
        const QByteArray current
            = exportOf(fixture(QStringLiteral("v1-nested.json")), OpenTrackWriter::Flavor::Current);
        QVERIFY(current.contains("\"country\": \"GBR\""));
        QVERIFY(current.contains("\"age_groups\": \"SEN,U20\""));
        QVERIFY(current.contains("\"meetdesk\": {\n    \"format_version\": 1\n  }\n}\n"));
    }

    void rawValuesGoWhereTheirFieldBelongs()
    {
        auto result = std::make_unique<Result>();
        result->bib = QStringLiteral("7");
        result->performance = QStringLiteral("10.9");
        result->extras.push_back({QStringLiteral("seed"), JsonValue::number(QStringLiteral("3"))});
        result->extras.push_back(
            {QStringLiteral("place"), JsonValue::string(QStringLiteral("1st"))});
        Competition c;
        auto e = std::make_unique<Event>();
        auto u = std::make_unique<Unit>();
        u->results.push_back(std::move(result));
        e->units.push_back(std::move(u));
        c.events.push_back(std::move(e));
        const QByteArray out = OpenTrackWriter::write(c);
        QVERIFY2(out.contains("\"bib\": \"7\",\n              \"place\": \"1st\",\n              "
                              "\"performance\": \"10.9\",\n              \"seed\": 3\n"),
                 out.constData());
    }

    // read(write(doc)) == doc, and writing again gives the same bytes, over many generated
    // competitions full of odd text and unknown keys.
    void roundTripOverGeneratedDocuments()
    {
        for (quint32 seed = 1; seed <= 60; ++seed) {
            CompetitionGenerator generator(seed);
            generator.setWild(true);
            const CompetitionGenerator::Sizes sizes {int(seed % 7) * 5, int(seed % 9) + 1,
                                                     int(seed % 5) * 12, int(seed % 4) * 20};
            const auto original = generator.generate(sizes);
            for (auto flavor : {OpenTrackWriter::Flavor::Current, OpenTrackWriter::Flavor::V1}) {
                const QByteArray first = OpenTrackWriter::write(*original, flavor);
                const ReadResult r = OpenTrackReader::read(first);
                QVERIFY2(r.ok(), qPrintable(r.error));
                QVERIFY2(r.findings.isEmpty(), qPrintable(r.findings.value(0).toString()));
                if (!sameContent(*r.competition, *original)) {
                    keepOutput(QStringLiteral("roundtrip-%1.json").arg(seed), first);
                    QFAIL(qPrintable(
                        QStringLiteral("seed %1 does not read back the same").arg(seed)));
                }
                QCOMPARE(OpenTrackWriter::write(*r.competition, flavor), first);
            }
        }
    }

    void sameContentSeesEveryDifference()
    {
        CompetitionGenerator generator(5);
        generator.setWild(true);
        const auto a = generator.generate({20, 4, 30, 40});
        auto b = generator.generate({20, 4, 30, 40});
        QVERIFY(sameContent(*a, *b));
        b->events[1]->units[0]->results[0]->performance += u'1';
        QVERIFY(!sameContent(*a, *b));
        b = generator.generate({20, 4, 30, 40});
        b->competitors[3]->extras.push_back({QStringLiteral("x"), JsonValue()});
        QVERIFY(!sameContent(*a, *b));
        b = generator.generate({20, 4, 30, 40});
        b->teams[0]->flagUrl = QStringLiteral(""); // empty is not absent
        QVERIFY(!sameContent(*a, *b));
    }
};

QTEST_GUILESS_MAIN(TestOpenTrackWriter)
#include "tst_opentrackwriter.moc"
