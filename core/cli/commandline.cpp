#include "commandline.h"

#include "cli/computecommand.h"
#include "cli/importcommand.h"
#include "cli/printcommand.h"
#include "format/documentfile.h"
#include "format/lynxwriter.h"
#include "format/opentrackreader.h"
#include "opentrack/apiclient.h"
#include "opentrack/apimessages.h"
#include "opentrack/payload.h"
#include "opentrack/publisher.h"
#include "opentrack/puller.h"
#include "opentrack/v1upload.h"
#include "rules/validator.h"
#include "json/jsonwriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

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
    client.setApiRoot(c.server);
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
        client.logIn(c.user, password, [&, finished](const ApiResponse &r) {
            if (!r.ok())
                error = tr("could not log in as %1: %2").arg(c.user, r.error.message);
            finished();
        });
    });
    return error;
}

// When the server wants a new login in the middle of a push or pull: one more, the same way.
ApiSession::Reauthenticate logInAgain(const Connection &connection, QTextStream &err)
{
    return [&connection, &err](std::function<void(const QString &)> answer) {
        err << tr("The server asked to log in again.") << "\n";
        ApiClient fresh;
        answer(logIn(fresh, connection).isEmpty() ? fresh.token() : QString());
    };
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

QString trn(const char *text, int n)
{
    return QCoreApplication::translate("meetdesk::CommandLine", text, nullptr, n);
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
    case PublishItem::Action::ServerChange:
        return tr("changed on OpenTrack");
    case PublishItem::Action::Conflict:
        return tr("conflict");
    }
    return {};
}

// One field where the file and OpenTrack part ways, in a line: scalars with their values, lists
// and objects with the places that differ.
QString describeChange(const FieldChange &change, bool conflict)
{
    const auto scalar = [](const JsonValue &v) {
        return !v.isArray() && !v.isObject();
    };
    if (scalar(change.base) && scalar(change.file) && scalar(change.server)) {
        return conflict
            ? tr("%1: last published %2, file %3, OpenTrack %4")
                  .arg(change.field, payload::show(change.base), payload::show(change.file),
                       payload::show(change.server))
            : tr("%1: %2 -> %3 on OpenTrack")
                  .arg(change.field, payload::show(change.base), payload::show(change.server));
    }
    QStringList where = payload::differences(conflict ? change.file : change.base, change.server);
    if (where.size() > 6)
        where = where.mid(0, 6) << QStringLiteral("...");
    return tr("%1 differ: %2").arg(change.field, where.join(QStringLiteral(", ")));
}

void printChanges(QTextStream &out, const QList<PublishItem> &serverChanges,
                  const QList<PublishItem> &conflicts)
{
    if (!serverChanges.isEmpty()) {
        out << tr("Changed on OpenTrack since your last publish (left as they are there; "
                  "--take-server takes them into the file, --overwrite sends the file's version):")
            << "\n";
        for (const PublishItem &item : serverChanges) {
            for (const FieldChange &change : item.serverChanges)
                out << "  " << item.label << ": " << describeChange(change, false) << "\n";
        }
    }
    if (!conflicts.isEmpty()) {
        out << tr("Changed in the file and on OpenTrack (not sent; --take-server or --overwrite "
                  "decides):")
            << "\n";
        for (const PublishItem &item : conflicts) {
            if (!item.note.isEmpty())
                out << "  " << item.label << ": " << item.note << "\n";
            for (const FieldChange &change : item.conflicts)
                out << "  " << item.label << ": " << describeChange(change, true) << "\n";
        }
    }
}

int pushV1(const Connection &connection, Document &doc, bool dryRun, QTextStream &out,
           QTextStream &err)
{
    const std::optional<QUrl> root = V1Upload::v1RootFor(connection.server);
    if (!root) {
        err << tr("push --v1: %1 is not an API root; give the one ending in /api/ (such as "
                  "https://api.opentrack.run/api/) or the v1 root ending in /api/v1/")
                   .arg(connection.server.toDisplayString())
            << "\n";
        return CommandLine::Failure;
    }
    if (dryRun) {
        out << QString::fromUtf8(V1Upload::body(doc.competition()));
        return CommandLine::Ok;
    }
    ApiClient client;
    client.setApiRoot(connection.server);
    V1Upload upload(&client, *root);
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
        err << tr("push: %1 (v1 root %2)")
                   .arg(error.isEmpty() ? response.error.message : error, root->toDisplayString())
            << "\n";
        return CommandLine::Findings;
    }
    out << tr("Uploaded %1 in one nested document to %2 (v1).")
               .arg(doc.competition().slug, root->toDisplayString())
        << "\n";
    return CommandLine::Ok;
}

int push(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
    Connection connection;
    if (!takeConnection(args, connection, err))
        return CommandLine::Failure;
    const bool dryRun = takeFlag(args, QStringLiteral("--dry-run"));
    const bool v1 = takeFlag(args, QStringLiteral("--v1"));
    const bool verify = takeFlag(args, QStringLiteral("--verify"));
    const bool takeServer = takeFlag(args, QStringLiteral("--take-server"));
    const bool overwrite = takeFlag(args, QStringLiteral("--overwrite"));
    if (takeServer && overwrite)
        return usageError(err, tr("push: --take-server or --overwrite, not both"));
    if (args.size() != 1 || args.first().startsWith(u'-'))
        return usageError(err, tr("push: give one competition file"));
    const QString file = args.first();
    DocumentFile::Loaded loaded = DocumentFile::load(file);
    if (!loaded.document) {
        err << file << ": " << loaded.error << "\n";
        return CommandLine::Failure;
    }
    Document &doc = *loaded.document;

    // Errors stop the publish before anything is sent, the login included.
    const QList<Finding> errors = Publisher::errorsIn(doc.competition());
    if (!errors.isEmpty()) {
        for (const Finding &f : errors)
            err << file << ": " << f.toString() << "\n";
        err << trn("push: %n error(s) in %1; nothing was sent", int(errors.size())).arg(file)
            << "\n";
        return CommandLine::Findings;
    }
    if (v1)
        return pushV1(connection, doc, dryRun, out, err);

    ApiClient client;
    if (const QString error = logIn(client, connection); !error.isEmpty()) {
        err << "push: " << error << "\n";
        return CommandLine::Failure;
    }
    Publisher publisher(&client, &doc, connection.server);
    publisher.setVerify(verify);
    publisher.setOverwriteAll(overwrite);
    publisher.setReauthenticate(logInAgain(connection, err));
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
    QSet<QString> shownChanges; // what the plan showed: not shown again at the end
    const auto printPlan = [&] {
        int counts[6] = {0, 0, 0, 0, 0, 0};
        QList<PublishItem> serverChanges;
        QList<PublishItem> conflicts;
        for (const PublishItem &item : publisher.items()) {
            ++counts[int(item.action)];
            if (item.action == PublishItem::Action::Conflict)
                conflicts.append(item);
            else if (!item.serverChanges.isEmpty())
                serverChanges.append(item);
        }
        out << tr("Plan for %1: %2 to create, %3 to change, %4 to delete, %5 unchanged, %6 "
                  "changed on OpenTrack, %7 in conflict")
                   .arg(connection.server.toDisplayString())
                   .arg(counts[0])
                   .arg(counts[1])
                   .arg(counts[2])
                   .arg(counts[3])
                   .arg(counts[4])
                   .arg(counts[5])
            << "\n";
        int shown = 0;
        for (const PublishItem &item : publisher.items()) {
            if (item.action == PublishItem::Action::Unchanged
                || item.action == PublishItem::Action::ServerChange
                || item.action == PublishItem::Action::Conflict
                || (item.action == PublishItem::Action::Delete && item.remember))
                continue;
            if (++shown > 40) {
                out << tr("  ... and more") << "\n";
                break;
            }
            out << "  " << actionName(item.action) << " " << item.label;
            if (!item.note.isEmpty())
                out << " (" << item.note << ")";
            out << "\n";
        }
        printChanges(out, serverChanges, conflicts);
        for (const PublishItem &item : serverChanges + conflicts)
            shownChanges.insert(item.key);
        return serverChanges + conflicts;
    };
    runUntilDone([&](auto finished) {
        QObject::connect(&publisher, &Publisher::failed, [&, finished](const QString &message) {
            failure = message;
            finished();
        });
        QObject::connect(&publisher, &Publisher::planned, [&, finished] {
            const QList<PublishItem> changed = printPlan();
            if (takeServer && !changed.isEmpty()) {
                QStringList keys;
                for (const PublishItem &item : changed)
                    keys.append(item.key);
                const QString notTaken = publisher.takeServerVersion(keys);
                out << trn("Took OpenTrack's version of %n record(s) into the file.",
                           int(keys.size()))
                    << "\n";
                if (!notTaken.isEmpty())
                    err << tr("Not taken:") << "\n" << notTaken << "\n";
            }
            out.flush();
            if (dryRun)
                finished();
            else
                publisher.publish();
        });
        QObject::connect(&publisher, &Publisher::finished, [&, finished](const PublishReport &r) {
            report = r;
            finished();
        });
        publisher.plan();
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
    if (!report.stopped.isEmpty())
        err << "push: " << report.stopped << "\n";
    // What the plan did not know yet: heats found changed on OpenTrack as they were written.
    QList<PublishItem> lateChanges;
    QList<PublishItem> lateConflicts;
    for (const PublishItem &item : std::as_const(report.serverChanges)) {
        if (!shownChanges.contains(item.key))
            lateChanges.append(item);
    }
    for (const PublishItem &item : std::as_const(report.conflicts)) {
        if (!shownChanges.contains(item.key))
            lateConflicts.append(item);
    }
    printChanges(out, lateChanges, lateConflicts);
    QString error;
    if (doc.isModified() && !DocumentFile::save(doc, file, &error))
        err << file << ": " << tr("cannot save the sync state: %1").arg(error) << "\n";
    return report.complete() ? CommandLine::Ok : CommandLine::Findings;
}

int pull(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
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
    puller.setReauthenticate(logInAgain(connection, err));
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

// The subcommands: each with its usage, shown by "meetdesk --help" (synopsis and summary) and
// by "meetdesk SUBCOMMAND --help" (all of it). A new subcommand is one more row.
struct Subcommand
{
    const char *name;
    const char *synopsis;
    const char *summary; // one line for the overview
    const char *details; // options and exit status
    int (*run)(const QStringList &args, QTextStream &out, QTextStream &err);
};

#define MEETDESK_USAGE(text) QT_TRANSLATE_NOOP("meetdesk::CommandLine", text)

const Subcommand subcommands[] = {
    {"check", MEETDESK_USAGE("meetdesk check FILE [--json]"),
     MEETDESK_USAGE("list what is wrong in FILE, one finding a line"),
     MEETDESK_USAGE("Reads FILE (a Meetdesk file or any OpenTrack JSON Meetdesk reads) and prints\n"
                    "one finding a line, \"path: message\"; warnings say \"warning:\".\n"
                    "\n"
                    "  --json    one JSON object: the file, whether it was readable, the findings\n"
                    "\n"
                    "Exit status: 0 clean, 1 errors found, 2 unreadable.\n"),
     check},
    {"export", MEETDESK_USAGE("meetdesk export FILE OUT [--flavor current|v1|lynx]"),
     MEETDESK_USAGE("write FILE as nested OpenTrack JSON (OUT - for standard output)"),
     MEETDESK_USAGE(
         "Writes FILE as nested OpenTrack JSON to OUT, a regular file (replaced only once\n"
         "it is written whole), or - for standard output. Keys Meetdesk does not know are\n"
         "kept; numbers keep their spelling.\n"
         "\n"
         "  --flavor current   the current API's field names: a Meetdesk file (default)\n"
         "  --flavor v1        the v1 API's field names, without Meetdesk's own data\n"
         "  --flavor lynx      FinishLynx's lynx.evt, lynx.ppl and lynx.sch into the folder OUT\n"
         "\n"
         "Exit status: 0 written, 2 not.\n"),
     exportFile},
    {"push",
     MEETDESK_USAGE("meetdesk push FILE --server URL [--user U] [--password-env VAR] "
                    "[--token-env VAR] [--dry-run] [--verify] [--take-server | --overwrite] "
                    "[--v1]"),
     MEETDESK_USAGE("publish FILE to an OpenTrack API root"),
     MEETDESK_USAGE(
         "Publishes FILE: reads what the server holds, prints the plan, sends what changed\n"
         "with progress, prints a summary, and saves the sync state into FILE.\n"
         "\n"
         "  --server URL        the API root, e.g. https://data.opentrack.run/api/\n"
         "  --user U            log in as U; the password is read from the environment\n"
         "  --password-env VAR  the variable holding it (default MEETDESK_PASSWORD);\n"
         "                      it goes only to the API root's own server\n"
         "  --token-env VAR     use the token in the variable VAR instead of logging in\n"
         "  --dry-run           print the plan and write nothing\n"
         "  --verify            read every heat on the server, not only those FILE changed\n"
         "  --take-server       take the changes made on OpenTrack (and OpenTrack's side of\n"
         "                      each conflict) into FILE, then publish the rest\n"
         "  --overwrite         send FILE's version over the changes made on OpenTrack\n"
         "  --v1                one nested POST to the v1 root under the API root\n"
         "\n"
         "Without --take-server or --overwrite, records changed on OpenTrack are listed and\n"
         "left as they are there. Errors in FILE stop the push before anything is sent.\n"
         "\n"
         "Exit status: 0 all of FILE's changes stored, 1 errors in FILE (nothing sent), a\n"
         "conflict left or something not stored, 2 could not start.\n"),
     push},
    {"pull",
     MEETDESK_USAGE("meetdesk pull --server URL --competition SLUG|ID OUT [--user U] "
                    "[--password-env VAR]"),
     MEETDESK_USAGE("download a competition into a new Meetdesk file"),
     MEETDESK_USAGE(
         "Downloads a competition you manage from the API root URL into OUT, a new\n"
         "Meetdesk file that remembers where it came from.\n"
         "\n"
         "  --server URL           the API root, e.g. https://data.opentrack.run/api/\n"
         "  --competition SLUG|ID  which competition\n"
         "  --user U               log in as U; the password is read from the environment\n"
         "  --password-env VAR     the variable holding it (default MEETDESK_PASSWORD)\n"
         "\n"
         "Exit status: 0 written, 2 not.\n"),
     pull},
    {"print",
     MEETDESK_USAGE("meetdesk print FILE OUT.pdf [--start-lists|--results] [--event CODE|--day N] "
                    "[--page-size A4|Letter]"),
     MEETDESK_USAGE("start lists and result sheets as PDF"),
     MEETDESK_USAGE(
         "Writes the start lists and result sheets of the competition in FILE as PDF.\n"
         "\n"
         "  --start-lists    only the start lists (heats, lanes or order, seed marks)\n"
         "  --results        only the results (places, marks, wind, series, heights, points)\n"
         "  --event CODE     one event: its event id (T01), or every event with that code\n"
         "                   (100); a combined event brings its component events\n"
         "  --day N          one day (session) of the meet\n"
         "  --page-size      A4 or Letter; the default follows the locale\n"
         "\n"
         "Exit status: 0 written, 2 not.\n"),
     PrintCommand::run},
    {"compute", MEETDESK_USAGE("meetdesk compute FILE OUT [--only places|points|ages]..."),
     MEETDESK_USAGE(
         "write FILE with places, best marks, combined points and age groups worked out"),
     MEETDESK_USAGE(
         "Writes FILE to OUT (- for standard output) with its results worked out:\n"
         "\n"
         "  places    places of every heat (a timed final across its heats), field\n"
         "            events' best marks, wind and places from the trials, countback\n"
         "  points    combined events' points from the scoring tables, totals and\n"
         "            standings\n"
         "  ages      competitors' age groups under the competition's convention\n"
         "\n"
         "Everything unless --only says which (it may be given more than once). A value\n"
         "that was there and is replaced is reported on standard error, as is what cannot\n"
         "be worked out (left as it is).\n"
         "\n"
         "Exit status: 0 written, 2 not.\n"),
     ComputeCommand::run},
    {"import",
     MEETDESK_USAGE("meetdesk import FILE SOURCE [--mapping SPEC] [--preset opentrack] "
                    "[--sheet NAME] [--accept] [--dry-run]"),
     MEETDESK_USAGE("entries (.csv, .tsv, .xlsx) or a FinishLynx .lif into FILE"),
     MEETDESK_USAGE(
         "Applies the entries in SOURCE (.csv, .tsv, .txt, .xlsx) or the results of a FinishLynx\n"
         ".lif to the competition in FILE, as the import wizard does, and saves FILE. Rows held\n"
         "for review (a value that cannot be read, a bib another athlete has, a name that\n"
         "differs from the meet's) are listed, one a line, with the file and row, and left out.\n"
         "\n"
         "  --mapping SPEC      the columns in order, by field name, \"-\" to skip one:\n"
         "                      \"bib,first name,last name,gender,dob,club code,events,sb\"\n"
         "  --preset opentrack  OpenTrack's bulk-add column order\n"
         "                      (without either, the header row names the columns)\n"
         "  --sheet NAME        the workbook's sheet to read (the first by default)\n"
         "  --accept            apply the held rows too, with what could be read of them\n"
         "  --dry-run           report what would be done; FILE is not changed\n"
         "\n"
         "Exit status: 0 all applied, 1 rows held (with --accept: rows that cannot be applied\n"
         "at all, such as a row without a bib), 2 could not start (FILE or SOURCE unreadable,\n"
         "a bad mapping).\n"),
     ImportCommand::run},
};

#undef MEETDESK_USAGE

const Subcommand *findSubcommand(const QString &name)
{
    for (const Subcommand &c : subcommands) {
        if (name == QLatin1StringView(c.name))
            return &c;
    }
    return nullptr;
}

bool isHelp(const QString &argument)
{
    return argument == u"--help" || argument == u"-h";
}

QString subcommandUsage(const Subcommand &c)
{
    return tr("Usage: %1").arg(tr(c.synopsis)) + u"\n\n" + tr(c.details);
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.first();
    return findSubcommand(first) || isHelp(first) || first == u"help" || first == u"--version"
        || first == u"-v";
}

QString CommandLine::usage()
{
    QString text = tr("Usage:\n");
    const auto line = [&text](const QString &synopsis, const QString &summary) {
        text += QStringLiteral("  ") + synopsis + u'\n';
        text += QStringLiteral("      ") + summary + u'\n';
    };
    line(QStringLiteral("meetdesk [FILE]"), tr("open the main window (on FILE)"));
    for (const Subcommand &c : subcommands)
        line(tr(c.synopsis), tr(c.summary));
    line(QStringLiteral("meetdesk --help | --version"), tr("this text, or the version"));
    text += u'\n' + tr("'meetdesk SUBCOMMAND --help' tells more about each.\n");
    return text;
}

QString CommandLine::usage(const QString &subcommand)
{
    const Subcommand *c = findSubcommand(subcommand);
    return c ? subcommandUsage(*c) : QString();
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (isHelp(command) || command == u"help") {
        const Subcommand *c = findSubcommand(rest.value(0));
        if (!rest.isEmpty() && !c)
            return usageError(err, tr("unknown command %1").arg(rest.first()));
        out << (c ? subcommandUsage(*c) : usage());
        return Ok;
    }
    if (command == u"--version" || command == u"-v") {
        out << "meetdesk " << QStringLiteral(MEETDESK_VERSION) << "\n";
        return Ok;
    }
    if (const Subcommand *c = findSubcommand(command)) {
        if (std::any_of(rest.begin(), rest.end(), isHelp)) {
            out << subcommandUsage(*c);
            return Ok;
        }
        return c->run(rest, out, err);
    }
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
