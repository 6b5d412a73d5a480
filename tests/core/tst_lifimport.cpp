#include "format/csv.h"
#include "format/lifreader.h"
#include "format/lynxnumbering.h"
#include "format/lynxwriter.h"
#include "format/textencoding.h"
#include "import/lifimport.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

LifFile lif(const char *name)
{
    const LifRead r = LifReader::readFile(
        testdata::fixturePath(QStringLiteral("lynx/") + QLatin1StringView(name)));
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    return r.file;
}

const LifPlan::Row *rowFor(const LifPlan &plan, const QString &bib)
{
    for (const LifPlan::Row &r : plan.rows) {
        if (r.bib == bib)
            return &r;
    }
    return nullptr;
}

QString heldReason(const LifPlan &plan, const QString &bib)
{
    for (const LifPlan::Held &h : plan.held) {
        if (h.row.bib == bib)
            return h.reason;
    }
    return {};
}

QString firstReason(const LifPlan &plan)
{
    return plan.held.isEmpty() ? QString() : plan.held.first().reason;
}

// For every heat of a lynx.evt, the .lif FinishLynx would write back: the header as given,
// the entrants placed in the order listed.
QList<QByteArray> lifsFromEvents(const QByteArray &evt)
{
    QList<QByteArray> files;
    QStringList lines;
    auto flush = [&] {
        if (!lines.isEmpty())
            files.append(TextEncoding::toWindows1252(lines.join(QStringLiteral("\r\n"))));
        lines.clear();
    };
    const Csv::Parsed parsed = Csv::parse(TextEncoding::fromWindows1252(evt), u',');
    int place = 0;
    for (const Csv::Record &r : parsed.records) {
        if (!r.fields.first().isEmpty()) {
            flush();
            place = 0;
            lines.append(Csv::line(r.fields.mid(0, 4) << QStringLiteral("+0.5"), u','));
        } else {
            ++place;
            const QStringList f = r.fields;
            lines.append(
                Csv::line({QString::number(place), f.value(1), f.value(2), f.value(3), f.value(4),
                           f.value(5), QStringLiteral("10.%1").arg(place * 7, 3, 10, QChar(u'0'))},
                          u','));
        }
    }
    flush();
    return files;
}

} // namespace

class TestLifImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_doc = testdata::loadDocument(testdata::fixturePath("lynx/meet.json")); }

    void cleanHeatWithWindTiesAndDnf()
    {
        const LifPlan plan = LifImport::plan(lif("011-1-1.lif"), meet());
        QVERIFY(plan.held.isEmpty());
        QVERIFY(plan.clean());
        QCOMPARE(plan.event, meet().events[0].get());
        QCOMPARE(plan.unit, meet().events[0]->units[0].get());
        QCOMPARE(plan.wind, QStringLiteral("+1.2"));
        QCOMPARE(plan.rows.size(), 5);
        const LifPlan::Row *winner = rowFor(plan, "1");
        QVERIFY(winner);
        QCOMPARE(winner->place, 1);
        QCOMPARE(winner->performance, QStringLiteral("10.65"));
        QCOMPARE(winner->lane, 2);
        QCOMPARE(winner->wind, QStringLiteral("+1.2"));
        QCOMPARE(winner->existing, plan.unit->results[0].get());
        // A tie: the same place twice.
        QCOMPARE(rowFor(plan, "2")->place, 3);
        QCOMPARE(rowFor(plan, "4")->place, 3);
        QCOMPARE(rowFor(plan, "4")->performance, QStringLiteral("10.89"));
        const LifPlan::Row *dnf = rowFor(plan, "5");
        QCOMPARE(dnf->place, std::nullopt);
        QCOMPARE(dnf->performance, QStringLiteral("DNF"));
    }

    void conflictsAreHeldWithTheirReason()
    {
        const LifPlan plan = LifImport::plan(lif("011-1-2.lif"), meet());
        QVERIFY(plan.unit);
        QVERIFY(!plan.clean());
        QCOMPARE(plan.wind, QStringLiteral("-0.4"));
        QStringList applied;
        for (const auto &r : plan.rows)
            applied << r.bib + u'=' + r.performance;
        QCOMPARE(applied, QStringList({"6=10.99", "9=DNS", "8=DQ"}));
        QCOMPARE(plan.held.size(), 3);
        QCOMPARE(heldReason(plan, "7"),
                 QStringLiteral("the file names bib 7 \"Max Smith\", the meet \"Max Smyth\""));
        QCOMPARE(heldReason(plan, "99"), QStringLiteral("bib 99 is not in the meet"));
        QCOMPARE(heldReason(plan, "21"), QStringLiteral("bib 21 is not in this heat's start list"));
        // Held rows keep what the file says, for a review that accepts them anyway.
        QCOMPARE(plan.held.first().row.performance, QStringLiteral("11.05"));
        QCOMPARE(plan.held.first().row.line, 3);
    }

    void timesPastAMinuteAndNamesAsTheyTravel()
    {
        const LifPlan plan = LifImport::plan(lif("020-1-1.lif"), meet());
        QVERIFY2(plan.clean(), qPrintable(firstReason(plan)));
        QStringList got;
        for (const auto &r : plan.rows)
            got << r.bib + u'=' + r.performance;
        QCOMPARE(got,
                 QStringList({"22=58.71", "21=1:00.00", "23=1:00.00", "24=1:02.35", "26=1:05.10",
                              "25=DNF"}));
        QCOMPARE(plan.wind, QString());
        QCOMPARE(plan.rows.first().wind, QString());
    }

    void relayByTeam()
    {
        const LifPlan plan = LifImport::plan(lif("030-1-1.lif"), meet());
        QVERIFY(plan.clean());
        QCOMPARE(rowFor(plan, "R1")->performance, QStringLiteral("3:45.13"));
        QCOMPARE(rowFor(plan, "R2")->performance, QStringLiteral("DQ"));
    }

    void aHeatThatDoesNotExistHoldsEveryRow()
    {
        const LifPlan plan = LifImport::plan(lif("011-3-1.lif"), meet());
        QCOMPARE(plan.event, meet().events[0].get());
        QCOMPARE(plan.unit, nullptr);
        QVERIFY(plan.rows.isEmpty());
        QCOMPARE(plan.held.size(), 1);
        QCOMPARE(plan.held.first().reason, QStringLiteral("100m Men has no round 3, heat 1"));
    }

    void anEventThatDoesNotExist()
    {
        LifFile file = lif("011-1-1.lif");
        file.event = 12;
        const LifPlan plan = LifImport::plan(file, meet());
        QCOMPARE(plan.event, nullptr);
        QCOMPARE(plan.held.size(), 5);
        QCOMPARE(plan.held.first().reason,
                 QStringLiteral("no event of the meet has FinishLynx number 12"));
    }

    void anEventWhoseNameChangedIsHeld()
    {
        LifFile file = lif("011-1-1.lif");
        file.eventName = QStringLiteral("200m Men");
        const LifPlan plan = LifImport::plan(file, meet());
        QVERIFY(plan.rows.isEmpty());
        QVERIFY(
            plan.held.first().reason.startsWith(QStringLiteral("the file is for \"200m Men\"")));
        // A name FinishLynx cut short still matches.
        file.eventName = QStringLiteral("100m M");
        QVERIFY(LifImport::plan(file, meet()).clean());
    }

    void anEmptyHeatTakesTheEventsEntrants()
    {
        LifFile file;
        file.source = QStringLiteral("final.lif");
        file.event = 11;
        file.round = 2;
        file.heat = 1;
        file.rows = {{2, "1", "1", "4", "Adeyemi", "Tom", "RSH", "10.50", {}},
                     {3, "2", "21", "5", "Nowak", "", "RSH", "10.60", {}},
                     {4, "3", "6", "6", "", "", "", "10.70", {}},
                     {5, "4", "6", "7", "", "", "", "10.80", {}}};
        const LifPlan plan = LifImport::plan(file, meet());
        QCOMPARE(plan.unit, meet().events[0]->units[2].get());
        QCOMPARE(plan.rows.size(), 2);
        QCOMPARE(plan.rows[0].existing, nullptr); // a result to add
        QCOMPARE(heldReason(plan, "21"), QStringLiteral("bib 21 is not entered in 100m Men"));
        QCOMPARE(plan.held.last().reason, QStringLiteral("bib 6 is in the file twice (line 4)"));
    }

    void unreadablePlacesAndTimes_data()
    {
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no time") << QString("1") << QString() << QString("no time");
        QTest::newRow("bad time") << QString("1") << QString("10:7")
                                  << QString("the time \"10:7\" cannot be read");
        QTest::newRow("no place") << QString() << QString("10.5") << QString("no place");
        QTest::newRow("unknown word")
            << QString("SCR") << QString()
            << QString("the place \"SCR\" is neither a number nor DNS, DNF or DQ");
    }
    void unreadablePlacesAndTimes()
    {
        QFETCH(QString, place);
        QFETCH(QString, time);
        QFETCH(QString, reason);
        LifFile file;
        file.event = 11;
        file.round = 1;
        file.heat = 1;
        file.rows = {{2, place, "1", "2", "", "", "", time, {}}};
        const LifPlan plan = LifImport::plan(file, meet());
        QCOMPARE(plan.held.size(), 1);
        QCOMPARE(plan.held.first().reason, reason);
    }

    void unreadableWindIsANote()
    {
        LifFile file = lif("011-1-1.lif");
        file.wind = QStringLiteral("gusty");
        const LifPlan plan = LifImport::plan(file, meet());
        QVERIFY(plan.clean());
        QCOMPARE(plan.wind, QString());
        QCOMPARE(plan.notes, QStringList({"the wind \"gusty\" cannot be read; no wind is set"}));
    }

    // Every heat exported to lynx.evt comes back to itself, whichever way events are numbered.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("sample, numbered by place") << testdata::samplePath();
        QTest::newRow("numbered by event id") << testdata::fixturePath("lynx/meet.json");
    }
    void roundTrip()
    {
        QFETCH(QString, path);
        const auto doc = testdata::loadDocument(path);
        const Competition &c = doc->competition();
        int heats = 0;
        int rows = 0;
        for (const QByteArray &bytes : lifsFromEvents(LynxWriter::eventsFile(c))) {
            const LifRead read = LifReader::read(bytes, QStringLiteral("heat.lif"));
            QVERIFY2(read.ok(), qPrintable(read.error));
            const LifPlan plan = LifImport::plan(read.file, c);
            QVERIFY2(plan.held.isEmpty(), qPrintable(firstReason(plan)));
            QVERIFY(plan.unit);
            QCOMPARE(*plan.unit->round, read.file.round);
            QCOMPARE(*plan.unit->heat, read.file.heat);
            QCOMPARE(LynxNumbering::eventName(*plan.event), read.file.eventName);
            for (const LifPlan::Row &r : plan.rows) {
                QVERIFY(r.existing);
                QCOMPARE(r.existing->bib, r.bib);
                QCOMPARE(r.existing->parent(), plan.unit);
            }
            ++heats;
            rows += int(plan.rows.size());
        }
        int expectedHeats = 0, expectedRows = 0;
        for (const auto &e : c.events) {
            if (!LynxNumbering::isTimed(*e))
                continue;
            expectedHeats += int(e->units.size());
            for (const auto &u : e->units)
                expectedRows += int(u->results.size());
        }
        QCOMPARE(heats, expectedHeats);
        QCOMPARE(rows, expectedRows);
        QVERIFY(rows > 10);
    }

private:
    const Competition &meet() const { return m_doc->competition(); }
    std::unique_ptr<Document> m_doc;
};

QTEST_GUILESS_MAIN(TestLifImport)
#include "tst_lifimport.moc"
