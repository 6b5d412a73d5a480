#include "commandline.h"

#include "format/documentfile.h"
#include "format/opentrackreader.h"
#include "rules/validator.h"
#include "json/jsonwriter.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::CommandLine", text);
}

int usageError(QTextStream &err, const QString &message)
{
    err << "meetdesk: " << message << "\n" << tr("Run 'meetdesk --help' for usage.") << "\n";
    return CommandLine::Failure;
}

QString severityName(Finding::Severity s)
{
    return s == Finding::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

int check(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString file;
    bool json = false;
    for (const QString &a : args) {
        if (a == u"--json")
            json = true;
        else if (a.startsWith(u'-'))
            return usageError(err, tr("check: unknown option %1").arg(a));
        else if (file.isEmpty())
            file = a;
        else
            return usageError(err, tr("check: one file at a time"));
    }
    if (file.isEmpty())
        return usageError(err, tr("check: which file?"));

    ReadResult read = OpenTrackReader::readFile(file);
    QList<Finding> findings = read.findings;
    if (read.ok())
        findings += Validator::validate(*read.competition);

    if (json) {
        JsonWriter w;
        w.beginObject();
        w.key(QLatin1StringView("file"));
        w.string(file);
        w.key(QLatin1StringView("readable"));
        w.boolean(read.ok());
        if (!read.ok()) {
            w.key(QLatin1StringView("error"));
            w.string(read.error);
        }
        w.key(QLatin1StringView("findings"));
        w.beginArray();
        for (const Finding &f : findings) {
            w.beginObject();
            w.key(QLatin1StringView("severity"));
            w.string(severityName(f.severity));
            w.key(QLatin1StringView("path"));
            w.string(f.path);
            w.key(QLatin1StringView("message"));
            w.string(f.message);
            w.endObject();
        }
        w.endArray();
        w.endObject();
        out << QString::fromUtf8(w.take());
    } else if (!read.ok()) {
        err << file << ": " << read.error << "\n";
    } else {
        for (const Finding &f : findings) {
            out << f.path << ": ";
            if (f.severity == Finding::Severity::Warning)
                out << "warning: ";
            out << f.message << "\n";
        }
    }
    out.flush();
    if (!read.ok())
        return CommandLine::Failure;
    return hasErrors(findings) ? CommandLine::Findings : CommandLine::Ok;
}

int exportFile(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList files;
    auto flavor = OpenTrackWriter::Flavor::Current;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--flavor" || a.startsWith(u"--flavor=")) {
            QString value = a.mid(9);
            if (a == u"--flavor") {
                if (i + 1 >= args.size())
                    return usageError(err, tr("export: --flavor needs current or v1"));
                value = args[++i];
            }
            if (value == u"current")
                flavor = OpenTrackWriter::Flavor::Current;
            else if (value == u"v1")
                flavor = OpenTrackWriter::Flavor::V1;
            else
                return usageError(err, tr("export: unknown flavor %1 (current or v1)").arg(value));
        } else if (a.startsWith(u'-') && a != u"-") {
            return usageError(err, tr("export: unknown option %1").arg(a));
        } else {
            files.append(a);
        }
    }
    if (files.size() != 2)
        return usageError(err, tr("export: give the file to read and the file to write"));

    ReadResult read = OpenTrackReader::readFile(files[0]);
    if (!read.ok()) {
        err << files[0] << ": " << read.error << "\n";
        return CommandLine::Failure;
    }
    for (const Finding &f : read.findings)
        err << files[0] << ": " << f.toString() << tr(" (kept as written)") << "\n";
    const QByteArray data = DocumentFile::serialize(*read.competition, read.meetdesk, flavor);
    if (files[1] == u"-") {
        out << QString::fromUtf8(data);
        out.flush();
        return CommandLine::Ok;
    }
    QString error;
    if (!DocumentFile::writeFile(files[1], data, &error)) {
        err << files[1] << ": " << tr("cannot write: %1").arg(error) << "\n";
        return CommandLine::Failure;
    }
    return CommandLine::Ok;
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    static const QStringList commands {QStringLiteral("check"), QStringLiteral("export"),
                                       QStringLiteral("help"),  QStringLiteral("--help"),
                                       QStringLiteral("-h"),    QStringLiteral("--version"),
                                       QStringLiteral("-v")};
    return commands.contains(arguments.first());
}

QString CommandLine::usage()
{
    return tr("Usage:\n"
              "  meetdesk [FILE]                 open the main window (on FILE)\n"
              "  meetdesk check FILE [--json]    list what is wrong in FILE, one finding a line\n"
              "                                  exit 0: clean, 1: errors found, 2: unreadable\n"
              "  meetdesk export FILE OUT [--flavor current|v1]\n"
              "                                  write FILE as nested OpenTrack JSON (OUT - for "
              "standard output)\n"
              "  meetdesk --help | --version\n");
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out << usage();
        return Ok;
    }
    if (command == u"--version" || command == u"-v") {
        out << "meetdesk " << QStringLiteral(MEETDESK_VERSION) << "\n";
        return Ok;
    }
    if (command == u"check")
        return check(rest, out, err);
    if (command == u"export")
        return exportFile(rest, out, err);
    return usageError(err, tr("unknown command %1").arg(command));
}

void CommandLine::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Meetdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("meetdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEETDESK_VERSION));
}

} // namespace meetdesk
