// meetdesk-bench: the figures behind tests/bench/run-benchmarks.sh.
//   generate OUT [--competitors N] [--events N] [--results N] [--trials N] [--seed S]
//   io FILE [--repeat N]      best-of-N read into the model and write, in ms
//   check FILE [--repeat N]   best-of-N full check (Validator): wall ms, processor ms, findings
//   edits FILE [--edits N]    edits with the FindingsService following: median and slowest
//                             edit ms, open ms (read and the service's first check), peak MB,
//                             errors
//   tree FILE                 open in the main window: ms, peak MB, model resets, one edit ms
#include "competitiongenerator.h"
#include "format/documentfile.h"
#include "format/opentrackreader.h"
#include "format/opentrackwriter.h"

#include "edit/documenteditor.h"
#include "mainwindow.h"
#include "model/document.h"
#include "rules/findingsservice.h"
#include "rules/validator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
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
        << QString::number(peakMegabytes(), 'f', 0) << " " << service.errorCount() << "\n";
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

} // namespace

int main(int argc, char *argv[])
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == u"tree") {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QTextStream out(stdout);
        return tree(QApplication::arguments().mid(2), out);
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
    out << "usage: meetdesk-bench generate OUT [sizes] | io FILE [--repeat N] | check FILE "
           "[--repeat N] | edits FILE [--edits N]\n";
    return 2;
}
