#include "payload.h"

#include "model/schema.h"
#include "json/jsonpullparser.h"
#include "json/jsonwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <cmath>
#include <optional>

namespace meetdesk::payload {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::payload", text, nullptr, n);
}

QString numberText(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// One schema field's value as JSON. Every field of every kind goes through here, so a field
// whose JSON type the file layer remembers (a text field that was written as a number) only
// needs this one place to learn it.
template<class N> JsonValue fieldJson(const N &node, const FieldSpec<N> &f)
{
    return std::visit(
        [&](auto member) -> JsonValue {
            const auto &v = node.*member;
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, QString>) {
                return JsonValue::string(v);
            } else if constexpr (std::is_same_v<V, std::optional<int>>) {
                return JsonValue::number(QString::number(*v));
            } else if constexpr (std::is_same_v<V, std::optional<double>>) {
                return std::isfinite(*v) ? JsonValue::number(numberText(*v)) : JsonValue();
            } else if constexpr (std::is_same_v<V, QDate>) {
                return JsonValue::string(v.toString(Qt::ISODate));
            } else {
                if (f.type == FieldType::CommaList)
                    return JsonValue::string(v->join(u','));
                std::vector<JsonValue> items;
                items.reserve(size_t(v->size()));
                for (const QString &item : *v)
                    items.push_back(JsonValue::string(item));
                return JsonValue::array(std::move(items));
            }
        },
        f.member);
}

// Typed fields that are set (or the raw value the reader kept for them), with their current
// names, then the unknown keys in their order.
template<class N> JsonObject fieldsOf(const N &node)
{
    JsonObject out;
    std::vector<bool> used(node.extras.size(), false);
    for (const FieldSpec<N> &f : meetdesk::fieldsOf<N>()) {
        if (isSet(node, f)) {
            out.push_back({QString(f.name), fieldJson(node, f)});
            continue;
        }
        for (size_t i = 0; i < node.extras.size(); ++i) {
            if (!used[i] && f.matches(QStringView(node.extras[i].key))) {
                used[i] = true;
                if (!node.extras[i].value.isNull())
                    out.push_back({QString(f.name), node.extras[i].value});
                break;
            }
        }
    }
    for (size_t i = 0; i < node.extras.size(); ++i) {
        const JsonMember &m = node.extras[i];
        if (!used[i] && !m.value.isNull() && !findMember(out, m.key))
            out.push_back(m);
    }
    return out;
}

template<class N> JsonValue listOf(const NodeList<N> &nodes)
{
    std::vector<JsonValue> items;
    items.reserve(nodes.size());
    for (const auto &n : nodes)
        items.push_back(JsonValue::object(fieldsOf(*n)));
    return JsonValue::array(std::move(items));
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// A JSON number's value as canonical text ("51.40850" -> "514085e-4", "800" -> "8e2"), so two
// spellings of one value compare equal and no digit is lost to a double. Nothing for text
// that is not a JSON number ("1:59.87", "0800", "+1.2").
std::optional<QString> canonicalNumber(QStringView s)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    const bool negative = i < n && s[i] == u'-';
    if (negative)
        ++i;
    if (i >= n || !isDigit(s[i]))
        return std::nullopt;
    QString digits;
    if (s[i] == u'0') {
        digits += u'0';
        ++i;
    } else {
        while (i < n && isDigit(s[i]))
            digits += s[i++];
    }
    qint64 exponent = 0;
    if (i < n && s[i] == u'.') {
        ++i;
        if (i >= n || !isDigit(s[i]))
            return std::nullopt;
        while (i < n && isDigit(s[i])) {
            digits += s[i++];
            --exponent;
        }
    }
    if (i < n && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        bool minus = false;
        if (i < n && (s[i] == u'+' || s[i] == u'-'))
            minus = s[i++] == u'-';
        const qsizetype start = i;
        while (i < n && isDigit(s[i]))
            ++i;
        if (i == start || i - start > 9)
            return std::nullopt;
        const qint64 e = s.mid(start, i - start).toLongLong();
        exponent += minus ? -e : e;
    }
    if (i != n)
        return std::nullopt;
    qsizetype first = 0;
    while (first < digits.size() - 1 && digits[first] == u'0')
        ++first;
    digits = digits.mid(first);
    if (digits == u"0")
        return QStringLiteral("0");
    while (digits.endsWith(u'0')) {
        digits.chop(1);
        ++exponent;
    }
    return (negative ? QStringLiteral("-") : QString()) + digits + u'e' + QString::number(exponent);
}

std::optional<QString> numericValue(const JsonValue &v)
{
    if (v.isNumber() || v.isString())
        return canonicalNumber(v.text());
    return std::nullopt;
}

void compareSent(const JsonValue &sent, const JsonValue *echo, const QString &path,
                 QStringList &missing)
{
    if (sent.isObject()) {
        for (const JsonMember &m : sent.members()) {
            const QString key = path.isEmpty() ? m.key : path + u'.' + m.key;
            const JsonValue *e = echo && echo->isObject() ? echo->find(m.key) : nullptr;
            if (!e)
                missing.append(key);
            else
                compareSent(m.value, e, key, missing);
        }
        return;
    }
    if (sent.isArray() && !sent.items().empty()) {
        const std::vector<JsonValue> none;
        const std::vector<JsonValue> &e = echo && echo->isArray() ? echo->items() : none;
        for (size_t i = 0; i < sent.items().size(); ++i) {
            const QString key = path + u'[' + QString::number(i) + u']';
            if (i >= e.size())
                missing.append(key);
            else
                compareSent(sent.items()[i], &e[i], key, missing);
        }
        return;
    }
    if (!same(&sent, echo))
        missing.append(path);
}

// "bib 101", "bib 114, round 3", "bib 114, height 1.80": how a list item is told apart.
QString itemLabel(const JsonValue &item)
{
    if (!item.isObject() || !item.find(u"bib"))
        return {};
    QString label = QStringLiteral("bib ") + textOf(item, u"bib");
    for (const char *key : {"event_id", "round", "height"}) {
        const QString value = textOf(item, QString::fromLatin1(key));
        if (!value.isEmpty())
            label += QStringLiteral(", ") + QLatin1StringView(key) + u' ' + value;
    }
    return label;
}

void collectDifferences(const JsonValue *a, const JsonValue *b, const QString &path,
                        QStringList &out)
{
    if (same(a, b))
        return;
    const auto join = [&path](const QString &part) {
        return path.isEmpty() ? part : path + u'.' + part;
    };
    if (a && b && a->isObject() && b->isObject()) {
        for (const JsonMember &m : a->members())
            collectDifferences(&m.value, b->find(m.key), join(m.key), out);
        for (const JsonMember &m : b->members()) {
            if (!a->find(m.key))
                collectDifferences(nullptr, &m.value, join(m.key), out);
        }
        return;
    }
    const bool aList = a && a->isArray();
    const bool bList = b && b->isArray();
    if ((aList || isEmpty(a)) && (bList || isEmpty(b)) && (aList || bList)) {
        const std::vector<JsonValue> none;
        const auto &x = aList ? a->items() : none;
        const auto &y = bList ? b->items() : none;
        bool labelled = true;
        for (const auto *list : {&x, &y}) {
            for (const JsonValue &item : *list)
                labelled = labelled && !itemLabel(item).isEmpty();
        }
        if (labelled) {
            QStringList order;
            QHash<QString, const JsonValue *> left, right;
            for (const JsonValue &item : x) {
                order.append(itemLabel(item));
                left.insert(order.last(), &item);
            }
            for (const JsonValue &item : y) {
                const QString label = itemLabel(item);
                if (!left.contains(label))
                    order.append(label);
                right.insert(label, &item);
            }
            for (const QString &label : std::as_const(order))
                collectDifferences(left.value(label), right.value(label),
                                   path + u'[' + label + u']', out);
            return;
        }
        for (size_t i = 0; i < std::max(x.size(), y.size()); ++i)
            collectDifferences(i < x.size() ? &x[i] : nullptr, i < y.size() ? &y[i] : nullptr,
                               path + u'[' + QString::number(i) + u']', out);
        return;
    }
    out.append(path);
}

} // namespace

JsonValue of(const Node &node)
{
    switch (node.kind()) {
    case NodeKind::Competition:
        return JsonValue::object(fieldsOf(static_cast<const Competition &>(node)));
    case NodeKind::Team:
        return JsonValue::object(fieldsOf(static_cast<const Team &>(node)));
    case NodeKind::RelayTeam:
        return JsonValue::object(fieldsOf(static_cast<const RelayTeam &>(node)));
    case NodeKind::Competitor: {
        const auto &c = static_cast<const Competitor &>(node);
        JsonObject out = fieldsOf(c);
        setMember(out, QStringLiteral("events_entered"), listOf(c.eventsEntered));
        return JsonValue::object(std::move(out));
    }
    case NodeKind::Event: {
        const auto &e = static_cast<const Event &>(node);
        JsonObject out = fieldsOf(e);
        if (!e.results.empty())
            setMember(out, QStringLiteral("results"), listOf(e.results));
        return JsonValue::object(std::move(out));
    }
    case NodeKind::Unit: {
        const auto &u = static_cast<const Unit &>(node);
        JsonObject out = fieldsOf(u);
        removeMember(out, u"round");
        removeMember(out, u"heat");
        setMember(out, QStringLiteral("results"), listOf(u.results));
        setMember(out, QStringLiteral("trials"), listOf(u.trials));
        return JsonValue::object(std::move(out));
    }
    default:
        return {};
    }
}

QString naturalKey(const Node &node)
{
    const auto keyed = [](const char *kind, const QString &value) {
        return value.isEmpty() ? QString() : QLatin1StringView(kind) + u':' + value;
    };
    switch (node.kind()) {
    case NodeKind::Competition:
        return QStringLiteral("competition");
    case NodeKind::Team:
        return keyed("team", static_cast<const Team &>(node).teamId);
    case NodeKind::Competitor:
        return keyed("competitor", static_cast<const Competitor &>(node).competitorId);
    case NodeKind::RelayTeam:
        return keyed("relay_team", static_cast<const RelayTeam &>(node).relayTeamId);
    case NodeKind::Event:
        return keyed("event", static_cast<const Event &>(node).eventId);
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

bool isEmpty(const JsonValue *v)
{
    if (!v)
        return true;
    switch (v->type()) {
    case JsonValue::Type::Null:
        return true;
    case JsonValue::Type::String:
        return v->text().isEmpty();
    case JsonValue::Type::Array:
        return v->items().empty();
    case JsonValue::Type::Object:
        return std::all_of(v->members().begin(), v->members().end(),
                           [](const JsonMember &m) { return isEmpty(&m.value); });
    default:
        return false;
    }
}

bool same(const JsonValue *a, const JsonValue *b)
{
    const bool emptyA = isEmpty(a);
    const bool emptyB = isEmpty(b);
    if (emptyA || emptyB)
        return emptyA && emptyB;
    if ((a->isNumber() || a->isString()) && (b->isNumber() || b->isString())) {
        const std::optional<QString> x = numericValue(*a);
        const std::optional<QString> y = numericValue(*b);
        if (x && y)
            return *x == *y;
        return a->type() == b->type() && a->text() == b->text();
    }
    if (a->type() != b->type())
        return false;
    switch (a->type()) {
    case JsonValue::Type::Bool:
        return a->toBool() == b->toBool();
    case JsonValue::Type::Array:
        if (a->items().size() != b->items().size())
            return false;
        for (size_t i = 0; i < a->items().size(); ++i) {
            if (!same(&a->items()[i], &b->items()[i]))
                return false;
        }
        return true;
    case JsonValue::Type::Object:
        for (const JsonMember &m : a->members()) {
            if (!same(&m.value, b->find(m.key)))
                return false;
        }
        for (const JsonMember &m : b->members()) {
            if (!a->find(m.key) && !isEmpty(&m.value))
                return false;
        }
        return true;
    default:
        return false;
    }
}

QStringList notStored(const JsonValue &sent, const JsonValue &echo)
{
    QStringList missing;
    compareSent(sent, &echo, QString(), missing);
    return missing;
}

QStringList differences(const JsonValue &a, const JsonValue &b)
{
    QStringList out;
    collectDifferences(&a, &b, QString(), out);
    return out;
}

QString show(const JsonValue &value)
{
    if (isEmpty(&value))
        return tr("(empty)");
    switch (value.type()) {
    case JsonValue::Type::Array:
        return tr("%n item(s)", int(value.items().size()));
    case JsonValue::Type::Object:
        return QString::fromUtf8(toBytes(value)).simplified();
    default:
        return value.describe();
    }
}

QByteArray toBytes(const JsonValue &value)
{
    JsonWriter w(0, JsonWriter::Layout::Compact);
    w.value(value);
    return w.take();
}

JsonValue parse(QByteArrayView body, QString *error)
{
    if (body.trimmed().isEmpty())
        return {};
    JsonPullParser parser(body);
    JsonValue value = parser.readValue();
    if (!parser.hasError())
        parser.finish();
    if (parser.hasError()) {
        if (error)
            *error = parser.errorMessage();
        return {};
    }
    return value;
}

QString textOf(const JsonValue &record, QStringView key)
{
    const JsonValue *v = record.isObject() ? record.find(key) : nullptr;
    return v && (v->isString() || v->isNumber()) ? v->text() : QString();
}

QString idOf(const JsonValue &record)
{
    return textOf(record, u"id");
}

} // namespace meetdesk::payload
