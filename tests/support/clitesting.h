#pragma once

// A subcommand run in-process, as main() runs it, for the command-line tests.

#include "cli/commandline.h"

#include <QTextStream>

namespace meetdesk::clitesting {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

inline Run run(const QStringList &arguments)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = CommandLine::run(arguments, o, e);
    o.flush();
    e.flush();
    return {code, out, err};
}

} // namespace meetdesk::clitesting
