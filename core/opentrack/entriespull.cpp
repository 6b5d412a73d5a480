#include "entriespull.h"

#include "apimessages.h"
#include "payload.h"

#include "edit/documenteditor.h"
#include "model/document.h"

#include <QCoreApplication>
#include <QSet>

namespace meetdesk {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::EntriesPull", text, nullptr, n);
}

using Field = EntriesMapping::Field;

// The table's columns: the field each one is, and OpenTrack's name for it as the header.
struct ColumnSpec
{
    Field field;
    const char *name;
};
constexpr ColumnSpec columnSpecs[] = {
    {Field::Bib, "competitor_id"},
    {Field::FirstName, "first_name"},
    {Field::LastName, "last_name"},
    {Field::Gender, "gender"},
    {Field::DateOfBirth, "date_of_birth"},
    {Field::Nationality, "nationality"},
    {Field::TeamId, "team_id"},
    {Field::TeamName, "team_name"},
    {Field::AgeGroup, "age_group"},
    {Field::Category, "category"},
    {Field::Events, "event_id"},
    {Field::Pb, "pb"},
    {Field::Sb, "sb"},
};

QString competitorLabel(const QString &bib, const QString &first, const QString &last)
{
    const QString name = QString(first + u' ' + last).trimmed();
    return name.isEmpty() ? tr("competitor %1").arg(bib) : tr("competitor %1 (%2)").arg(bib, name);
}

} // namespace

QString PulledEntries::describe(const EntriesPlan::Issue &issue) const
{
    QString place = rowLabels.value(issue.row, tr("row %1").arg(issue.row));
    // "K (pb)" -> "pb": the table is Meetdesk's own, its column letters mean nothing to anyone.
    if (const qsizetype open = issue.column.indexOf(u'('); open >= 0)
        place += u", " + issue.column.mid(open + 1).chopped(1);
    return place + u": " + issue.message;
}

QStringList PulledEntries::issueLines() const
{
    QStringList lines;
    for (const EntriesPlan::Issue &i : plan.issues())
        lines.append(describe(i));
    return lines;
}

QStringList PulledEntries::changeLines(const EntriesPlan::Person &p)
{
    QStringList lines;
    for (const EntriesPlan::Change &c : p.changes)
        lines.append(
            tr("%1: %2 -> %3").arg(c.field, c.from.isEmpty() ? tr("(empty)") : c.from, c.to));
    for (const EntriesPlan::Entry &e : p.entries) {
        const QString event = tr("%1 (%2)").arg(e.eventId, e.eventCode);
        if (!e.existing) {
            QStringList marks;
            if (!e.pb.isEmpty())
                marks.append(tr("pb %1").arg(e.pb));
            if (!e.sb.isEmpty())
                marks.append(tr("sb %1").arg(e.sb));
            lines.append(marks.isEmpty() ? tr("entered in %1").arg(event)
                                         : tr("entered in %1, %2").arg(event, marks.join(u", ")));
            continue;
        }
        const auto mark = [&](const char *name, const QString &from, const QString &to) {
            if (!to.isEmpty() && to != from)
                lines.append(tr("%1 %2: %3 -> %4")
                                 .arg(event, QLatin1StringView(name),
                                      from.isEmpty() ? tr("(empty)") : from, to));
        };
        mark("pb", e.existing->pb, e.pb);
        mark("sb", e.existing->sb, e.sb);
    }
    return lines;
}

QString PulledEntries::label(const EntriesPlan::Person &p)
{
    if (p.existing)
        return competitorLabel(p.existing->competitorId, p.existing->firstName,
                               p.existing->lastName);
    return competitorLabel(p.competitorId, p.firstName, p.lastName);
}

int PulledEntries::created() const
{
    int n = 0;
    for (const EntriesPlan::Person &p : plan.people)
        n += p.existing ? 0 : 1;
    return n;
}

int PulledEntries::changed() const
{
    int n = 0;
    for (const EntriesPlan::Person &p : plan.people)
        n += p.existing && (!p.changes.isEmpty() || !p.entries.isEmpty()) ? 1 : 0;
    return n;
}

QString PulledEntries::summary() const
{
    return tr("%1 new competitor(s), %2 changed, %3 new club(s); %4 unchanged; %5 only in this "
              "file (left alone)")
        .arg(created())
        .arg(changed())
        .arg(plan.teams.size())
        .arg(unchanged.size())
        .arg(fileOnly.size());
}

EntriesPull::EntriesPull(ApiClient *client, const QUrl &apiRoot, QObject *parent)
    : QObject(parent)
    , m_apiRoot(api::withTrailingSlash(apiRoot))
    , m_session(client)
    , m_reader(m_session)
{ }

EntriesPull::~EntriesPull() = default;

void EntriesPull::read(const Document &document, std::function<void(const QString &)> done)
{
    m_snapshot = {};
    const SyncState sync = SyncState::fromMeetdesk(document.meetdeskData());
    const bool sameServer = api::withTrailingSlash(sync.server()) == m_apiRoot;
    const SyncState::Record *known
        = sameServer ? sync.record(QStringLiteral("competition")) : nullptr;
    const QString slug = document.competition().slug;
    if (!known && slug.isEmpty()) {
        done(tr("The competition has no slug and was never published to or pulled from %1: "
                "give it the slug it has on OpenTrack.")
                 .arg(m_apiRoot.toDisplayString()));
        return;
    }
    const ServerReader::Wanted wanted {slug, known ? known->id : QString(),
                                       known ? known->url : QUrl()};
    m_reader.read(
        m_snapshot, m_apiRoot, wanted, [] { return QStringList(); },
        [this, done, slug](const QString &error) {
            if (!error.isEmpty())
                done(error);
            else if (!m_snapshot.competition.isObject())
                done(tr("%1 has no competition with the slug \"%2\".")
                         .arg(m_apiRoot.toDisplayString(), slug));
            else
                done({});
        });
}

Table EntriesPull::table(const ServerSnapshot &snapshot, QHash<int, QString> *rowLabels)
{
    Table table;
    table.source = tr("OpenTrack");
    Table::Row header {1, {}};
    for (const ColumnSpec &c : columnSpecs)
        header.cells.append(QLatin1StringView(c.name));
    table.rows.append(header);
    int number = 1;
    for (const QString &key : snapshot.order) {
        if (!key.startsWith(u"competitor:"))
            continue;
        const JsonValue &record = snapshot.records[key];
        QStringList cells;
        for (const ColumnSpec &c : columnSpecs) {
            if (c.field == Field::TeamName) {
                const QString team = payload::textOf(record, u"team_id");
                cells.append(
                    team.isEmpty()
                        ? QString()
                        : payload::textOf(snapshot.records.value(u"team:" + team), u"team_name"));
            } else if (c.field == Field::Events || c.field == Field::Pb || c.field == Field::Sb) {
                cells.append(QString());
            } else {
                cells.append(payload::textOf(record, QString::fromLatin1(c.name)));
            }
        }
        const QString label = competitorLabel(payload::textOf(record, u"competitor_id"),
                                              payload::textOf(record, u"first_name"),
                                              payload::textOf(record, u"last_name"));
        const int events = int(std::size(columnSpecs)) - 3;
        const JsonValue *entered = record.find(u"events_entered");
        bool any = false;
        if (entered && entered->isArray()) {
            for (const JsonValue &entry : entered->items()) {
                QString event = payload::textOf(entry, u"event_id");
                if (event.isEmpty())
                    event = payload::textOf(entry, u"event_code");
                if (event.isEmpty())
                    continue;
                QStringList row = cells;
                row[events] = event;
                row[events + 1] = payload::textOf(entry, u"pb");
                row[events + 2] = payload::textOf(entry, u"sb");
                table.rows.append({++number, row});
                if (rowLabels)
                    rowLabels->insert(number, tr("%1, event %2").arg(label, event));
                any = true;
            }
        }
        if (!any) {
            table.rows.append({++number, cells});
            if (rowLabels)
                rowLabels->insert(number, label);
        }
    }
    return table;
}

EntriesMapping EntriesPull::mapping(const Table &table)
{
    Q_UNUSED(table)
    EntriesMapping mapping;
    mapping.headerRow = 0;
    for (const ColumnSpec &c : columnSpecs)
        mapping.columns.append({c.field, QString(), QLatin1StringView(c.name)});
    mapping.dateOrder = EntriesMapping::DateOrder::DayFirst; // the server writes ISO dates
    mapping.marksAsWritten = true;
    return mapping;
}

PulledEntries EntriesPull::plan(const ServerSnapshot &snapshot, const Competition &file)
{
    PulledEntries pulled;
    const Table t = table(snapshot, &pulled.rowLabels);
    pulled.plan = EntriesImport::plan(t, mapping(t), file);
    QSet<QString> serverBibs;
    for (const QString &key : snapshot.order) {
        if (key.startsWith(u"competitor:")) {
            serverBibs.insert(key.section(u':', 1));
            ++pulled.serverCompetitors;
        }
    }
    QSet<const Competitor *> merged;
    for (const EntriesPlan::Person &p : pulled.plan.people) {
        if (!p.existing)
            continue;
        merged.insert(p.existing);
        if (p.changes.isEmpty() && p.entries.isEmpty())
            pulled.unchanged.append(competitorLabel(p.existing->competitorId, p.existing->firstName,
                                                    p.existing->lastName));
    }
    for (const auto &c : file.competitors) {
        if (!merged.contains(c.get()) && !serverBibs.contains(c->competitorId))
            pulled.fileOnly.append(competitorLabel(c->competitorId, c->firstName, c->lastName));
    }
    return pulled;
}

SyncState::Record EntriesPull::rebased(const SyncState::Record *last, const JsonValue &file,
                                       const JsonValue &server, const QString &id, const QUrl &url)
{
    SyncState::Record r;
    r.id = id;
    r.url = url;
    const JsonValue lastBase = last && last->hasBase() ? last->base() : JsonValue();
    const bool hadBase = lastBase.isObject();
    QStringList keys;
    for (const JsonMember &m : file.members())
        keys.append(m.key);
    if (hadBase) {
        for (const JsonMember &m : lastBase.members()) {
            if (!keys.contains(m.key))
                keys.append(m.key);
        }
    }
    JsonObject base;
    for (const QString &key : std::as_const(keys)) {
        const JsonValue *f = file.find(key);
        const JsonValue *s = server.isObject() ? server.find(key) : nullptr;
        if (payload::same(f, s)) {
            if (!payload::isEmpty(s))
                base.push_back({key, *s});
            continue;
        }
        if (hadBase) {
            if (const JsonValue *b = lastBase.find(key))
                base.push_back({key, *b});
            if (const JsonValue *held = findMember(last->held, key))
                r.held.push_back({key, *held});
            if (last->dropped.contains(key))
                r.dropped.append(key);
        } else if (!payload::isEmpty(s)) {
            base.push_back({key, *s});
        }
    }
    r.payload = payload::toBytes(JsonValue::object(std::move(base)));
    return r;
}

EntriesApplied EntriesPull::apply(Document &document, const PulledEntries &pulled,
                                  const ServerSnapshot &snapshot)
{
    DocumentEditor edit(document);
    edit.beginMacro(tr("Pull entries from OpenTrack"));
    EntriesChoices choices = EntriesChoices::allTeams(pulled.plan);
    choices.acceptAll = true; // what could not be read was shown, and is left out
    EntriesApplied done = EntriesApply::apply(edit, pulled.plan, choices);

    SyncState sync = SyncState::fromMeetdesk(document.meetdeskData());
    const QUrl root = api::withTrailingSlash(snapshot.apiRoot);
    if (api::withTrailingSlash(sync.server()) != root)
        sync.setServer(root);
    QHash<QString, const Node *> nodes;
    for (const auto &t : document.competition().teams)
        nodes.insert(payload::naturalKey(*t), t.get());
    for (const auto &c : document.competition().competitors)
        nodes.insert(payload::naturalKey(*c), c.get());
    for (const QString &key : snapshot.order) {
        const Node *node = nodes.value(key);
        if (!node)
            continue;
        const JsonValue &server = snapshot.records[key];
        sync.setRecord(key,
                       rebased(sync.record(key), payload::of(*node), server, payload::idOf(server),
                               root.resolved(QUrl(payload::textOf(server, u"url")))));
    }
    const JsonObject meetdesk = sync.toMeetdesk({});
    if (const JsonValue *state = findMember(meetdesk, u"sync"))
        edit.setMeetdeskValue(QStringLiteral("sync"), *state);
    edit.endMacro();
    return done;
}

} // namespace meetdesk
