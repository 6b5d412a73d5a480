#include "importcommand.h"

#include "commandline.h"

#include "edit/documenteditor.h"
#include "format/documentfile.h"
#include "format/lifreader.h"
#include "format/tablereader.h"
#include "import/entriesapply.h"
#include "import/lifapply.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::ImportCommand", text);
}

int usageError(QTextStream &err, const QString &message)
{
    err << "meetdesk import: " << message << "\n"
        << tr("Run 'meetdesk import --help' for usage.") << "\n";
    return 2;
}

struct Options
{
    QString file;
    QString source;
    QString mapping;
    QString preset;
    QString sheet;
    bool accept = false;
    bool dryRun = false;
};

// Whether the mapping says who a row is: a bib, or a name to find the athlete by.
bool namesSomeone(const EntriesMapping &m)
{
    using Field = EntriesMapping::Field;
    return m.has(Field::Bib) || m.has(Field::FirstName) || m.has(Field::LastName)
        || m.has(Field::FullName);
}

// The rows held, or an error message (the command could not start).
struct Outcome
{
    QStringList held;
    QString error;
};

Outcome importEntries(DocumentEditor &edit, const Options &o, QTextStream &out)
{
    TableReader::Options read;
    read.sheet = o.sheet;
    const TableRead table = TableReader::readFile(o.source, read);
    if (!table.ok())
        return {{}, table.error};
    const Competition &meet = edit.document().competition();
    EntriesMapping mapping;
    if (!o.mapping.isEmpty()) {
        QString error;
        const auto given = EntriesMapping::fromSpec(o.mapping, table.table, &error);
        if (!given)
            return {{}, tr("--mapping: %1").arg(error)};
        mapping = *given;
    } else if (!o.preset.isEmpty()) {
        mapping = EntriesMapping::openTrackPreset(table.table);
    } else {
        mapping = EntriesMapping::detect(table.table, meet);
        if (mapping.headerRow < 0)
            return {{},
                    tr("%1: no header row names the columns; give their order with --mapping "
                       "(\"bib,first name,last name,gender,dob,club code,events\") or "
                       "--preset opentrack")
                        .arg(table.table.source)};
    }
    if (!namesSomeone(mapping))
        return {{},
                tr("%1: no column gives a bib or a name, so no row can be matched to an "
                   "athlete")
                    .arg(table.table.source)};

    const EntriesPlan plan = EntriesImport::plan(table.table, mapping, meet);
    EntriesChoices choices = EntriesChoices::allTeams(plan);
    choices.acceptAll = o.accept;
    const EntriesApplied done = EntriesApply::apply(edit, plan, choices);
    out << tr("%1 (%2): %3 rows").arg(plan.source, table.table.description).arg(plan.dataRows)
        << "\n"
        << done.summary() << "\n";
    for (const QString &line : done.acceptedLines())
        out << tr("applied without the value: %1").arg(line) << "\n";
    return {done.heldLines(), {}};
}

Outcome importLif(DocumentEditor &edit, const Options &o, QTextStream &out)
{
    const LifRead read = LifReader::readFile(o.source);
    if (!read.ok())
        return {{}, read.error};
    const LifPlan plan = LifImport::plan(read.file, edit.document().competition());
    LifChoices choices;
    choices.acceptAll = o.accept;
    const LifApplied done = LifApply::apply(edit, plan, choices);
    out << done.summary() << "\n";
    for (const QString &note : plan.notes)
        out << plan.source << ": " << note << "\n";
    for (const LifPlan::Held &h : done.acceptedAnyway)
        out << tr("applied anyway: %1, line %2: %3").arg(plan.source).arg(h.row.line).arg(h.reason)
            << "\n";
    return {done.heldLines(), {}};
}

} // namespace

QString ImportCommand::usage()
{
    return CommandLine::usage(QStringLiteral("import"));
}

int ImportCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Options o;
    QStringList files;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        const auto value = [&](const QString &name, QString *into) {
            if (a.startsWith(name + u'=')) {
                *into = a.mid(name.size() + 1);
                return true;
            }
            if (a != name)
                return false;
            if (i + 1 >= arguments.size()) {
                *into = QString();
                return true;
            }
            *into = arguments[++i];
            return true;
        };
        if (a == u"--help" || a == u"-h") {
            out << usage();
            return 0;
        } else if (value(QStringLiteral("--mapping"), &o.mapping)) {
            if (o.mapping.trimmed().isEmpty())
                return usageError(err, tr("--mapping needs the columns' fields in order"));
        } else if (value(QStringLiteral("--preset"), &o.preset)) {
            if (o.preset != u"opentrack")
                return usageError(err, tr("unknown preset \"%1\" (opentrack)").arg(o.preset));
        } else if (value(QStringLiteral("--sheet"), &o.sheet)) {
            if (o.sheet.isEmpty())
                return usageError(err, tr("--sheet needs the sheet's name"));
        } else if (a == u"--accept") {
            o.accept = true;
        } else if (a == u"--dry-run") {
            o.dryRun = true;
        } else if (a.startsWith(u'-') && a != u"-") {
            return usageError(err, tr("unknown option %1").arg(a));
        } else {
            files.append(a);
        }
    }
    if (files.size() != 2)
        return usageError(err, tr("give the competition file and the file to import"));
    o.file = files[0];
    o.source = files[1];
    if (!o.mapping.isEmpty() && !o.preset.isEmpty())
        return usageError(err, tr("give --mapping or --preset, not both"));
    const bool lif = QFileInfo(o.source).suffix().compare(u"lif", Qt::CaseInsensitive) == 0;
    if (lif && (!o.mapping.isEmpty() || !o.preset.isEmpty() || !o.sheet.isEmpty()))
        return usageError(err,
                          tr("--mapping, --preset and --sheet are for entries tables, not "
                             "FinishLynx .lif files"));

    DocumentFile::Loaded loaded = DocumentFile::load(o.file);
    if (!loaded.document) {
        err << o.file << ": " << loaded.error << "\n";
        return 2;
    }
    Document &document = *loaded.document;
    DocumentEditor edit(document);
    const Outcome outcome = lif ? importLif(edit, o, out) : importEntries(edit, o, out);
    if (!outcome.error.isEmpty()) {
        err << "meetdesk import: " << outcome.error << "\n";
        return 2;
    }
    for (const QString &line : outcome.held)
        out << tr("held: %1").arg(line) << "\n";
    if (o.dryRun) {
        out << tr("Dry run: %1 is not changed.").arg(o.file) << "\n";
    } else if (document.isModified()) {
        QString error;
        if (!DocumentFile::save(document, o.file, &error)) {
            err << o.file << ": " << tr("cannot save: %1").arg(error) << "\n";
            return 2;
        }
        out << tr("Saved %1.").arg(o.file) << "\n";
    } else {
        out << tr("Nothing to change in %1.").arg(o.file) << "\n";
    }
    out.flush();
    return outcome.held.isEmpty() ? 0 : 1;
}

} // namespace meetdesk
