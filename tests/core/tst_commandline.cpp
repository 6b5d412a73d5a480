#include "cli/commandline.h"
#include "rules/validator.h"
#include "support/sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = CommandLine::run(args, o, e);
    o.flush();
    e.flush();
    return {code, out, err};
}

QString data(const char *name)
{
    return QStringLiteral(MEETDESK_TEST_DATA) + u'/' + QLatin1StringView(name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.out, QStringLiteral("meetdesk " MEETDESK_VERSION "\n"));
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
