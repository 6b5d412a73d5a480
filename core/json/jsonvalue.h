#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace meetdesk {

struct JsonMember;

// A JSON value that keeps what QJsonValue does not: the order of an object's keys,
// duplicate keys, and a number's text exactly as written ("1.50" stays "1.50").
// Meetdesk uses it for the keys its model does not know, so they are written back unchanged.
class JsonValue
{
public:
    enum class Type : unsigned char { Null, Bool, Number, String, Array, Object };

    JsonValue() = default;
    static JsonValue boolean(bool value);
    static JsonValue number(QString text); // text must already be a valid JSON number
    static JsonValue string(QString text);
    static JsonValue array(std::vector<JsonValue> items = {});
    static JsonValue object(std::vector<JsonMember> members = {});

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isObject() const { return m_type == Type::Object; }
    bool isArray() const { return m_type == Type::Array; }
    bool isString() const { return m_type == Type::String; }
    bool isNumber() const { return m_type == Type::Number; }

    bool toBool() const { return m_bool; }
    // The string's value, or the number's text as written.
    const QString &text() const { return m_text; }
    const std::vector<JsonValue> &items() const { return m_items; }
    std::vector<JsonValue> &items() { return m_items; }
    const std::vector<JsonMember> &members() const { return m_members; }
    std::vector<JsonMember> &members() { return m_members; }

    // Object helpers: first member with that key, or nullptr.
    const JsonValue *find(QStringView key) const;

    // A short rendering for messages: "1st" for strings, 12 for numbers, an object for objects.
    QString describe() const;

    friend bool operator==(const JsonValue &a, const JsonValue &b);
    friend bool operator!=(const JsonValue &a, const JsonValue &b) { return !(a == b); }

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    QString m_text;
    std::vector<JsonValue> m_items;
    std::vector<JsonMember> m_members;
};

struct JsonMember
{
    QString key;
    JsonValue value;
    friend bool operator==(const JsonMember &a, const JsonMember &b)
    {
        return a.key == b.key && a.value == b.value;
    }
};

// Whether text is a number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QStringView text);
// Meetdesk's one spelling of a double: whole values without a point, others in the shortest
// form that reads back as the same double; null for what JSON cannot hold (inf, nan).
QByteArray jsonNumberText(double value);

// The members of an object in the order they were read.
using JsonObject = std::vector<JsonMember>;

// First member with that key in an ordered object, or nullptr.
const JsonValue *findMember(const JsonObject &object, QStringView key);
// Removes every member with that key; returns whether any was there.
bool removeMember(JsonObject &object, QStringView key);
// Replaces the first member with that key, or appends one.
void setMember(JsonObject &object, const QString &key, JsonValue value);

} // namespace meetdesk
