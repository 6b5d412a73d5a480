#pragma once

#include "jsonvalue.h"

#include <QByteArray>
#include <QStringView>

#include <vector>

namespace meetdesk {

// Writes JSON the way Python's json.dumps(indent=2, ensure_ascii=False) does: two-space
// indent, "key": value, UTF-8, empty containers as {} and []. Deterministic, so writing the
// same model twice gives the same bytes.
class JsonWriter
{
public:
    // Compact: no white space at all (request bodies, text kept inside another document).
    enum class Layout { Indented, Compact };

    explicit JsonWriter(qsizetype reserve = 0, Layout layout = Layout::Indented);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    void key(QLatin1StringView name);

    void string(QStringView text);
    void number(qint64 value);
    void number(double value);
    void rawNumber(QStringView text); // already valid JSON number text
    void boolean(bool value);
    void null();
    void value(const JsonValue &value);

    // The text so far (indented: with a final newline); call after the last end.
    QByteArray take();

private:
    void beforeValue();
    void newline();
    void appendEscaped(QStringView text);

    QByteArray m_out;
    struct Level
    {
        bool empty = true;
    };
    std::vector<Level> m_levels;
    bool m_afterKey = false;
    bool m_compact = false;
};

} // namespace meetdesk
