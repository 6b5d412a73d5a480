#include "cli/commandline.h"
#include "format/documentfile.h"
#include "opentrack/syncstate.h"
#include "rules/validator.h"
#include "support/apitesting.h"
#include "support/clitesting.h"
#include "support/fakehttpserver.h"
#include "support/fakeopentrack.h"
#include "support/sandboxserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace meetdesk;

namespace {

using clitesting::Run;
using clitesting::run;

QString data(const char *name)
{
    return QStringLiteral(MEETDESK_TEST_DATA) + u'/' + QLatin1StringView(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A named pipe in dir; empty if none could be made.
QString makeFifo(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("pipe"));
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 ? path : QString();
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesSubcommands()
    {
        QVERIFY(CommandLine::isCommand({QStringLiteral("check"), QStringLiteral("x")}));
        QVERIFY(CommandLine::isCommand({QStringLiteral("--version")}));
        QVERIFY(!CommandLine::isCommand({}));
        QVERIFY(!CommandLine::isCommand({QStringLiteral("meet.json")}));
    }

    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("meetdesk check FILE [--json]")));
        for (const char *name : {"check", "export", "push", "pull"}) // every subcommand listed
            QVERIFY2(
                help.out.contains(QStringLiteral("  meetdesk %1 ").arg(QLatin1StringView(name))),
                name);
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.out, QStringLiteral("meetdesk " MEETDESK_VERSION "\n"));
    }

    void subcommandHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QString>("detail");
        QTest::newRow("check --help")
            << QStringList {QStringLiteral("check"), QStringLiteral("--help")}
            << "Usage: meetdesk check FILE [--json]\n"
            << "Exit status: 0 clean, 1 errors found, 2 unreadable.";
        QTest::newRow("export -h") << QStringList {QStringLiteral("export"), QStringLiteral("-h")}
                                   << "Usage: meetdesk export FILE OUT [--flavor current|v1|lynx]\n"
                                   << "--flavor v1";
        QTest::newRow("push --help, other options ignored")
            << QStringList {QStringLiteral("push"), QStringLiteral("meet.json"),
                            QStringLiteral("--help")}
            << "Usage: meetdesk push FILE --server URL "
            << "--dry-run";
        QTest::newRow("pull --help without a server")
            << QStringList {QStringLiteral("pull"), QStringLiteral("--help")}
            << "Usage: meetdesk pull --server URL --competition SLUG|ID OUT"
            << "--competition SLUG|ID";
        QTest::newRow("help pull") << QStringList {QStringLiteral("help"), QStringLiteral("pull")}
                                   << "Usage: meetdesk pull "
                                   << "Exit status: 0 written, 2 not.";
    }
    void subcommandHelp()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, usage);
        QFETCH(QString, detail);
        const Run r = run(args);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QString());
        QVERIFY2(r.out.startsWith(usage), qPrintable(r.out));
        QVERIFY2(r.out.contains(detail), qPrintable(r.out));
        QCOMPARE(r.out, CommandLine::usage(args.first() == u"help" ? args[1] : args.first()));
    }

    void helpForNoSuchSubcommand()
    {
        const Run r = run({QStringLiteral("help"), QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("meetdesk: unknown command frobnicate\n")));
        QVERIFY(CommandLine::usage(QStringLiteral("frobnicate")).isEmpty());
    }

    void checkCleanFile()
    {
        const Run r = run({QStringLiteral("check"),
                           QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")});
        QCOMPARE(r.out, QString());
        QCOMPARE(r.code, 0);
    }

    void checkTruncatedFileExits2WithLineAndColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("truncated.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(readAll(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")).left(1000));
        f.close();
        const Run r = run({QStringLiteral("check"), path});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, path + QStringLiteral(": line 34, column 6: unexpected end of file\n"));
    }

    void checkPlace1stExits1WithThePath()
    {
        const Run r = run({QStringLiteral("check"), data("bad-values.json")});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.out.contains(QStringLiteral(
                "events[0].units[0].results[2].place: expected a whole number, got \"1st\"\n")),
            qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("events[0].units[0].results[2].bib: no competitor or "
                                              "relay team has the bib \"3\"\n")));
    }

    void checkJson()
    {
        const Run r
            = run({QStringLiteral("check"), data("bad-values.json"), QStringLiteral("--json")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.startsWith(QStringLiteral("{\n  \"file\": ")));
        QVERIFY(r.out.contains(QStringLiteral("\"readable\": true")));
        QVERIFY(r.out.contains(
            QStringLiteral("\"path\": \"events[0].units[0].results[2].place\",\n      "
                           "\"message\": \"expected a whole number, got \\\"1st\\\"\"")));
    }

    // One instance of each rule's error (and warning) in a file: each is named, with its JSON
    // path and its rule id, and the check fails.
    void checkJsonNamesEveryRule()
    {
        const Run r
            = run({QStringLiteral("check"), data("every-rule.json"), QStringLiteral("--json")});
        QCOMPARE(r.code, 1);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QStringList found;
        QSet<QString> rules;
        for (const QJsonValue &v : json.value(QStringLiteral("findings")).toArray()) {
            const QJsonObject f = v.toObject();
            QVERIFY(!f.value(QStringLiteral("message")).toString().isEmpty());
            QVERIFY(f.value(QStringLiteral("severity")) == QStringLiteral("error")
                    || f.value(QStringLiteral("severity")) == QStringLiteral("warning"));
            found.append(f.value(QStringLiteral("rule")).toString() + u' '
                         + f.value(QStringLiteral("path")).toString());
            rules.insert(f.value(QStringLiteral("rule")).toString());
        }
        const QStringList ids = Validator::ruleIds();
        QCOMPARE(rules, QSet<QString>(ids.begin(), ids.end()));
        QCOMPARE(found,
                 (QStringList {"required full_name",
                               "slug-form slug",
                               "country-code country",
                               "date-order finish_date",
                               "uuid-form organiser",
                               "unknown-event competitors[1].events_entered[0].event_id",
                               "eligibility competitors[2].events_entered[0].event_id",
                               "birth-date competitors[3].date_of_birth",
                               "value-choice competitors[4].gender",
                               "uuid-form competitors[4].ot_athlete_id",
                               "unknown-team competitors[5].team_id",
                               "duplicate-bib competitors[9].competitor_id",
                               "duplicate-bib competitors[10].competitor_id",
                               "duplicate-team teams[0].team_id",
                               "duplicate-team teams[1].team_id",
                               "relay-runner-twice relay_teams[0].runners",
                               "relay-runner-unknown relay_teams[0].runners",
                               "relay-runner-club relay_teams[0].runners",
                               "relay-runner-twice relay_teams[1].runners",
                               "duplicate-heat events[0].units[0].heat",
                               "results-status events[0].units[0].results_status",
                               "two-heats events[0].units[0].results[0].bib",
                               "place-duplicate events[0].units[0].results[1].place",
                               "unknown-bib events[0].units[0].results[2].bib",
                               "performance events[0].units[0].results[3].performance",
                               "wind events[0].units[0].results[3].wind",
                               "place-value events[0].units[0].results[4].place",
                               "bib-twice-in-heat events[0].units[1].results[0].bib",
                               "place-order events[0].units[1].results[1].place",
                               "two-heats events[0].units[1].results[2].bib",
                               "bib-twice-in-heat events[0].units[1].results[3].bib",
                               "heats-vs-rounds events[0].units[3].round",
                               "duplicate-heat events[0].units[4].heat",
                               "trial-beyond-attempts events[2].units[0].trials[3].round",
                               "trial-value events[2].units[0].trials[5].result",
                               "heights-order events[3].units[0].heights",
                               "trial-after-out events[3].units[0].trials[3].result",
                               "trial-height events[3].units[0].trials[4].height",
                               "duplicate-event-id events[4].event_id",
                               "duplicate-event-id events[5].event_id",
                               "duplicate-event events[6].event_code",
                               "rounds-form events[6].rounds",
                               "duplicate-event events[7].event_code",
                               "unknown-event events[7].parent"}));
    }

    void checkJsonNamesTheReadersFindingsUnreadable()
    {
        const Run r
            = run({QStringLiteral("check"), data("bad-values.json"), QStringLiteral("--json")});
        QVERIFY(r.out.contains(QStringLiteral("\"severity\": \"error\",\n      \"rule\": "
                                              "\"unreadable\",\n      \"path\": "
                                              "\"events[0].units[0].results[2].place\"")));
    }

    void exportTwiceIsByteIdentical()
    {
        QTemporaryDir dir;
        const QString once = dir.filePath(QStringLiteral("once.json"));
        const QString twice = dir.filePath(QStringLiteral("twice.json"));
        QCOMPARE(run({QStringLiteral("export"), data("v1-nested.json"), once}).code, 0);
        QCOMPARE(run({QStringLiteral("export"), once, twice}).code, 0);
        QCOMPARE(readAll(twice), readAll(once));
        QVERIFY(!readAll(once).isEmpty());

        const QString v1 = dir.filePath(QStringLiteral("v1.json"));
        const QString v1again = dir.filePath(QStringLiteral("v1again.json"));
        QCOMPARE(run({QStringLiteral("export"), data("v1-nested.json"), v1,
                      QStringLiteral("--flavor"), QStringLiteral("v1")})
                     .code,
                 0);
        QCOMPARE(run({QStringLiteral("export"), v1, v1again, QStringLiteral("--flavor=v1")}).code,
                 0);
        QCOMPARE(readAll(v1again), readAll(v1));
        QVERIFY(readAll(v1).contains("\"country_id\""));
    }

    void exportToStandardOutput()
    {
        const Run r
            = run({QStringLiteral("export"), data("current-nested.json"), QStringLiteral("-")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("{\n  \"full_name\": ")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList {QStringLiteral("check")}
                                 << QStringLiteral("meetdesk: check: which file?\n");
        QTest::newRow("bad option")
            << QStringList {QStringLiteral("check"), QStringLiteral("--fast"), QStringLiteral("x")}
            << QStringLiteral("meetdesk: check: unknown option --fast\n");
        QTest::newRow("bad flavor")
            << QStringList {QStringLiteral("export"), QStringLiteral("a"), QStringLiteral("b"),
                            QStringLiteral("--flavor"), QStringLiteral("v3")}
            << QStringLiteral("meetdesk: export: unknown flavor v3 (current, v1 or lynx)\n");
        QTest::newRow("one file")
            << QStringList {QStringLiteral("export"), QStringLiteral("a")}
            << QStringLiteral("meetdesk: export: give the file to read and the file to write\n");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
    }

    void exportCannotWrite()
    {
        const Run r = run({QStringLiteral("export"), data("current-nested.json"),
                           QStringLiteral("/nonexistent/dir/out.json")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("/nonexistent/dir/out.json: cannot write: ")));
    }

    void exportLynxWritesTheCameraFiles()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("lynx"));
        const Run r = run({QStringLiteral("export"),
                           QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"), folder,
                           QStringLiteral("--flavor"), QStringLiteral("lynx")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        for (const char *name : {"evt", "ppl", "sch"}) {
            QCOMPARE(readAll(folder + QStringLiteral("/lynx.") + QLatin1StringView(name)),
                     readAll(data("lynx/riverside.") + QLatin1StringView(name)));
        }
        const Run toStdout = run({QStringLiteral("export"), data("current-nested.json"),
                                  QStringLiteral("-"), QStringLiteral("--flavor=lynx")});
        QCOMPARE(toStdout.code, 2);
        QVERIFY2(toStdout.err.startsWith(
                     QStringLiteral("meetdesk: export: --flavor lynx writes three files")),
                 qPrintable(toStdout.err));
    }

    // Writing goes only to regular files: a named pipe, a device or a folder is refused and
    // left as it was (QSaveFile would put a regular file in its place).
    void exportRefusesWhatIsNoRegularFile()
    {
        QTemporaryDir dir;
        const QString fifo = makeFifo(dir);
        QVERIFY(!fifo.isEmpty());
        const Run r = run({QStringLiteral("export"), data("current-nested.json"), fifo});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err,
                 fifo
                     + QStringLiteral(": cannot write: it is a named pipe, not a regular "
                                      "file; Meetdesk writes only to regular files\n"));
        QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile()); // still the pipe
        QCOMPARE(QDir(dir.path())
                     .entryList(QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList {QStringLiteral("pipe")}); // and no temporary file left

        const Run device = run(
            {QStringLiteral("export"), data("current-nested.json"), QStringLiteral("/dev/null")});
        QCOMPARE(device.code, 2);
        QVERIFY2(device.err.contains(QStringLiteral("it is a device, not a regular file")),
                 qPrintable(device.err));
        const Run folder = run({QStringLiteral("export"), data("current-nested.json"), dir.path()});
        QCOMPARE(folder.code, 2);
        QVERIFY(folder.err.contains(QStringLiteral("it is a folder, not a regular file")));
    }

    void checkReadsADeviceOnlyUpToTheLimit()
    {
        const Run r = run({QStringLiteral("check"), QStringLiteral("/dev/zero")});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err,
                 QStringLiteral("/dev/zero: more than 512 MB came from it; Meetdesk reads "
                                "competitions of up to 512 MB\n"));
    }

    void checkOfAPipeNobodyWritesToEnds()
    {
        QTemporaryDir dir;
        const QString fifo = makeFifo(dir);
        QVERIFY(!fifo.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const Run r = run({QStringLiteral("check"), fifo});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err,
                 fifo
                     + QStringLiteral(": nothing came from it for 10 seconds; is anything "
                                      "writing to it?\n"));
        QVERIFY(timer.elapsed() < 30000);
    }

    // What a shell's process substitution gives: a pipe that a writer fills.
    void checkReadsAPipe()
    {
        QTemporaryDir dir;
        const QString fifo = makeFifo(dir);
        QVERIFY(!fifo.isEmpty());
        QProcess writer;
        writer.start(QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"), QStringLiteral("cat \"$1\" > \"$2\""),
                      QStringLiteral("sh"), data("bad-values.json"), fifo});
        QVERIFY(writer.waitForStarted());
        const Run r = run({QStringLiteral("check"), fifo});
        QVERIFY(writer.waitForFinished());
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains(QStringLiteral(
            "events[0].units[0].results[2].place: expected a whole number, got \"1st\"")));
    }

    // The password goes only to the server given with --server, whatever its listing says.
    void pushNeverSendsThePasswordToAnotherServer()
    {
        FakeHttpServer api;
        FakeHttpServer other;
        api.enqueue(200,
                    FakeHttpServer::listing(QStringLiteral("get-auth-token"),
                                            other.url(QStringLiteral("/api/get-auth-token/"))));
        other.enqueue(200, R"({"token": "stolen"})");
        qputenv("TEST_MEETDESK_PASSWORD", "secret");
        const Run r = run(
            {QStringLiteral("push"), QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"),
             QStringLiteral("--server"), api.url().toString(), QStringLiteral("--user"),
             QStringLiteral("federation"), QStringLiteral("--password-env"),
             QStringLiteral("TEST_MEETDESK_PASSWORD")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("another server; Meetdesk gives your password only "
                                               "to the server you chose")),
                 qPrintable(r.err));
        QCOMPARE(api.requests.size(), 1);
        QCOMPARE(other.requests.size(), 0);
    }

    void pushAndPullAgainstTheSandbox()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("meet.json"));
        QVERIFY(QFile::copy(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"), file));
        qputenv("TEST_MEETDESK_PASSWORD", "federation-pass");
        const QString server = sandbox.apiRoot().toString();
        const QStringList login {
            QStringLiteral("--server"),       server,
            QStringLiteral("--user"),         QStringLiteral("federation"),
            QStringLiteral("--password-env"), QStringLiteral("TEST_MEETDESK_PASSWORD")};

        const Run dry
            = run(QStringList {QStringLiteral("push"), file, QStringLiteral("--dry-run")} + login);
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains(
                     QStringLiteral("60 to create, 10 to change, 0 to delete, 0 unchanged")),
                 qPrintable(dry.out));
        QVERIFY(!readAll(file).contains("\"sync\"")); // a dry run changes nothing

        const Run first = run(QStringList {QStringLiteral("push"), file} + login);
        QVERIFY2(first.code == 0, qPrintable(first.out + first.err));
        QVERIFY(first.out.contains(QStringLiteral("Published: 60 created, 10 changed, 0 deleted")));
        QVERIFY(readAll(file).contains("\"sync\"")); // the sync state is saved in the file

        const Run second = run(QStringList {QStringLiteral("push"), file} + login);
        QCOMPARE(second.code, 0);
        QVERIFY2(second.out.contains(QStringLiteral("(0 writes)")), qPrintable(second.out));

        // A web edit is shown, and left alone...
        ApiClient web;
        QVERIFY(!apitesting::logInAsFederation(web, sandbox.apiRoot()).isEmpty());
        const QUrl tom = SyncState::fromMeetdesk(DocumentFile::load(file).document->meetdeskData())
                             .record(QStringLiteral("competitor:101"))
                             ->url;
        QVERIFY(apitesting::waitFor([&](auto done) {
                    web.sendJson("PATCH", tom, R"({"last_name": "Adeyemi-Web"})", done);
                }).ok());
        const Run shown = run(QStringList {QStringLiteral("push"), file} + login);
        QCOMPARE(shown.code, 0);
        QVERIFY2(shown.out.contains(QStringLiteral("Changed on OpenTrack since your last publish")),
                 qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("  competitor 101 Tom Adeyemi: last_name: "
                                                   "\"Adeyemi\" -> \"Adeyemi-Web\" on OpenTrack")),
                 qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral("(0 writes)")));
        QVERIFY(!readAll(file).contains("Adeyemi-Web"));
        // ...until the file takes it.
        const Run taken = run(
            QStringList {QStringLiteral("push"), file, QStringLiteral("--take-server")} + login);
        QCOMPARE(taken.code, 0);
        QVERIFY2(taken.out.contains(QStringLiteral("Took OpenTrack's version of 1 record(s)")),
                 qPrintable(taken.out));
        QVERIFY(readAll(file).contains("\"last_name\": \"Adeyemi-Web\""));
        const Run quiet = run(QStringList {QStringLiteral("push"), file} + login);
        QVERIFY(!quiet.out.contains(QStringLiteral("Changed on OpenTrack")));

        // v1: the v1 root is found from the API root (on an empty server: v1 only creates).
        sandbox.post(QStringLiteral("/sandbox/reset/"), "{}");
        const Run v1
            = run(QStringList {QStringLiteral("push"), file, QStringLiteral("--v1")} + login);
        QVERIFY2(v1.code == 0, qPrintable(v1.out + v1.err));
        QVERIFY2(v1.out.contains(sandbox.apiRoot().toString() + QStringLiteral("v1/")),
                 qPrintable(v1.out));

        const QString pulled = dir.filePath(QStringLiteral("pulled.json"));
        const Run pull = run(QStringList {QStringLiteral("pull"), QStringLiteral("--competition"),
                                          QStringLiteral("riverside-open-2026"), pulled}
                             + login);
        QCOMPARE(pull.code, 0);
        QVERIFY(pull.out.startsWith(
            QStringLiteral("Pulled Riverside Harriers Open Meeting 2026: 40 competitors")));

        const Run wrong
            = run({QStringLiteral("push"), file, QStringLiteral("--server"), server,
                   QStringLiteral("--user"), QStringLiteral("federation"),
                   QStringLiteral("--password-env"), QStringLiteral("NO_SUCH_VARIABLE")});
        QCOMPARE(wrong.code, 2);
        QVERIFY(wrong.err.contains(
            QStringLiteral("set the password in the environment variable NO_SUCH_VARIABLE")));
        QCOMPARE(run({QStringLiteral("push"), file}).code, 2); // no server
    }

    // Errors stop a push before anything is sent, the login included.
    void pushValidatesFirst()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("meet.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(readAll(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"))
                      .replace("\"competitor_id\": \"104\"", "\"competitor_id\": \"\""));
        out.close();
        FakeOpenTrack server;
        qputenv("TEST_MEETDESK_PASSWORD", "federation-pass");
        const Run r = run({QStringLiteral("push"), file, QStringLiteral("--server"),
                           server.apiRoot().toString(), QStringLiteral("--user"),
                           QStringLiteral("federation"), QStringLiteral("--password-env"),
                           QStringLiteral("TEST_MEETDESK_PASSWORD")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("competitors[3].competitor_id: is required")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("nothing was sent")), qPrintable(r.err));
        QCOMPARE(server.http().requests.size(), 0);
    }

    // Finding 5: a server that keeps answering 401 ends the push within 20 s, after at most
    // two logins (the real binary: a push that never ends would be killed here).
    void pushEndsWhenTheServerKeepsRefusing()
    {
        FakeOpenTrack server;
        server.alwaysUnauthorized = true;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TEST_MEETDESK_PASSWORD"), QStringLiteral("federation-pass"));
        p.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(MEETDESK_BINARY),
                {QStringLiteral("push"),
                 QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json"),
                 QStringLiteral("--server"), server.apiRoot().toString(), QStringLiteral("--user"),
                 QStringLiteral("federation"), QStringLiteral("--password-env"),
                 QStringLiteral("TEST_MEETDESK_PASSWORD")});
        const bool ended
            = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000);
        if (!ended) {
            p.kill();
            p.waitForFinished(5000);
        }
        QVERIFY2(
            ended,
            qPrintable(QStringLiteral("still running after 20 s, %1 logins").arg(server.logins)));
        QVERIFY(timer.elapsed() < 20000);
        QVERIFY(server.logins <= 2);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("refused the new login"));
    }

    void pushV1NeedsAnApiRoot_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("code");
        QTest::newRow("api root") << QStringLiteral("https://api.opentrack.run/api/") << 0;
        QTest::newRow("v1 root") << QStringLiteral("https://api.opentrack.run/api/v1") << 0;
        QTest::newRow("a page") << QStringLiteral("https://opentrack.run/x/2026/") << 2;
    }
    void pushV1NeedsAnApiRoot()
    {
        QFETCH(QString, server);
        QFETCH(int, code);
        const Run r
            = run({QStringLiteral("push"), data("current-nested.json"), QStringLiteral("--v1"),
                   QStringLiteral("--dry-run"), QStringLiteral("--server"), server});
        QCOMPARE(r.code, code);
        if (code == 0)
            QVERIFY(r.out.contains(QStringLiteral("\"country_id\": \"GBR\"")));
        else
            QVERIFY2(r.err.contains(QStringLiteral("the one ending in /api/")), qPrintable(r.err));
    }

    // The real binary, without a display: what a user and a script see.
    void binaryRunsWithoutDisplay()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MEETDESK_BINARY),
                {QStringLiteral("check"), data("bad-values.json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardOutput().contains(
            "events[0].units[0].results[2].place: expected a whole number, got \"1st\""));
        p.start(QStringLiteral(MEETDESK_BINARY), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), QByteArray("meetdesk " MEETDESK_VERSION "\n"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
