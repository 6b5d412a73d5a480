#pragma once

#include <QStringList>
#include <QTextStream>

namespace meetdesk {

// meetdesk compute FILE OUT [--only places|points|ages]...
// Writes OUT (- for standard output) with places, best marks, countback, combined events'
// points and age groups worked out. A value it replaces that was there before is reported on
// standard error (and still replaced: the command is the user asking); what cannot be worked
// out is reported and left as it is. Running it on its own output changes nothing.
class ComputeCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace meetdesk
