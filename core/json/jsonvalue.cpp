#include "jsonvalue.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace meetdesk {

JsonValue JsonValue::boolean(bool value)
{
    JsonValue v;
    v.m_type = Type::Bool;
    v.m_bool = value;
    return v;
}

JsonValue JsonValue::number(QString text)
{
    JsonValue v;
    v.m_type = Type::Number;
    v.m_text = std::move(text);
    return v;
}

JsonValue JsonValue::string(QString text)
{
    JsonValue v;
    v.m_type = Type::String;
    v.m_text = std::move(text);
    return v;
}

JsonValue JsonValue::array(std::vector<JsonValue> items)
{
    JsonValue v;
    v.m_type = Type::Array;
    v.m_items = std::move(items);
    return v;
}

JsonValue JsonValue::object(std::vector<JsonMember> members)
{
    JsonValue v;
    v.m_type = Type::Object;
    v.m_members = std::move(members);
    return v;
}

const JsonValue *JsonValue::find(QStringView key) const
{
    return findMember(m_members, key);
}

QString JsonValue::describe() const
{
    switch (m_type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Number:
        return m_text;
    case Type::String: {
        const QString shown = m_text.size() > 40 ? m_text.left(37) + QStringLiteral("...") : m_text;
        return u'"' + shown + u'"';
    }
    case Type::Array:
        return QStringLiteral("a list");
    case Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

bool operator==(const JsonValue &a, const JsonValue &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case JsonValue::Type::Null:
        return true;
    case JsonValue::Type::Bool:
        return a.m_bool == b.m_bool;
    case JsonValue::Type::Number:
    case JsonValue::Type::String:
        return a.m_text == b.m_text;
    case JsonValue::Type::Array:
        return a.m_items == b.m_items;
    case JsonValue::Type::Object:
        return a.m_members == b.m_members;
    }
    return false;
}

bool isJsonNumber(QStringView text)
{
    const auto digit = [&](qsizetype i) {
        return i < text.size() && text[i].isDigit() && text[i].unicode() < 128;
    };
    qsizetype p = 0;
    if (p < text.size() && text[p] == u'-')
        ++p;
    if (!digit(p))
        return false;
    if (text[p] == u'0') {
        ++p;
    } else {
        while (digit(p))
            ++p;
    }
    if (p < text.size() && text[p] == u'.') {
        ++p;
        if (!digit(p))
            return false;
        while (digit(p))
            ++p;
    }
    if (p < text.size() && (text[p] == u'e' || text[p] == u'E')) {
        ++p;
        if (p < text.size() && (text[p] == u'+' || text[p] == u'-'))
            ++p;
        if (!digit(p))
            return false;
        while (digit(p))
            ++p;
    }
    return p == text.size();
}

QByteArray jsonNumberText(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null"); // JSON has no infinity
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

const JsonValue *findMember(const JsonObject &object, QStringView key)
{
    for (const JsonMember &m : object) {
        if (m.key == key)
            return &m.value;
    }
    return nullptr;
}

bool removeMember(JsonObject &object, QStringView key)
{
    const auto newEnd = std::remove_if(object.begin(), object.end(),
                                       [key](const JsonMember &m) { return m.key == key; });
    const bool removed = newEnd != object.end();
    object.erase(newEnd, object.end());
    return removed;
}

void setMember(JsonObject &object, const QString &key, JsonValue value)
{
    for (JsonMember &m : object) {
        if (m.key == key) {
            m.value = std::move(value);
            return;
        }
    }
    object.push_back({key, std::move(value)});
}

} // namespace meetdesk
