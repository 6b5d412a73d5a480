#include "payload.h"

#include "model/schema.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace meetdesk::payload {

namespace {

QJsonValue toJson(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        return QJsonValue::Null;
    case JsonValue::Type::Bool:
        return v.toBool();
    case JsonValue::Type::Number: {
        bool isInt = false;
        const qint64 i = v.text().toLongLong(&isInt);
        return isInt ? QJsonValue(i) : QJsonValue(v.text().toDouble());
    }
    case JsonValue::Type::String:
        return v.text();
    case JsonValue::Type::Array: {
        QJsonArray a;
        for (const JsonValue &item : v.items())
            a.append(toJson(item));
        return a;
    }
    case JsonValue::Type::Object: {
        QJsonObject o;
        for (const JsonMember &m : v.members())
            o.insert(m.key, toJson(m.value));
        return o;
    }
    }
    return {};
}

// Typed fields that are set, with their current names, then the unknown keys.
template<class N> QJsonObject fieldsOf(const N &node)
{
    QJsonObject out;
    for (const FieldSpec<N> &f : meetdesk::fieldsOf<N>()) {
        if (!isSet(node, f))
            continue;
        const QString name(f.name);
        std::visit(
            [&](auto member) {
                const auto &v = node.*member;
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, QString>)
                    out.insert(name, v);
                else if constexpr (std::is_same_v<V, std::optional<int>>)
                    out.insert(name, *v);
                else if constexpr (std::is_same_v<V, std::optional<double>>)
                    out.insert(name, *v);
                else if constexpr (std::is_same_v<V, QDate>)
                    out.insert(name, v.toString(Qt::ISODate));
                else if (f.type == FieldType::CommaList)
                    out.insert(name, v->join(u','));
                else
                    out.insert(name, QJsonArray::fromStringList(*v));
            },
            f.member);
    }
    for (const JsonMember &m : node.extras) {
        if (!out.contains(m.key) && !m.value.isNull())
            out.insert(m.key, toJson(m.value));
    }
    return out;
}

template<class N> QJsonArray listOf(const NodeList<N> &nodes)
{
    QJsonArray out;
    for (const auto &n : nodes)
        out.append(fieldsOf(*n));
    return out;
}

// One comparable text for a scalar: numbers and numeric text alike.
QString scalarText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        return ok && !v.toString().contains(u':') ? QString::number(d, 'g', 15) : v.toString();
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return QString::fromUtf8(
        QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
            .toJson(QJsonDocument::Compact));
}

void compare(const QJsonValue &sent, const QJsonValue &echo, const QString &path,
             QStringList &missing)
{
    if (sent.isObject()) {
        const QJsonObject s = sent.toObject();
        const QJsonObject e = echo.toObject();
        for (auto it = s.begin(); it != s.end(); ++it) {
            const QString key = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (!e.contains(it.key()))
                missing.append(key);
            else
                compare(it.value(), e.value(it.key()), key, missing);
        }
        return;
    }
    if (sent.isArray()) {
        const QJsonArray s = sent.toArray();
        const QJsonArray e = echo.toArray();
        for (qsizetype i = 0; i < s.size(); ++i) {
            const QString key = path + u'[' + QString::number(i) + u']';
            if (i >= e.size())
                missing.append(key);
            else
                compare(s[i], e[i], key, missing);
        }
        return;
    }
    if (scalarText(sent) != scalarText(echo))
        missing.append(path);
}

} // namespace

QJsonObject competition(const Competition &c)
{
    return fieldsOf(c);
}

QJsonObject team(const Team &t)
{
    return fieldsOf(t);
}

QJsonObject competitor(const Competitor &c)
{
    QJsonObject out = fieldsOf(c);
    out.insert(QStringLiteral("events_entered"), listOf(c.eventsEntered));
    return out;
}

QJsonObject relayTeam(const RelayTeam &r)
{
    return fieldsOf(r);
}

QJsonObject event(const Event &e)
{
    QJsonObject out = fieldsOf(e);
    if (!e.results.empty())
        out.insert(QStringLiteral("results"), listOf(e.results));
    return out;
}

QJsonObject unit(const Unit &u)
{
    QJsonObject out = fieldsOf(u);
    out.remove(QStringLiteral("round")); // the unit's address on the server, not a change
    out.remove(QStringLiteral("heat"));
    out.insert(QStringLiteral("results"), listOf(u.results));
    out.insert(QStringLiteral("trials"), listOf(u.trials));
    return out;
}

QJsonObject of(const Node &node)
{
    switch (node.kind()) {
    case NodeKind::Competition:
        return competition(static_cast<const Competition &>(node));
    case NodeKind::Team:
        return team(static_cast<const Team &>(node));
    case NodeKind::Competitor:
        return competitor(static_cast<const Competitor &>(node));
    case NodeKind::RelayTeam:
        return relayTeam(static_cast<const RelayTeam &>(node));
    case NodeKind::Event:
        return event(static_cast<const Event &>(node));
    case NodeKind::Unit:
        return unit(static_cast<const Unit &>(node));
    default:
        return {};
    }
}

QString naturalKey(const Node &node)
{
    switch (node.kind()) {
    case NodeKind::Competition:
        return QStringLiteral("competition");
    case NodeKind::Team: {
        const auto &t = static_cast<const Team &>(node);
        return t.teamId.isEmpty() ? QString() : QStringLiteral("team:") + t.teamId;
    }
    case NodeKind::Competitor: {
        const auto &c = static_cast<const Competitor &>(node);
        return c.competitorId.isEmpty() ? QString()
                                        : QStringLiteral("competitor:") + c.competitorId;
    }
    case NodeKind::RelayTeam: {
        const auto &r = static_cast<const RelayTeam &>(node);
        return r.relayTeamId.isEmpty() ? QString() : QStringLiteral("relay_team:") + r.relayTeamId;
    }
    case NodeKind::Event: {
        const auto &e = static_cast<const Event &>(node);
        return e.eventId.isEmpty() ? QString() : QStringLiteral("event:") + e.eventId;
    }
    case NodeKind::Unit: {
        const auto &u = static_cast<const Unit &>(node);
        const auto *e = static_cast<const Event *>(u.parent());
        if (!e || e->eventId.isEmpty() || !u.round || !u.heat)
            return {};
        return QStringLiteral("unit:%1/%2/%3").arg(e->eventId).arg(*u.round).arg(*u.heat);
    }
    default:
        return {};
    }
}

QString hash(const QJsonObject &payload)
{
    // QJsonDocument writes object keys sorted, so equal content gives equal bytes.
    const QByteArray bytes = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex().left(16));
}

QStringList notStored(const QJsonObject &sent, const QJsonObject &echo)
{
    QStringList missing;
    compare(sent, echo, QString(), missing);
    return missing;
}

namespace {
bool isEmptyValue(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty())
        || (v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty());
}

QJsonValue emptyLike(const QJsonValue &v)
{
    if (v.isString())
        return QString();
    if (v.isArray())
        return QJsonArray();
    return QJsonValue::Null;
}

} // namespace

bool serverAgrees(const QJsonObject &sent, const QJsonObject &server)
{
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (!server.contains(it.key()))
            continue;
        QStringList differences;
        compare(it.value(), server.value(it.key()), it.key(), differences);
        if (!differences.isEmpty())
            return false;
    }
    return true;
}

QJsonObject withClears(const QJsonObject &sent, const QJsonObject &server,
                       const QStringList &sentBefore)
{
    QJsonObject out = sent;
    for (const QString &key : sentBefore) {
        if (!sent.contains(key) && server.contains(key) && !isEmptyValue(server.value(key)))
            out.insert(key, emptyLike(server.value(key)));
    }
    return out;
}

} // namespace meetdesk::payload
