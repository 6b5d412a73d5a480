#include "jsonwriter.h"

namespace meetdesk {

JsonWriter::JsonWriter(qsizetype reserve, Layout layout)
    : m_compact(layout == Layout::Compact)
{
    if (reserve > 0)
        m_out.reserve(reserve);
}

void JsonWriter::newline()
{
    if (m_compact)
        return;
    m_out.append('\n');
    m_out.append(QByteArray(qsizetype(m_levels.size()) * 2, ' '));
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    if (!m_levels.back().empty)
        m_out.append(',');
    m_levels.back().empty = false;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_levels.push_back({});
}

void JsonWriter::endObject()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty)
        newline();
    m_out.append('}');
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_levels.push_back({});
}

void JsonWriter::endArray()
{
    endObject(); // same layout
    m_out.back() = ']';
}

void JsonWriter::key(QStringView name)
{
    beforeValue();
    appendEscaped(name);
    m_out.append(": ", m_compact ? 1 : 2);
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    m_out.append('"');
    m_out.append(name.data(), name.size()); // schema names need no escaping
    m_out.append("\": ", m_compact ? 2 : 3);
    m_afterKey = true;
}

void JsonWriter::appendEscaped(QStringView text)
{
    m_out.append('"');
    bool plain = true;
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c == u'"' || c == u'\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        m_out.append(text.toUtf8());
        m_out.append('"');
        return;
    }
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        m_out.append(text.mid(runStart, i - runStart).toUtf8());
        runStart = i + 1;
        switch (c) {
        case u'"':
            m_out.append("\\\"", 2);
            break;
        case u'\\':
            m_out.append("\\\\", 2);
            break;
        case u'\b':
            m_out.append("\\b", 2);
            break;
        case u'\f':
            m_out.append("\\f", 2);
            break;
        case u'\n':
            m_out.append("\\n", 2);
            break;
        case u'\r':
            m_out.append("\\r", 2);
            break;
        case u'\t':
            m_out.append("\\t", 2);
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xF], hex[c & 0xF]};
            m_out.append(escaped, 6);
        }
        }
    }
    m_out.append(text.mid(runStart).toUtf8());
    m_out.append('"');
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    appendEscaped(text);
}

void JsonWriter::number(qint64 value)
{
    beforeValue();
    m_out.append(QByteArray::number(value));
}

void JsonWriter::number(double value)
{
    beforeValue();
    m_out.append(jsonNumberText(value));
}

void JsonWriter::rawNumber(QStringView text)
{
    beforeValue();
    m_out.append(text.toLatin1());
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null", 4);
}

void JsonWriter::value(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        null();
        break;
    case JsonValue::Type::Bool:
        boolean(v.toBool());
        break;
    case JsonValue::Type::Number:
        rawNumber(v.text());
        break;
    case JsonValue::Type::String:
        string(v.text());
        break;
    case JsonValue::Type::Array:
        beginArray();
        for (const JsonValue &item : v.items())
            value(item);
        endArray();
        break;
    case JsonValue::Type::Object:
        beginObject();
        for (const JsonMember &m : v.members()) {
            key(QStringView(m.key));
            value(m.value);
        }
        endObject();
        break;
    }
}

QByteArray JsonWriter::take()
{
    if (!m_compact)
        m_out.append('\n');
    return std::move(m_out);
}

} // namespace meetdesk
