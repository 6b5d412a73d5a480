#include "cli/commandline.h"
#include "mainwindow.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (meetdesk::CommandLine::isCommand(arguments)) {
        const auto app = meetdesk::CommandLine::createApplication(argc, argv, arguments);
        meetdesk::CommandLine::setApplicationIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return meetdesk::CommandLine::run(arguments, out, err);
    }

    QApplication app(argc, argv);
    meetdesk::CommandLine::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Meetdesk"));
    meetdesk::MainWindow window;
    window.show();
    window.offerRecovery();
    if (!arguments.isEmpty() && !window.document()->isModified())
        window.openFile(arguments.first());
    return app.exec();
}
