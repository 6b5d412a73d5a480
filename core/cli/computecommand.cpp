#include "computecommand.h"

#include "commandline.h"

#include "compute/compute.h"
#include "edit/documenteditor.h"
#include "format/documentfile.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::ComputeCommand", text);
}

int usageError(QTextStream &err, const QString &message)
{
    err << "meetdesk compute: " << message << "\n"
        << tr("Run 'meetdesk compute --help' for usage.") << "\n";
    return 2;
}

// "places" -> compute::Marks | compute::Places, ...; 0 for a word that is none.
int workNamed(const QString &word)
{
    if (word == u"places")
        return compute::Marks | compute::Places;
    if (word == u"points")
        return compute::Points;
    if (word == u"ages")
        return compute::Ages;
    return 0;
}

} // namespace

QString ComputeCommand::usage()
{
    return CommandLine::usage(QStringLiteral("compute"));
}

int ComputeCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList files;
    int work = 0;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == u"--help" || a == u"-h") {
            out << usage();
            return 0;
        }
        if (a == u"--only" || a.startsWith(u"--only=")) {
            QString value = a.mid(7);
            if (a == u"--only") {
                if (i + 1 >= arguments.size())
                    return usageError(err, tr("--only needs places, points or ages"));
                value = arguments[++i];
            }
            const int named = workNamed(value);
            if (!named)
                return usageError(err,
                                  tr("--only takes places, points or ages, not %1").arg(value));
            work |= named;
        } else if (a.startsWith(u'-') && a != u"-") {
            return usageError(err, tr("unknown option %1").arg(a));
        } else {
            files.append(a);
        }
    }
    if (files.size() != 2)
        return usageError(err, tr("give the competition file and the file to write"));
    if (work == 0)
        work = compute::Everything;

    const QString &file = files[0];
    DocumentFile::Loaded loaded = DocumentFile::load(file);
    if (!loaded.document) {
        err << file << ": " << loaded.error << "\n";
        return 2;
    }
    for (const Finding &f : loaded.findings)
        err << file << ": " << f.toString() << tr(" (kept as written)") << "\n";
    Document &document = *loaded.document;
    DocumentEditor edit(document);
    const Competition &c = document.competition();

    const auto report = [&](const Proposal &p) {
        for (const ProposedChange &change : p.changes) {
            if (change.replaces())
                err << tr("replaced: %1").arg(compute::describe(change)) << "\n";
        }
        for (const QString &note : p.notes)
            err << tr("left as it is: %1").arg(note) << "\n";
    };
    if (work & compute::Results) {
        const Proposal results = compute::results(c, work & compute::Results);
        report(results);
        edit.apply(results, tr("Compute results"));
    }
    if (work & compute::Ages) {
        const auto convention = compute::ageGroupConvention(document.meetdeskData(), c.country);
        if (!convention.problem.isEmpty())
            err << file << ": " << convention.problem << "\n";
        err << (convention.chosen
                    ? tr("Age groups under the competition's convention: %1").arg(convention.name)
                    : tr("Age groups under %1 rules, the default for a meet in %2 (choose "
                         "another in the app: Results > Age group rules)")
                          .arg(convention.name, c.country.isEmpty() ? tr("no country") : c.country))
            << "\n";
        const Proposal ages = compute::ageGroups(c, convention.rules);
        report(ages);
        edit.apply(ages, tr("Work out age groups"));
    }

    const QByteArray data = DocumentFile::serialize(c, document.meetdeskData());
    if (files[1] == u"-") {
        out << QString::fromUtf8(data);
        out.flush();
        return 0;
    }
    QString error;
    if (!DocumentFile::writeFile(files[1], data, &error)) {
        err << files[1] << ": " << tr("cannot write: %1").arg(error) << "\n";
        return 2;
    }
    return 0;
}

} // namespace meetdesk
