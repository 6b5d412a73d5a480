#include "commandline.h"

#include "cli/printcommand.h"
#include "format/documentfile.h"
#include "format/lynxwriter.h"
#include "format/opentrackreader.h"
#include "opentrack/apiclient.h"
#include "opentrack/apimessages.h"
#include "opentrack/publisher.h"
#include "opentrack/puller.h"
#include "opentrack/v1upload.h"
#include "rules/validator.h"
#include "json/jsonwriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>

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
    for (Finding &f : findings)
        f.rule = QStringLiteral("unreadable"); // a value kept as written, or a list not loaded
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
            w.key(QLatin1StringView("rule"));
            w.string(f.rule);
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
    bool lynx = false; // FinishLynx's start files into a folder
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--flavor" || a.startsWith(u"--flavor=")) {
            QString value = a.mid(9);
            if (a == u"--flavor") {
                if (i + 1 >= args.size())
                    return usageError(err, tr("export: --flavor needs current, v1 or lynx"));
                value = args[++i];
            }
            if (value == u"current")
                flavor = OpenTrackWriter::Flavor::Current;
            else if (value == u"v1")
                flavor = OpenTrackWriter::Flavor::V1;
            else if (value == u"lynx")
                lynx = true;
            else
                return usageError(err,
                                  tr("export: unknown flavor %1 (current, v1 or lynx)").arg(value));
        } else if (a.startsWith(u'-') && a != u"-") {
            return usageError(err, tr("export: unknown option %1").arg(a));
        } else {
            files.append(a);
        }
    }
    if (files.size() != 2)
        return usageError(err, tr("export: give the file to read and the file to write"));
    if (lynx && files[1] == u"-")
        return usageError(err, tr("export: --flavor lynx writes three files into a folder"));

    ReadResult read = OpenTrackReader::readFile(files[0]);
    if (!read.ok()) {
        err << files[0] << ": " << read.error << "\n";
        return CommandLine::Failure;
    }
    for (const Finding &f : read.findings)
        err << files[0] << ": " << f.toString() << tr(" (kept as written)") << "\n";
    if (lynx) {
        const LynxWriter::Written written = LynxWriter::writeFolder(*read.competition, files[1]);
        if (!written.ok()) {
            err << written.error << "\n";
            return CommandLine::Failure;
        }
        return CommandLine::Ok;
    }
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

// Options of the network commands: --server URL --user U --password-env VAR --token-env VAR.
struct Connection
{
    QUrl server;
    QString user;
    QString passwordVariable = QStringLiteral("MEETDESK_PASSWORD");
    QString tokenVariable;
};

// Takes "--name value" and "--name=value" options out of args; the rest are left.
bool takeOption(QStringList &args, const QString &name, QString *value, QTextStream &err,
                bool *failed)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name) {
            if (i + 1 >= args.size()) {
                usageError(err, tr("%1 needs a value").arg(name));
                *failed = true;
                return false;
            }
            *value = args[i + 1];
            args.remove(i, 2);
            return true;
        }
        if (args[i].startsWith(name + u'=')) {
            *value = args[i].mid(name.size() + 1);
            args.remove(i);
            return true;
        }
    }
    return false;
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

// Runs the event loop until finished() is called; the only loop of a command-line run.
void runUntilDone(const std::function<void(std::function<void()> finished)> &start)
{
    QEventLoop loop;
    bool done = false;
    start([&] {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}

// Logs in with the user's password (from an environment variable, never the command line)
// or takes a token from one. Returns an error message, or an empty string.
QString logIn(ApiClient &client, const Connection &c)
{
    if (!c.tokenVariable.isEmpty()) {
        const QString token = qEnvironmentVariable(c.tokenVariable.toLocal8Bit().constData());
        if (token.isEmpty())
            return tr("the environment variable %1 holds no token").arg(c.tokenVariable);
        client.setToken(token);
        return {};
    }
    if (c.user.isEmpty())
        return {};
    const QString password = qEnvironmentVariable(c.passwordVariable.toLocal8Bit().constData());
    if (password.isEmpty())
        return tr("set the password in the environment variable %1").arg(c.passwordVariable);
    QString error;
    runUntilDone([&](auto finished) {
        client.get(c.server, [&, finished](const ApiResponse &root) {
            QUrl url = api::collectionUrl(root.json.object(), QStringLiteral("get-auth-token"));
            if (!url.isValid())
                url = c.server.resolved(QUrl(QStringLiteral("get-auth-token/")));
            client.postForm(
                url, {{QStringLiteral("username"), c.user}, {QStringLiteral("password"), password}},
                [&, finished](const ApiResponse &r) {
                    const QString token = r.json.object().value(QStringLiteral("token")).toString();
                    if (r.ok() && !token.isEmpty())
                        client.setToken(token);
                    else
                        error = tr("could not log in as %1: %2")
                                    .arg(c.user, r.ok() ? tr("no token") : r.error.message);
                    finished();
                });
        });
    });
    return error;
}

bool takeConnection(QStringList &args, Connection &c, QTextStream &err)
{
    bool failed = false;
    QString server;
    if (!takeOption(args, QStringLiteral("--server"), &server, err, &failed)) {
        if (!failed)
            usageError(err, tr("which server? (--server URL)"));
        return false;
    }
    c.server = api::withTrailingSlash(QUrl::fromUserInput(server));
    takeOption(args, QStringLiteral("--user"), &c.user, err, &failed);
    takeOption(args, QStringLiteral("--password-env"), &c.passwordVariable, err, &failed);
    takeOption(args, QStringLiteral("--token-env"), &c.tokenVariable, err, &failed);
    return !failed;
}

QString actionName(PublishItem::Action action)
{
    switch (action) {
    case PublishItem::Action::Create:
        return tr("create");
    case PublishItem::Action::Update:
        return tr("change");
    case PublishItem::Action::Delete:
        return tr("delete");
    case PublishItem::Action::Unchanged:
        return tr("keep");
    }
    return {};
}

int push(QStringList args, QTextStream &out, QTextStream &err)
{
    Connection connection;
    if (!takeConnection(args, connection, err))
        return CommandLine::Failure;
    const bool dryRun = takeFlag(args, QStringLiteral("--dry-run"));
    const bool v1 = takeFlag(args, QStringLiteral("--v1"));
    if (args.size() != 1 || args.first().startsWith(u'-'))
        return usageError(err, tr("push: give one competition file"));
    const QString file = args.first();
    DocumentFile::Loaded loaded = DocumentFile::load(file);
    if (!loaded.document) {
        err << file << ": " << loaded.error << "\n";
        return CommandLine::Failure;
    }
    Document &doc = *loaded.document;
    ApiClient client;

    if (v1) {
        V1Upload upload(&client, connection.server);
        if (dryRun) {
            out << QString::fromUtf8(QJsonDocument(V1Upload::document(doc.competition()))
                                         .toJson(QJsonDocument::Indented));
            return CommandLine::Ok;
        }
        QString error;
        ApiResponse response;
        runUntilDone([&](auto finished) {
            const QString password
                = qEnvironmentVariable(connection.passwordVariable.toLocal8Bit().constData());
            upload.login(connection.user, password, [&, finished](const QString &loginError) {
                if (!loginError.isEmpty()) {
                    error = loginError;
                    finished();
                    return;
                }
                upload.upload(doc.competition(), [&, finished](const ApiResponse &r) {
                    response = r;
                    finished();
                });
            });
        });
        if (!error.isEmpty() || !response.ok()) {
            err << tr("push: %1").arg(error.isEmpty() ? response.error.message : error) << "\n";
            return CommandLine::Findings;
        }
        out << tr("Uploaded %1 in one nested document (v1).").arg(doc.competition().slug) << "\n";
        return CommandLine::Ok;
    }

    if (const QString error = logIn(client, connection); !error.isEmpty()) {
        err << "push: " << error << "\n";
        return CommandLine::Failure;
    }
    Publisher publisher(&client, &doc, connection.server);
    publisher.setReauthenticate([&](std::function<void(const QString &)> answer) {
        err << tr("The server asked to log in again.") << "\n";
        ApiClient fresh;
        answer(logIn(fresh, connection).isEmpty() ? fresh.token() : QString());
    });
    QString failure;
    PublishReport report;
    int lastShown = -1;
    QObject::connect(
        &publisher, &Publisher::progress, [&](int done, int total, const QString &step) {
            const int percent = total > 0 ? done * 100 / total : 100;
            if (percent / 10 != lastShown / 10 || done == total) {
                out << QStringLiteral("[%1/%2] ").arg(done, 5).arg(total, 5) << step << "\n";
                out.flush();
                lastShown = percent;
            }
        });
    runUntilDone([&](auto finished) {
        QObject::connect(&publisher, &Publisher::failed, [&, finished](const QString &message) {
            failure = message;
            finished();
        });
        QObject::connect(&publisher, &Publisher::planned, [&, finished] {
            int counts[4] = {0, 0, 0, 0};
            for (const PublishItem &item : publisher.items())
                ++counts[int(item.action)];
            out << tr("Plan for %1: %2 to create, %3 to change, %4 to delete, %5 unchanged")
                       .arg(connection.server.toDisplayString())
                       .arg(counts[0])
                       .arg(counts[1])
                       .arg(counts[2])
                       .arg(counts[3])
                << "\n";
            int shown = 0;
            for (const PublishItem &item : publisher.items()) {
                if (item.action == PublishItem::Action::Unchanged)
                    continue;
                if (++shown > 40) {
                    out << tr("  ... and more") << "\n";
                    break;
                }
                out << "  " << actionName(item.action) << " " << item.label << "\n";
            }
            out.flush();
            if (dryRun)
                finished();
        });
        QObject::connect(&publisher, &Publisher::finished, [&, finished](const PublishReport &r) {
            report = r;
            finished();
        });
        if (dryRun)
            publisher.plan();
        else
            publisher.publish();
    });
    if (!failure.isEmpty()) {
        err << "push: " << failure << "\n";
        return CommandLine::Failure;
    }
    if (dryRun)
        return CommandLine::Ok;
    out << tr("Published: %1 created, %2 changed, %3 deleted, %4 unchanged; %5 requests (%6 "
              "writes)")
               .arg(report.created)
               .arg(report.updated)
               .arg(report.deleted)
               .arg(report.unchanged)
               .arg(report.requests)
               .arg(report.writes)
        << "\n";
    for (const auto &p : report.failures)
        out << tr("failed: %1: %2").arg(p.where, p.message) << "\n";
    for (const auto &p : report.notStored)
        out << p.where << ": " << p.message << "\n";
    QString error;
    if (doc.isModified() && !DocumentFile::save(doc, file, &error))
        err << file << ": " << tr("cannot save the sync state: %1").arg(error) << "\n";
    return report.complete() ? CommandLine::Ok : CommandLine::Findings;
}

int pull(QStringList args, QTextStream &out, QTextStream &err)
{
    Connection connection;
    if (!takeConnection(args, connection, err))
        return CommandLine::Failure;
    bool failed = false;
    QString competition;
    if (!takeOption(args, QStringLiteral("--competition"), &competition, err, &failed))
        return failed ? CommandLine::Failure
                      : usageError(err, tr("pull: which competition? (--competition SLUG|ID)"));
    if (args.size() != 1 || args.first().startsWith(u'-'))
        return usageError(err, tr("pull: give the file to write"));
    const QString file = args.first();
    ApiClient client;
    if (const QString error = logIn(client, connection); !error.isEmpty()) {
        err << "pull: " << error << "\n";
        return CommandLine::Failure;
    }
    Puller puller(&client, connection.server);
    std::unique_ptr<Document> document;
    QString error;
    runUntilDone([&](auto finished) {
        puller.pull(competition, [&, finished](std::unique_ptr<Document> d, const QString &e) {
            document = std::move(d);
            error = e;
            finished();
        });
    });
    if (!document) {
        err << "pull: " << error << "\n";
        return CommandLine::Failure;
    }
    QString saveError;
    if (!DocumentFile::save(*document, file, &saveError)) {
        err << file << ": " << tr("cannot write: %1").arg(saveError) << "\n";
        return CommandLine::Failure;
    }
    const Competition &c = document->competition();
    out << tr("Pulled %1: %2 competitors, %3 teams, %4 events into %5")
               .arg(c.fullName)
               .arg(c.competitors.size())
               .arg(c.teams.size())
               .arg(c.events.size())
               .arg(file)
        << "\n";
    return CommandLine::Ok;
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    static const QStringList commands {
        QStringLiteral("check"), QStringLiteral("export"),    QStringLiteral("push"),
        QStringLiteral("pull"),  QStringLiteral("help"),      QStringLiteral("--help"),
        QStringLiteral("-h"),    QStringLiteral("--version"), QStringLiteral("-v")};
    return commands.contains(arguments.first()) || arguments.first() == u"print";
}

QString CommandLine::usage()
{
    return tr(
        "Usage:\n"
        "  meetdesk [FILE]                 open the main window (on FILE)\n"
        "  meetdesk check FILE [--json]    list what is wrong in FILE, one finding a line\n"
        "                                  exit 0: clean, 1: errors found, 2: unreadable\n"
        "  meetdesk export FILE OUT [--flavor current|v1|lynx]\n"
        "                                  write FILE as nested OpenTrack JSON (OUT - for "
        "standard output)\n"
        "                                  lynx: FinishLynx's lynx.evt, lynx.ppl and lynx.sch "
        "into folder OUT\n"
        "  meetdesk push FILE --server URL [--user U] [--password-env VAR] [--token-env VAR]\n"
        "                [--dry-run] [--v1]\n"
        "                                  publish FILE to an OpenTrack API root; prints the "
        "plan,\n"
        "                                  progress and a summary; exit 0 only when all was "
        "stored\n"
        "                                  (the password comes from VAR, MEETDESK_PASSWORD by "
        "default)\n"
        "  meetdesk pull --server URL --competition SLUG|ID OUT [--user U] [--password-env VAR]\n"
        "                                  download a competition into a new Meetdesk file\n"
        "  meetdesk print FILE OUT.pdf [--start-lists|--results] [--event CODE|--day N]\n"
        "                [--page-size A4|Letter]\n"
        "                                  start lists and result sheets as PDF\n"
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
    if (command == u"push")
        return push(rest, out, err);
    if (command == u"pull")
        return pull(rest, out, err);
    if (command == u"print")
        return PrintCommand::run(rest, out, err);
    return usageError(err, tr("unknown command %1").arg(command));
}

std::unique_ptr<QCoreApplication> CommandLine::createApplication(int &argc, char **argv,
                                                                 const QStringList &arguments)
{
    if (arguments.value(0) == u"print")
        return PrintCommand::createApplication(argc, argv);
    return std::make_unique<QCoreApplication>(argc, argv);
}

void CommandLine::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Meetdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("meetdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEETDESK_VERSION));
}

} // namespace meetdesk
