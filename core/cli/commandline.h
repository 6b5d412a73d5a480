#pragma once

#include <QStringList>
#include <QTextStream>

#include <memory>

class QCoreApplication;

namespace meetdesk {

// The subcommands of the meetdesk binary that need no display (check, export, push, pull),
// --help and --version; "meetdesk SUBCOMMAND --help" prints that subcommand's usage. Output
// goes to the given streams so tests can run them in-process.
class CommandLine
{
public:
    enum ExitCode { Ok = 0, Findings = 1, Failure = 2 };

    // Whether these arguments (without the program name) ask for a subcommand rather than
    // the main window.
    static bool isCommand(const QStringList &arguments);
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static QString usage();
    // The application object a subcommand runs in (print needs a QGuiApplication).
    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv,
                                                               const QStringList &arguments);
    // One subcommand's usage; empty for a name that is none.
    static QString usage(const QString &subcommand);
    // Organisation, application name and version, for both QCoreApplication and QApplication.
    static void setApplicationIdentity();
};

} // namespace meetdesk
