#include "print/reportbuilder.h"
#include "testdata.h"

#include <QTest>

using namespace meetdesk;

namespace {

QList<ReportTable> tablesOf(const Report &report, const QString &eventId, const QString &what)
{
    QList<ReportTable> found;
    for (const ReportTable &t : report.tables) {
        if (t.heading.contains(QStringLiteral("(%1) – %2").arg(eventId, what)))
            found.append(t);
    }
    return found;
}

int columnOf(const ReportTable &table, const QString &title)
{
    for (int c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].title == title)
            return c;
    }
    return -1;
}

// The row of a bib (the Bib column), or -1.
int rowOf(const ReportTable &table, const QString &bib)
{
    const int column = columnOf(table, QStringLiteral("Bib"));
    for (int r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].value(column) == bib)
            return r;
    }
    return -1;
}

QString cell(const ReportTable &table, const QString &bib, const QString &column)
{
    return table.rows.value(rowOf(table, bib)).value(columnOf(table, column));
}

const Competitor *competitor(const Competition &c, const QString &bib)
{
    for (const auto &x : c.competitors) {
        if (x->competitorId == bib)
            return x.get();
    }
    return nullptr;
}

QString fullName(const Competition &c, const QString &bib)
{
    const Competitor *x = competitor(c, bib);
    return x ? x->firstName + u' ' + x->lastName : QString();
}

const Event &eventNamed(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

QStringList eventIds(const QList<const Event *> &events)
{
    QStringList ids;
    for (const Event *e : events)
        ids.append(e->eventId);
    return ids;
}

ReportRequest request(ReportRequest::Content content,
                      ReportRequest::Scope scope = ReportRequest::Scope::Meet,
                      const QString &event = {}, int day = 1)
{
    ReportRequest r;
    r.content = content;
    r.scope = scope;
    r.event = event;
    r.day = day;
    return r;
}

} // namespace

class TestReportBuilder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Document> m_sample = testdata::loadDocument();
    std::unique_ptr<Document> m_cases
        = testdata::loadDocument(testdata::fixturePath(QStringLiteral("print-cases.json")));
    const Competition &sample() const { return m_sample->competition(); }
    const Competition &cases() const { return m_cases->competition(); }

private Q_SLOTS:
    void meetHeader()
    {
        const Report report
            = ReportBuilder(cases(), QLocale(QLocale::English, QLocale::UnitedKingdom))
                  .build(request(ReportRequest::Content::Results));
        QCOMPARE(report.title, cases().fullName);
        QCOMPARE(report.venue, cases().address);
        QVERIFY2(report.dates.contains(QStringLiteral("20 June 2026"))
                     && report.dates.contains(QStringLiteral("21 June 2026")),
                 qPrintable(report.dates));
        QCOMPARE(report.subject, QStringLiteral("Results"));
        const Report day = ReportBuilder(cases()).build(
            request(ReportRequest::Content::StartLists, ReportRequest::Scope::Day, {}, 2));
        QCOMPARE(day.subject, QStringLiteral("Start lists · Day 2"));
    }

    void everyResultOfEveryUnitInPlaceOrder()
    {
        const Report report
            = ReportBuilder(sample()).build(request(ReportRequest::Content::Results));
        int units = 0;
        for (const auto &e : sample().events) {
            const QList<ReportTable> tables
                = tablesOf(report, e->eventId, QStringLiteral("Results"));
            if (e->units.empty()) { // the combined event's standings
                QCOMPARE(tables.size(), 1);
                QCOMPARE(tables[0].rows.size(), qsizetype(e->results.size()));
                continue;
            }
            QCOMPARE(tables.size(), qsizetype(e->units.size()));
            for (size_t u = 0; u < e->units.size(); ++u) {
                const Unit &unit = *e->units[u];
                const ReportTable &table = tables[qsizetype(u)];
                ++units;
                QVERIFY2(table.subheading.contains(unit.heatName), qPrintable(table.subheading));
                QCOMPARE(table.rows.size(), qsizetype(unit.results.size()));
                const QString best = columnOf(table, QStringLiteral("Best")) >= 0
                    ? QStringLiteral("Best")
                    : QStringLiteral("Performance");
                for (const auto &r : unit.results) {
                    QVERIFY2(rowOf(table, r->bib) >= 0, qPrintable(r->bib));
                    QCOMPARE(cell(table, r->bib, best), r->performance);
                    QCOMPARE(cell(table, r->bib, QStringLiteral("Place")),
                             r->place ? QString::number(*r->place) : QString());
                    if (const Competitor *x = competitor(sample(), r->bib))
                        QCOMPARE(cell(table, r->bib, QStringLiteral("Name")),
                                 x->firstName + u' ' + x->lastName);
                }
                // By place; those without one (DNS, DQ) after.
                int last = 0;
                bool unplaced = false;
                for (const QStringList &row : table.rows) {
                    const QString place = row[columnOf(table, QStringLiteral("Place"))];
                    if (place.isEmpty()) {
                        unplaced = true;
                        continue;
                    }
                    QVERIFY(!unplaced);
                    QVERIFY(place.toInt() >= last);
                    last = place.toInt();
                }
            }
        }
        QCOMPARE(units, 10);
    }

    void startListsInLaneOrderWithSeedMarks()
    {
        const Report report
            = ReportBuilder(sample()).build(request(ReportRequest::Content::StartLists));
        const Event &hundred = eventNamed(sample(), QStringLiteral("T01"));
        const QList<ReportTable> tables
            = tablesOf(report, QStringLiteral("T01"), QStringLiteral("Start list"));
        QCOMPARE(tables.size(), qsizetype(hundred.units.size()));
        const ReportTable &final = tables[2];
        const Unit &finalUnit = *hundred.units[2];
        QCOMPARE(final.rows.size(), qsizetype(finalUnit.results.size()));
        for (int row = 0; row < final.rows.size(); ++row)
            QCOMPARE(final.rows[row][columnOf(final, QStringLiteral("Lane"))],
                     QString::number(row + 1));
        QCOMPARE(columnOf(final, QStringLiteral("Performance")), -1); // nothing of the race
        for (const auto &r : finalUnit.results) {
            const Competitor *x = competitor(sample(), r->bib);
            QVERIFY(x);
            for (const auto &entry : x->eventsEntered) {
                if (entry->eventId != u"T01")
                    continue;
                QCOMPARE(cell(final, r->bib, QStringLiteral("PB")), entry->pb);
                QCOMPARE(cell(final, r->bib, QStringLiteral("SB")), entry->sb);
            }
        }
        // Field events in their order; no seed column where nobody has a mark.
        const ReportTable lj
            = tablesOf(report, QStringLiteral("F01"), QStringLiteral("Start list")).value(0);
        QVERIFY(columnOf(lj, QStringLiteral("Order")) >= 0);
        QCOMPARE(columnOf(lj, QStringLiteral("SB")), -1);
        QCOMPARE(cell(lj, QStringLiteral("121"), QStringLiteral("PB")), QStringLiteral("6.10"));
    }

    void fieldSeriesHaveEveryAttemptAndItsWind()
    {
        const Report report
            = ReportBuilder(sample()).build(request(ReportRequest::Content::Results));
        for (const QString &id : {QStringLiteral("F01"), QStringLiteral("F03")}) {
            const Unit &unit = *eventNamed(sample(), id).units[0];
            const ReportTable table = tablesOf(report, id, QStringLiteral("Results")).value(0);
            QCOMPARE(table.repeatedName, QStringLiteral("Attempts"));
            QVERIFY(!unit.trials.empty());
            for (const auto &trial : unit.trials) {
                const QString expected
                    = trial->wind.isEmpty() ? trial->result : trial->result + u'\n' + trial->wind;
                QCOMPARE(cell(table, trial->bib, QString::number(*trial->round)), expected);
            }
            QVERIFY(!table.subheading.contains(QStringLiteral("Wind"))); // not a sprint
        }
    }

    void heightsGridHasTheAttemptsAtEachHeight()
    {
        const Report report
            = ReportBuilder(sample()).build(request(ReportRequest::Content::Results));
        const Unit &unit = *eventNamed(sample(), QStringLiteral("F02")).units[0];
        const ReportTable table
            = tablesOf(report, QStringLiteral("F02"), QStringLiteral("Results")).value(0);
        QCOMPARE(table.repeatedName, QStringLiteral("Heights"));
        QHash<QString, QString> expected;
        for (const auto &trial : unit.trials)
            expected[trial->bib + u'@' + trial->height] += trial->result;
        for (const auto &r : unit.results) {
            for (const QString &height : *unit.heights)
                QCOMPARE(cell(table, r->bib, height), expected.value(r->bib + u'@' + height));
        }
        QCOMPARE(cell(table, QStringLiteral("117"), QStringLiteral("1.95")), QStringLiteral("xxo"));
    }

    void combinedEventComponentsAndTotals()
    {
        const Report report
            = ReportBuilder(sample()).build(request(ReportRequest::Content::Results));
        const Event &tri = eventNamed(sample(), QStringLiteral("M01"));
        const ReportTable table
            = tablesOf(report, QStringLiteral("M01"), QStringLiteral("Results")).value(0);
        QCOMPARE(table.repeatedName, QStringLiteral("Events"));
        const QStringList components {QStringLiteral("M01a"), QStringLiteral("M01b"),
                                      QStringLiteral("M01c")};
        QStringList titles {QStringLiteral("75m"), QStringLiteral("High Jump"),
                            QStringLiteral("Shot Put")};
        for (const auto &standing : tri.results) {
            QCOMPARE(cell(table, standing->bib, QStringLiteral("Points")),
                     QString::number(*standing->points));
            for (qsizetype k = 0; k < components.size(); ++k) {
                for (const auto &r : eventNamed(sample(), components[k]).units[0]->results) {
                    if (r->bib == standing->bib)
                        QCOMPARE(cell(table, r->bib, titles[k]),
                                 r->performance + u'\n' + QString::number(*r->points));
                }
            }
        }
    }

    void relayTeamsWithTheirRunners()
    {
        const Report report = ReportBuilder(sample()).build(request(ReportRequest::Content::Both));
        for (const QString &what : {QStringLiteral("Start list"), QStringLiteral("Results")}) {
            const ReportTable table = tablesOf(report, QStringLiteral("T02"), what).value(0);
            QCOMPARE(table.rows.size(), qsizetype(sample().relayTeams.size()));
            for (const auto &team : sample().relayTeams) {
                QCOMPARE(cell(table, team->relayTeamId, QStringLiteral("Team")), team->name);
                QStringList runners;
                for (const QString &bib : *team->runners)
                    runners.append(bib + u' ' + fullName(sample(), bib));
                QCOMPARE(cell(table, team->relayTeamId, QStringLiteral("Runners")),
                         runners.join(u'\n'));
            }
        }
    }

    void windOnceForASprintOrPerAthlete()
    {
        const Report sampleReport
            = ReportBuilder(sample()).build(request(ReportRequest::Content::Results));
        const ReportTable heat
            = tablesOf(sampleReport, QStringLiteral("T01"), QStringLiteral("Results")).value(0);
        QVERIFY2(heat.subheading.contains(QStringLiteral("Official"))
                     && heat.subheading.contains(QStringLiteral("Wind +1.4")),
                 qPrintable(heat.subheading));
        QCOMPARE(columnOf(heat, QStringLiteral("Wind")), -1);

        const Report report
            = ReportBuilder(cases()).build(request(ReportRequest::Content::Results));
        const ReportTable mixed
            = tablesOf(report, QStringLiteral("E4"), QStringLiteral("Results")).value(0);
        QVERIFY(mixed.subheading.contains(QStringLiteral("Provisional")));
        QCOMPARE(cell(mixed, QStringLiteral("1"), QStringLiteral("Wind")), QStringLiteral("+1.1"));
        QCOMPARE(cell(mixed, QStringLiteral("999"), QStringLiteral("Wind")),
                 QStringLiteral("+0.4"));
        QCOMPARE(cell(mixed, QStringLiteral("1"), QStringLiteral("Points")), QStringLiteral("950"));
        QCOMPARE(cell(mixed, QStringLiteral("999"), QStringLiteral("Name")),
                 QStringLiteral("(unknown bib)"));
        QCOMPARE(mixed.rows.last()[columnOf(mixed, QStringLiteral("Bib"))],
                 QStringLiteral("2")); // DNF
    }

    void entriesWhenNoHeatIsDrawn()
    {
        const Report report
            = ReportBuilder(cases()).build(request(ReportRequest::Content::StartLists));
        const ReportTable entries
            = tablesOf(report, QStringLiteral("E1"), QStringLiteral("Start list")).value(0);
        QVERIFY(entries.subheading.contains(QStringLiteral("Entries")));
        QCOMPARE(entries.rows.size(), 3);
        QCOMPARE(cell(entries, QStringLiteral("1"), QStringLiteral("SB")), QStringLiteral("24.55"));
        QCOMPARE(cell(entries, QStringLiteral("2"), QStringLiteral("PB")), QStringLiteral("25.02"));
        QCOMPARE(cell(entries, QStringLiteral("3"), QStringLiteral("Club")),
                 QStringLiteral("Able Club"));
        const ReportTable relay
            = tablesOf(report, QStringLiteral("E2"), QStringLiteral("Start list")).value(0);
        QCOMPARE(relay.rows.size(), 2);
        QCOMPARE(cell(relay, QStringLiteral("RB"), QStringLiteral("Runners")),
                 QStringLiteral("2 Bo Bright\n4 Cy Cole"));
    }

    void attemptsTheListDoesNotNameAreKept()
    {
        const Report report
            = ReportBuilder(cases()).build(request(ReportRequest::Content::Results));
        const ReportTable vault
            = tablesOf(report, QStringLiteral("E3"), QStringLiteral("Results")).value(0);
        QCOMPARE(cell(vault, QStringLiteral("5"), QStringLiteral("3.95")), QStringLiteral("xxx"));
        QCOMPARE(cell(vault, QStringLiteral("4"), QStringLiteral("4.30")), QStringLiteral("xxx"));
        // An athlete with attempts and no result line yet.
        QCOMPARE(cell(vault, QStringLiteral("1"), QStringLiteral("3.00")), QStringLiteral("xxx"));
        QCOMPARE(cell(vault, QStringLiteral("1"), QStringLiteral("Place")), QString());
        const ReportTable jump
            = tablesOf(report, QStringLiteral("E5"), QStringLiteral("Results")).value(0);
        QCOMPARE(cell(jump, QStringLiteral("3"), QStringLiteral("4")), QStringLiteral("4.90"));
        QCOMPARE(cell(jump, QStringLiteral("3"), QStringLiteral("3")),
                 QStringLiteral("5.10\n+0.2"));
        // The same attempt twice (both printed); an attempt number far beyond the others gets
        // its own column, not the ones between.
        QCOMPARE(cell(jump, QStringLiteral("3"), QStringLiteral("2")), QStringLiteral("x\n4.70"));
        QCOMPARE(cell(jump, QStringLiteral("3"), QStringLiteral("9")), QStringLiteral("4.50"));
        QCOMPARE(columnOf(jump, QStringLiteral("5")), -1);
        // Heats with only a start list are not results yet.
        const ReportTable hurdles
            = tablesOf(report, QStringLiteral("E6"), QStringLiteral("Results")).value(0);
        QVERIFY(hurdles.rows.isEmpty());
        QCOMPARE(hurdles.emptyText, QStringLiteral("No results yet."));
    }

    void scopes()
    {
        const ReportBuilder builder(cases());
        QCOMPARE(builder.days(), (QList<int> {1, 2}));
        using Scope = ReportRequest::Scope;
        const auto content = ReportRequest::Content::Both;
        QCOMPARE(eventIds(builder.events(request(content, Scope::Day, {}, 1))),
                 (QStringList {QStringLiteral("E1"), QStringLiteral("E4"), QStringLiteral("E5")}));
        QCOMPARE(eventIds(builder.events(request(content, Scope::Day, {}, 2))),
                 (QStringList {QStringLiteral("E2"), QStringLiteral("E3"), QStringLiteral("E6")}));
        QCOMPARE(eventIds(builder.events(request(content, Scope::Events, QStringLiteral("e3")))),
                 QStringList {QStringLiteral("E3")});
        QCOMPARE(eventIds(builder.events(request(content, Scope::Events, QStringLiteral("lj")))),
                 QStringList {QStringLiteral("E5")});
        QVERIFY(builder.events(request(content, Scope::Events, QStringLiteral("E9"))).isEmpty());

        const ReportBuilder meet(sample());
        QCOMPARE(eventIds(meet.events(request(content, Scope::Events, QStringLiteral("M01")))),
                 (QStringList {QStringLiteral("M01"), QStringLiteral("M01a"),
                               QStringLiteral("M01b"), QStringLiteral("M01c")}));
        QCOMPARE(eventIds(meet.events(request(content, Scope::Events, QStringLiteral("HJ")))),
                 (QStringList {QStringLiteral("F02"), QStringLiteral("M01b")}));
        QCOMPARE(meet.events(request(content)).size(), qsizetype(sample().events.size()));

        // A day's report holds that day's heats only.
        const Report day2
            = builder.build(request(ReportRequest::Content::StartLists, Scope::Day, {}, 2));
        QCOMPARE(tablesOf(day2, QStringLiteral("E6"), QStringLiteral("Start list")).size(), 1);
        QCOMPARE(tablesOf(day2, QStringLiteral("E4"), QStringLiteral("Start list")).size(), 0);
    }

    void startListsOrResultsOrBoth()
    {
        const ReportBuilder builder(sample());
        const auto count = [](const Report &r, const QString &what) {
            return std::count_if(r.tables.begin(), r.tables.end(),
                                 [&](const ReportTable &t) { return t.heading.endsWith(what); });
        };
        const Report starts = builder.build(request(ReportRequest::Content::StartLists));
        const Report results = builder.build(request(ReportRequest::Content::Results));
        const Report both = builder.build(request(ReportRequest::Content::Both));
        QCOMPARE(count(starts, QStringLiteral("Results")), 0);
        QCOMPARE(count(results, QStringLiteral("Start list")), 0);
        QCOMPARE(count(starts, QStringLiteral("Start list")),
                 11); // 10 heats and the triathlon's entries
        QCOMPARE(count(results, QStringLiteral("Results")), 11); // 10 heats and the standings
        QCOMPARE(both.tables.size(), starts.tables.size() + results.tables.size());
    }
};

QTEST_GUILESS_MAIN(TestReportBuilder)
#include "tst_reportbuilder.moc"
