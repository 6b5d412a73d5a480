// meetdesk print, run as a user runs it: the real binary, with no display.
#include "cli/printcommand.h"
#include "competitiongenerator.h"
#include "format/documentfile.h"
#include "support/pdftext.h"
#include "testdata.h"

#include <QProcess>
#include <QRegularExpression>
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

Run print(const QStringList &arguments, const QString &locale = QStringLiteral("C.UTF-8"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), locale);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MEETDESK_BINARY), QStringList {QStringLiteral("print")} + arguments);
    if (!p.waitForFinished(600000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString sample()
{
    return testdata::samplePath();
}

QString cases()
{
    return testdata::fixturePath(QStringLiteral("print-cases.json"));
}

QString re(const QString &text)
{
    return QRegularExpression::escape(text);
}

// The printed tables by heading: "T01 Start list" -> the text of each of its tables, in order.
QHash<QString, QStringList> sections(const QString &text)
{
    static const QRegularExpression heading(
        QStringLiteral("^.* \\((\\w+)\\) – (Start list|Results)( \\(continued\\))?$"));
    QHash<QString, QStringList> found;
    QStringList *current = nullptr;
    for (const QString &line : text.split(u'\n')) {
        const auto m = heading.match(line.trimmed());
        if (m.hasMatch()) {
            current = &found[m.captured(1) + u' ' + m.captured(2)];
            if (m.captured(3).isEmpty())
                current->append(QString());
            continue;
        }
        if (current)
            current->last() += line + u'\n';
    }
    return found;
}

int linesMatching(const QString &text, const QString &pattern)
{
    const QRegularExpression line(pattern, QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = line.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

// The line after the first line matching pattern.
QString lineAfter(const QString &text, const QString &pattern)
{
    const QStringList lines = text.split(u'\n');
    const QRegularExpression line(pattern);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (line.match(lines[i]).hasMatch())
            return lines[i + 1];
    }
    return {};
}

class Names
{
public:
    explicit Names(const Competition &c)
    {
        for (const auto &x : c.competitors)
            m_names.insert(x->competitorId, x->firstName + u' ' + x->lastName);
        for (const auto &r : c.relayTeams) {
            m_names.insert(r->relayTeamId, r->name);
            m_runners.insert(r->relayTeamId, r->runners.value_or(QStringList()));
        }
        for (const auto &x : c.competitors) {
            for (const auto &e : x->eventsEntered)
                m_entries.insert(e->eventId + u'/' + x->competitorId, e.get());
        }
    }
    QString name(const QString &bib) const { return m_names.value(bib); }
    QStringList runners(const QString &bib) const { return m_runners.value(bib); }
    const EventEntry *entry(const QString &event, const QString &bib) const
    {
        return m_entries.value(event + u'/' + bib);
    }

private:
    QHash<QString, QString> m_names;
    QHash<QString, QStringList> m_runners;
    QHash<QString, const EventEntry *> m_entries;
};

} // namespace

class TestPrintCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = pdftext::missingTools();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void helpAndUsage()
    {
        const Run help = print({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith(QStringLiteral("Usage: meetdesk print FILE OUT.pdf")));
        QCOMPARE(help.out, PrintCommand::usage());
    }

    // Every start list and every result of the sample meet, read back from the PDF's text and
    // checked against the document: names, bibs, lanes, seed marks, places, performances,
    // wind, every attempt, the heights grids, combined points and relay runners.
    void theSampleHoldsEveryStartListAndResult()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("sample.pdf"));
        const Run run = print({sample(), pdf});
        QCOMPARE(run.code, 0);
        const int pages = pdftext::pageCount(pdf);
        QCOMPARE(run.out, QStringLiteral("%1: %2 page(s), A4\n").arg(pdf).arg(pages));
        const QString text = pdftext::text(pdf);
        const QHash<QString, QStringList> printed = sections(text);

        const auto doc = testdata::loadDocument();
        const Competition &c = doc->competition();
        const Names names(c);
        int resultsChecked = 0, trialsChecked = 0, resultsHeld = 0;
        for (const auto &event : c.events) {
            resultsHeld += int(event->results.size());
            for (const auto &unit : event->units)
                resultsHeld += int(unit->results.size());
        }
        for (const auto &event : c.events) {
            const QString id = event->eventId;
            const QStringList starts = printed.value(id + QStringLiteral(" Start list"));
            const QStringList results = printed.value(id + QStringLiteral(" Results"));
            if (event->units.empty()) { // the triathlon: its entries, then its standings
                QCOMPARE(starts.size(), 1);
                QCOMPARE(results.size(), 1);
                for (const auto &standing : event->results) {
                    QCOMPARE(
                        linesMatching(starts[0],
                                      QStringLiteral("^\\s*%1\\s+%2\\s")
                                          .arg(re(standing->bib), re(names.name(standing->bib)))),
                        1);
                    QStringList marks, points;
                    for (const auto &component : c.events) {
                        if (component->parentEvent != id)
                            continue;
                        for (const auto &r : component->units[0]->results) {
                            if (r->bib == standing->bib) {
                                marks.append(re(r->performance));
                                points.append(QString::number(*r->points));
                            }
                        }
                    }
                    QCOMPARE(marks.size(), 3);
                    const QString row = QStringLiteral("^\\s*%1\\s+%2\\s+%3\\s.*\\s%4\\s+%5\\s*$")
                                            .arg(QString::number(*standing->place),
                                                 re(standing->bib), re(names.name(standing->bib)),
                                                 marks.join(QStringLiteral("\\s+")),
                                                 QString::number(*standing->points));
                    QCOMPARE(linesMatching(results[0], row), 1);
                    QVERIFY2(lineAfter(results[0], row).simplified() == points.join(u' '),
                             qPrintable(lineAfter(results[0], row)));
                    ++resultsChecked;
                }
                continue;
            }
            QCOMPARE(starts.size(), qsizetype(event->units.size()));
            QCOMPARE(results.size(), qsizetype(event->units.size()));
            for (size_t u = 0; u < event->units.size(); ++u) {
                const Unit &unit = *event->units[u];
                const QString &start = starts[qsizetype(u)];
                const QString &result = results[qsizetype(u)];
                QVERIFY(start.contains(unit.heatName) && result.contains(unit.heatName));
                for (const auto &r : unit.results) {
                    const QString bib = re(r->bib), name = re(names.name(r->bib));
                    QVERIFY2(!names.name(r->bib).isEmpty(), qPrintable(r->bib));
                    // Start list: lane or order, bib, name, and the seed marks entered.
                    const QString position = r->lane ? QString::number(*r->lane)
                        : r->order                   ? QString::number(*r->order)
                                                     : QString();
                    QString startLine
                        = QStringLiteral("^\\s*%1\\s+%2\\s+%3\\b").arg(position, bib, name);
                    if (position.isEmpty())
                        startLine = QStringLiteral("^\\s*%1\\s+%2\\b").arg(bib, name);
                    if (const EventEntry *e = names.entry(id, r->bib)) {
                        QStringList marks {re(e->sb), re(e->pb)};
                        marks.removeAll(QString());
                        if (!marks.isEmpty())
                            startLine += QStringLiteral(".*\\s%1\\s*$")
                                             .arg(marks.join(QStringLiteral("\\s+")));
                    }
                    QVERIFY2(linesMatching(start, startLine) == 1,
                             qPrintable(startLine + u'\n' + start));

                    // Results: place, bib, name ... and the performance at the end, or the best
                    // after the attempts.
                    QStringList cells;
                    QStringList winds;
                    if (unit.isVerticalJump()) {
                        for (const QString &height : *unit.heights) {
                            QString attempts;
                            for (const auto &t : unit.trials) {
                                if (t->bib == r->bib && t->height == height)
                                    attempts += t->result;
                            }
                            if (!attempts.isEmpty())
                                cells.append(re(attempts));
                        }
                    } else {
                        for (const auto &t : unit.trials) {
                            if (t->bib == r->bib) {
                                cells.append(re(t->result));
                                if (!t->wind.isEmpty())
                                    winds.append(t->wind);
                            }
                        }
                    }
                    trialsChecked += int(cells.size());
                    cells.append(re(r->performance));
                    const QString resultLine
                        = QStringLiteral("^\\s*%1\\s+(\\d+\\s+)?%2\\s+%3\\b.*\\s%4(\\s.*)?$")
                              .arg(r->place ? QString::number(*r->place) : QString(), bib, name,
                                   cells.join(QStringLiteral("\\s+")));
                    QVERIFY2(linesMatching(result, resultLine) == 1,
                             qPrintable(resultLine + u'\n' + result));
                    if (!winds.isEmpty()) // under the attempts, each attempt's wind
                        QVERIFY2(
                            lineAfter(result, resultLine).simplified().endsWith(winds.join(u' ')),
                            qPrintable(lineAfter(result, resultLine)));
                    if (!r->wind.isEmpty())
                        QVERIFY(result.contains(r->wind));
                    if (r->points)
                        QVERIFY(linesMatching(result,
                                              resultLine.chopped(1) + QString::number(*r->points)));
                    // A relay team's runners, in order, under the team.
                    const QStringList runners = names.runners(r->bib);
                    for (qsizetype k = 0; k < runners.size(); ++k) {
                        const QString runner = runners[k] + u' ' + names.name(runners[k]);
                        QVERIFY2(start.contains(runner) && result.contains(runner),
                                 qPrintable(runner));
                    }
                    ++resultsChecked;
                }
            }
        }
        QCOMPARE(resultsChecked, resultsHeld);
        QVERIFY(trialsChecked > 0);
    }

    void paperSize_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("size");
        const QString a4 = QStringLiteral("595 x 842 pts (A4)");
        const QString letter = QStringLiteral("612 x 792 pts (letter)");
        QTest::newRow("UK default") << QStringLiteral("en_GB.UTF-8") << QStringList() << a4;
        QTest::newRow("US default") << QStringLiteral("en_US.UTF-8") << QStringList() << letter;
        QTest::newRow("Letter asked for")
            << QStringLiteral("en_GB.UTF-8")
            << QStringList {QStringLiteral("--page-size"), QStringLiteral("Letter")} << letter;
        QTest::newRow("A4 asked for")
            << QStringLiteral("en_US.UTF-8")
            << QStringList {QStringLiteral("--page-size"), QStringLiteral("a4")} << a4;
    }

    void paperSize()
    {
        QFETCH(QString, locale);
        QFETCH(QStringList, options);
        QFETCH(QString, size);
        const QString pdf = m_dir.filePath(QStringLiteral("paper.pdf"));
        const Run run = print(QStringList {sample(), pdf} + options, locale);
        QCOMPARE(run.code, 0);
        QCOMPARE(pdftext::info(pdf, QStringLiteral("Page size")), size);
        QVERIFY(pdftext::text(pdf).contains(QStringLiteral("Sean Reilly")));
    }

    void oneEventOrOneDay_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("event id") << sample()
                                  << QStringList {QStringLiteral("--event"), QStringLiteral("F02")}
                                  << QStringList {QStringLiteral("F02 Start list"),
                                                  QStringLiteral("F02 Results")};
        QTest::newRow("event code, results")
            << sample()
            << QStringList {QStringLiteral("--event"), QStringLiteral("HJ"),
                            QStringLiteral("--results")}
            << QStringList {QStringLiteral("F02 Results"), QStringLiteral("M01b Results")};
        QTest::newRow("combined event, start lists")
            << sample()
            << QStringList {QStringLiteral("--start-lists"), QStringLiteral("--event"),
                            QStringLiteral("M01")}
            << QStringList {QStringLiteral("M01 Start list"), QStringLiteral("M01a Start list"),
                            QStringLiteral("M01b Start list"), QStringLiteral("M01c Start list")};
        QTest::newRow("day 2") << cases()
                               << QStringList {QStringLiteral("--day"), QStringLiteral("2"),
                                               QStringLiteral("--start-lists")}
                               << QStringList {QStringLiteral("E2 Start list"),
                                               QStringLiteral("E3 Start list"),
                                               QStringLiteral("E6 Start list")};
    }

    void oneEventOrOneDay()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        QFETCH(QStringList, expected);
        const QString pdf = m_dir.filePath(QStringLiteral("some.pdf"));
        const Run run = print(QStringList {file, pdf} + options);
        QCOMPARE(run.code, 0);
        QStringList printed = sections(pdftext::text(pdf)).keys();
        printed.sort();
        expected.sort();
        QCOMPARE(printed, expected);
    }

    void badArgumentsAndFilesExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("OUT");
        QTest::newRow("nothing") << QStringList()
                                 << QStringLiteral("give the competition file and the PDF");
        QTest::newRow("one file") << QStringList {sample()}
                                  << QStringLiteral("give the competition file and the PDF");
        QTest::newRow("unknown option") << QStringList {sample(), out, QStringLiteral("--bogus")}
                                        << QStringLiteral("unknown option --bogus");
        QTest::newRow("paper") << QStringList {sample(), out, QStringLiteral("--page-size"),
                                               QStringLiteral("A5")}
                               << QStringLiteral("unknown page size A5 (A4 or Letter)");
        QTest::newRow("event without code")
            << QStringList {sample(), out, QStringLiteral("--event")}
            << QStringLiteral("--event needs");
        QTest::newRow("day not a number")
            << QStringList {sample(), out, QStringLiteral("--day"), QStringLiteral("x")}
            << QStringLiteral("--day needs a day number");
        QTest::newRow("event and day") << QStringList {sample(),
                                                       out,
                                                       QStringLiteral("--event"),
                                                       QStringLiteral("T01"),
                                                       QStringLiteral("--day"),
                                                       QStringLiteral("1")}
                                       << QStringLiteral("choose --event or --day");
        QTest::newRow("no such event")
            << QStringList {sample(), out, QStringLiteral("--event"), QStringLiteral("Z9")}
            << QStringLiteral("no event Z9 (the events are: T01 100m Men, T02");
        QTest::newRow("no such day")
            << QStringList {cases(), out, QStringLiteral("--day"), QStringLiteral("7")}
            << QStringLiteral("no event on day 7 (days: 1, 2)");
        QTest::newRow("missing file") << QStringList {QStringLiteral("no-such-meet.json"), out}
                                      << QStringLiteral("no-such-meet.json: cannot open the file");
        QTest::newRow("a folder") << QStringList {QStringLiteral("."), out}
                                  << QStringLiteral(".: it is a folder, not a file");
        QTest::newRow("truncated") << QStringList {QStringLiteral("TRUNCATED"), out}
                                   << QStringLiteral("truncated.json: line ");
        QTest::newRow("over the competition")
            << QStringList {QStringLiteral("COPY"), QStringLiteral("COPY")}
            << QStringLiteral("is not a PDF");
    }

    void badArgumentsAndFilesExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        const QString copy = dir.filePath(QStringLiteral("meet.json"));
        QVERIFY(QFile::copy(sample(), copy));
        const QString truncated = dir.filePath(QStringLiteral("truncated.json"));
        QFile t(truncated);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(testdata::fixture(QStringLiteral("print-cases.json")).left(400));
        t.close();
        arguments.replaceInStrings(QStringLiteral("OUT"), out);
        arguments.replaceInStrings(QStringLiteral("COPY"), copy);
        arguments.replaceInStrings(QStringLiteral("TRUNCATED"), truncated);

        const Run run = print(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
        const auto bytes = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QCOMPARE(bytes(copy), bytes(sample())); // the competition is never written over
    }

    // The generated 3,000-competitor, 150-event meet: about 1,500 pages, each with the meet's
    // header and its number, every heat's start list and results there. Slow: it runs as its
    // own ctest entry (label "slow"), which sets MEETDESK_LONG_MEET.
    void aLongMeetPaginates()
    {
        if (qEnvironmentVariableIsEmpty("MEETDESK_LONG_MEET"))
            QSKIP("run by the ctest entry tst_printcommand_long_meet (label slow)");
        const auto competition = CompetitionGenerator(1).generate({3000, 150, 20000, 40000});
        const QString file = m_dir.filePath(QStringLiteral("generated.json"));
        QString error;
        QVERIFY2(DocumentFile::writeFile(file, DocumentFile::serialize(*competition, {}), &error),
                 qPrintable(error));
        const QString pdf = m_dir.filePath(QStringLiteral("generated.pdf"));
        const Run run = print({file, pdf});
        QCOMPARE(run.code, 0);
        const QStringList pages = pdftext::pages(pdf);
        QCOMPARE(pages.size(), pdftext::pageCount(pdf));
        QVERIFY(pages.size() > 500);
        for (int p = 0; p < pages.size(); ++p) {
            QVERIFY2(pages[p].contains(competition->fullName), qPrintable(QString::number(p + 1)));
            QVERIFY2(
                pages[p].contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages.size())),
                qPrintable(pages[p]));
        }
        // Every heat's start list and results, once each (continuations are marked as such).
        int heats = 0;
        for (const auto &e : competition->events) {
            for (const auto &u : e->units) {
                QVERIFY(std::all_of(u->results.begin(), u->results.end(),
                                    [](const auto &r) { return !r->performance.isEmpty(); }));
                heats += u->results.empty() ? 0 : 1;
            }
        }
        const QHash<QString, QStringList> printed = sections(pages.join(u'\n'));
        int starts = 0, results = 0;
        for (auto it = printed.begin(); it != printed.end(); ++it)
            (it.key().endsWith(QStringLiteral("Results")) ? results : starts) += int(it->size());
        QCOMPARE(starts, heats);
        QCOMPARE(results, heats);
    }
};

QTEST_GUILESS_MAIN(TestPrintCommand)
#include "tst_printcommand.moc"
