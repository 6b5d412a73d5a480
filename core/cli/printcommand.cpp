#include "printcommand.h"

#include "commandline.h"

#include "format/opentrackreader.h"
#include "print/reportbuilder.h"
#include "print/reportpainter.h"

#include <QFontDatabase>
#include <QGuiApplication>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::PrintCommand", text);
}

int usageError(QTextStream &err, const QString &message)
{
    err << "meetdesk print: " << message << "\n"
        << tr("Run 'meetdesk print --help' for usage.") << "\n";
    return 2;
}

} // namespace

QString PrintCommand::usage()
{
    return CommandLine::usage(QStringLiteral("print"));
}

std::unique_ptr<QCoreApplication> PrintCommand::createApplication(int &argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int PrintCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList files;
    ReportRequest request;
    bool starts = false, results = false, day = false;
    auto paper = ReportPainter::paperFor(QLocale());
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        const auto value = [&](QString *into) {
            if (i + 1 >= arguments.size() || arguments[i + 1].startsWith(u"--"))
                return false;
            *into = arguments[++i];
            return true;
        };
        QString v;
        if (a == u"--help" || a == u"-h") {
            out << usage();
            return 0;
        } else if (a == u"--start-lists") {
            starts = true;
        } else if (a == u"--results") {
            results = true;
        } else if (a == u"--event") {
            if (!value(&request.event) || request.event.trimmed().isEmpty())
                return usageError(err, tr("--event needs an event id or code"));
        } else if (a == u"--day") {
            bool ok = false;
            if (value(&v))
                request.day = v.toInt(&ok);
            if (!ok || request.day < 1)
                return usageError(err, tr("--day needs a day number (1, 2, ...)"));
            day = true;
        } else if (a == u"--page-size") {
            if (!value(&v))
                return usageError(err, tr("--page-size needs A4 or Letter"));
            const auto named = ReportPainter::paperNamed(v);
            if (!named)
                return usageError(err, tr("unknown page size %1 (A4 or Letter)").arg(v));
            paper = *named;
        } else if (a.startsWith(u'-') && a != u"-") {
            return usageError(err, tr("unknown option %1").arg(a));
        } else {
            files.append(a);
        }
    }
    if (files.size() != 2)
        return usageError(err, tr("give the competition file and the PDF file to write"));
    if (!request.event.isEmpty() && day)
        return usageError(err, tr("choose --event or --day, not both"));
    request.content = starts == results ? ReportRequest::Content::Both
        : starts                        ? ReportRequest::Content::StartLists
                                        : ReportRequest::Content::Results;
    request.scope = day            ? ReportRequest::Scope::Day
        : !request.event.isEmpty() ? ReportRequest::Scope::Events
                                   : ReportRequest::Scope::Meet;

    const QString &file = files[0];
    const QString &pdf = files[1];
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err << "meetdesk print: " << tr("printing needs a QGuiApplication") << "\n";
        return 2;
    }
    if (QFontDatabase::families().isEmpty()) {
        err << "meetdesk print: "
            << tr("no fonts are installed to print with (install fonts-dejavu-core)") << "\n";
        return 2;
    }
    ReadResult read = OpenTrackReader::readFile(file);
    if (!read.ok()) {
        err << file << ": " << read.error << "\n";
        return 2;
    }
    for (const Finding &f : read.findings)
        err << file << ": " << f.toString() << tr(" (left out of the print)") << "\n";
    const ReportBuilder builder(*read.competition);
    if (request.scope == ReportRequest::Scope::Events && builder.events(request).isEmpty()) {
        err << file << ": "
            << tr("no event %1 (the events are: %2)").arg(request.event, builder.eventList())
            << "\n";
        return 2;
    }
    if (request.scope == ReportRequest::Scope::Day && builder.events(request).isEmpty()) {
        QStringList days;
        for (int d : builder.days())
            days.append(QString::number(d));
        err << file << ": "
            << tr("no event on day %1 (days: %2)")
                   .arg(request.day)
                   .arg(days.isEmpty() ? tr("none given") : days.join(QStringLiteral(", ")))
            << "\n";
        return 2;
    }

    const Report report = builder.build(request);
    int pages = 0;
    QString error;
    if (!ReportPainter::writePdfFile(report, QPageSize(paper), pdf, &pages, &error)) {
        err << pdf << ": " << tr("cannot write: %1").arg(error) << "\n";
        return 2;
    }
    out << QCoreApplication::translate("meetdesk::PrintCommand", "%1: %n page(s), %2", nullptr,
                                       pages)
               .arg(pdf, QPageSize(paper).key())
        << "\n";
    return 0;
}

} // namespace meetdesk
