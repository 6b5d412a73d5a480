#include "serverversion.h"

#include "payload.h"
#include "serverreader.h"

#include "edit/documenteditor.h"
#include "format/opentrackreader.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::ServerVersion", text, nullptr, n);
}

ListId listFor(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Team:
        return ListId::Teams;
    case NodeKind::RelayTeam:
        return ListId::RelayTeams;
    case NodeKind::Event:
        return ListId::Events;
    case NodeKind::Unit:
        return ListId::Units;
    default:
        return ListId::Competitors;
    }
}

NodeKind kindOfKey(const QString &key)
{
    const QString kind = key.section(u':', 0, 0);
    return kind == u"team"      ? NodeKind::Team
        : kind == u"relay_team" ? NodeKind::RelayTeam
        : kind == u"event"      ? NodeKind::Event
                                : NodeKind::Competitor;
}

// A record read by the file reader (so the server's JSON is typed exactly as a file's would
// be), from a nested competition holding only it.
std::unique_ptr<Node> readRecord(NodeKind kind, const JsonValue &record, const QString &eventId)
{
    const ListId list = listFor(kind);
    JsonValue nested;
    if (kind == NodeKind::Unit) {
        const JsonValue event
            = JsonValue::object({{QStringLiteral("event_id"), JsonValue::string(eventId)},
                                 {QStringLiteral("units"), JsonValue::array({record})}});
        nested = JsonValue::object({{QStringLiteral("events"), JsonValue::array({event})}});
    } else {
        const QString name = list == ListId::Teams ? QStringLiteral("teams")
            : list == ListId::RelayTeams           ? QStringLiteral("relay_teams")
            : list == ListId::Events               ? QStringLiteral("events")
                                                   : QStringLiteral("competitors");
        nested = JsonValue::object({{name, JsonValue::array({record})}});
    }
    ReadResult read = OpenTrackReader::read(payload::toBytes(nested));
    if (!read.ok())
        return {};
    Node *parent = read.competition.get();
    if (kind == NodeKind::Unit) {
        if (read.competition->events.empty())
            return {};
        parent = read.competition->events.front().get();
    }
    if (children::count(*parent, list) != 1)
        return {};
    std::unique_ptr<Node> node = children::take(*parent, list, 0);
    node->setParent(nullptr);
    return node;
}

// The file's payload with the server's values of these fields.
JsonObject merged(const Node &node, const ServerVersion::Take &take)
{
    JsonObject out = payload::of(node).members();
    for (const QString &field : take.fields) {
        removeMember(out, field);
        if (const JsonValue *value = take.server.find(field); !payload::isEmpty(value))
            out.push_back({field, *value});
    }
    return out;
}

QString takeCompetitionFields(DocumentEditor &edit, const Node &competition,
                              const ServerVersion::Take &take)
{
    QStringList notTaken;
    ReadResult read
        = OpenTrackReader::read(payload::toBytes(JsonValue::object(merged(competition, take))));
    for (const QString &field : take.fields) {
        const int index
            = fields::indexOf(NodeKind::Competition, QLatin1StringView(field.toLatin1()));
        if (index < 0 || !read.ok())
            notTaken.append(tr("%1: %2 (not a field Meetdesk can set)").arg(take.label, field));
        else
            edit.setValue(competition, index, fields::value(*read.competition, index));
    }
    return notTaken.join(u'\n');
}

} // namespace

QString ServerVersion::take(Document &document, const QList<Take> &takes)
{
    if (takes.isEmpty())
        return {};
    QStringList notTaken;
    DocumentEditor edit(document);
    edit.beginMacro(tr("Take OpenTrack's version of %n record(s)", int(takes.size())));
    for (const Take &take : takes) {
        const Node *node = take.node;
        if (!node) {
            // Deleted in the file, changed on OpenTrack: it comes back as OpenTrack has it.
            const NodeKind kind = kindOfKey(take.key);
            std::unique_ptr<Node> back
                = readRecord(kind, ServerSnapshot::fileRecord(take.server), {});
            if (back)
                edit.append(document.competition(), listFor(kind), std::move(back));
            else
                notTaken.append(tr("%1: OpenTrack's version could not be read").arg(take.key));
            continue;
        }
        if (node->kind() == NodeKind::Competition) {
            if (const QString left = takeCompetitionFields(edit, *node, take); !left.isEmpty())
                notTaken.append(left);
            continue;
        }
        JsonObject record = merged(*node, take);
        QString eventId;
        if (node->kind() == NodeKind::Unit) {
            const auto &unit = static_cast<const Unit &>(*node);
            eventId = static_cast<const Event *>(unit.parent())->eventId;
            record.insert(
                record.begin(),
                {{QStringLiteral("round"), JsonValue::number(QString::number(*unit.round))},
                 {QStringLiteral("heat"), JsonValue::number(QString::number(*unit.heat))}});
        }
        std::unique_ptr<Node> replacement
            = readRecord(node->kind(), JsonValue::object(std::move(record)), eventId);
        if (!replacement) {
            notTaken.append(tr("%1: OpenTrack's version could not be read").arg(take.label));
            continue;
        }
        if (node->kind() == NodeKind::Event) {
            const auto &event = static_cast<const Event &>(*node);
            for (size_t i = 0; i < event.units.size(); ++i)
                children::insert(*replacement, ListId::Units, int(i),
                                 children::clone(*event.units[i]));
        }
        const Node &parent = *node->parent();
        const ListId list = children::listOf(*node);
        const int index = children::indexOf(*node);
        edit.remove({node});
        edit.insert(parent, list, index, std::move(replacement));
    }
    edit.endMacro();
    return notTaken.join(u'\n');
}

} // namespace meetdesk
