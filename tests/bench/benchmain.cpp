// meetdesk-bench: the figures behind tests/bench/run-benchmarks.sh.
//   generate OUT [--competitors N] [--events N] [--results N] [--trials N] [--seed S]
//   io FILE [--repeat N]      best-of-N read into the model and write, in ms
//   check FILE [--repeat N]   best-of-N full check (Validator): wall ms, processor ms, findings
//   edits FILE [--edits N] [--panel]
//                             edits with the FindingsService following: median and slowest
//                             edit ms, open ms (read and the service's first check), peak MB,
//                             errors; with --panel the findings panel's models follow too (the
//                             FindingsModel behind an errors filter, the tree's markers), and
//                             the rows they list and the resets they sent are printed after
//   tree FILE                 open in the main window: ms, peak MB, model resets, one edit ms
//   bulk [--competitors N]    a bulk insert into the open main window
//   correct FILE              one result corrected, as a secretary would, saved
//   compute FILE              places of the whole meet worked out and written
//   import --rows N | --table FILE --meet FILE
//                             an entries table planned and applied in the open main window
#include "competitiongenerator.h"
#include "compute/compute.h"
#include "format/documentfile.h"
#include "format/opentrackreader.h"
#include "format/opentrackwriter.h"

#include "edit/documenteditor.h"
#include "format/tablereader.h"
#include "import/entriesapply.h"
#include "mainwindow.h"
#include "model/document.h"
#include "models/competitiontreemodel.h"
#include "models/findingsmodel.h"
#include "rules/findingsservice.h"
#include "rules/validator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>

#include <limits>

#include <sys/resource.h>
#include <time.h>

using namespace meetdesk;

namespace {

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

int generate(const QStringList &args, QTextStream &out)
{
    CompetitionGenerator::Sizes sizes;
    sizes.competitors = intOption(args, QStringLiteral("--competitors"), sizes.competitors);
    sizes.events = intOption(args, QStringLiteral("--events"), sizes.events);
    sizes.results = intOption(args, QStringLiteral("--results"), sizes.results);
    sizes.trials = intOption(args, QStringLiteral("--trials"), sizes.trials);
    CompetitionGenerator generator(quint32(intOption(args, QStringLiteral("--seed"), 1)));
    const auto competition = generator.generate(sizes);
    QString error;
    if (!DocumentFile::writeFile(args.value(0), DocumentFile::serialize(*competition, {}),
                                 &error)) {
        out << "cannot write " << args.value(0) << ": " << error << "\n";
        return 2;
    }
    return 0;
}

int io(const QStringList &args, QTextStream &out)
{
    QFile file(args.value(0));
    if (!file.open(QIODevice::ReadOnly)) {
        out << "cannot open " << args.value(0) << "\n";
        return 2;
    }
    const QByteArray data = file.readAll();
    const int repeat = intOption(args, QStringLiteral("--repeat"), 5);
    double bestRead = std::numeric_limits<double>::max();
    double bestWrite = bestRead;
    qsizetype written = 0;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        ReadResult read = OpenTrackReader::read(data);
        bestRead = std::min(bestRead, timer.nsecsElapsed() / 1e6);
        if (!read.ok()) {
            out << "cannot read: " << read.error << "\n";
            return 2;
        }
        timer.restart();
        const QByteArray bytes = OpenTrackWriter::write(*read.competition);
        bestWrite = std::min(bestWrite, timer.nsecsElapsed() / 1e6);
        written = bytes.size();
    }
    out << QString::number(bestRead, 'f', 1) << " " << QString::number(bestWrite, 'f', 1) << " "
        << written << "\n";
    return 0;
}

double peakMegabytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Processor time of this process, in ms: on a machine shared with other work the wall clock
// also counts the time spent waiting for a processor.
double cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

int check(const QStringList &args, QTextStream &out)
{
    ReadResult read = OpenTrackReader::readFile(args.value(0));
    if (!read.ok()) {
        out << "cannot read: " << read.error << "\n";
        return 2;
    }
    double best = std::numeric_limits<double>::max();
    double bestCpu = best;
    qsizetype findings = 0;
    for (int i = 0; i < intOption(args, QStringLiteral("--repeat"), 5); ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuMs();
        findings = Validator::validate(*read.competition).size();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
        bestCpu = std::min(bestCpu, cpuMs() - cpu);
    }
    out << QString::number(best, 'f', 1) << " " << QString::number(bestCpu, 'f', 1) << " "
        << findings << "\n";
    return 0;
}

// Edits of the kinds made at the desk, spread over the competition, each timed with the
// FindingsService following it (the undo command's own work included).
int edits(const QStringList &args, QTextStream &out)
{
    QElapsedTimer timer;
    timer.start();
    ReadResult read = OpenTrackReader::readFile(args.value(0));
    if (!read.ok()) {
        out << "cannot read: " << read.error << "\n";
        return 2;
    }
    Document doc(std::move(read.competition));
    FindingsService &service = FindingsService::of(doc);
    // What the main window hangs on the service: the panel's list behind its filter, and the
    // tree's markers.
    std::unique_ptr<FindingsModel> panel;
    QSortFilterProxyModel errorsOnly;
    std::unique_ptr<CompetitionTreeModel> tree;
    int resets = 0;
    const bool withPanel = args.contains(QStringLiteral("--panel"));
    if (withPanel) {
        panel = std::make_unique<FindingsModel>(service);
        errorsOnly.setSourceModel(panel.get());
        errorsOnly.setFilterRole(FindingsModel::SeverityRole);
        errorsOnly.setFilterFixedString(QStringLiteral("error"));
        tree = std::make_unique<CompetitionTreeModel>(&doc);
        tree->setFindings(&service);
        for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(panel.get()),
                                      static_cast<QAbstractItemModel *>(&errorsOnly),
                                      static_cast<QAbstractItemModel *>(tree.get())})
            QObject::connect(m, &QAbstractItemModel::modelReset, [&resets] { ++resets; });
    }
    const double openMs = timer.nsecsElapsed() / 1e6;
    DocumentEditor edit(doc);
    const Competition &c = doc.competition();
    QList<double> times;
    const int count = intOption(args, QStringLiteral("--edits"), 200);
    const auto timed = [&](auto &&change) {
        timer.restart();
        change();
        times.append(timer.nsecsElapsed() / 1e6);
    };
    for (int i = 0; i < count; ++i) {
        const Competitor &x = *c.competitors[size_t(i * 7919) % c.competitors.size()];
        const Event &e = *c.events[size_t(i * 31) % c.events.size()];
        const Unit &u = *e.units[size_t(i) % e.units.size()];
        const Result &r = *u.results[size_t(i) % u.results.size()];
        switch (i % 5) {
        case 0:
            timed([&] {
                edit.setValue(x, QLatin1StringView("last_name"), QStringLiteral("Edited"));
            });
            break;
        case 1: // a bib typed over: results, trials and runners follow the lookups
            timed([&] {
                edit.setValue(x, QLatin1StringView("competitor_id"), QStringLiteral("X%1").arg(i));
            });
            break;
        case 2:
            timed(
                [&] { edit.setValue(r, QLatin1StringView("performance"), QStringLiteral("abc")); });
            break;
        case 3:
            timed([&] { edit.setValue(r, QLatin1StringView("place"), 1); });
            break;
        case 4:
            timed([&] { edit.append(u, ListId::UnitResults); });
            break;
        }
    }
    timed([&] { doc.undoStack()->undo(); });
    std::sort(times.begin(), times.end());
    out << QString::number(times[times.size() / 2], 'f', 2) << " "
        << QString::number(times.back(), 'f', 2) << " " << QString::number(openMs, 'f', 0) << " "
        << QString::number(peakMegabytes(), 'f', 0) << " " << service.errorCount();
    if (withPanel)
        out << " " << panel->rowCount() << " " << errorsOnly.rowCount() << " " << resets;
    out << "\n";
    return 0;
}

int tree(const QStringList &args, QTextStream &out)
{
    MainWindow window;
    window.show();
    QCoreApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    if (!window.openFile(args.value(0)))
        return 2;
    auto *view = window.findChild<QTreeView *>(QStringLiteral("competitionTree"));
    view->expand(view->model()->index(0, 0, view->model()->index(0, 0))); // the competitors
    view->repaint();
    QCoreApplication::processEvents();
    const double openMs = timer.nsecsElapsed() / 1e6;

    int resets = 0;
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, [&resets] { ++resets; });
    timer.restart();
    DocumentEditor edit(*window.document());
    edit.setValue(*window.document()->competition().competitors[2500],
                  QLatin1StringView("last_name"), QStringLiteral("Edited"));
    view->repaint();
    QCoreApplication::processEvents();
    const double editMs = timer.nsecsElapsed() / 1e6;
    out << QString::number(openMs, 'f', 0) << " " << QString::number(peakMegabytes(), 'f', 0) << " "
        << resets << " " << QString::number(editMs, 'f', 1) << "\n";
    out.flush();
    window.document()->undoStack()->setClean();
    return 0;
}

// What an importer hands over: a generated meet's teams, competitors (with their entries) and
// events, inserted as one undo step into the open main window, its competitors shown.
int bulk(const QStringList &args, QTextStream &out)
{
    CompetitionGenerator::Sizes sizes;
    sizes.competitors = intOption(args, QStringLiteral("--competitors"), 3000);
    sizes.results = 0;
    sizes.trials = 0;
    auto generated = CompetitionGenerator(1).generate(sizes);
    DocumentEditor::Bulk batch;
    batch.teams = std::move(generated->teams);
    batch.competitors = std::move(generated->competitors);
    batch.events = std::move(generated->events);
    size_t entries = 0;
    for (const auto &x : batch.competitors)
        entries += x->eventsEntered.size();

    MainWindow window;
    window.show();
    auto *view = window.findChild<QTreeView *>(QStringLiteral("competitionTree"));
    view->expand(view->model()->index(0, 0, view->model()->index(0, 0))); // the competitors
    QCoreApplication::processEvents();
    int inserted = 0;
    int resets = 0;
    QObject::connect(
        view->model(), &QAbstractItemModel::rowsInserted,
        [&inserted](const QModelIndex &, int first, int last) { inserted += last - first + 1; });
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, [&resets] { ++resets; });
    DocumentEditor edit(*window.document());
    QElapsedTimer timer;
    timer.start();
    const int added = edit.insertBulk(std::move(batch), QStringLiteral("Import"));
    view->repaint();
    QCoreApplication::processEvents();
    const double insertMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    window.document()->undoStack()->undo();
    view->repaint();
    QCoreApplication::processEvents();
    const double undoMs = timer.nsecsElapsed() / 1e6;
    out << QString::number(insertMs, 'f', 0) << " " << added << " " << entries << " " << inserted
        << " " << resets << " " << QString::number(undoMs, 'f', 0) << "\n";
    out.flush();
    window.document()->undoStack()->setClean();
    return 0;
}

// One corrected result in the middle of the meet, saved with its sync state: the "one
// correction" publishing row.
int correct(const QStringList &args, QTextStream &out)
{
    DocumentFile::Loaded loaded = DocumentFile::load(args.value(0));
    if (!loaded.document) {
        out << "cannot read " << args.value(0) << ": " << loaded.error << "\n";
        return 2;
    }
    Document &doc = *loaded.document;
    const auto &events = doc.competition().events;
    for (size_t i = events.size() / 2; i < events.size(); ++i) {
        for (const auto &unit : events[i]->units) {
            if (unit->results.empty())
                continue;
            const Result &result = *unit->results.front();
            // the last digit one higher (9 wraps to 0): still a valid mark of the same form
            QString corrected = result.performance;
            const QChar last = corrected.isEmpty() ? QChar() : corrected.back();
            if (!last.isDigit())
                continue;
            corrected.back() = QChar(u'0' + (last.digitValue() + 1) % 10);
            DocumentEditor(doc).setValue(result, QLatin1StringView("performance"), corrected);
            QString error;
            if (!DocumentFile::save(doc, args.value(0), &error)) {
                out << "cannot write " << args.value(0) << ": " << error << "\n";
                return 2;
            }
            return 0;
        }
    }
    out << "no result to correct in " << args.value(0) << "\n";
    return 2;
}

// Compute places for the whole meet: worked out (values to write), written as one undo step,
// undone, and worked out again once written (nothing left to change).
int computeAll(const QStringList &args, QTextStream &out)
{
    ReadResult read = OpenTrackReader::readFile(args.value(0));
    if (!read.ok()) {
        out << "cannot read: " << read.error << "\n";
        return 2;
    }
    Document document(std::move(read.competition));
    DocumentEditor edit(document);
    const Competition &c = document.competition();
    QElapsedTimer timer;
    timer.start();
    const Proposal proposal = compute::results(c);
    const double workMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    edit.apply(proposal, QStringLiteral("Compute"));
    const double applyMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    document.undoStack()->undo();
    const double undoMs = timer.nsecsElapsed() / 1e6;
    document.undoStack()->redo();
    timer.restart();
    const Proposal again = compute::results(c);
    const double againMs = timer.nsecsElapsed() / 1e6;
    out << QString::number(workMs, 'f', 0) << " " << proposal.changes.size() << " "
        << QString::number(applyMs, 'f', 0) << " " << QString::number(undoMs, 'f', 0) << " "
        << QString::number(againMs, 'f', 0) << " " << again.changes.size() << "\n";
    return 0;
}

// An entries table of rows for a generated meet of 1,000 competitors: one row in six
// merges into a competitor by bib (a new nationality), the rest are new athletes, each
// entered in one event, field events with a seed mark.
Table generatedEntries(const Competition &meet, int rows)
{
    Table table;
    table.source = QStringLiteral("generated.csv");
    table.rows.append(
        {1,
         QStringLiteral("Bib,First name,Last name,Gender,DOB,Club code,Events,SB,Nationality")
             .split(u',')});
    for (int i = 0; i < rows; ++i) {
        const Event &event = *meet.events[size_t(i) % meet.events.size()];
        const bool merge = i % 6 == 0;
        const Competitor *known
            = merge ? meet.competitors[size_t(i / 6) % meet.competitors.size()].get() : nullptr;
        const bool field = event.eventId.startsWith(u'F');
        const bool vertical = event.eventCode == u"HJ" || event.eventCode == u"PV";
        table.rows.append(
            {i + 2,
             {known ? known->competitorId : QString::number(10000 + i),
              known ? known->firstName : QStringLiteral("First%1").arg(i),
              known ? known->lastName : QStringLiteral("Last%1").arg(i), event.genders,
              QDate(1990, 1, 1).addDays(i).toString(QStringLiteral("dd/MM/yyyy")),
              QStringLiteral("T%1").arg(i % 150 + 1, 3, 10, QLatin1Char('0')), event.eventId,
              field ? (vertical ? QStringLiteral("1.85") : QStringLiteral("12.34")) : QString(),
              merge ? QStringLiteral("IRL") : QStringLiteral("GBR")}});
    }
    return table;
}

// Planning and applying an entries table into the open main window, its competitors shown,
// as the wizard does; then its undo.
int import(const QStringList &args, QTextStream &out)
{
    std::unique_ptr<Competition> meet;
    Table table;
    const int rows = intOption(args, QStringLiteral("--rows"), 0);
    if (rows > 0) {
        CompetitionGenerator::Sizes sizes;
        sizes.competitors = 1000;
        sizes.results = 0;
        sizes.trials = 0;
        meet = CompetitionGenerator(1).generate(sizes);
        table = generatedEntries(*meet, rows);
    } else {
        const qsizetype t = args.indexOf(QStringLiteral("--table"));
        const qsizetype m = args.indexOf(QStringLiteral("--meet"));
        ReadResult read = OpenTrackReader::readFile(args.value(m + 1));
        const TableRead entries = TableReader::readFile(args.value(t + 1));
        if (t < 0 || m < 0 || !read.ok() || !entries.ok()) {
            out << "cannot read " << args.value(m + 1) << " or " << args.value(t + 1) << "\n";
            return 2;
        }
        meet = std::move(read.competition);
        table = entries.table;
    }

    MainWindow window;
    window.show();
    auto *view = window.findChild<QTreeView *>(QStringLiteral("competitionTree"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("meet.json"));
    QString error;
    if (!DocumentFile::writeFile(path, DocumentFile::serialize(*meet, {}), &error)
        || !window.openFile(path)) {
        out << "cannot open the meet: " << error << "\n";
        return 2;
    }
    view->expand(view->model()->index(0, 0, view->model()->index(0, 0))); // the competitors
    QCoreApplication::processEvents();
    int resets = 0;
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, [&resets] { ++resets; });
    Document &doc = *window.document();
    DocumentEditor edit(doc);

    QElapsedTimer timer;
    timer.start();
    const EntriesPlan plan = EntriesImport::plan(
        table, EntriesMapping::detect(table, doc.competition()), doc.competition());
    const double planMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    const EntriesApplied done = EntriesApply::apply(edit, plan, EntriesChoices::allTeams(plan));
    view->repaint();
    QCoreApplication::processEvents();
    const double applyMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    doc.undoStack()->undo();
    view->repaint();
    QCoreApplication::processEvents();
    const double undoMs = timer.nsecsElapsed() / 1e6;
    out << plan.dataRows << " " << QString::number(planMs, 'f', 0) << " "
        << QString::number(applyMs, 'f', 0) << " " << QString::number(undoMs, 'f', 0) << " "
        << done.competitorsCreated << " " << done.competitorsChanged << " " << done.entriesCreated
        << " " << resets << "\n";
    out.flush();
    doc.undoStack()->setClean();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == u"tree" || command == u"bulk" || command == u"import") {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QTextStream out(stdout);
        const QStringList args = QApplication::arguments().mid(2);
        if (command == u"import")
            return import(args, out);
        return command == u"tree" ? tree(args, out) : bulk(args, out);
    }
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream out(stdout);
    args.removeFirst();
    if (command == u"generate")
        return generate(args, out);
    if (command == u"io")
        return io(args, out);
    if (command == u"check")
        return check(args, out);
    if (command == u"edits")
        return edits(args, out);
    if (command == u"correct")
        return correct(args, out);
    if (command == u"compute")
        return computeAll(args, out);
    out << "usage: meetdesk-bench generate OUT [sizes] | io FILE [--repeat N] | check FILE "
           "[--repeat N] | edits FILE [--edits N] | tree FILE | bulk [--competitors N] | correct "
           "FILE | compute FILE | import --rows N | import --table FILE --meet FILE\n";
    return 2;
}
